package pdf

import "samizdat/book"

// eps absorbs rounding when comparing lengths.
const eps = 1e-6

// lineRange is one line chosen by a line breaker: items[start:end], and
// whether it ends a paragraph or a forced break (so it is not justified).
type lineRange struct {
	start, end int
	last       bool
}

// lineBreaker chooses where the lines of a paragraph end. width gives the
// measure of each line by its number from 0. The greedy breaker is the
// first implementation; the Knuth–Plass breaker will replace it behind
// this interface, working on the same items.
type lineBreaker interface {
	breakLines(items []item, width func(line int) float64) []lineRange
}

// greedy fills each line with as many words as fit, counting the glue's
// shrinkability, and breaks at the last glue or penalty before the word
// that does not fit. Every box must fit a line on its own (see
// splitLong).
type greedy struct{}

func (greedy) breakLines(items []item, width func(int) float64) []lineRange {
	var lines []lineRange
	skip := func(i int) int {
		for i < len(items) && (items[i].kind == itemGlue || items[i].kind == itemPenalty && !items[i].forced) {
			i++
		}
		return i
	}
	start := skip(0)
	for start < len(items) {
		w := width(len(lines))
		natural, shrink := 0.0, 0.0
		brk := -1
		end, last := len(items), true
		for i := start; i < len(items); i++ {
			it := items[i]
			if it.kind == itemPenalty && it.forced {
				end = i
				break
			}
			if it.kind != itemBox {
				if !it.nobreak {
					brk = i
				}
				natural += it.width
				shrink += it.shrink
				continue
			}
			natural += it.width
			if natural-shrink > w+eps && brk >= 0 {
				end, last = brk, false
				break
			}
		}
		lines = append(lines, lineRange{start: start, end: end, last: last})
		if end >= len(items) {
			break
		}
		if items[end].forced {
			start = end + 1
			// A forced break at the very end leaves no empty line.
			if start >= len(items) {
				break
			}
			continue
		}
		start = skip(end + 1)
	}
	return lines
}

// splitLong lets the line breaker cut any word wider than limit between
// its characters, so that no line overflows the measure: such a word is
// set one character to a box with a break opportunity after each, and the
// breaker fills each line with as much of it as fits.
func (ts *typesetter) splitLong(items []item, limit float64) []item {
	out := make([]item, 0, len(items))
	for i := 0; i < len(items); {
		if items[i].kind != itemBox {
			out = append(out, items[i])
			i++
			continue
		}
		j, total := i, 0.0
		for ; j < len(items) && items[j].kind == itemBox; j++ {
			total += items[j].width
		}
		if total <= limit+eps {
			out = append(out, items[i:j]...)
			i = j
			continue
		}
		for k, b := range items[i:j] {
			if k > 0 {
				out = append(out, item{kind: itemPenalty})
			}
			if b.text == "" {
				out = append(out, b)
				continue
			}
			for n, r := range []rune(b.text) {
				if n > 0 {
					out = append(out, item{kind: itemPenalty})
				}
				c := b
				c.text = string(r)
				c.width = ts.width(b.font, c.text, b.size)
				out = append(out, c)
				b.notes, b.anchor = nil, ""
			}
		}
		i = j
	}
	return out
}

// lineAlign is how a line sits in its measure.
type lineAlign int

// Line alignments.
const (
	alignJustify lineAlign = iota
	alignLeft
	alignCenter
	alignRight
)

// setLine positions items on a line of the given width starting at x0,
// with its baseline at y, and returns what to draw and the notes the
// line refers to. A justified line that is not a paragraph's last is
// stretched to the full width; any line wider than the width is shrunk.
func setLine(items []item, x0, y, width float64, align lineAlign, last bool) (Content, []*book.Note) {
	// Leading and trailing glue and penalties take no room.
	for len(items) > 0 && items[0].kind != itemBox {
		items = items[1:]
	}
	for len(items) > 0 && items[len(items)-1].kind != itemBox {
		items = items[:len(items)-1]
	}
	natural, stretch, shrink := 0.0, 0.0, 0.0
	for _, it := range items {
		natural += it.width
		stretch += it.stretch
		shrink += it.shrink
	}
	ratio := 0.0
	switch {
	case natural > width+eps && shrink > 0:
		ratio = -min((natural-width)/shrink, 1)
	case align == alignJustify && !last && natural < width && stretch > 0:
		ratio = (width - natural) / stretch
	}
	set := natural
	if ratio > 0 {
		set += ratio * stretch
	} else {
		set += ratio * shrink
	}
	x := 0.0
	switch align {
	case alignCenter:
		x = (width - set) / 2
	case alignRight:
		x = width - set
	}
	var c Content
	var notes []*book.Note
	lk := &runMerger{}
	st := &runMerger{}
	for _, it := range items {
		w := it.width
		if it.kind == itemGlue {
			if ratio > 0 {
				w += ratio * it.stretch
			} else {
				w += ratio * it.shrink
			}
		}
		if it.kind == itemBox {
			switch {
			case it.pic != nil:
				c.Images = append(c.Images, Picture{Rect: Rect{X: x0 + x, Y: y - 0.8*it.size, W: w, H: it.size}, Asset: it.pic})
			case it.text != "":
				c.Texts = append(c.Texts, Text{X: x0 + x, Y: y - it.rise, Font: it.font, Size: it.size, Text: it.text, Width: w, Role: it.role})
			}
			if it.anchor != "" {
				c.Anchors = append(c.Anchors, Anchor{ID: it.anchor, Y: y - it.size})
			}
			notes = append(notes, it.notes...)
		}
		lk.add(&c, it.link, x0+x, w, it.kind == itemBox, it.size, y-it.rise)
		strike := ""
		if it.strike {
			strike = "strike"
		}
		st.add(&c, strike, x0+x, w, it.kind == itemBox, it.size, y)
		x += w
	}
	lk.flush(&c)
	st.flush(&c)
	return c, notes
}

// runMerger joins neighbouring items that share a link (or a strike) into
// one area (or one rule), so that a linked phrase is one click target and
// a struck phrase one line, spaces included.
type runMerger struct {
	key        string
	x0, x1     float64
	size, base float64
	open       bool
}

// add extends the current run with an item at x of width w, or closes it
// and starts another. Glue extends a run only when a box follows, so a
// run never ends in a space.
func (m *runMerger) add(c *Content, key string, x, w float64, box bool, size, base float64) {
	if key != m.key || !m.open && !box {
		m.flush(c)
		if key == "" || !box {
			return
		}
		*m = runMerger{key: key, x0: x, x1: x + w, size: size, base: base, open: true}
		return
	}
	if box {
		m.x1 = x + w
		m.size = max(m.size, size)
	}
}

// flush emits the current run.
func (m *runMerger) flush(c *Content) {
	if !m.open {
		*m = runMerger{}
		return
	}
	switch m.key {
	case "strike":
		y := m.base - 0.28*m.size
		c.Rules = append(c.Rules, Rule{X1: m.x0, Y1: y, X2: m.x1, Y2: y, Thickness: m.size / 18})
	default:
		r := Rect{X: m.x0, Y: m.base - 0.8*m.size, W: m.x1 - m.x0, H: 1.05 * m.size}
		if len(m.key) > 0 && m.key[0] == '#' {
			c.Links = append(c.Links, Link{Rect: r, Dest: m.key[1:]})
		} else {
			c.Links = append(c.Links, Link{Rect: r, URL: m.key})
		}
	}
	*m = runMerger{}
}
