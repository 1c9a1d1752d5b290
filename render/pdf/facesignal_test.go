package pdf

import (
	"strings"
	"testing"
	"time"

	"samizdat/book"
)

func TestFaceSignalEmbedsTheFacesThePagesSet(t *testing.T) {
	fs, err := loadFaces(nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDocument(300, 400, fs, book.Metadata{Title: "Faces"}, "en", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	s := newFaceSignal()
	done := make(chan error, 1)
	go func() { done <- s.embed(d) }()
	// Bold shows before italic does, and a page of nothing but spaces
	// in mono sets nothing.
	s.page(&Page{Content: Content{Texts: []Text{{Font: FontBold, Text: "Bold"}, {Font: FontMono, Text: "   "}}}})
	select {
	case err := <-done:
		t.Fatalf("embedding finished (%v) before the pages were all made", err)
	case <-time.After(20 * time.Millisecond):
	}
	s.page(&Page{Content: Content{Texts: []Text{{Font: FontItalic, Text: "italic"}, {Font: FontBold, Text: "again"}}}})
	s.close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	want := [numFonts]bool{FontRegular: true, FontItalic: true, FontBold: true}
	if d.embedded != want {
		t.Errorf("embedded %v, want %v", d.embedded, want)
	}
}

func TestTextBeyondTheBMPIsDrawnAndRegisteredAsReplacement(t *testing.T) {
	fs, err := loadFaces(nil)
	if err != nil {
		t.Fatal(err)
	}
	pg := &Page{Width: 300, Height: 400, Content: Content{Texts: []Text{{X: 10, Y: 20, Font: FontItalic, Size: 10, Text: "A \U0001F4D6 head"}}}}
	texts, runes := setTexts([]*Page{pg}, fs)
	if !runes[FontItalic]['\uFFFD'] || runes[FontItalic]['\U0001F4D6'] {
		t.Errorf("the italic face registers %v; want U+FFFD in place of U+1F4D6", runes[FontItalic])
	}
	if len(texts[0]) != 1 || !strings.Contains(texts[0][0].ops, "\xff\xfd") {
		t.Errorf("the run is not drawn with U+FFFD: %+v", texts[0])
	}
}
