package readback

import (
	"strings"
	"testing"

	"samizdat/book/booktest"
)

func TestExpectSample(t *testing.T) {
	e := Expect(booktest.Sample())
	var texts []string
	for _, it := range e.Body {
		texts = append(texts, it.Text)
	}
	body := strings.Join(texts, "|")
	for _, want := range []string{"The Free Press", "Licensing", "above all liberties.", "|2|", "Format Pages A5 48 A6 96", "A Letter from the Coast"} {
		if !strings.Contains(body, want) {
			t.Errorf("expected body lacks %q:\n%s", want, body)
		}
	}
	if len(e.Notes) != 4 || !strings.Contains(e.Notes[2].Text, "another item") {
		t.Errorf("notes = %q", e.Notes)
	}
	if strings.Contains(body, "For the printers") {
		t.Error("front matter is not part of the body")
	}
}
