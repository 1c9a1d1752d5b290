package pdf

import (
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/render"
)

// FuzzLayout lays out books made from arbitrary text: paragraphs split
// on blank lines, a heading, a note, inline code and a web address from
// the first line, an empty chapter after. Words longer than the measure, zero-width and combining
// characters, right-to-left text and control characters must never make
// the engine panic, fail, or set text outside the text area.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"A plain paragraph of ordinary words.",
		strings.Repeat("supercalifragilistic", 30),
		"zero\u200bwidth\u200d joiners and combining e\u0301\u0301\u0301 marks",
		"مرحبا بالعالم والكتب — שלום עולם",
		"tabs\tand\x00controls\x1b and \ufffd replacement \xa7\x80",
		"\n\n\n",
		"ﬁ ﬂ office affine «quoted» — dash–es… ellipsis",
	} {
		f.Add(s, "a6")
	}
	f.Fuzz(func(t *testing.T, text, size string) { layoutFuzzInput(t, text, size) })
}

// layoutFuzzInput makes a book of text as FuzzLayout describes, lays it
// out at the page size named (a5 unless a4 or a6) and checks every line.
func layoutFuzzInput(t testing.TB, text, size string) {
	t.Helper()
	{
		if size != "a4" && size != "a6" {
			size = "a5"
		}
		// The reader hands the model valid UTF-8 without control
		// characters (it refuses NUL bytes and bad encodings), so the
		// text is made so here too.
		text = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
				return -1
			}
			return r
		}, strings.ToValidUTF8(text, "\ufffd"))
		var blocks []book.Block
		for _, p := range strings.Split(text, "\n\n") {
			blocks = append(blocks, &book.Paragraph{Inlines: []book.Inline{&book.Text{Text: p}}})
		}
		first, _, _ := strings.Cut(text, "\n")
		note := &book.Note{ID: "n1", Number: 1, Refs: 1, Blocks: []book.Block{&book.Paragraph{Inlines: []book.Inline{&book.Text{Text: first}}}}}
		blocks = append(blocks, &book.Heading{Level: 2, ID: "h", Inlines: []book.Inline{&book.Text{Text: first}}},
			&book.Paragraph{Inlines: []book.Inline{&book.Text{Text: first}, &book.NoteRef{Note: note, Index: 1}}},
			// Code and web addresses break at their punctuation.
			&book.Paragraph{Inlines: []book.Inline{&book.Code{Text: first}, &book.Space{}, &book.Link{URL: "https://example.org/", Inlines: []book.Inline{&book.Text{Text: "https://" + first}}}}})
		b := &book.Book{
			Meta: book.Metadata{Title: first, Lang: "en"},
			Parts: []*book.Part{{Chapters: []*book.Chapter{
				{Kind: book.KindChapter, ID: "c1", Title: []book.Inline{&book.Text{Text: first}}, Blocks: blocks, Notes: []*book.Note{note}},
				{Kind: book.KindChapter, ID: "c2", Title: []book.Inline{&book.Text{Text: "Empty"}}},
			}}},
			Output: book.OutputSettings{PageSize: size},
		}
		doc, err := Layout(b, render.Options{})
		if err != nil {
			t.Fatalf("Layout: %v", err)
		}
		for _, p := range doc.Pages {
			for _, tx := range p.Texts {
				if tx.Role == RoleRunningHead || tx.Role == RoleFolio {
					continue
				}
				if tx.X < p.Area.X-0.5 || tx.X+tx.Width > p.Area.Right()+0.5 {
					t.Fatalf("page %d: %q set at x=%.1f..%.1f, outside the text area %.1f..%.1f", p.Number, tx.Text, tx.X, tx.X+tx.Width, p.Area.X, p.Area.Right())
				}
			}
		}
	}
}
