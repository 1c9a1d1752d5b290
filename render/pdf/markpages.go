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
// next page's. A page that begins in notes set at a chapter's or the
// book's end has no mark either, since marking a note would mean
// copying it and every reference to it.
//
// b is not changed; the copy shares every chapter, block and inline that
// holds no mark.
func (r *Renderer) MarkPages(b *book.Book, opt render.Options) (*book.Book, error) {
	doc, err := LayoutWith(b, opt, r.Settings)
	if err != nil {
		return nil, fmt.Errorf("marking pages: %w", err)
	}
	m := newPageMarks(b, doc.Pages)
	out := *b
	out.Front = m.chapters(b.Front)
	out.Parts = m.parts(b.Parts)
	out.Back = m.chapters(b.Back)
	out.Meta.PageSource = pageSource(b)
	if m.placed < m.total {
		return nil, fmt.Errorf("marking pages: %d of %d page marks found no place in the text", m.total-m.placed, m.total)
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
	// total counts the marks to place, placed those placed.
	total, placed int
}

// textPlace says what part of the book an inline or block belongs to.
type textPlace int

const (
	placeNone textPlace = iota
	// placeBody is a division's own text, where marks go.
	placeBody
	// placeNote is a note's text, which is left unmarked.
	placeNote
)

// newPageMarks finds each page's mark: the first of its body lines'
// places that lies in a division's text. Places in generated text are
// passed over; a place in a note ends the search with no mark.
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
// lies: in the blocks of a division or of a note. Titles, and a
// quotation's source (which is no member of an inline list), are left
// out.
func textPlaces(b *book.Book) places {
	w := places{inlines: map[book.Inline]textPlace{}, blocks: map[book.Block]textPlace{}}
	for _, ch := range b.AllChapters() {
		w.addBlocks(ch.Blocks, placeBody)
		for _, n := range ch.Notes {
			w.addBlocks(n.Blocks, placeNote)
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

// parts returns ps with marked chapters replaced by marked copies.
func (m *pageMarks) parts(ps []*book.Part) []*book.Part {
	var out []*book.Part
	for i, p := range ps {
		chs := m.chapters(p.Chapters)
		if out == nil && !sameSlice(chs, p.Chapters) {
			out = append(make([]*book.Part, 0, len(ps)), ps[:i]...)
		}
		if out == nil {
			continue
		}
		if sameSlice(chs, p.Chapters) {
			out = append(out, p)
			continue
		}
		c := *p
		c.Chapters = chs
		out = append(out, &c)
	}
	if out == nil {
		return ps
	}
	return out
}

// sameSlice reports whether a and b are the same slice (not merely
// equal): the copy functions return their argument when nothing changed.
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// chapters returns chs with marked chapters replaced by marked copies;
// chs itself when none is marked.
func (m *pageMarks) chapters(chs []*book.Chapter) []*book.Chapter {
	var out []*book.Chapter
	for i, ch := range chs {
		bs, changed := m.blockList(ch.Blocks)
		if changed && out == nil {
			out = append(make([]*book.Chapter, 0, len(chs)), chs[:i]...)
		}
		if out == nil {
			continue
		}
		if !changed {
			out = append(out, ch)
			continue
		}
		c := *ch
		c.Blocks = bs
		out = append(out, &c)
	}
	if out == nil {
		return chs
	}
	return out
}

// blockList returns bs with marked blocks copied and a paragraph of page
// breaks before each marked code block or figure, and whether anything
// changed (bs itself is returned when nothing did).
func (m *pageMarks) blockList(bs []book.Block) ([]book.Block, bool) {
	var out []book.Block
	for i, b := range bs {
		nb, changed := m.block(b)
		labels := m.blocks[b]
		if (changed || len(labels) > 0) && out == nil {
			out = append(make([]book.Block, 0, len(bs)+1), bs[:i]...)
		}
		if out == nil {
			continue
		}
		if len(labels) > 0 {
			p := &book.Paragraph{Pos: b.Position()}
			for _, l := range labels {
				p.Inlines = append(p.Inlines, &book.PageBreak{Label: l})
				m.placed++
			}
			out = append(out, p)
		}
		out = append(out, nb)
	}
	if out == nil {
		return bs, false
	}
	return out, true
}

// block returns a marked copy of b, or b and false when nothing in it is
// marked.
func (m *pageMarks) block(b book.Block) (book.Block, bool) {
	switch n := b.(type) {
	case *book.Paragraph:
		if ins, ok := m.inlineList(n.Inlines); ok {
			c := *n
			c.Inlines = ins
			return &c, true
		}
	case *book.Heading:
		if ins, ok := m.inlineList(n.Inlines); ok {
			c := *n
			c.Inlines = ins
			return &c, true
		}
	case *book.BlockQuote:
		if bs, ok := m.blockList(n.Blocks); ok {
			c := *n
			c.Blocks = bs
			return &c, true
		}
	case *book.List:
		return m.list(n)
	case *book.DefinitionList:
		return m.definitions(n)
	case *book.Table:
		return m.table(n)
	case *book.Figure:
		if ins, ok := m.inlineList(n.Caption); ok {
			c := *n
			c.Caption = ins
			return &c, true
		}
	}
	return b, false
}

// list returns a marked copy of a list.
func (m *pageMarks) list(l *book.List) (book.Block, bool) {
	var items []book.ListItem
	for i, it := range l.Items {
		bs, ok := m.blockList(it.Blocks)
		if ok && items == nil {
			items = append([]book.ListItem(nil), l.Items...)
		}
		if ok {
			items[i].Blocks = bs
		}
	}
	if items == nil {
		return l, false
	}
	c := *l
	c.Items = items
	return &c, true
}

// definitions returns a marked copy of a definition list.
func (m *pageMarks) definitions(d *book.DefinitionList) (book.Block, bool) {
	var items []book.Definition
	for i, it := range d.Items {
		term, tok := m.inlineList(it.Term)
		var defs [][]book.Block
		for k, def := range it.Defs {
			bs, ok := m.blockList(def)
			if ok && defs == nil {
				defs = append([][]book.Block(nil), it.Defs...)
			}
			if ok {
				defs[k] = bs
			}
		}
		if (tok || defs != nil) && items == nil {
			items = append([]book.Definition(nil), d.Items...)
		}
		if tok {
			items[i].Term = term
		}
		if defs != nil {
			items[i].Defs = defs
		}
	}
	if items == nil {
		return d, false
	}
	c := *d
	c.Items = items
	return &c, true
}

// table returns a marked copy of a table.
func (m *pageMarks) table(t *book.Table) (book.Block, bool) {
	head, hok := m.cells(t.Head)
	var rows [][][]book.Inline
	for i, row := range t.Rows {
		cs, ok := m.cells(row)
		if ok && rows == nil {
			rows = append([][][]book.Inline(nil), t.Rows...)
		}
		if ok {
			rows[i] = cs
		}
	}
	if !hok && rows == nil {
		return t, false
	}
	c := *t
	c.Head = head
	if rows != nil {
		c.Rows = rows
	}
	return &c, true
}

// cells returns a row of cells with marked cells copied.
func (m *pageMarks) cells(row [][]book.Inline) ([][]book.Inline, bool) {
	var out [][]book.Inline
	for i, cell := range row {
		ins, ok := m.inlineList(cell)
		if ok && out == nil {
			out = append([][]book.Inline(nil), row...)
		}
		if ok {
			out[i] = ins
		}
	}
	if out == nil {
		return row, false
	}
	return out, true
}

// inlineList returns ins with page breaks in place, and whether anything
// changed (ins itself is returned when nothing did).
func (m *pageMarks) inlineList(ins []book.Inline) ([]book.Inline, bool) {
	var out []book.Inline
	for i, in := range ins {
		rep, changed := m.inline(in)
		if changed && out == nil {
			out = append(make([]book.Inline, 0, len(ins)+2), ins[:i]...)
		}
		if out == nil {
			continue
		}
		if changed {
			out = append(out, rep...)
		} else {
			out = append(out, in)
		}
	}
	if out == nil {
		return ins, false
	}
	return out, true
}

// inline returns what stands for in once marked: a Text split at its
// marks with page breaks between the pieces, page breaks before any
// other marked inline, a container with marked content copied.
func (m *pageMarks) inline(in book.Inline) ([]book.Inline, bool) {
	marks := m.inlines[in]
	if t, ok := in.(*book.Text); ok && len(marks) > 0 {
		return m.splitText(t, marks), true
	}
	node, changed := m.container(in)
	if len(marks) == 0 {
		return []book.Inline{node}, changed
	}
	out := make([]book.Inline, 0, len(marks)+1)
	for _, mk := range marks {
		out = append(out, &book.PageBreak{Label: mk.label})
		m.placed++
	}
	return append(out, node), true
}

// splitText cuts t at its marks (rune offsets, ascending) and puts a page
// break at each cut.
func (m *pageMarks) splitText(t *book.Text, marks []pageMark) []book.Inline {
	rs := []rune(t.Text)
	out := make([]book.Inline, 0, 2*len(marks)+1)
	prev := 0
	for _, mk := range marks {
		at := min(max(mk.at, prev), len(rs))
		if at > prev {
			out = append(out, &book.Text{Text: string(rs[prev:at])})
		}
		out = append(out, &book.PageBreak{Label: mk.label})
		m.placed++
		prev = at
	}
	if prev < len(rs) {
		out = append(out, &book.Text{Text: string(rs[prev:])})
	}
	return out
}

// container returns a copy of an inline that holds inlines (emphasis, a
// link, a rendered citation) when a mark lies inside it, else in.
func (m *pageMarks) container(in book.Inline) (book.Inline, bool) {
	switch n := in.(type) {
	case *book.Emph:
		if ins, ok := m.inlineList(n.Inlines); ok {
			return &book.Emph{Inlines: ins}, true
		}
	case *book.Strong:
		if ins, ok := m.inlineList(n.Inlines); ok {
			return &book.Strong{Inlines: ins}, true
		}
	case *book.Strike:
		if ins, ok := m.inlineList(n.Inlines); ok {
			return &book.Strike{Inlines: ins}, true
		}
	case *book.Link:
		if ins, ok := m.inlineList(n.Inlines); ok {
			c := *n
			c.Inlines = ins
			return &c, true
		}
	case *book.Citation:
		if ins, ok := m.inlineList(n.Rendered); ok {
			c := *n
			c.Rendered = ins
			return &c, true
		}
	}
	return in, false
}
