package pdf

import (
	"fmt"

	"samizdat/book"
	"samizdat/render"
)

// MarkPages lays b out as Render would print it and returns a copy of b
// with a book.PageBreak, labelled with the page's folio, where the body
// text of each page begins, and Meta.PageSource naming the print
// edition. An e-book made from the copy can then carry the print
// edition's page numbers (EPUB page-list).
//
// A page's mark goes before the first word of its first line of body
// text: inside a paragraph when the page begins mid-paragraph (the Text
// is split there), before the whole word when the page begins with the
// second half of a hyphenated one, at the start of a heading, list item,
// quotation or table cell when the page begins there, and before a code
// block or figure (in a paragraph of its own) when the page begins with
// one. Titles, bylines, running heads, footnotes and generated pages
// (title page, contents) are not body text, so a page holding only those
// — a part title, a blank verso — has no mark: its text, if any, is the
// next page's. Footnotes are not body text either, but notes set at a
// chapter's or the book's end are: a page that begins in them is marked
// in the note's text, and the note is copied along with every reference
// to it.
//
// b is not changed; the copy shares every chapter, block and inline that
// holds no mark.
func (r *Renderer) MarkPages(b *book.Book, opt render.Options) (*book.Book, error) {
	doc, err := LayoutWith(b, opt, r.Settings)
	if err != nil {
		return nil, fmt.Errorf("marking pages: %w", err)
	}
	m := newPageMarks(b, doc.Pages)
	m.copyNotes(b)
	out := *b
	out.Front = m.chapters(b.Front)
	out.Parts = m.parts(b.Parts)
	out.Back = m.chapters(b.Back)
	out.Meta.PageSource = pageSource(b)
	if m.placed < m.total {
		// Only a note that its chapter does not list can hide a mark.
		opt.Warnf(book.Pos{}, "%d of %d print page marks found no place in the text; the e-book's page list leaves those pages out", m.total-m.placed, m.total)
	}
	return &out, nil
}

// The PDF renderer can mark its pages in the text.
var _ render.PageMarker = (*Renderer)(nil)

// pageSource names the print edition whose pages are marked: its
// identifier (an ISBN), else its title.
func pageSource(b *book.Book) string {
	if b.Meta.Identifier != "" {
		return b.Meta.Identifier
	}
	return b.Meta.Title
}

// pageMark is one page's mark inside a book.Text: its folio and the rune
// offset where the page's text begins.
type pageMark struct {
	at    int
	label string
}

// pageMarks holds where each page's mark goes, by the model node it goes
// into (or before), and copies the book with the marks in place.
type pageMarks struct {
	inlines map[book.Inline][]pageMark
	blocks  map[book.Block][]string
	// notes maps each note whose text holds a mark (or refers to such a
	// note) to its marked copy.
	notes map[*book.Note]*book.Note
	// total counts the marks to place, placed those placed.
	total, placed int
}

// textPlace says what part of the book an inline or block belongs to.
type textPlace int

const (
	placeNone textPlace = iota
	// placeBody is a division's own text, where marks go.
	placeBody
	// placeNote is a footnote's text, which is left unmarked.
	placeNote
)

// newPageMarks finds each page's mark: the first of its body lines'
// places that lies in a division's text or an endnote. Places in
// generated text are passed over; a place in a footnote (which only a
// page's foot shows) ends the search with no mark.
func newPageMarks(b *book.Book, pages []*Page) *pageMarks {
	where := textPlaces(b)
	m := &pageMarks{inlines: map[book.Inline][]pageMark{}, blocks: map[book.Block][]string{}}
	for _, pg := range pages {
		for _, src := range pg.sources {
			var pl textPlace
			switch n := src.node.(type) {
			case book.Inline:
				pl = where.inlines[n]
			case book.Block:
				pl = where.blocks[n]
			}
			if pl == placeNone {
				continue
			}
			if pl == placeBody {
				m.total++
				switch n := src.node.(type) {
				case book.Inline:
					m.inlines[n] = append(m.inlines[n], pageMark{at: src.at, label: pg.Folio})
				case book.Block:
					m.blocks[n] = append(m.blocks[n], pg.Folio)
				}
			}
			break
		}
	}
	return m
}

// places records the part of the book every inline and every code block
// and figure belongs to.
type places struct {
	inlines map[book.Inline]textPlace
	blocks  map[book.Block]textPlace
}

// textPlaces finds where every inline a mark may go into (or before)
// lies: in the blocks of a division or of a note, the notes counting as
// body text unless they are footnotes. Titles, and a quotation's source
// (which is no member of an inline list), are left out.
func textPlaces(b *book.Book) places {
	w := places{inlines: map[book.Inline]textPlace{}, blocks: map[book.Block]textPlace{}}
	notes := placeBody
	if b.Notes.Placement == book.PlaceFootnotes {
		notes = placeNote
	}
	for _, ch := range b.AllChapters() {
		w.addBlocks(ch.Blocks, placeBody)
		for _, n := range ch.Notes {
			w.addBlocks(n.Blocks, notes)
		}
	}
	return w
}

// addBlocks records the blocks' inlines as lying in place pl.
func (w places) addBlocks(bs []book.Block, pl textPlace) {
	book.WalkBlocks(bs, func(bl book.Block) bool {
		switch n := bl.(type) {
		case *book.CodeBlock, *book.Figure:
			w.blocks[n] = pl
		case *book.BlockQuote:
			return true
		}
		for _, ins := range book.BlockInlines(bl) {
			book.WalkInlines(ins, func(in book.Inline) {
				if _, seen := w.inlines[in]; !seen {
					w.inlines[in] = pl
				}
			})
		}
		return true
	})
}

// copyNotes copies every note whose text holds a mark, and then every
// note that refers to a copied note, until none is left; the copies get
// their marked blocks once all are known, so that their references
// point at copies too.
func (m *pageMarks) copyNotes(b *book.Book) {
	m.notes = map[*book.Note]*book.Note{}
	var all []*book.Note
	for _, ch := range b.AllChapters() {
		all = append(all, ch.Notes...)
	}
	for grown := true; grown; {
		grown = false
		for _, n := range all {
			if m.notes[n] == nil && m.touches(n.Blocks) {
				c := *n
				m.notes[n] = &c
				grown = true
			}
		}
	}
	for _, n := range all {
		if c := m.notes[n]; c != nil {
			c.Blocks, _ = m.blockList(n.Blocks)
		}
	}
}

// touches reports whether blocks hold a mark or a reference to a note
// that is copied.
func (m *pageMarks) touches(bs []book.Block) bool {
	found := false
	book.WalkBlocks(bs, func(bl book.Block) bool {
		if len(m.blocks[bl]) > 0 {
			found = true
		}
		for _, ins := range book.BlockInlines(bl) {
			book.WalkInlines(ins, func(in book.Inline) {
				if len(m.inlines[in]) > 0 {
					found = true
				}
				if r, ok := in.(*book.NoteRef); ok && m.notes[r.Note] != nil {
					found = true
				}
			})
		}
		return !found
	})
	return found
}
