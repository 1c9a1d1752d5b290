package pdf

import (
	"samizdat/book"
)

// table sets a table as rows of cells between rules: a rule above, one
// under the header row and one below. Column widths follow the content:
// natural widths when they fit the measure, otherwise each column gets at
// least its longest word and the rest of the measure is shared out in
// proportion to how much more each column would like.
func (ts *typesetter) table(t *book.Table, e env) []entry {
	ncol := len(t.Head)
	for _, row := range t.Rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return nil
	}
	size, leading := e.size*0.9, e.leading*0.9
	pad := 0.4 * e.em()
	cellSpan := func(head bool) span {
		f := e.font
		if head {
			f = strong(f)
		}
		return span{font: f, size: size, role: e.role, hyphenate: e.hyphenate}
	}
	rows := make([][][]item, 0, len(t.Rows)+1)
	if len(t.Head) > 0 {
		rows = append(rows, ts.rowItems(t.Head, ncol, cellSpan(true), t.Pos))
	}
	for _, r := range t.Rows {
		rows = append(rows, ts.rowItems(r, ncol, cellSpan(false), t.Pos))
	}
	natural := make([]float64, ncol)
	least := make([]float64, ncol)
	for _, row := range rows {
		for c, items := range row {
			n, l := itemExtent(items)
			natural[c] = max(natural[c], n)
			least[c] = max(least[c], l)
		}
	}
	widths := columnWidths(natural, least, e.width-2*pad*float64(ncol))
	total := 2 * pad * float64(ncol)
	for _, w := range widths {
		total += w
	}
	x0 := e.left + max(0, (e.width-total)/2)

	var out []entry
	for ri, row := range rows {
		var c Content
		var notes []*book.Note
		var src srcRef
		h := 0.0
		x := x0
		for col, items := range row {
			ce := env{left: x + pad, width: widths[col], size: size, leading: leading, font: e.font, role: e.role, align: columnAlign(t.Align, col), markLevel: -1, hyphenate: e.hyphenate}
			y := pad / 2
			for _, l := range ts.setItems(items, ce, 0) {
				c.add(&l.Content, 0, y)
				notes = append(notes, l.notes...)
				if src.isZero() {
					src = l.src
				}
				y += l.height
			}
			h = max(h, y+pad/2)
			x += widths[col] + 2*pad
		}
		h = max(h, leading+pad)
		rule := func(y, th float64) {
			c.Rules = append(c.Rules, Rule{X1: x0, Y1: y, X2: x0 + total, Y2: y, Thickness: th})
		}
		head := len(t.Head) > 0 && ri == 0
		if ri == 0 {
			rule(0, 0.8)
		}
		if head {
			rule(h, 0.5)
		}
		if ri == len(rows)-1 {
			rule(h, 0.8)
		}
		out = append(out, entry{kind: entryBox, height: h, Content: c, notes: notes, keep: head, baseline: pad/2 + baselineIn(size, leading), src: src})
	}
	return out
}

// rowItems converts a row's cells, padding short rows with empty cells.
func (ts *typesetter) rowItems(cells [][]book.Inline, ncol int, s span, pos book.Pos) [][]item {
	out := make([][]item, ncol)
	for i := 0; i < ncol && i < len(cells); i++ {
		out[i] = ts.items(cells[i], s, pos)
	}
	return out
}

// itemExtent returns the width of a horizontal list set on one line (the
// widest line, when it has forced breaks) and the width of its widest
// word.
func itemExtent(items []item) (natural, least float64) {
	line, word := 0.0, 0.0
	for i := range items {
		it := &items[i]
		switch {
		case it.kind == itemBox:
			word += it.width
			line += it.width
		case it.kind == itemPenalty && it.forced:
			natural = max(natural, line)
			line, word = 0, 0
		default:
			word = 0
			line += it.width
		}
		least = max(least, word)
		natural = max(natural, line)
	}
	return natural, least
}

// columnWidths shares avail between columns that would like natural and
// need at least least.
func columnWidths(natural, least []float64, avail float64) []float64 {
	sumN, sumL := 0.0, 0.0
	for i := range natural {
		sumN += natural[i]
		sumL += least[i]
	}
	out := make([]float64, len(natural))
	switch {
	case sumN <= avail:
		copy(out, natural)
	case sumL < avail:
		extra := avail - sumL
		for i := range out {
			out[i] = least[i] + extra*(natural[i]-least[i])/(sumN-sumL)
		}
	default:
		// Even the longest words do not fit: scale them, and the line
		// breaker cuts words between characters.
		for i := range out {
			out[i] = avail / float64(len(out))
			if sumL > 0 {
				out[i] = least[i] * avail / sumL
			}
		}
	}
	return out
}

// columnAlign maps a table column's alignment to a line alignment.
func columnAlign(aligns []book.Align, col int) lineAlign {
	if col < len(aligns) {
		switch aligns[col] {
		case book.AlignCenter:
			return alignCenter
		case book.AlignRight:
			return alignRight
		}
	}
	return alignLeft
}
