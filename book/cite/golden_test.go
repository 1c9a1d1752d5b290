package cite_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/cite"
	"samizdat/book/load"
)

// The golden files under testdata/golden are pandoc's citeproc output for
// the fixture book (testdata/fixture), made by testdata/regenerate.sh.
// These tests format the same book with samizdat and compare line by
// line, so they need no pandoc.

var showOutput = flag.Bool("show", false, "print samizdat's output for each golden file")

// goldenStyles pairs each golden file with the settings that must give
// the same output.
var goldenStyles = []struct {
	file     string
	settings string // the citations: line of book.yaml
}{
	{"notes.txt", "citations: {style: notes}"},
	{"notes-ibid.txt", "citations: {style: notes, ibid: true}"},
	{"short-notes.txt", "citations: {style: short-notes}"},
	{"full-notes.txt", "citations: {style: full-notes}"},
	{"author-date.txt", "citations: {style: author-date}"},
}

// loadFixture copies the fixture book with a citations: setting and
// loads it.
func loadFixture(t *testing.T, settings string) *book.Book {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("testdata", "fixture")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "book.yaml" {
			data = append(data, []byte("\n"+settings+"\n")...)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := load.Load(dir)
	if err != nil {
		t.Fatalf("loading the fixture with %q: %v", settings, err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %v", w)
	}
	return res.Book
}

// marked writes inlines as the golden files do: italics *so*, a note as
// [^its text].
func marked(ins []book.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch n := in.(type) {
		case *book.Text:
			b.WriteString(n.Text)
		case *book.Space:
			b.WriteByte(' ')
		case *book.Emph:
			b.WriteString("*" + marked(n.Inlines) + "*")
		case *book.Link:
			b.WriteString(marked(n.Inlines))
		case *book.NoteRef:
			b.WriteString("[^" + noteText(n.Note) + "]")
		case *book.Citation:
			b.WriteString(marked(n.Rendered))
		}
	}
	return b.String()
}

func noteText(n *book.Note) string {
	var parts []string
	for _, bl := range n.Blocks {
		if p, ok := bl.(*book.Paragraph); ok {
			parts = append(parts, marked(p.Inlines))
		}
	}
	return strings.Join(parts, " ")
}

// citationLines renders the book's citations one per line, in the order
// of the golden files: per chapter, "cite: " and the citation as it
// reads in the text (the punctuation a note marker takes from the text
// after it left out), then the chapter's bibliography lines are not
// included; the whole book's bibliography is compared separately.
func citationLines(b *book.Book) []string {
	var out []string
	var last *book.Chapter
	cite.EachCitation(b, func(ch *book.Chapter, c *book.Citation) {
		if ch != last {
			out = append(out, "## "+strings.TrimSuffix(filepath.Base(ch.Source.File), ".md"))
			last = ch
		}
		ins := c.Rendered
		if len(ins) > 1 {
			if t, ok := ins[len(ins)-2].(*book.Text); ok && strings.Trim(t.Text, ".,;:!?") == "" {
				ins = append(append([]book.Inline{}, ins[:len(ins)-2]...), ins[len(ins)-1])
			}
		}
		out = append(out, "cite: "+strings.TrimSpace(marked(ins)))
	})
	return out
}

// bibliographyLines renders the bibliography division.
func bibliographyLines(b *book.Book) []string {
	var out []string
	for _, div := range b.Back {
		if div.Kind != book.KindBibliography {
			continue
		}
		for _, bl := range div.Blocks {
			out = append(out, "bib: "+marked(bl.(*book.Paragraph).Inlines))
		}
	}
	return out
}

func readGolden(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if !strings.HasPrefix(l, "#!") { // comments
			out = append(out, l)
		}
	}
	return out
}

// compareLines reports every line that differs, and returns how many
// agree.
func compareLines(t *testing.T, name string, got, want []string) int {
	t.Helper()
	agree := 0
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g == w {
			agree++
			continue
		}
		t.Errorf("%s line %d:\n  samizdat: %s\n  pandoc:   %s", name, i+1, g, w)
	}
	return agree
}

func TestGoldenCitations(t *testing.T) {
	for _, g := range goldenStyles {
		t.Run(g.file, func(t *testing.T) {
			b := loadFixture(t, g.settings)
			got := citationLines(b)
			if *showOutput {
				t.Logf("\n%s", strings.Join(got, "\n"))
			}
			want := readGolden(t, g.file)
			n := compareLines(t, g.file, got, want)
			t.Logf("%s: %d of %d lines agree with pandoc", g.file, n, len(want))
		})
	}
}

func TestGoldenBibliography(t *testing.T) {
	for _, g := range []struct{ file, settings string }{
		{"bibliography.txt", "citations: {style: notes}"},
		{"references.txt", "citations: {style: author-date}"},
	} {
		t.Run(g.file, func(t *testing.T) {
			b := loadFixture(t, g.settings)
			got := bibliographyLines(b)
			want := readGolden(t, g.file)
			n := compareLines(t, g.file, got, want)
			t.Logf("%s: %d of %d entries agree with pandoc", g.file, n, len(want))
		})
	}
}
