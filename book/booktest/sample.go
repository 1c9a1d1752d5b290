// Package booktest builds books by hand for renderer tests, so that each
// renderer is tested on the same model without going through a reader.
package booktest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"

	"samizdat/book"
)

// T makes a text inline.
func T(s string) book.Inline { return &book.Text{Text: s} }

// P makes a paragraph of inlines.
func P(ins ...book.Inline) *book.Paragraph { return &book.Paragraph{Inlines: ins} }

// PNG returns a small, valid PNG image of w×h pixels, a grey gradient.
func PNG(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8(64 + (x*128)/w)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding an in-memory image cannot fail
	}
	return buf.Bytes()
}

// Sample returns a book that uses every element of the model: front and
// back matter, two parts, a chapter with a byline, every block and inline
// type, a note referenced twice, a quotation with a source note, an image
// and non-Latin text. Notes are numbered per chapter at the page foot.
func Sample() *book.Book {
	img := &book.Asset{Name: "images/gradient.png", MediaType: "image/png", Data: PNG(120, 60), Width: 120, Height: 60}

	n1 := &book.Note{ID: "ch1-n1", Blocks: []book.Block{P(T("A first note, with "), &book.Emph{Inlines: []book.Inline{T("emphasis")}}, T(" inside."))}}
	n2 := &book.Note{ID: "ch1-n2", Blocks: []book.Block{
		P(T("John Milton, "), &book.Emph{Inlines: []book.Inline{T("Areopagitica")}}, T(" (London, 1644), 4.")),
	}}
	n3 := &book.Note{ID: "ch1-n3", Blocks: []book.Block{
		P(T("A note with a list:")),
		&book.List{Tight: true, Items: []book.ListItem{{Blocks: []book.Block{P(T("one item"))}}, {Blocks: []book.Block{P(T("another item"))}}}},
	}}
	ch1 := &book.Chapter{
		Kind: book.KindChapter, ID: "the-press", Title: []book.Inline{T("The Free Press")},
		Source: book.Pos{File: "chapters/01-press.md", Line: 1, Col: 1},
		Blocks: []book.Block{
			P(T("Printing came late to the village, and it came "), &book.Emph{Inlines: []book.Inline{T("quietly")}}, T(". The first sheet was a notice, pasted on the mill door."), &book.NoteRef{Note: n1, Index: 1}),
			P(T("The second sheet was "), &book.Strong{Inlines: []book.Inline{T("louder")}}, T(", and the third was "), &book.Strike{Inlines: []book.Inline{T("seized")}}, T(" admired. See "), &book.Link{URL: "#further-reading", Inlines: []book.Inline{T("further reading")}}, T(" or "), &book.Link{URL: "https://example.org/press", Inlines: []book.Inline{T("the archive")}}, T("; the setting command was "), &book.Code{Text: "samizdat build"}, T(".")),
			&book.Heading{Level: 2, ID: "licensing", Inlines: []book.Inline{T("Licensing")}},
			P(T("Milton put the case against licensing plainly:")),
			&book.BlockQuote{Blocks: []book.Block{P(T("Give me the liberty to know, to utter, and to argue freely according to conscience, above all liberties."))}, Source: &book.NoteRef{Note: n2, Index: 1}},
			P(T("The first note again,"), &book.NoteRef{Note: n1, Index: 2}, T(" and a third note."), &book.NoteRef{Note: n3, Index: 1}, &book.LineBreak{}, T("After a hard line break: Ελευθερία, свобода.")),
			&book.List{Tight: true, Items: []book.ListItem{
				{Blocks: []book.Block{P(T("a pamphlet"))}},
				{Blocks: []book.Block{P(T("a broadside")), &book.List{Ordered: true, Start: 3, Tight: true, Items: []book.ListItem{{Blocks: []book.Block{P(T("folded"))}}, {Blocks: []book.Block{P(T("stapled"))}}}}}},
			}},
			&book.SectionBreak{},
			&book.DefinitionList{Items: []book.Definition{{Term: []book.Inline{T("Samizdat")}, Defs: [][]book.Block{{P(T("Self-published, passed hand to hand."))}}}}},
			&book.CodeBlock{Lang: "sh", Text: "samizdat build manuscripts/handbook\nls _build\n"},
			&book.Table{Align: []book.Align{book.AlignLeft, book.AlignRight},
				Head: [][]book.Inline{{T("Format")}, {T("Pages")}},
				Rows: [][][]book.Inline{{{T("A5")}, {T("48")}}, {{T("A6")}, {T("96")}}}},
			&book.Figure{Image: &book.Image{Asset: img, Alt: "A grey gradient"}, Caption: []book.Inline{T("A grey gradient")}},
			&book.Heading{Level: 2, ID: "further-reading", Inlines: []book.Inline{T("Further reading")}},
			P(T("As "), &book.Citation{InText: true, Raw: "@milton1644", Items: []book.CiteItem{{Key: "milton1644"}}}, T(" argued, and as others repeated "), &book.Citation{Raw: "[@mill1859, 23]", Items: []book.CiteItem{{Key: "mill1859", Locator: "23", LocatorLabel: "page"}}}, T(".")),
		},
		Notes: []*book.Note{n1, n2, n3},
	}
	n1.Refs, n2.Refs, n3.Refs = 2, 1, 1

	n4 := &book.Note{ID: "ch2-n1", Blocks: []book.Block{P(T("The second chapter’s first note restarts at one."))}, Refs: 1}
	ch2 := &book.Chapter{
		Kind: book.KindChapter, ID: "the-reader", Title: []book.Inline{T("The Reader")},
		Source: book.Pos{File: "chapters/02-reader.md", Line: 1, Col: 1},
		Blocks: []book.Block{P(T("A reader holds the sheet close to the lamp."), &book.NoteRef{Note: n4, Index: 1})},
		Notes:  []*book.Note{n4},
	}
	ch3 := &book.Chapter{
		Kind: book.KindChapter, ID: "a-letter", Title: []book.Inline{T("A Letter from the Coast")},
		Byline: &book.Byline{Authors: []book.Person{{Name: "Ada Quill"}}, Date: "1921-03-04", Source: "The Coastal Review"},
		Source: book.Pos{File: "chapters/03-letter.md", Line: 1, Col: 1},
		Blocks: []book.Block{P(T("We write to you from the coast, where the wind keeps the presses cold."))},
	}
	b := &book.Book{
		Meta: book.Metadata{
			Title: "A Sample Book", Subtitle: "Every Element Once",
			Authors: []book.Person{{Name: "Mara Vell"}, {Name: "Jonas Brand"}},
			Date:    "2026-11-01", Lang: "en", Description: "A book that uses every element of the samizdat model.",
			Subjects: []string{"Printing", "Pamphlets"}, Rights: "© 2026 Mara Vell. CC BY-SA 4.0.",
			Publisher: "Hand Press", Identifier: "urn:isbn:9780000000002",
		},
		Front: []*book.Chapter{
			{Kind: book.KindHalfTitle, ID: "half-title"},
			{Kind: book.KindTitlePage, ID: "title-page"},
			{Kind: book.KindCopyright, ID: "copyright"},
			{Kind: book.KindDedication, ID: "dedication", Blocks: []book.Block{P(T("For the printers."))}},
			{Kind: book.KindEpigraph, ID: "epigraph", Blocks: []book.Block{&book.BlockQuote{Blocks: []book.Block{P(T("Words are also actions.")), P(T("— Ralph Waldo Emerson"))}}}},
			{Kind: book.KindContents, ID: "contents"},
			{Kind: book.KindPreface, ID: "preface", Title: []book.Inline{T("Preface")}, Blocks: []book.Block{P(T("This preface is short."))}},
		},
		Parts: []*book.Part{
			{ID: "part-1", Title: []book.Inline{T("Part One: Making")}, Chapters: []*book.Chapter{ch1, ch2}},
			{ID: "part-2", Title: []book.Inline{T("Part Two: Sending")}, Chapters: []*book.Chapter{ch3}},
		},
		Back: []*book.Chapter{
			{Kind: book.KindColophon, ID: "colophon", Title: []book.Inline{T("Colophon")}, Blocks: []book.Block{P(T("Set in Gentium Book Plus."))}},
		},
		Assets: []*book.Asset{img},
		Slug:   "sample",
	}
	book.NumberNotes(b)
	return b
}

// PNGString is PNG as a string, for tests that build files from strings.
func PNGString(w, h int) string { return string(PNG(w, h)) }
