package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"samizdat/book"
	"samizdat/render"
)

// markCases are the books MarkPages is tested on: the samples with their
// footnotes, and with notes at chapter ends and at the book's end, which
// are body text.
func markCases() []layoutCase {
	placed := func(c layoutCase, p book.NotePlacement) func(testing.TB) *book.Book {
		return func(t testing.TB) *book.Book {
			b := c.book(t)
			b.Notes.Placement = p
			return b
		}
	}
	pamphlet := layoutCase{"pamphlet-a6", manuscript("pamphlet", "a6")}
	return []layoutCase{
		pamphlet,
		{"pamphlet-edition", edition("pamphlet", "pamphlet")},
		{"pamphlet-a5", manuscript("pamphlet", "a5")},
		{"handbook-a6", manuscript("handbook", "a6")},
		{"stress-a6", func(testing.TB) *book.Book { return stressBook(book.PlaceFootnotes, "a6") }},
		{"pamphlet-a6-chapter-end", placed(pamphlet, book.PlaceChapterEnd)},
		{"pamphlet-a6-book-end", placed(pamphlet, book.PlaceBookEnd)},
		{"stress-a5-chapter-end", func(testing.TB) *book.Book { return stressBook(book.PlaceChapterEnd, "a5") }},
		{"stress-a5-book-end", func(testing.TB) *book.Book { return stressBook(book.PlaceBookEnd, "a5") }},
	}
}

// edition returns a sample book from manuscripts/ as the build makes one
// of its editions: the edition's output and note settings and its
// identifier in place of the book's.
func edition(name, ed string) func(testing.TB) *book.Book {
	return func(t testing.TB) *book.Book {
		t.Helper()
		b := manuscript(name, "")(t)
		for _, e := range b.Editions {
			if e.Name == ed {
				b.Output, b.Notes = e.Output, e.Notes
				if e.Identifier != "" {
					b.Meta.Identifier = e.Identifier
				}
				return b
			}
		}
		t.Fatalf("%s has no edition %q", name, ed)
		return nil
	}
}

// dumpBook writes every division of b, notes included, for comparing a
// book before and after.
func dumpBook(b *book.Book) string {
	var buf bytes.Buffer
	for _, ch := range b.AllChapters() {
		book.Dump(&buf, ch)
	}
	fmt.Fprintf(&buf, "PageSource %q\n", b.Meta.PageSource)
	return buf.String()
}

// bodyFolios returns the folios of the pages that show body text (running
// text or headings, and notes unless they are footnotes; not titles or
// furniture), in page order.
func bodyFolios(doc *Document, b *book.Book) []string {
	var out []string
	for _, pg := range doc.Pages {
		if slices.ContainsFunc(pg.Texts, func(t Text) bool {
			return isBodyRole(t.Role, b) && strings.TrimSpace(t.Text) != ""
		}) {
			out = append(out, pg.Folio)
		}
	}
	return out
}

// isBodyRole reports whether text in role r is body text in b.
func isBodyRole(r Role, b *book.Book) bool {
	return r == RoleBody || r == RoleHeading || r == RoleNote && b.Notes.Placement != book.PlaceFootnotes
}

func TestMarkPages(t *testing.T) {
	for _, tc := range markCases() {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.book(t)
			before := dumpBook(b)
			start := time.Now()
			marked, err := New().MarkPages(b, render.Options{Date: testDate()})
			if err != nil {
				t.Fatalf("MarkPages: %v", err)
			}
			took := time.Since(start)
			if after := dumpBook(b); after != before {
				t.Fatalf("MarkPages changed the book it was given")
			}
			doc, _ := mustLayout(t, b)
			want := bodyFolios(doc, b)
			got := pageBreakLabels(marked)
			if !slices.Equal(got, want) {
				t.Errorf("marks in reading order:\n got %q\nwant %q (the folios of the pages with body text)", got, want)
			}
			if marked.Meta.PageSource == "" {
				t.Errorf("Meta.PageSource is empty")
			}
			checkShared(t, b, marked)
			t.Logf("%d pages, %d with body text, %d marks, MarkPages took %v", len(doc.Pages), len(want), len(got), took)
		})
	}
}

// pageBreakLabels lists the labels of b's page breaks in the order
// print shows them.
func pageBreakLabels(b *book.Book) []string {
	var out []string
	for _, m := range textAfterMarks(b) {
		out = append(out, m.label)
	}
	return out
}

// checkShared checks that the marked copy shares what holds no mark with
// the original: chapters without marks, every chapter's notes, and the
// blocks of a marked chapter that hold none.
func checkShared(t *testing.T, orig, marked *book.Book) {
	t.Helper()
	oc, mc := orig.AllChapters(), marked.AllChapters()
	if len(oc) != len(mc) {
		t.Fatalf("the copy has %d divisions, the book %d", len(mc), len(oc))
	}
	copied := 0
	for i := range oc {
		o, m := oc[i], mc[i]
		if len(o.Notes) != len(m.Notes) {
			t.Fatalf("%s: the copy has %d notes, the book %d", o.ID, len(m.Notes), len(o.Notes))
		}
		notesCopied := false
		for k, n := range m.Notes {
			marks := pageBreakLabels(&book.Book{Notes: book.NoteSettings{Placement: book.PlaceChapterEnd}, Parts: []*book.Part{{Chapters: []*book.Chapter{{Notes: []*book.Note{n}}}}}})
			if (n != o.Notes[k]) != (len(marks) > 0 || refersToCopy(n.Blocks, orig)) {
				t.Errorf("%s: note %s is copied: %v, holds marks: %v", o.ID, n.ID, n != o.Notes[k], marks)
			}
			notesCopied = notesCopied || n != o.Notes[k]
		}
		n := pageBreakLabels(&book.Book{Parts: []*book.Part{{Chapters: []*book.Chapter{m}}}})
		if notesCopied {
			n = append(n, "notes")
		}
		switch {
		case len(n) == 0 && o != m:
			t.Errorf("%s has no mark but was copied", o.ID)
		case len(n) > 0 && o == m:
			t.Errorf("%s has marks but is the book's own chapter", o.ID)
		case len(n) > 0:
			copied++
			for k, bl := range m.Blocks {
				if len(pageBreakLabels(&book.Book{Parts: []*book.Part{{Chapters: []*book.Chapter{{Blocks: []book.Block{bl}}}}}})) > 0 {
					continue
				}
				if copied := !slices.Contains(o.Blocks, bl); copied != refersToCopy([]book.Block{bl}, orig) {
					t.Errorf("%s: block %d holds no mark; copied %v, refers to a copied note %v", o.ID, k, copied, !copied)
				}
			}
		}
	}
	if copied == 0 {
		t.Errorf("no division was marked")
	}
	checkNoteRefs(t, marked)
}

// refersToCopy reports whether blocks of the marked copy refer to a note
// that is not the original book's.
func refersToCopy(bs []book.Block, orig *book.Book) bool {
	own := map[*book.Note]bool{}
	for _, ch := range orig.AllChapters() {
		for _, x := range ch.Notes {
			own[x] = true
		}
	}
	found := false
	book.WalkBlocks(bs, func(bl book.Block) bool {
		for _, ins := range book.BlockInlines(bl) {
			book.WalkInlines(ins, func(in book.Inline) {
				if r, ok := in.(*book.NoteRef); ok && !own[r.Note] {
					found = true
				}
			})
		}
		return true
	})
	return found
}

// checkNoteRefs checks that every note reference in b, notes' own
// included, points at a note b lists: none is left pointing at a note
// the copy replaced.
func checkNoteRefs(t *testing.T, b *book.Book) {
	t.Helper()
	listed := map[*book.Note]bool{}
	var all [][]book.Block
	for _, ch := range b.AllChapters() {
		all = append(all, ch.Blocks)
		for _, n := range ch.Notes {
			listed[n] = true
			all = append(all, n.Blocks)
		}
	}
	for _, bs := range all {
		book.WalkBlocks(bs, func(bl book.Block) bool {
			for _, ins := range book.BlockInlines(bl) {
				book.WalkInlines(ins, func(in book.Inline) {
					if r, ok := in.(*book.NoteRef); ok && !listed[r.Note] {
						t.Errorf("a reference to note %s points at a note the book does not list", r.Note.ID)
					}
				})
			}
			return true
		})
	}
}

// TestMarkPagesFirstWords checks, without drawing, that the text after
// every mark is the text the page's body begins with: the copy's text from
// the mark on against the body text runs of the laid-out page.
func TestMarkPagesFirstWords(t *testing.T) {
	cases := append(markCases(), layoutCase{"sample-a4-chapter-end", func(testing.TB) *book.Book {
		b := sampleBook("a4")
		b.Notes.Placement = book.PlaceChapterEnd
		return b
	}})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.book(t)
			marked, err := New().MarkPages(b, render.Options{Date: testDate()})
			if err != nil {
				t.Fatalf("MarkPages: %v", err)
			}
			doc, _ := mustLayout(t, b)
			folio := map[string]*Page{}
			for _, pg := range doc.Pages {
				folio[pg.Folio] = pg
			}
			after := textAfterMarks(marked)
			if len(after) == 0 {
				t.Fatal("no marks")
			}
			for _, m := range after {
				pg := folio[m.label]
				if pg == nil {
					t.Errorf("mark %q: no page has that folio", m.label)
					continue
				}
				var first strings.Builder
				for _, x := range pg.Texts {
					if isBodyRole(x.Role, b) {
						first.WriteString(x.Text + " ")
					}
				}
				if err := startsAlike(stripHeadings(first.String(), b), m.text, m.code); err != nil {
					t.Errorf("page %s: %v", m.label, err)
				}
			}
		})
	}
}

// stripHeadings removes from the front of a page's text the headings
// layout makes for notes — "Notes" at a chapter's end, a chapter's title
// over its notes at the book's end — which no mark goes before.
func stripHeadings(text string, b *book.Book) string {
	if b.Notes.Placement == book.PlaceFootnotes {
		return text
	}
	drop := [][]string{{"notes"}}
	for _, ch := range b.AllChapters() {
		if w := words(book.PlainText(ch.Title)); len(w) > 0 && len(ch.Notes) > 0 {
			drop = append(drop, w)
		}
	}
	ws := words(text)
	for _, d := range drop {
		if len(ws) > len(d) && slices.Equal(ws[:len(d)], d) {
			return strings.Join(ws[len(d):], " ")
		}
	}
	return text
}

// sampleBook is the model sample at a page size.
func sampleBook(size string) *book.Book {
	for _, c := range layoutCases() {
		if c.name == "sample-a5" {
			b := c.book(nil)
			b.Output.PageSize = size
			return b
		}
	}
	panic("no sample")
}

// markText is the text that follows a page break in a book; code is
// the length in letters of the code block the break stands before, if
// any, since a page that begins inside a code block is marked before it.
type markText struct {
	label, text string
	code        int
}

// textAfterMarks returns, for every page break of b in the order print
// shows them, the body text that follows it (a few hundred characters):
// division blocks, and notes set at chapter ends or the book's end with
// their numbers and headings; no titles, footnotes or note references,
// as the print body shows them.
func textAfterMarks(b *book.Book) []markText {
	var marks []markText
	var text strings.Builder
	var at []int
	inlines := func(ins []book.Inline) {
		book.WalkInlines(ins, func(in book.Inline) {
			switch n := in.(type) {
			case *book.PageBreak:
				marks = append(marks, markText{label: n.Label})
				at = append(at, text.Len())
			case *book.Text:
				text.WriteString(n.Text)
			case *book.Code:
				text.WriteString(n.Text)
			case *book.Space, *book.LineBreak:
				text.WriteString(" ")
			case *book.Citation:
				if n.Rendered == nil {
					text.WriteString(n.Raw)
				}
			}
		})
	}
	var blocks func([]book.Block)
	blocks = func(bs []book.Block) {
		for i, bl := range bs {
			text.WriteString(" ")
			switch n := bl.(type) {
			case *book.Paragraph:
				from := len(marks)
				inlines(n.Inlines)
				if i+1 < len(bs) && len(marks)-from == len(n.Inlines) {
					if c, ok := bs[i+1].(*book.CodeBlock); ok {
						for k := from; k < len(marks); k++ {
							marks[k].code = len(strings.Join(words(c.Text), ""))
						}
					}
				}
			case *book.Heading:
				inlines(n.Inlines)
			case *book.BlockQuote:
				blocks(n.Blocks)
				if n.Source != nil {
					inlines([]book.Inline{n.Source})
				}
			case *book.List:
				for k, it := range n.Items {
					if n.Ordered {
						fmt.Fprintf(&text, " %d. ", n.Start+k)
					}
					blocks(it.Blocks)
				}
			case *book.DefinitionList:
				for _, d := range n.Items {
					inlines(d.Term)
					for _, def := range d.Defs {
						blocks(def)
					}
				}
			case *book.CodeBlock:
				text.WriteString(n.Text)
			case *book.Table:
				for _, c := range n.Head {
					inlines(c)
					text.WriteString(" ")
				}
				for _, row := range n.Rows {
					for _, c := range row {
						inlines(c)
						text.WriteString(" ")
					}
				}
			case *book.Figure:
				inlines(n.Caption)
			}
		}
	}
	notes := func(ns []*book.Note) {
		for _, n := range ns {
			fmt.Fprintf(&text, " %d ", n.Number)
			blocks(n.Blocks)
		}
	}
	// Notes at the book's end stand under their chapters' titles in the
	// notes division; notes at chapter ends under a "Notes" heading.
	bookEnd := func() {
		for _, ch := range b.AllChapters() {
			if len(ch.Notes) > 0 {
				text.WriteString(" " + book.PlainText(ch.Title) + " ")
				notes(ch.Notes)
			}
		}
	}
	place := b.Notes.Placement
	done := false
	for _, ch := range b.AllChapters() {
		if ch.Kind == book.KindNotes && place == book.PlaceBookEnd && !done {
			bookEnd()
			done = true
		}
		blocks(ch.Blocks)
		if place == book.PlaceChapterEnd && len(ch.Notes) > 0 {
			text.WriteString(" Notes ")
			notes(ch.Notes)
		}
	}
	if place == book.PlaceBookEnd && !done {
		bookEnd()
	}
	s := text.String()
	for i := range marks {
		end := min(len(s), at[i]+400+marks[i].code*2)
		marks[i].text = s[at[i]:end]
	}
	return marks
}

// words splits text into lower-case words of letters and digits, as the
// two sides of a comparison can both be read: ligatures spelt out, soft
// hyphens dropped, any other character a separator.
func words(s string) []string {
	s = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "\u00ad", "").Replace(s)
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// compareLetters is how many letters of a page's beginning must agree
// with the text after its mark.
const compareLetters = 24

// startsAlike reports whether page text (what a page's body shows from
// its top) begins as the text after a mark does. The page may begin
// inside the mark's first word — the second half of a hyphenated word,
// of a compound after its hyphen, of a word too long for the measure —
// or anywhere in a code block that begins after the mark (within lead
// letters of it), and with a list item's number; the letters must agree,
// whatever line breaks and hyphens lie between them.
func startsAlike(page, after string, lead int) error {
	pw, aw := words(page), words(after)
	if len(pw) == 0 || len(aw) == 0 {
		return fmt.Errorf("nothing to compare: page %q, after the mark %q", clipText(page), clipText(after))
	}
	if ws := strings.Fields(after); len(ws) > 0 {
		lead = max(lead, len(strings.Join(words(ws[0]), "")))
	}
	a := strings.Join(aw, "")
	tries := []string{strings.Join(pw, "")}
	if len(pw) > 1 && strings.Trim(pw[0], "0123456789") == "" {
		tries = append(tries, strings.Join(pw[1:], ""))
	}
	for _, q := range tries {
		for k := 0; k == 0 || k < lead && k < len(a); k++ {
			n := min(compareLetters, len(q), len(a)-k)
			if n > 0 && a[k:k+n] == q[:n] {
				return nil
			}
		}
	}
	return fmt.Errorf("the page begins %q but the text after its mark is %q", clipText(page), clipText(after))
}

// clipText shortens s for a message.
func clipText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 70 {
		return string(r[:70]) + "…"
	}
	return s
}

// TestMarkedCopyLaysOutAlike checks that the marks change nothing in
// print: the marked copy is laid out page for page, run for run, as the
// book it was made from (so the SVG preview, drawn from the same layout,
// is unchanged too).
func TestMarkedCopyLaysOutAlike(t *testing.T) {
	for _, tc := range markCases() {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.book(t)
			marked, err := New().MarkPages(b, render.Options{Date: testDate()})
			if err != nil {
				t.Fatalf("MarkPages: %v", err)
			}
			want, _ := mustLayout(t, b)
			got, _ := mustLayout(t, marked)
			if len(got.Pages) != len(want.Pages) {
				t.Fatalf("the marked copy has %d pages, the book %d", len(got.Pages), len(want.Pages))
			}
			for i := range got.Pages {
				if !slices.Equal(got.Pages[i].Texts, want.Pages[i].Texts) {
					t.Errorf("page %s is set differently from the marked copy", want.Pages[i].Folio)
				}
			}
		})
	}
}

// BenchmarkMarkPages marks the sample pamphlet's A6 pages.
func BenchmarkMarkPages(b *testing.B) {
	bk := manuscript("pamphlet", "a6")(b)
	for b.Loop() {
		if _, err := New().MarkPages(bk, render.Options{Date: testDate()}); err != nil {
			b.Fatal(err)
		}
	}
}
