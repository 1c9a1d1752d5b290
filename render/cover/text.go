package cover

import (
	"cmp"
	"image"
	"math"
	"slices"
)

// textLine is a line of text set on the canvas, not yet outlined.
type textLine struct {
	face sized
	s    string
	x, y int64 // the origin of the first glyph, in sub units
	// The line's outline has at most edges edges, none of them above
	// top; rise is the sum of its glyphs'.
	glyphExtent
}

// placeLine sets s in face with the first glyph's origin at (x, y) sub
// units.
func placeLine(face sized, s string, x, y int64) textLine {
	l := textLine{face: face, s: s, x: x, y: y, glyphExtent: glyphExtent{top: math.MaxInt64}}
	for _, r := range s {
		if e := face.extent(r); e.edges > 0 {
			l.edges += e.edges
			l.top = min(l.top, y+e.top)
			l.rise += e.rise
		}
	}
	return l
}

// textFiller fills lines of text row by row, from the top. A line is
// outlined only when the rows reach its top, and once they have passed
// its bottom its room is used again for a line below, so that only the
// lines of a few rows are held flattened at once, not a whole cover's.
type textFiller struct {
	bounds  image.Rectangle
	waiting []textLine // in the order of their tops
	filling []*scan
	spare   []*scan // the scans of lines passed, for lines to come
	// maxEdges is the most edges of any line: each outline is given that
	// much room, so that room handed on is never too small.
	maxEdges int
	cov      *rowCoverage
	ink      levels // a coverage's ink
}

func newTextFiller(lines []textLine, bounds image.Rectangle) *textFiller {
	f := &textFiller{bounds: bounds, waiting: slices.Clone(lines),
		cov: newRowCoverage(bounds.Min.X, bounds.Dx())}
	slices.SortStableFunc(f.waiting, func(a, b textLine) int { return cmp.Compare(a.top, b.top) })
	for _, l := range lines {
		f.maxEdges = max(f.maxEdges, l.edges)
	}
	for c, a := range coverageLevels() {
		f.ink[c] = uint8((int(a)*(shades-1) + 127) / 255)
	}
	return f
}

// paint draws the text's pixels of row y into row, keeping the larger
// index where lines overlap or a pixel is painted already.
func (f *textFiller) paint(row []uint8, y int) {
	for len(f.waiting) > 0 && floorDiv(f.waiting[0].top, subPerPixel) <= int64(y) {
		f.outline(f.waiting[0])
		f.waiting = f.waiting[1:]
	}
	for _, sc := range f.filling {
		if sc.done() || sc.y > int64(y) {
			continue
		}
		sc.addRow(f.cov)
		f.cov.takeMax(row, &f.ink)
	}
	f.filling = slices.DeleteFunc(f.filling, func(sc *scan) bool {
		if sc.done() {
			f.spare = append(f.spare, sc)
		}
		return sc.done()
	})
}

// outline flattens l and starts filling it.
func (f *textFiller) outline(l textLine) {
	var sc *scan
	if n := len(f.spare); n > 0 {
		sc, f.spare = f.spare[n-1], f.spare[:n-1]
		sc.o.reset()
	} else {
		sc = &scan{o: &outline{edges: make([]edge, 0, f.maxEdges)}}
	}
	l.face.addTo(sc.o, l.s, l.x, l.y)
	sc.start(sc.o, f.bounds)
	f.filling = append(f.filling, sc)
}
