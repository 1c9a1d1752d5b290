// Package readback checks that a rendered book, read back as text by an
// independent tool (pdftotext, calibre), contains every paragraph,
// heading, quotation and note of the model, in order.
//
// Text is compared on letters and digits only, lower-cased: hyphenation,
// spacing, punctuation, ligature decomposition and list bullets are the
// renderer's business, the words and their order are not.
package readback

import (
	"strconv"
	"strings"
	"unicode"

	"samizdat/book"
)

// Expected is the text a rendering must contain: the body's blocks in
// reading order and the notes' texts in order.
type Expected struct {
	Body  []Item
	Notes []Item
}

// Item is one text that must appear after the item before it. A table is
// an item of Cells, its cells' words: each must appear after the table's
// start, in any order, since text tools read the lines of wrapped cells
// side by side.
type Item struct {
	Text  string
	Cells []string
}

// Expect lists the texts of every body chapter of b (titles, blocks,
// quotation sources as note numbers) and of every note.
func Expect(b *book.Book) Expected {
	var e Expected
	for _, ch := range b.BodyChapters() {
		e.add(&e.Body, book.PlainText(ch.Title))
		e.blocks(ch.Blocks)
		for _, n := range ch.Notes {
			var parts []string
			book.WalkBlocks(n.Blocks, func(bl book.Block) bool {
				for _, ins := range book.BlockInlines(bl) {
					parts = append(parts, Text(ins))
				}
				if c, ok := bl.(*book.CodeBlock); ok {
					parts = append(parts, c.Text)
				}
				return true
			})
			e.add(&e.Notes, strings.Join(parts, " "))
		}
	}
	return e
}

func (e *Expected) add(list *[]Item, s string) {
	if Normalize(s) != "" {
		*list = append(*list, Item{Text: s})
	}
}

func (e *Expected) blocks(blocks []book.Block) {
	for _, bl := range blocks {
		switch n := bl.(type) {
		case *book.BlockQuote:
			e.blocks(n.Blocks)
			if n.Source != nil {
				e.add(&e.Body, Text([]book.Inline{n.Source}))
			}
		case *book.List:
			// Item numbers are left out: HTML and EPUB readers draw them.
			for _, it := range n.Items {
				e.blocks(it.Blocks)
			}
		case *book.DefinitionList:
			for _, d := range n.Items {
				e.add(&e.Body, Text(d.Term))
				for _, def := range d.Defs {
					e.blocks(def)
				}
			}
		case *book.Table:
			var cells []string
			for _, c := range n.Head {
				cells = append(cells, strings.Fields(Text(c))...)
			}
			for _, row := range n.Rows {
				for _, c := range row {
					cells = append(cells, strings.Fields(Text(c))...)
				}
			}
			e.Body = append(e.Body, Item{Text: strings.Join(cells, " "), Cells: cells})
		case *book.CodeBlock:
			e.add(&e.Body, n.Text)
		default:
			for _, ins := range book.BlockInlines(bl) {
				e.add(&e.Body, Text(ins))
			}
		}
	}
}

// Text is the plain text of inlines with note references shown as their
// numbers, as every format shows them.
func Text(ins []book.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch n := in.(type) {
		case *book.NoteRef:
			b.WriteString(strconv.Itoa(n.Note.Number))
		case *book.Emph:
			b.WriteString(Text(n.Inlines))
		case *book.Strong:
			b.WriteString(Text(n.Inlines))
		case *book.Strike:
			b.WriteString(Text(n.Inlines))
		case *book.Link:
			b.WriteString(Text(n.Inlines))
		case *book.Citation:
			if n.Rendered != nil { // a formatted citation: its text and note numbers
				b.WriteString(Text(n.Rendered))
			} else {
				b.WriteString(n.Raw)
			}
		default:
			b.WriteString(book.PlainText([]book.Inline{in}))
		}
	}
	return b.String()
}

// Normalize keeps only letters and digits, lower-cased.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
