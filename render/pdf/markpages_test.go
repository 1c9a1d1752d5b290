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

// markCases are the books MarkPages is tested on: samples with notes at
// the page foot, so that every page with body text has a mark.
func markCases() []layoutCase {
	return []layoutCase{
		{"pamphlet-a6", manuscript("pamphlet", "a6")},
		{"pamphlet-a5", manuscript("pamphlet", "a5")},
		{"handbook-a6", manuscript("handbook", "a6")},
		{"stress-a6", func(testing.TB) *book.Book { return stressBook(book.PlaceFootnotes, "a6") }},
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
// text or headings, not titles, furniture or notes), in page order.
func bodyFolios(doc *Document) []string {
	var out []string
	for _, pg := range doc.Pages {
		if slices.ContainsFunc(pg.Texts, func(t Text) bool {
			return (t.Role == RoleBody || t.Role == RoleHeading) && strings.TrimSpace(t.Text) != ""
		}) {
			out = append(out, pg.Folio)
		}
	}
	return out
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
			want := bodyFolios(doc)
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

// pageBreakLabels lists the labels of b's page breaks in reading order.
func pageBreakLabels(b *book.Book) []string {
	var out []string
	for _, ch := range b.AllChapters() {
		book.WalkBlocks(ch.Blocks, func(bl book.Block) bool {
			for _, ins := range book.BlockInlines(bl) {
				book.WalkInlines(ins, func(in book.Inline) {
					if pb, ok := in.(*book.PageBreak); ok {
						out = append(out, pb.Label)
					}
				})
			}
			return true
		})
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
		if !slices.Equal(o.Notes, m.Notes) {
			t.Errorf("%s: the copy's notes are not the book's", o.ID)
		}
		n := pageBreakLabels(&book.Book{Parts: []*book.Part{{Chapters: []*book.Chapter{m}}}})
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
				if !slices.Contains(o.Blocks, bl) {
					t.Errorf("%s: block %d holds no mark but is a copy", o.ID, k)
				}
			}
		}
	}
	if copied == 0 {
		t.Errorf("no division was marked")
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
					if x.Role == RoleBody || x.Role == RoleHeading {
						first.WriteString(x.Text + " ")
					}
				}
				if err := startsAlike(first.String(), m.text, m.code); err != nil {
					t.Errorf("page %s: %v", m.label, err)
				}
			}
		})
	}
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

// textAfterMarks returns, for every page break of b in reading order, the
// body text that follows it (a few hundred characters): division blocks
// only, no titles, notes or note numbers, as the print body shows them.
func textAfterMarks(b *book.Book) []markText {
	var marks []markText
	var text strings.Builder
	var at []int
	var inlines func([]book.Inline)
	inlines = func(ins []book.Inline) {
		for _, in := range ins {
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
			case *book.Emph:
				inlines(n.Inlines)
			case *book.Strong:
				inlines(n.Inlines)
			case *book.Strike:
				inlines(n.Inlines)
			case *book.Link:
				inlines(n.Inlines)
			case *book.Citation:
				if n.Rendered != nil {
					inlines(n.Rendered)
				} else {
					text.WriteString(n.Raw)
				}
			}
		}
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
	for _, ch := range b.AllChapters() {
		blocks(ch.Blocks)
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
