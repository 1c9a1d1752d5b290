package readback

import "testing"

func TestInOrder(t *testing.T) {
	pdf := "Chapter One\nThe first para-\ngraph runs on.\n1 A note.\n12\n\fThe Book\nand ends here. Second\nparagraph.\f"
	tests := []struct {
		name  string
		texts []Item
		ok    bool
	}{
		{"in order across a page", []Item{{Text: "Chapter One"}, {Text: "The first paragraph runs on and ends here."}, {Text: "Second paragraph."}}, true},
		{"out of order", []Item{{Text: "Second paragraph."}, {Text: "Chapter One"}}, false},
		{"missing words", []Item{{Text: "The first paragraph runs off"}}, false},
		{"gap within a page is not allowed", []Item{{Text: "Chapter One runs on"}}, false},
		{"table cells in any order", []Item{{Text: "Chapter One"}, {Cells: []string{"runs on", "first"}}, {Text: "Second"}}, true},
		{"punctuation and case ignored", []Item{{Text: "THE FIRST — paragraph, “runs” on…"}}, true},
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

func TestNoFalseResume(t *testing.T) {
	// "three" must not match "th" on one page and "ree" on the next.
	s := NewStream("the other\fagree three")
	end, ok := s.find([]rune("three"), 0)
	if !ok || end != len(s.chars) {
		t.Errorf("find(three) = %d, %v; want the real word at %d", end, ok, len(s.chars))
	}
}
