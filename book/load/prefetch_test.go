package load

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"samizdat/book/booktest"
	"samizdat/book/markdown"
)

// prefetchBook is a book whose chapters share heading names (so ids
// depend on the order they are read in), refer to an image and have
// notes.
func prefetchBook(t *testing.T, broken bool) string {
	files := map[string]string{
		"img/g.png": string(booktest.PNG(8, 4)),
	}
	var list []string
	for i := range 7 {
		name := fmt.Sprintf("ch%d.md", i)
		list = append(list, name)
		files[name] = fmt.Sprintf("# Intro\n\n## Details\n\nChapter %d says \"so\".[^n]\n\n![A gradient](img/g.png)\n\n[^n]: A note.\n", i)
	}
	if broken {
		files["ch2.md"] = "# Bad\n\nInvalid \xff byte.\n"
		files["ch4.md"] = "---\ntitle: [unclosed\n---\n\nText.\n"
		list = append(list, "missing.md")
	}
	files["book.yaml"] = "title: Prefetched\nlang: en\nchapters: [" + strings.Join(list, ", ") + "]\n"
	return writeTree(t, files)
}

func TestPreparingAheadChangesNothing(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, broken := range []bool{false, true} {
		dir := prefetchBook(t, broken)
		runtime.GOMAXPROCS(1) // no head start
		want, wantErr := LoadWith(dir, Options{})
		runtime.GOMAXPROCS(4)
		got, gotErr := LoadWith(dir, Options{})
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("broken=%v: errors with a head start\n%v\nwithout\n%v", broken, gotErr, wantErr)
		}
		if broken {
			if wantErr == nil || !strings.Contains(wantErr.Error(), "invalid UTF-8") || !strings.Contains(wantErr.Error(), "missing.md") {
				t.Errorf("the broken book gives %v", wantErr)
			}
			continue
		}
		if wantErr != nil {
			t.Fatal(wantErr)
		}
		if !reflect.DeepEqual(got.Book, want.Book) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Error("the book read with a head start differs from the one read without")
		}
		if ch := got.Book.Parts[0].Chapters[3]; ch.ID != "intro-3" {
			t.Errorf("the fourth chapter's id is %q, want intro-3", ch.ID)
		}
	}
}

func TestTakeUsesAPreparedParseOnlyForTheSameBytes(t *testing.T) {
	data := []byte("# Title\n\nText.\n")
	p, err := markdown.Prepare("a.md", data)
	if err != nil {
		t.Fatal(err)
	}
	pr := &prepared{done: make(chan struct{}), data: data, p: p}
	close(pr.done)
	pf := &prefetcher{files: map[string]*prepared{"a.md": pr}}
	if got := pf.take("a.md", []byte("# Title\n\nText, changed since.\n")); got != nil {
		t.Error("a parse of other bytes was taken")
	}
	pf.files["a.md"] = pr
	if got := pf.take("a.md", data); got != p {
		t.Error("the parse of the same bytes was not taken")
	}
	if got := pf.take("a.md", data); got != nil {
		t.Error("a prepared parse was taken twice")
	}
	if got := (*prefetcher)(nil).take("a.md", data); got != nil {
		t.Error("a loader without a head start took a parse")
	}
}
