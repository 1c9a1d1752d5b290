package pdf

import (
	"math"

	"samizdat/book"
)

// entryKind tells the kinds of galley entry apart.
type entryKind int

// The kinds of galley entry. The layout turns the book into one long
// galley — a vertical list like TeX's — and the page builder cuts it into
// pages.
const (
	// entryBox is something drawn: a line of text, a table row, an
	// image. It is never split across pages.
	entryBox entryKind = iota
	// entrySpace is vertical space, dropped at the top of a page unless
	// fixed.
	entrySpace
	// entryFill takes a share (by weight) of what is left of the page,
	// to centre or sink the content of generated pages.
	entryFill
	// entryStart begins a division on a new page and sets the style of
	// the pages that follow.
	entryStart
)

// entry is one element of the galley. Its content is placed relative to
// the left edge of the text area and the entry's own top.
type entry struct {
	kind   entryKind
	height float64
	Content
	// baseline is the first baseline of a line box, from its top; list
	// markers are set on it.
	baseline float64
	// notes are the notes referred to in this box, placed at the foot
	// of the page that carries it.
	notes []*book.Note
	// keep holds this box on the page of the next box.
	keep bool
	// fixed keeps a space at the top of a page.
	fixed  bool
	weight float64
	div    *divStyle
	// flow places a line of text in its paragraph, for checking widows
	// and orphans; zero for other boxes.
	flow flowLine
	// number is a contents line's page number, written in when known.
	number *pageNumber
	// src is where the box's text begins in the model; zero for boxes
	// of generated text and for spaces.
	src srcRef
}

// pageNumber is the page number of the division with the given anchor,
// set flush right at right (from the text area's left edge) on the
// baseline base of its line, in the regular face at size.
type pageNumber struct {
	id                string
	right, base, size float64
}

// flowLine is line number line (from 0) of a paragraph of lines lines,
// the para-th paragraph set; whether it is justified and, if so, how far
// its text stops before the end of the measure (short), and whether it
// is set ragged as the paragraph's last line or one ended by a hard line
// break (ragged).
type flowLine struct {
	para, line, lines int
	justified, ragged bool
	short             float64
}

// matter tells front, body and back matter apart; it decides folio style.
type matter int

// The three matters of a book.
const (
	matterFront matter = iota
	matterBody
	matterBack
)

// divStyle is how the pages of a division look.
type divStyle struct {
	// recto starts the division on a right-hand page.
	recto  bool
	matter matter
	// heads shows running heads on pages after the opening page.
	heads bool
	// folios shows page numbers.
	folios bool
	// title is the running head on rectos.
	title string
}

// lineBox makes the galley entry of one line of text.
func lineBox(c Content, notes []*book.Note, height, baseline float64) entry {
	return entry{kind: entryBox, height: height, Content: c, notes: notes, baseline: baseline}
}

// space makes a discardable vertical space.
func space(h float64) entry { return entry{kind: entrySpace, height: h} }

// fixedSpace makes a space that stays at the top of a page.
func fixedSpace(h float64) entry { return entry{kind: entrySpace, height: h, fixed: true} }

// fill makes a fill of the given weight.
func fill(w float64) entry { return entry{kind: entryFill, weight: w} }

// marker makes a box of no height that holds anchors and outline entries
// at the position where it falls.
func marker(anchors []Anchor, marks []Mark) entry {
	return entry{kind: entryBox, Content: Content{Anchors: anchors, Marks: marks}}
}

// baselineIn places a baseline within a line box of the given leading:
// the x-height is centred in the box.
func baselineIn(size, leading float64) float64 {
	return (leading + 0.66*size) / 2
}

// keepAll sets keep on every box of es, so they stay on one page with
// the box that follows.
func keepAll(es []entry) []entry {
	for i := range es {
		if es[i].kind == entryBox {
			es[i].keep = true
		}
	}
	return es
}

// rightmost returns the right edge of the text and images in c.
func rightmost(c *Content) float64 {
	r := math.Inf(-1)
	for _, t := range c.Texts {
		r = max(r, t.X+t.Width)
	}
	for _, p := range c.Images {
		r = max(r, p.Right())
	}
	return r
}

// firstBox returns the index of the first box in es, or -1.
func firstBox(es []entry) int {
	for i, e := range es {
		if e.kind == entryBox && e.height > 0 {
			return i
		}
	}
	return -1
}
