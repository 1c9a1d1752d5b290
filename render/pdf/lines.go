package pdf

import "samizdat/book"

// eps absorbs rounding when comparing lengths.
const eps = 1e-6

// lineRange is one line chosen by the line breaker: items[start:end];
// whether it ends a paragraph or a forced break (so it is not
// justified); whether it ends at a hyphenation point (so a hyphen is
// added).
type lineRange struct {
	start, end int
	last       bool
	hyphen     bool
}

// splitLong lets the line breaker cut any word wider than limit between
// its characters, so that no line overflows the measure: such a word is
// set one character to a box with a break opportunity after each, and the
// breaker fills each line with as much of it as fits.
func (ts *typesetter) splitLong(items []item, limit float64) []item {
	if !hasLongRun(items, limit) {
		return items
	}
	// A space that must not break (before a dash) gives way when what it
	// holds together is wider than the measure.
	releaseNoBreaks(items, limit)
	if !hasLongRun(items, limit) {
		return items
	}
	out := make([]item, 0, len(items))
	for i := 0; i < len(items); {
		if items[i].kind != itemBox {
			out = append(out, items[i])
			i++
			continue
		}
		// A word runs to the next glue: its hyphenation points do not
		// help when it is wider than the measure, since a ladder of
		// hyphenated lines is limited, so it is cut between characters.
		j, total := i, 0.0
		for ; j < len(items) && (items[j].kind == itemBox || isDiscretionary(&items[j])); j++ {
			if items[j].kind == itemBox {
				total += items[j].width
			}
		}
		if total <= limit+eps {
			out = append(out, items[i:j]...)
			i = j
			continue
		}
		for k, b := range items[i:j] {
			if isDiscretionary(&b) {
				continue
			}
			if k > 0 {
				out = append(out, item{kind: itemPenalty, penalty: hyphenPenalty})
			}
			if b.text == "" {
				out = append(out, b)
				continue
			}
			for n, r := range []rune(b.text) {
				if n > 0 {
					out = append(out, item{kind: itemPenalty, penalty: hyphenPenalty})
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

// releaseNoBreaks makes the unbreakable spaces inside a run wider than
// limit breakable again.
func releaseNoBreaks(items []item, limit float64) {
	start, run := 0, 0.0
	for i := range items {
		it := &items[i]
		switch {
		case isDiscretionary(it):
			continue
		case it.kind == itemBox, it.kind == itemGlue && it.nobreak:
			run += it.width
			if run <= limit+eps {
				continue
			}
			for k := start; k <= i; k++ {
				if items[k].kind == itemGlue {
					items[k].nobreak = false
				}
			}
			// What follows in the run is still too long: each item is
			// looked at once.
			start = i + 1
		default:
			start, run = i+1, 0
		}
	}
}

// hasLongRun reports whether boxes with nothing to break between them
// (unbreakable spaces included) add up to more than limit.
func hasLongRun(items []item, limit float64) bool {
	run := 0.0
	for i := range items {
		it := &items[i]
		if isDiscretionary(it) {
			continue
		}
		if it.kind == itemGlue && it.nobreak {
			run += it.width
			continue
		}
		if it.kind != itemBox {
			run = 0
			continue
		}
		run += it.width
		if run > limit+eps {
			return true
		}
	}
	return false
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

// segment is a run of boxes set as one piece of text (or one picture):
// neighbouring boxes of one style, such as the syllables of a word, are
// drawn together so that the word is kerned and measured whole. It holds
// items[from:to] of its line, penalties inside it included.
type segment struct {
	from, to int
	text     string
	width    float64
	glue     bool
}

// segments groups a line's items into text runs and glue, dropping the
// penalties inside the line, and adds the hyphen of a line that ends at a
// hyphenation point.
func (ts *typesetter) segments(items []item, hyphen bool, out []segment) []segment {
	out = out[:0]
	for i := range items {
		it := &items[i]
		switch it.kind {
		case itemPenalty:
			if n := len(out); n > 0 && !out[n-1].glue {
				out[n-1].to = i + 1
			}
			continue
		case itemGlue:
			out = append(out, segment{from: i, to: i + 1, width: it.width, glue: true})
			continue
		}
		if n := len(out); n > 0 && mergeable(&items[out[n-1].from], &out[n-1], it) {
			s := &out[n-1]
			s.to = i + 1
			if it.ligJoin {
				s.text = ts.joinLigature(it.font, s.text, it.text)
			} else {
				s.text += it.text
			}
			continue
		}
		out = append(out, segment{from: i, to: i + 1, text: it.text, width: it.width})
	}
	if hyphen {
		for i := len(out) - 1; i >= 0; i-- {
			if !out[i].glue && items[out[i].from].pic == nil {
				out[i].text += "-"
				break
			}
		}
	}
	for i := range out {
		s := &out[i]
		if f := &items[s.from]; !s.glue && f.pic == nil {
			s.width = ts.width(f.font, s.text, f.size)
		}
	}
	return out
}

// mergeable reports whether box it continues the text run s, whose
// first box is f.
func mergeable(f *item, s *segment, it *item) bool {
	if s.glue || it.pic != nil || it.anchor != "" {
		return false
	}
	return f.pic == nil && f.font == it.font && f.size == it.size && f.rise == it.rise &&
		f.role == it.role && f.link == it.link && f.strike == it.strike
}

// setLine positions items on a line of the given width starting at x0,
// with its baseline at y, and returns what to draw and the notes the
// line refers to. A justified line that is not a paragraph's last is
// stretched to the full width; any line wider than the width is shrunk.
// hyphen adds a hyphen to the line's last word.
func (ts *typesetter) setLine(items []item, x0, y, width float64, align lineAlign, last, hyphen bool) (Content, []*book.Note) {
	// Leading and trailing glue and penalties take no room.
	for len(items) > 0 && items[0].kind != itemBox {
		items = items[1:]
	}
	for len(items) > 0 && items[len(items)-1].kind != itemBox {
		items = items[:len(items)-1]
	}
	ts.segs = ts.segments(items, hyphen, ts.segs)
	segs := ts.segs
	natural, stretch, shrink := 0.0, 0.0, 0.0
	for _, s := range segs {
		natural += s.width
		if s.glue {
			stretch += items[s.from].stretch
			shrink += items[s.from].shrink
		}
	}
	ratio := 0.0
	switch {
	case natural > width+eps && shrink > 0:
		// The breaker measured syllables apart; set whole, a word may
		// come out a hair wider, which the glue absorbs.
		ratio = -min((natural-width)/shrink, 1.25)
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
	boxes := 0
	for _, s := range segs {
		if !s.glue {
			boxes++
		}
	}
	c := Content{Texts: make([]Text, 0, boxes)}
	var notes []*book.Note
	lk := &runMerger{}
	st := &runMerger{}
	for _, s := range segs {
		w := s.width
		first := &items[s.from]
		if s.glue {
			if ratio > 0 {
				w += ratio * first.stretch
			} else {
				w += ratio * first.shrink
			}
		} else {
			switch {
			case first.pic != nil:
				c.Images = append(c.Images, Picture{Rect: Rect{X: x0 + x, Y: y - 0.8*first.size, W: w, H: first.size}, Asset: first.pic})
			case s.text != "":
				c.Texts = append(c.Texts, newText(x0+x, y-first.rise, first.font, first.size, s.text, w, first.role))
			}
			for k := s.from; k < s.to; k++ {
				it := &items[k]
				if it.anchor != "" {
					c.Anchors = append(c.Anchors, Anchor{ID: it.anchor, Y: y - it.size})
				}
				notes = append(notes, it.notes...)
			}
		}
		lk.add(&c, first.link, x0+x, w, !s.glue, first.size, y-first.rise)
		strike := ""
		if first.strike {
			strike = "strike"
		}
		st.add(&c, strike, x0+x, w, !s.glue, first.size, y)
		x += w
	}
	lk.flush(&c)
	st.flush(&c)
	return c, notes
}

// newText makes a text run from the glyphs it draws: its Text spells any
// ligatures out, so that what the page says reads as written.
func newText(x, y float64, f Font, size float64, glyphs string, width float64, role Role) Text {
	t := Text{X: x, Y: y, Font: f, Size: size, Text: unligate(glyphs), Width: width, Role: role}
	if t.Text != glyphs {
		t.Glyphs = glyphs
	}
	return t
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

// firstSource returns the place in the model where the first box of
// items that has one begins, or the zero srcRef.
func firstSource(items []item) srcRef {
	for i := range items {
		if items[i].kind == itemBox && !items[i].src.isZero() {
			return items[i].src
		}
	}
	return srcRef{}
}

// isDiscretionary reports whether it is a hyphenation point inside a word.
func isDiscretionary(it *item) bool { return it.kind == itemPenalty && it.discretionary }
