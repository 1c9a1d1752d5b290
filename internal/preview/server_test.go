package preview

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samizdat/book/load"
)

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(body)
}

// event is one server-sent event.
type event struct{ kind, data string }

// readEvents reads a server-sent event stream on one goroutine, so that
// waits for successive events never read it concurrently.
func readEvents(body io.Reader) <-chan event {
	ch := make(chan event, 16)
	go func() {
		defer close(ch)
		r := bufio.NewReader(body)
		kind := ""
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			switch {
			case strings.HasPrefix(line, "event: "):
				kind = strings.TrimSpace(strings.TrimPrefix(line, "event: "))
			case strings.HasPrefix(line, "data: "):
				ch <- event{kind, strings.TrimSpace(strings.TrimPrefix(line, "data: "))}
			}
		}
	}()
	return ch
}

// nextEvent waits for an event of the named kind and returns its data.
func nextEvent(t *testing.T, events <-chan event, kind string, within time.Duration) string {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatalf("the event stream ended before a %q event", kind)
			}
			if e.kind == kind {
				return e.data
			}
		case <-deadline:
			t.Fatalf("no %q event within %v", kind, within)
		}
	}
}

// TestEditReloads serves a book, saves a changed chapter and then a broken
// one: the browser is told to reload with the new text, then shown the
// problem while the last good preview stays.
func TestEditReloads(t *testing.T) {
	dir := t.TempDir()
	chapter := filepath.Join(dir, "chapters", "one.md")
	os.MkdirAll(filepath.Dir(chapter), 0o755)
	os.WriteFile(filepath.Join(dir, "book.yaml"), []byte("title: Live\nchapters: [chapters/one.md]\n"), 0o644)
	os.WriteFile(chapter, []byte("# One\n\nThe first words.\n"), 0o644)

	s := New(dir, load.Options{}, func(string) string { return "1764028800" })
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(stop)
	ts := httptest.NewServer(s)
	defer ts.Close()

	page := get(t, ts.URL+"/")
	if !strings.Contains(page, `<svg xmlns="http://www.w3.org/2000/svg" class="page"`) || !strings.Contains(page, ">first<") {
		t.Fatalf("the preview page has no drawn pages with the text")
	}
	if !strings.Contains(get(t, ts.URL+"/book.html"), "The first words.") {
		t.Fatal("the HTML side lacks the text")
	}
	resp, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := readEvents(resp.Body)
	nextEvent(t, events, "hello", time.Second)

	time.Sleep(50 * time.Millisecond) // let the watcher settle
	saved := time.Now()
	os.WriteFile(chapter, []byte("# One\n\nThe second draft.\n"), 0o644)
	nextEvent(t, events, "reload", 2*time.Second)
	t.Logf("reload sent %d ms after the save", time.Since(saved).Milliseconds())
	if page := get(t, ts.URL+"/"); !strings.Contains(page, ">draft.<") {
		t.Error("the pages do not show the saved text")
	}

	os.WriteFile(chapter, []byte("# One\n\nBroken[^nope].\n"), 0o644)
	data := nextEvent(t, events, "problem", 2*time.Second)
	if !strings.Contains(data, `one.md:3:7`) || !strings.Contains(data, `"line":"Broken[^nope]."`) {
		t.Errorf("problem event = %s", data)
	}
	if page := get(t, ts.URL+"/"); !strings.Contains(page, ">draft.<") || !strings.Contains(page, "footnote reference [^nope]") {
		t.Error("after a failed build the page should keep the last good pages and show the problem")
	}
}

// TestRebuildKeepsPages copies the handbook, saves a change to its last
// chapter and rebuilds: the pages before that chapter keep their
// drawings (the very same bytes, not drawn again), the pages from it on
// show the change.
func TestRebuildKeepsPages(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "manuscripts", "handbook"))); err != nil {
		t.Fatal(err)
	}
	s := New(dir, load.Options{}, func(string) string { return "1764028800" })
	before := s.good
	if before == nil {
		t.Fatalf("the handbook did not build: %+v", s.problem)
	}
	chapters, _ := filepath.Glob(filepath.Join(dir, "chapters", "*.md"))
	if len(chapters) < 2 {
		t.Fatalf("the handbook has %d chapter files", len(chapters))
	}
	last := chapters[len(chapters)-1]
	src, err := os.ReadFile(last)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(last, append(src, []byte("\nA sentence added in the last save.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Rebuild()
	after := s.good
	if after == before || after == nil {
		t.Fatalf("the rebuild failed: %+v", s.problem)
	}
	t.Logf("first build %v; after the edit %v, %d manuscripts read, %d of %d pages kept", before.took, after.took, after.parsed, after.keptPages, len(after.pages))
	if after.parsed != 1 {
		t.Errorf("%d manuscripts were read again after one was saved", after.parsed)
	}
	if after.keptPages < len(before.pages)/2 {
		t.Fatalf("an edit to the last chapter kept %d of %d pages", after.keptPages, len(before.pages))
	}
	for i := range after.keptPages {
		if &after.pages[i][0] != &before.pages[i][0] && !bytes.Equal(after.pages[i], before.pages[i]) {
			t.Fatalf("page %d, before the edit, changed", i+1)
		}
	}
	redrawn := 0
	for i := range after.keptPages {
		if &after.pages[i][0] != &before.pages[i][0] {
			redrawn++
		}
	}
	if redrawn > 2 { // the contents pages get their numbers written in again
		t.Errorf("%d of the %d kept pages were drawn again", redrawn, after.keptPages)
	}
	if !strings.Contains(string(bytes.Join(after.pages[after.keptPages:], nil)), ">save.<") {
		t.Error("the pages after the edit do not show the added sentence")
	}
}
