package pdf

import (
	"strconv"

	"samizdat/book"
)

// env is the setting blocks are laid out in: where the measure lies
// (relative to the text area's left edge), the type size and leading, the
// base face and alignment, and the role of the text.
type env struct {
	left, width   float64
	size, leading float64
	font          Font
	role          Role
	align         lineAlign
	// listDepth counts enclosing lists, for the bullet shape.
	listDepth int
	// markLevel is the outline level of level-2 headings, or -1 for
	// none (headings inside notes, quotations, lists).
	markLevel int
	// hyphenate allows words to be hyphenated.
	hyphenate bool
}

// em is the width of an em in the environment's size.
func (e env) em() float64 { return e.size }

// span returns the inline style of running text in e.
func (e env) span() span {
	return span{font: e.font, size: e.size, role: e.role, hyphenate: e.hyphenate}
}

// blocks lays out a sequence of blocks. Paragraphs follow each other
// without space, with a first-line indent; other blocks are set off by
// space, and the paragraph after them starts flush.
func (ts *typesetter) blocks(bs []book.Block, e env) []entry {
	return ts.appendBlocks(nil, bs, e)
}

// appendBlocks is blocks appending to out: a chapter's lines go straight
// into its galley rather than through a slice of their own, copied
// again (with every entry some 300 bytes, a long book's lines weigh
// tens of megabytes).
func (ts *typesetter) appendBlocks(out []entry, bs []book.Block, e env) []entry {
	out, _ = ts.flowBlocks(out, bs, e, blockState{prevAfter: -1})
	return out
}

// blockState is all a block's layout needs to know of the blocks before
// it in its flow.
type blockState struct {
	// prevPara says the last block set was a paragraph (the next one
	// is indented); prevAfter is the space the last block wants after
	// it, negative before the first.
	prevPara  bool
	prevAfter float64
}

// after returns the state once b is set, when it gave any entries.
func (st blockState) after(b book.Block, e env) blockState {
	_, st.prevAfter = spacing(b, e)
	_, st.prevPara = b.(*book.Paragraph)
	return st
}

// flowBlocks is appendBlocks from state st, returning the state after.
func (ts *typesetter) flowBlocks(out []entry, bs []book.Block, e env, st blockState) ([]entry, blockState) {
	for _, b := range bs {
		es := ts.block(b, e, st.prevPara)
		if len(es) == 0 {
			continue
		}
		before, _ := spacing(b, e)
		if st.prevAfter >= 0 {
			if gap := max(before, st.prevAfter); gap > 0 {
				out = append(out, space(gap))
			}
		}
		out = append(out, es...)
		st = st.after(b, e)
	}
	return out, st
}

// spacing returns the space wanted before and after a block.
func spacing(b book.Block, e env) (before, after float64) {
	switch n := b.(type) {
	case *book.Paragraph:
		return 0, 0
	case *book.List:
		if e.listDepth > 0 && n.Tight {
			// A tight list nested in an item follows its text closely.
			return 0, 0
		}
	case *book.Heading:
		if n.Level <= 2 {
			return 1.5 * e.leading, 0.5 * e.leading
		}
		return e.leading, 0.25 * e.leading
	}
	return 0.5 * e.leading, 0.5 * e.leading
}

// block lays out one block; indent says whether a paragraph gets a
// first-line indent.
func (ts *typesetter) block(b book.Block, e env, indent bool) []entry {
	switch n := b.(type) {
	case *book.Paragraph:
		ind := 0.0
		if indent {
			ind = e.em()
		}
		return ts.paragraph(n.Inlines, n.Pos, e, ind)
	case *book.Heading:
		return ts.heading(n, e)
	case *book.BlockQuote:
		return ts.quote(n, e)
	case *book.List:
		return ts.list(n, e)
	case *book.DefinitionList:
		return ts.definitions(n, e)
	case *book.CodeBlock:
		return placeBlock(ts.code(n, e), n)
	case *book.Table:
		return ts.table(n, e)
	case *book.SectionBreak:
		return ts.sectionBreak(e)
	case *book.Figure:
		return placeBlock(ts.figure(n, e), n)
	}
	return nil
}

// placeBlock gives the boxes of es that have no place in the model's
// text (a code block's lines, a figure's image) the place before block
// b, and returns es.
func placeBlock(es []entry, b book.Block) []entry {
	for i := range es {
		if es[i].kind == entryBox && es[i].src.isZero() {
			es[i].src = srcRef{node: b}
		}
	}
	return es
}

// paragraph sets inlines as lines of the environment's measure, the first
// indented by indent, and holds the first two and the last two lines
// together so that no page starts with a paragraph's last line or ends
// with its first.
//
// Its horizontal list is built in memory kept from the paragraph before:
// an item is large, a paragraph has hundreds, and nothing keeps them once
// its lines are made. The memory is taken while in use, so a paragraph
// set inside another gets its own.
func (ts *typesetter) paragraph(ins []book.Inline, pos book.Pos, e env, indent float64) []entry {
	items := ts.itemsInto(ts.itemBuf[:0], ins, e.span(), pos)
	ts.itemBuf = nil
	out := ts.setItems(items, e, indent)
	ts.itemBuf = items[:0]
	return out
}

// setItems breaks a horizontal list into lines and makes their boxes,
// the first line indented by indent.
func (ts *typesetter) setItems(items []item, e env, indent float64) []entry {
	return ts.setHanging(items, e, indent, 0)
}

// setHanging breaks a horizontal list into lines indented by indent (the
// first) and hang (the others), and makes their boxes. The first two and
// the last two lines are held together, so that no page starts with a
// paragraph's last line or ends with its first.
func (ts *typesetter) setHanging(items []item, e env, indent, hang float64) []entry {
	for len(items) > 0 && items[len(items)-1].kind != itemBox && !items[len(items)-1].forced {
		items = items[:len(items)-1]
	}
	if len(items) == 0 {
		return nil
	}
	items = ts.splitLong(items, e.width-max(indent, hang))
	ranges := breakLinesWith(&ts.kp, items, e.width-indent, e.width-hang, e.align != alignJustify)
	base := baselineIn(e.size, e.leading)
	out := make([]entry, 0, len(ranges))
	for i, r := range ranges {
		x, w := e.left+hang, e.width-hang
		if i == 0 {
			x, w = e.left+indent, e.width-indent
		}
		c, notes := ts.setLine(items[r.start:r.end], x, base, w, e.align, r.last, r.hyphen)
		l := lineBox(c, notes, e.leading, base)
		l.src = firstSource(items[r.start:r.end])
		l.flow = flowLine{para: ts.paras + 1, line: i, lines: len(ranges), justified: e.align == alignJustify, ragged: r.last}
		if l.flow.justified {
			l.flow.short = x + w - rightmost(&c)
		}
		out = append(out, l)
	}
	ts.paras++
	if n := len(out); n >= 2 {
		out[0].keep = true
		out[n-2].keep = true
	}
	return out
}

// headingStyle returns the face and size of a heading level.
func headingStyle(level int, e env) (Font, float64) {
	switch {
	case level <= 2:
		return FontBold, e.size * 1.15
	case level == 3:
		return FontBoldItalic, e.size
	}
	return FontItalic, e.size
}

// heading sets a section heading flush left, kept with what follows, with
// an anchor for links and, for level 2, an outline entry.
func (ts *typesetter) heading(h *book.Heading, e env) []entry {
	he := e
	he.font, he.size = headingStyle(h.Level, e)
	he.leading = he.size * 1.25
	he.align, he.role, he.hyphenate = alignLeft, RoleHeading, false
	es := ts.paragraph(h.Inlines, h.Pos, he, 0)
	if len(es) == 0 {
		return nil
	}
	var anchors []Anchor
	var marks []Mark
	if h.ID != "" {
		anchors = append(anchors, Anchor{ID: h.ID})
	}
	if h.Level == 2 && e.markLevel >= 0 {
		marks = append(marks, Mark{Title: book.PlainText(h.Inlines), Level: e.markLevel})
	}
	if anchors != nil || marks != nil {
		es = append([]entry{marker(anchors, marks)}, es...)
	}
	return keepAll(es)
}

// quote sets a block quotation indented on both sides, a size smaller.
// Its source note reference goes after the last paragraph's last word.
func (ts *typesetter) quote(q *book.BlockQuote, e env) []entry {
	qe := e
	qe.left += 1.5 * e.em()
	qe.width -= 3 * e.em()
	qe.size, qe.leading = e.size*0.9, e.leading*0.9
	qe.markLevel = -1
	return ts.blocks(withSource(q.Blocks, q.Source), qe)
}

// withSource returns blocks with src appended to the last paragraph, or
// as a paragraph of its own when the quotation does not end in one.
func withSource(blocks []book.Block, src book.Inline) []book.Block {
	if src == nil {
		return blocks
	}
	out := append([]book.Block(nil), blocks...)
	if n := len(out); n > 0 {
		if p, ok := out[n-1].(*book.Paragraph); ok {
			ins := append(append([]book.Inline(nil), p.Inlines...), src)
			out[n-1] = &book.Paragraph{Inlines: ins, Pos: p.Pos}
			return out
		}
	}
	return append(out, &book.Paragraph{Inlines: []book.Inline{src}})
}

// list sets a bulleted or numbered list with hanging markers.
func (ts *typesetter) list(l *book.List, e env) []entry {
	labels := make([]string, len(l.Items))
	labelW := 0.0
	for i := range l.Items {
		if l.Ordered {
			labels[i] = strconv.Itoa(l.Start+i) + "."
		} else {
			labels[i] = ts.bullets[e.listDepth%len(ts.bullets)]
		}
		labelW = max(labelW, ts.width(e.font, labels[i], e.size))
	}
	gap := 0.5 * e.em()
	hang := max(labelW+gap, 1.5*e.em())
	ie := e
	ie.left += hang
	ie.width -= hang
	ie.listDepth++
	ie.markLevel = -1
	var out []entry
	for i, it := range l.Items {
		es := ts.blocks(it.Blocks, ie)
		if i > 0 && !l.Tight {
			out = append(out, space(0.5*e.leading))
		}
		w := ts.width(e.font, labels[i], e.size)
		ts.label(es, Text{X: e.left + hang - gap - w, Font: e.font, Size: e.size, Text: labels[i], Width: w, Role: e.role}, e)
		out = append(out, es...)
	}
	return out
}

// label adds a marker (list bullet, note number) on the first line of es,
// or on a line of its own when es is empty. It returns es.
func (ts *typesetter) label(es []entry, t Text, e env) []entry {
	i := firstBox(es)
	if i < 0 {
		return es
	}
	base := es[i].baseline
	if base == 0 {
		base = baselineIn(e.size, e.leading)
	}
	t.Y = base
	es[i].Texts = append([]Text{t}, es[i].Texts...)
	return es
}

// definitions sets each term in bold, flush, and its definitions
// indented below it.
func (ts *typesetter) definitions(d *book.DefinitionList, e env) []entry {
	te := e
	te.font, te.align = strong(e.font), alignLeft
	de := e
	de.left += 1.5 * e.em()
	de.width -= 1.5 * e.em()
	de.markLevel = -1
	var out []entry
	for i, it := range d.Items {
		if i > 0 {
			out = append(out, space(0.3*e.leading))
		}
		out = append(out, keepAll(ts.paragraph(it.Term, d.Pos, te, 0))...)
		for _, def := range it.Defs {
			out = ts.appendBlocks(out, def, de)
		}
	}
	return out
}

// sectionBreak sets the ornament centred on a line of its own.
func (ts *typesetter) sectionBreak(e env) []entry {
	w := ts.width(FontRegular, ts.ornament, e.size)
	base := baselineIn(e.size, e.leading)
	c := Content{Texts: []Text{{X: e.left + (e.width-w)/2, Y: base, Font: FontRegular, Size: e.size, Text: ts.ornament, Width: w, Role: e.role}}}
	return []entry{lineBox(c, nil, e.leading, base)}
}
