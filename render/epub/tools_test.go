package epub

import (
	"os"
	"path/filepath"
	"testing"

	"samizdat/book"
	"samizdat/book/load"
)

// namedBook is a book judged by the external tools, with its name.
type namedBook struct {
	name string
	book *book.Book
}

// toolBooks are the books every external tool judges: every sample book
// in manuscripts/ as the loader reads it and the stress book with each
// note placement.
func toolBooks(t *testing.T) []namedBook {
	t.Helper()
	root := filepath.Join("..", "..", "manuscripts")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("reading the sample books: %v", err)
	}
	var out []namedBook
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		res, err := load.Load(filepath.Join(root, e.Name()))
		if err != nil {
			t.Fatalf("loading %s: %v", e.Name(), err)
		}
		out = append(out, namedBook{e.Name(), res.Book})
	}
	if len(out) < 2 {
		t.Fatalf("found %d sample books in %s; want at least two", len(out), root)
	}
	for _, v := range stressVariants() {
		out = append(out, namedBook{v.name, v.book()})
	}
	return out
}

// writeEPUB renders b into a temporary file and returns its path.
func writeEPUB(t *testing.T, name string, b *book.Book) string {
	t.Helper()
	data, _ := renderBook(t, b)
	path := filepath.Join(t.TempDir(), name+".epub")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestStressEpubcheck validates the stress book with each note placement
// with EPUBCheck: no fatals, errors or warnings, and no warning from the
// renderer. (The sample books are validated by cmd/samizdat's
// TestSampleBooks and by .ci/run, the variants by TestEpubcheck.)
func TestStressEpubcheck(t *testing.T) {
	for _, v := range stressVariants() {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			data, warnings := renderBook(t, v.book())
			for _, w := range warnings {
				t.Errorf("warning: %s", w)
			}
			runEpubcheck(t, v.name, data)
		})
	}
}
