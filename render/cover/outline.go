package cover

import (
	"math"
	"slices"

	"golang.org/x/image/font/sfnt"
)

// point is a position in sub units, y increasing downwards.
type point struct{ x, y int64 }

// edge is a line of an outline, stored top to bottom; dir is +1 when the
// outline runs downwards along it and -1 when it runs upwards.
//
// Edges are stored in chains: runs of edges along a contour in one
// direction, top to bottom, each beginning at the height where the one
// before it ends (a flattened curve is dozens of short edges, and a
// glyph's contour a few chains). A scanline crosses at most one edge of
// a chain, so the rasteriser follows a chain down from edge to edge in
// place rather than dropping each edge from its list and merging in the
// next. last marks the last edge of a chain.
type edge struct {
	top, bottom vertex
	dir         int8
	last        bool
}

// vertex is an end of an edge, in sub units. Its 32 bits are plenty and
// halve the memory of an outline: a glyph's points are at most 2^15 font
// units, of at least 16 to the em, from its origin, which at the covers'
// sizes (at most 200 pixels to the em) is 2^27 sub units, and its origin
// lies within a line of text on the cover.
type vertex struct{ x, y int32 }

// outline collects the edges of flattened contours.
type outline struct {
	edges []edge
	// chain is the index of the first edge of the chain being added to,
	// which runs in direction chainDir (0 when there is none).
	chain       int
	chainDir    int8
	start, pen  point
	open        bool
	minX, minY  int64
	maxX, maxY  int64
	initialized bool
}

func (o *outline) grow(p point) {
	if !o.initialized {
		o.minX, o.maxX, o.minY, o.maxY, o.initialized = p.x, p.x, p.y, p.y, true
		return
	}
	o.minX, o.maxX = min(o.minX, p.x), max(o.maxX, p.x)
	o.minY, o.maxY = min(o.minY, p.y), max(o.maxY, p.y)
}

func (o *outline) moveTo(p point) {
	o.closeContour()
	o.start, o.pen, o.open = p, p, true
	o.grow(p)
}

func (o *outline) lineTo(p point) {
	o.grow(p)
	a, b := o.pen, p
	o.pen = p
	var e edge
	switch {
	case a.y < b.y:
		e = edge{top: a.vertex(), bottom: b.vertex(), dir: +1}
	case a.y > b.y:
		e = edge{top: b.vertex(), bottom: a.vertex(), dir: -1}
	default:
		return // horizontal: no scanline crosses it, and a chain goes on
	}
	if e.dir != o.chainDir {
		o.endChain()
		o.chain, o.chainDir = len(o.edges), e.dir
	}
	o.edges = append(o.edges, e)
}

// endChain ends the chain being added to, if any. An upward chain was
// added bottom to top, as the contour ran, and is turned over.
func (o *outline) endChain() {
	if o.chainDir == 0 {
		return
	}
	c := o.edges[o.chain:]
	if o.chainDir < 0 {
		slices.Reverse(c)
	}
	c[len(c)-1].last = true
	o.chainDir = 0
}

func (p point) vertex() vertex { return vertex{int32(p.x), int32(p.y)} }

// reset empties the outline, keeping the room its edges took.
func (o *outline) reset() { *o = outline{edges: o.edges[:0]} }

// closeContour joins the pen to the contour's start, as TrueType contours
// are implicitly closed.
func (o *outline) closeContour() {
	if o.open && o.pen != o.start {
		o.lineTo(o.start)
	}
	o.open = false
	o.endChain()
}

// steps is how many line segments a curve with the given control polygon
// length (in sub units) is flattened into: one per two pixels of length,
// which is smooth at cover sizes.
func steps(length int64) int64 {
	return min(max(1, length/(2*subPerPixel)), 128)
}

func manhattan(a, b point) int64 { return abs(a.x-b.x) + abs(a.y-b.y) }

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// divRound divides, rounding half away from zero, so that results do not
// depend on the sign of coordinates.
func divRound(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// quadTo flattens a quadratic Bézier curve, evaluating the Bernstein form
// exactly in integers at each step.
func (o *outline) quadTo(c, p point) {
	a := o.pen
	n := steps(manhattan(a, c) + manhattan(c, p))
	d := n * n
	for i := int64(1); i <= n; i++ {
		j := n - i
		o.lineTo(point{
			divRound(j*j*a.x+2*i*j*c.x+i*i*p.x, d),
			divRound(j*j*a.y+2*i*j*c.y+i*i*p.y, d),
		})
	}
}

// cubeTo flattens a cubic Bézier curve the same way.
func (o *outline) cubeTo(c1, c2, p point) {
	a := o.pen
	n := steps(manhattan(a, c1) + manhattan(c1, c2) + manhattan(c2, p))
	d := n * n * n
	for i := int64(1); i <= n; i++ {
		j := n - i
		o.lineTo(point{
			divRound(j*j*j*a.x+3*i*j*j*c1.x+3*i*i*j*c2.x+i*i*i*p.x, d),
			divRound(j*j*j*a.y+3*i*j*j*c1.y+3*i*i*j*c2.y+i*i*i*p.y, d),
		})
	}
}

// measureSegments returns the extent of a glyph's outline, given as
// for addSegments, placed at its origin: it follows addSegments'
// flattening without making edges.
func measureSegments(segs sfnt.Segments) glyphExtent {
	e := glyphExtent{top: math.MaxInt64}
	var start, pen point
	open := false
	for _, s := range segs {
		n := 1
		switch s.Op {
		case sfnt.SegmentOpQuadTo:
			n = 2
		case sfnt.SegmentOpCubeTo:
			n = 3
		}
		var p [3]point
		for i := range n {
			p[i] = point{int64(s.Args[i].X) * subPerPixel / 64, int64(s.Args[i].Y) * subPerPixel / 64}
			e.top = min(e.top, p[i].y)
		}
		from := pen
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				e.edges++ // closing the contour before
				e.rise += abs(pen.y - start.y)
			}
			start, pen, open = p[0], p[0], true
			continue
		case sfnt.SegmentOpLineTo:
			e.edges++
		case sfnt.SegmentOpQuadTo:
			e.edges += int(steps(manhattan(pen, p[0]) + manhattan(p[0], p[1])))
		case sfnt.SegmentOpCubeTo:
			e.edges += int(steps(manhattan(pen, p[0]) + manhattan(p[0], p[1]) + manhattan(p[1], p[2])))
		}
		for i := range n {
			e.rise += abs(p[i].y - from.y)
			from = p[i]
		}
		pen = p[n-1]
	}
	if open {
		e.edges++
		e.rise += abs(pen.y - start.y)
	}
	return e
}

// addSegments adds a glyph's outline, given in 26.6 pixels relative to
// its origin, placed with its origin at (x, y) sub units.
func (o *outline) addSegments(segs sfnt.Segments, x, y int64) {
	conv := func(i int, s sfnt.Segment) point {
		// 26.6 fixed point is 1/64 pixel: four sub units.
		return point{x + int64(s.Args[i].X)*subPerPixel/64, y + int64(s.Args[i].Y)*subPerPixel/64}
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			o.moveTo(conv(0, s))
		case sfnt.SegmentOpLineTo:
			o.lineTo(conv(0, s))
		case sfnt.SegmentOpQuadTo:
			o.quadTo(conv(0, s), conv(1, s))
		case sfnt.SegmentOpCubeTo:
			o.cubeTo(conv(0, s), conv(1, s), conv(2, s))
		}
	}
	o.closeContour()
}
