package html

import (
	"path/filepath"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/internal/golden"
)

// TestGolden compares whole pages with files reviewed by hand, so that any
// change to the markup shows up as a diff. Run with -update after an
// intended change, and read the diff before committing it.
func TestGolden(t *testing.T) {
	tests := []struct {
		file string
		book func() *book.Book
	}{
		{"sample.html.golden", booktest.Sample},
		{"book-end.html.golden", func() *book.Book {
			b := booktest.Sample()
			b.Notes.Placement = book.PlaceBookEnd
			b.Back = append([]*book.Chapter{{Kind: book.KindNotes, ID: "notes"}}, b.Back...)
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out, _ := renderBook(t, tt.book())
			golden.Check(t, filepath.Join("testdata", tt.file), out)
		})
	}
}
