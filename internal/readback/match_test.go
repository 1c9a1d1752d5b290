package readback

import "testing"

func TestInOrder(t *testing.T) {
	pdf := "Chapter One\nThe first para-\ngraph runs on.\n1 A note.\n12\n\fThe Book\nand ends here. Second\nparagraph.\f"
	tests := []struct {
		name  string
		texts []string
		ok    bool
	}{
		{"in order across a page", []string{"Chapter One", "The first paragraph runs on and ends here.", "Second paragraph."}, true},
		{"out of order", []string{"Second paragraph.", "Chapter One"}, false},
		{"missing words", []string{"The first paragraph runs off"}, false},
		{"gap within a page is not allowed", []string{"Chapter One runs on"}, false},
		{"punctuation and case ignored", []string{"THE FIRST — paragraph, “runs” on…"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := NewStream(pdf).InOrder(tt.texts)
			if (err == nil) != tt.ok {
				t.Errorf("InOrder = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
