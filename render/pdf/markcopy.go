package pdf

import "samizdat/book"

// The copy-on-write half of MarkPages: the book is copied along the
// paths from its root to the page marks only — a division, the blocks
// and inline containers that hold a mark — and to note references whose
// note holds one (notes set at a chapter's or the book's end), which
// must point at the note's copy. Everything else is shared.

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

// replaceEach returns xs with each element replaced by what f makes of
// it, and whether f changed any. xs is copied at the first change and
// returned itself when nothing changed, so unmarked parts of the book are
// shared, not copied.
func replaceEach[T any](xs []T, f func(T) (T, bool)) ([]T, bool) {
	var out []T
	for i, x := range xs {
		y, changed := f(x)
		if !changed {
			continue
		}
		if out == nil {
			out = append([]T(nil), xs...)
		}
		out[i] = y
	}
	if out == nil {
		return xs, false
	}
	return out, true
}

// chapters returns chs with marked chapters replaced by marked copies;
// chs itself when none is marked. A chapter whose notes are copied is
// copied with them.
func (m *pageMarks) chapters(chs []*book.Chapter) []*book.Chapter {
	var out []*book.Chapter
	for i, ch := range chs {
		bs, changed := m.blockList(ch.Blocks)
		notes, notesChanged := m.noteList(ch.Notes)
		changed = changed || notesChanged
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
		c.Blocks, c.Notes = bs, notes
		out = append(out, &c)
	}
	if out == nil {
		return chs
	}
	return out
}

// noteList returns notes with copied notes replaced by their copies, and
// whether any was (notes itself is returned when none was).
func (m *pageMarks) noteList(notes []*book.Note) ([]*book.Note, bool) {
	return replaceEach(notes, func(n *book.Note) (*book.Note, bool) {
		c := m.notes[n]
		return c, c != nil
	})
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
		bs, ok := m.blockList(n.Blocks)
		src, sok := n.Source, false
		if n.Source != nil {
			src, sok = m.container(n.Source)
		}
		if ok || sok {
			c := *n
			c.Blocks, c.Source = bs, src
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
	items, changed := replaceEach(l.Items, func(it book.ListItem) (book.ListItem, bool) {
		bs, ok := m.blockList(it.Blocks)
		it.Blocks = bs
		return it, ok
	})
	if !changed {
		return l, false
	}
	c := *l
	c.Items = items
	return &c, true
}

// definitions returns a marked copy of a definition list.
func (m *pageMarks) definitions(d *book.DefinitionList) (book.Block, bool) {
	items, changed := replaceEach(d.Items, func(it book.Definition) (book.Definition, bool) {
		term, tok := m.inlineList(it.Term)
		defs, dok := replaceEach(it.Defs, m.blockList)
		it.Term, it.Defs = term, defs
		return it, tok || dok
	})
	if !changed {
		return d, false
	}
	c := *d
	c.Items = items
	return &c, true
}

// table returns a marked copy of a table.
func (m *pageMarks) table(t *book.Table) (book.Block, bool) {
	head, hok := m.cells(t.Head)
	rows, rok := replaceEach(t.Rows, m.cells)
	if !hok && !rok {
		return t, false
	}
	c := *t
	c.Head, c.Rows = head, rows
	return &c, true
}

// cells returns a row of cells with marked cells copied.
func (m *pageMarks) cells(row [][]book.Inline) ([][]book.Inline, bool) {
	return replaceEach(row, m.inlineList)
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
// link, a rendered citation) when a mark lies inside it, or of a note
// reference whose note is copied; else in.
func (m *pageMarks) container(in book.Inline) (book.Inline, bool) {
	switch n := in.(type) {
	case *book.NoteRef:
		if c := m.notes[n.Note]; c != nil {
			return &book.NoteRef{Note: c, Index: n.Index}, true
		}
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
