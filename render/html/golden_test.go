package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

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
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("page differs from %s at line %d (run go test -update and review the diff)", path, firstDiffLine(out, want))
			}
		})
	}
}

// firstDiffLine returns the first line, counted from 1, where a and b
// differ.
func firstDiffLine(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}
