package load

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"samizdat/book"
	"samizdat/internal/digest"
)

// TestCacheReadsOnlyChangedManuscripts loads a copy of the handbook three
// times through one cache — as it is, with one chapter changed, and with a
// heading added that takes an id a later chapter had — and checks each
// time that only the manuscripts that had to be were parsed and that the
// book equals one loaded without a cache.
func TestCacheReadsOnlyChangedManuscripts(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "manuscripts", "handbook"))); err != nil {
		t.Fatal(err)
	}
	cache := &Cache{}
	load := func() *Result {
		t.Helper()
		res, err := LoadWith(dir, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		plain, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if digest.Of(res.Book.AllChapters(), res.Book.Parts, res.Book.Assets) != digest.Of(plain.Book.AllChapters(), plain.Book.Parts, plain.Book.Assets) {
			t.Fatal("the book read through the cache differs from the book read without")
		}
		return res
	}
	load()
	files := cache.Parsed
	if files < 5 || cache.Reused != 0 {
		t.Fatalf("first load: %d parsed, %d reused", cache.Parsed, cache.Reused)
	}

	cache.Parsed, cache.Reused = 0, 0
	load()
	if cache.Parsed != 0 || cache.Reused != files {
		t.Fatalf("unchanged book: %d parsed, %d reused, want 0 and %d", cache.Parsed, cache.Reused, files)
	}

	chapters, _ := filepath.Glob(filepath.Join(dir, "chapters", "*.md"))
	last := chapters[len(chapters)-1]
	appendTo(t, last, "\nA sentence added later.\n")
	cache.Parsed, cache.Reused = 0, 0
	load()
	if cache.Parsed != 1 {
		t.Fatalf("one chapter changed: %d parsed, want 1", cache.Parsed)
	}
}

// TestCacheIDsMoveOn adds a heading to a first chapter that takes the id
// a second chapter's heading had: the second chapter, unchanged, is read
// again so that its heading moves on to the next free id.
func TestCacheIDsMoveOn(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"book.yaml": "title: Ids\nchapters: [one.md, two.md]\n",
		"one.md":    "# One\n\nText.\n",
		"two.md":    "# Two\n\n## Shared\n\nText.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache := &Cache{}
	ids := func() []string {
		t.Helper()
		res, err := LoadWith(dir, Options{Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return headings(res.Book.Parts[0].Chapters[1])
	}
	if got := ids(); !slices.Equal(got, []string{"shared"}) {
		t.Fatalf("second chapter's headings: %v", got)
	}
	appendTo(t, filepath.Join(dir, "one.md"), "\n## Shared\n\nMore.\n")
	cache.Parsed, cache.Reused = 0, 0
	if got := ids(); !slices.Equal(got, []string{"shared-1"}) {
		t.Errorf("after the first chapter took its id, the second chapter's headings are %v, want [shared-1]", got)
	}
	if cache.Parsed != 2 {
		t.Errorf("%d manuscripts parsed, want both", cache.Parsed)
	}
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(src, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// headings returns the ids of a chapter's headings in order.
func headings(ch *book.Chapter) []string {
	var ids []string
	book.WalkBlocks(ch.Blocks, func(b book.Block) bool {
		if h, ok := b.(*book.Heading); ok && h.ID != "" {
			ids = append(ids, h.ID)
		}
		return true
	})
	return ids
}
