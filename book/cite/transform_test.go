package cite_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/cite"
	"samizdat/book/load"
)

// sources are the works the tests below cite, written inline as a
// book's references: (CSL YAML).
const sources = `references:
- id: figes
  type: book
  author: [{family: Figes, given: Orlando}]
  title: "A People's Tragedy"
  publisher: Jonathan Cape
  publisher-place: London
  issued: 1996
- id: milton
  type: book
  author: [{family: Milton, given: John}]
  title: Areopagitica
  publisher-place: London
  issued: 1644
- id: site
  type: webpage
  author: [{literal: "Press Archive"}]
  title: "The \"Little\" Presses"
  URL: https://example.org/a--b'c
  accessed: 2024-03-01
`

// writeBook writes a book folder: book.yaml with the given settings and
// sources, and the chapters in order.
func writeBook(t *testing.T, settings string, chapters ...string) string {
	t.Helper()
	dir := t.TempDir()
	var list strings.Builder
	for i, ch := range chapters {
		name := filepath.Join(dir, "ch"+string(rune('1'+i))+".md")
		if err := os.WriteFile(name, []byte(ch), 0o644); err != nil {
			t.Fatal(err)
		}
		list.WriteString("  - ch" + string(rune('1'+i)) + ".md\n")
	}
	manifest := "title: Test\nlang: en\n" + settings + "\n" + sources + "chapters:\n" + list.String()
	if err := os.WriteFile(filepath.Join(dir, "book.yaml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// loadBook loads a book that must have no errors.
func loadBook(t *testing.T, dir string) *load.Result {
	t.Helper()
	res, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// notes returns a chapter's notes as text, in order, each with its number.
func notes(ch *book.Chapter) []string {
	var out []string
	for _, n := range ch.Notes {
		out = append(out, strings.TrimSpace(noteText(n)))
	}
	return out
}

func TestNotesInOrderWithTheAuthorsOwn(t *testing.T) {
	dir := writeBook(t, "", "# One\n\nFirst.[^a] Second [@figes, 12]. Third.[^b] Fourth [@milton].\n\n[^a]: Mine.\n\n[^b]: Also mine, citing @milton [5].\n")
	b := loadBook(t, dir).Book
	ch := b.BodyChapters()[0]
	got := notes(ch)
	want := []string{
		"Mine.",
		"Orlando Figes, *A People’s Tragedy* (London: Jonathan Cape, 1996), 12.",
		"Also mine, citing John Milton, *Areopagitica* (London, 1644), 5.",
		"Milton, *Areopagitica*.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ids := map[string]bool{}
	for i, n := range ch.Notes {
		if n.Number != i+1 {
			t.Errorf("note %d has number %d", i+1, n.Number)
		}
		if ids[n.ID] || n.ID == "" {
			t.Errorf("note id %q is empty or repeated", n.ID)
		}
		ids[n.ID] = true
	}
	if ch.Notes[1].ID != "one-cite-1" || ch.Notes[3].ID != "one-cite-2" {
		t.Errorf("citation note ids = %q, %q", ch.Notes[1].ID, ch.Notes[3].ID)
	}
}

// TestMarkerAfterPunctuation: "a sentence [@figes]." reads "a
// sentence.¹" — the space before the citation goes, the full stop moves
// before the marker.
func TestMarkerAfterPunctuation(t *testing.T) {
	b := loadBook(t, writeBook(t, "", "# One\n\nA sentence [@figes, 3]. Next.\n"))
	p := b.Book.BodyChapters()[0].Blocks[0].(*book.Paragraph)
	var c *book.Citation
	for _, in := range p.Inlines {
		if x, ok := in.(*book.Citation); ok {
			c = x
		}
	}
	if got := book.PlainText(p.Inlines); got != "A sentence. Next." {
		t.Errorf("text = %q", got)
	}
	if len(c.Rendered) != 2 {
		t.Fatalf("rendered = %#v", c.Rendered)
	}
	if tx, ok := c.Rendered[0].(*book.Text); !ok || tx.Text != "." {
		t.Errorf("first rendered inline = %#v, want the full stop", c.Rendered[0])
	}
	if ref, ok := c.Rendered[1].(*book.NoteRef); !ok || ref.Index != 1 || ref.Note.Refs != 1 {
		t.Errorf("second rendered inline = %#v, want the note reference", c.Rendered[1])
	}
}

func TestQuotationSourceAndInTextCitation(t *testing.T) {
	b := loadBook(t, writeBook(t, "", "# One\n\n> Who kills a man kills a reasonable creature.[@milton, 4]\n\nAs @figes [7] says.\n"))
	ch := b.Book.BodyChapters()[0]
	q := ch.Blocks[0].(*book.BlockQuote)
	src, ok := q.Source.(*book.Citation)
	if !ok || len(src.Rendered) != 1 {
		t.Fatalf("quotation source = %#v", q.Source)
	}
	if _, ok := src.Rendered[0].(*book.NoteRef); !ok {
		t.Errorf("the quotation's source renders as %#v, want a note marker", src.Rendered[0])
	}
	p := ch.Blocks[1].(*book.Paragraph)
	var c *book.Citation
	for _, in := range p.Inlines {
		if x, ok := in.(*book.Citation); ok {
			c = x
		}
	}
	if got := marked(c.Rendered); got != "Orlando Figes[^*A People’s Tragedy* (London: Jonathan Cape, 1996), 7.]" {
		t.Errorf("in-text citation = %s", got)
	}
}

// TestIbid checks when "Ibid." may be used: only for the work the note
// just before cites alone, never across an author's note, a chapter or a
// note citing two works.
func TestIbid(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"consecutive", "A.[@figes, 1] B.[@figes, 2] C.[@figes, 2]",
			[]string{"Orlando Figes, *A People’s Tragedy* (London: Jonathan Cape, 1996), 1.", "Ibid., 2.", "Ibid."}},
		{"across an author's note", "A.[@figes, 1] B.[^n] C.[@figes, 2]\n\n[^n]: Mine.",
			[]string{"Orlando Figes, *A People’s Tragedy* (London: Jonathan Cape, 1996), 1.", "Mine.", "Figes, *A People’s Tragedy*, 2."}},
		{"after a note citing two works", "A [@figes, 1; @milton, 2]. B.[@milton, 3]",
			[]string{"Orlando Figes, *A People’s Tragedy* (London: Jonathan Cape, 1996), 1; John Milton, *Areopagitica* (London, 1644), 2.", "Milton, *Areopagitica*, 3."}},
		{"another work between", "A.[@figes, 1] B.[@milton, 2] C.[@figes, 3]",
			[]string{"Orlando Figes, *A People’s Tragedy* (London: Jonathan Cape, 1996), 1.", "John Milton, *Areopagitica* (London, 1644), 2.", "Figes, *A People’s Tragedy*, 3."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := loadBook(t, writeBook(t, "citations: {ibid: true}", "# One\n\n"+tt.text+"\n"))
			if got := notes(b.Book.BodyChapters()[0]); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	t.Run("a new chapter", func(t *testing.T) {
		b := loadBook(t, writeBook(t, "citations: {ibid: true}", "# One\n\nA.[@figes, 1]\n", "# Two\n\nB.[@figes, 2]\n"))
		if got := notes(b.Book.BodyChapters()[1]); got[0] != "Orlando Figes, *A People’s Tragedy* (London: Jonathan Cape, 1996), 2." {
			t.Errorf("first note of chapter two = %q, want the full note again", got[0])
		}
	})
	t.Run("without ibid", func(t *testing.T) {
		b := loadBook(t, writeBook(t, "", "# One\n\nA.[@figes, 1] B.[@figes, 2]\n"))
		if got := notes(b.Book.BodyChapters()[0]); got[1] != "Figes, 2." {
			t.Errorf("second note = %q, want the author and page", got[1])
		}
	})
}

func TestAuthorDateMakesNoNotes(t *testing.T) {
	b := loadBook(t, writeBook(t, "citations: {style: author-date}", "# One\n\nA sentence [see @figes, 823; @milton].\n\nAs @figes [12] says.\n"))
	ch := b.Book.BodyChapters()[0]
	if len(ch.Notes) != 0 {
		t.Errorf("%d notes, want none", len(ch.Notes))
	}
	var got []string
	cite.EachCitation(b.Book, func(_ *book.Chapter, c *book.Citation) { got = append(got, marked(c.Rendered)) })
	want := []string{"(see Figes 1996, 823; Milton 1644)", "Figes (1996, 12)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("citations = %q, want %q", got, want)
	}
}

// TestTypography: the formatter curls the quotation marks and
// apostrophes of the sources' text and of what the author writes around
// a citation, and leaves web addresses exactly as written.
func TestTypography(t *testing.T) {
	b := loadBook(t, writeBook(t, "", "# One\n\nA page [see 'this', @site].\n"))
	got := notes(b.Book.BodyChapters()[0])[0]
	want := "See ‘this’, Press Archive, “The ‘Little’ Presses,” accessed March 1, 2024, https://example.org/a--b'c."
	if got != want {
		t.Errorf("note =\n  %s\nwant\n  %s", got, want)
	}
	var link *book.Link
	book.WalkInlines(b.Book.BodyChapters()[0].Notes[0].Blocks[0].(*book.Paragraph).Inlines, func(in book.Inline) {
		if l, ok := in.(*book.Link); ok {
			link = l
		}
	})
	if link == nil || link.URL != "https://example.org/a--b'c" {
		t.Errorf("link = %#v, want the address as written", link)
	}
}

func TestBibliographies(t *testing.T) {
	t.Run("listed in back matter", func(t *testing.T) {
		dir := writeBook(t, "back-matter: [bibliography]", "# One\n\nA.[@milton] B.[@figes]\n")
		b := loadBook(t, dir).Book
		div := b.Back[len(b.Back)-1]
		if div.Kind != book.KindBibliography || len(div.Blocks) != 2 {
			t.Fatalf("bibliography = %+v", div)
		}
		if got := marked(div.Blocks[0].(*book.Paragraph).Inlines); got != "Figes, Orlando. *A People’s Tragedy*. London: Jonathan Cape, 1996." {
			t.Errorf("first entry = %s", got)
		}
	})
	t.Run("not listed", func(t *testing.T) {
		b := loadBook(t, writeBook(t, "", "# One\n\nA.[@milton] B.[@figes]\n")).Book
		for _, div := range b.Back {
			if div.Kind == book.KindBibliography {
				t.Error("a bibliography was added that the book does not list")
			}
		}
	})
	t.Run("per chapter", func(t *testing.T) {
		b := loadBook(t, writeBook(t, "citations: {bibliography-per-chapter: true}", "# One\n\nA.[@milton]\n", "# Two\n\nB.[@figes] C.[@milton]\n")).Book
		for i, want := range []int{1, 2} {
			ch := b.BodyChapters()[i]
			var heading *book.Heading
			entries := 0
			for _, bl := range ch.Blocks {
				switch n := bl.(type) {
				case *book.Heading:
					heading = n
				case *book.Paragraph:
					if heading != nil {
						entries++
					}
				}
			}
			if heading == nil || book.PlainText(heading.Inlines) != "Bibliography" || entries != want {
				t.Errorf("chapter %d: heading %v, %d entries, want %d", i+1, heading, entries, want)
			}
		}
	})
	t.Run("3-em dash", func(t *testing.T) {
		texts := cite.Bibliography(entriesOf(t, `[{"id":"a","type":"book","author":[{"family":"Mill","given":"John Stuart"}],"title":"On Liberty","issued":{"date-parts":[[1859]]}},
{"id":"b","type":"book","author":[{"family":"Mill","given":"John Stuart"}],"title":"Considerations","issued":{"date-parts":[[1861]]}}]`), cite.Notes)
		if got := texts[1].Marked(); got != "———. *On Liberty*, 1859." {
			t.Errorf("second entry = %s", got)
		}
	})
}

func entriesOf(t *testing.T, js string) []*cite.Entry {
	t.Helper()
	es, err := cite.ReadCSLJSON("t.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestReproducible loads the fixture twice: the outlines must be the same
// byte for byte.
func TestReproducible(t *testing.T) {
	dump := func() string {
		b := loadFixture(t, "citations: {style: notes, ibid: true}")
		var buf bytes.Buffer
		for _, ch := range b.AllChapters() {
			book.Dump(&buf, ch)
		}
		return buf.String()
	}
	if a, b := dump(), dump(); a != b {
		t.Error("two loads of the same book differ")
	}
}
