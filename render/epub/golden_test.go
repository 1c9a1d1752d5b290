package epub

import (
	"path/filepath"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/internal/golden"
)

// TestGolden compares generated files with reviewed copies in testdata/.
// Run `go test ./render/epub -run Golden -update` after an intended
// change and review the diff.
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		book   func() *book.Book
		file   string
	}{
		{"sample.opf", booktest.Sample, opfPath},
		{"full.opf", sampleFull, opfPath},
		{"sample-nav.xhtml", booktest.Sample, "OEBPS/text/nav.xhtml"},
		{"sample-toc.ncx", booktest.Sample, opfDir + ncxHref},
		{"sample-the-press.xhtml", booktest.Sample, "OEBPS/text/the-press.xhtml"},
		{"book-end-notes.xhtml", sampleBookEndWithDivision, "OEBPS/text/notes.xhtml"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got := unpack(t, mustRender(t, tt.book())).must(t, tt.file)
			golden.Check(t, filepath.Join("testdata", tt.golden+".golden"), []byte(got))
		})
	}
}
