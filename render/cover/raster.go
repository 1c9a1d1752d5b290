package cover

import (
	"cmp"
	"image"
	"slices"

	"golang.org/x/image/font/sfnt"
)

// The rasteriser fills glyph outlines with anti-aliasing, in integer
// arithmetic only, so that a cover is the same bytes on every machine
// (floating-point rasterisers may round differently where the compiler
// fuses multiply-adds, as it does on arm64). Coordinates are in 1/256
// pixel ("sub") units; each pixel row is sampled on 16 scanlines, and
// each scanline's spans are measured exactly along x.
const (
	subPerPixel = 256
	samplesY    = 16
)

// point is a position in sub units, y increasing downwards.
type point struct{ x, y int64 }

// edge is a line of an outline, stored top to bottom; dir is +1 when the
// outline runs downwards along it and -1 when it runs upwards.
type edge struct {
	top, bottom point
	dir         int
}

// outline collects the edges of flattened contours.
type outline struct {
	edges       []edge
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
	switch {
	case a.y < b.y:
		o.edges = append(o.edges, edge{a, b, +1})
	case a.y > b.y:
		o.edges = append(o.edges, edge{b, a, -1})
	}
}

// closeContour joins the pen to the contour's start, as TrueType contours
// are implicitly closed.
func (o *outline) closeContour() {
	if o.open && o.pen != o.start {
		o.lineTo(o.start)
	}
	o.open = false
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

// crossing is where a scanline crosses an edge.
type crossing struct {
	x   int64
	dir int
}

// before orders crossings along the scanline, and at one x those that
// leave the outline first.
func (a crossing) before(b crossing) bool {
	return a.x < b.x || a.x == b.x && a.dir < b.dir
}

// fill paints the outline into dst with the non-zero winding rule,
// keeping the larger coverage where a pixel is already painted.
func (o *outline) fill(dst *image.Alpha) {
	if len(o.edges) == 0 {
		return
	}
	bounds := dst.Bounds()
	x0 := max(floorDiv(o.minX, subPerPixel), int64(bounds.Min.X))
	x1 := min(floorDiv(o.maxX, subPerPixel)+1, int64(bounds.Max.X))
	y0 := max(floorDiv(o.minY, subPerPixel), int64(bounds.Min.Y))
	y1 := min(floorDiv(o.maxY, subPerPixel)+1, int64(bounds.Max.Y))
	if x0 >= x1 || y0 >= y1 {
		return
	}
	width := int(x1 - x0)
	acc := make([]int64, width+1)
	// Edges are taken in order of their tops and dropped below their
	// bottoms, so each scanline looks only at the edges it crosses.
	edges := slices.Clone(o.edges)
	slices.SortStableFunc(edges, func(a, b edge) int { return cmp.Compare(a.top.y, b.top.y) })
	// The active edges are kept in order of their crossings: from one
	// scanline to the next that order hardly changes, so an insertion
	// sort restores it in about one pass.
	var active []crossing
	var live []edge
	next := 0
	for row := y0; row < y1; row++ {
		clear(acc)
		for k := int64(0); k < samplesY; k++ {
			sy := row*subPerPixel + k*(subPerPixel/samplesY) + subPerPixel/samplesY/2
			for next < len(edges) && edges[next].top.y <= sy {
				live = append(live, edges[next])
				active = append(active, crossing{})
				next++
			}
			n := 0
			for _, e := range live {
				if sy >= e.bottom.y {
					continue
				}
				dx, dy := e.bottom.x-e.top.x, e.bottom.y-e.top.y
				live[n] = e
				active[n] = crossing{e.top.x + floorDiv(dx*(sy-e.top.y), dy), e.dir}
				n++
			}
			live, active = live[:n], active[:n]
			for i := 1; i < n; i++ {
				for j := i; j > 0 && active[j].before(active[j-1]); j-- {
					active[j], active[j-1] = active[j-1], active[j]
					live[j], live[j-1] = live[j-1], live[j]
				}
			}
			wind, from := 0, int64(0)
			for _, c := range active {
				before := wind
				wind += c.dir
				switch {
				case before == 0 && wind != 0:
					from = c.x
				case before != 0 && wind == 0:
					span(acc, from-x0*subPerPixel, c.x-x0*subPerPixel, width)
				}
			}
		}
		full := int64(subPerPixel * samplesY)
		base := dst.PixOffset(int(x0), int(row))
		for i := 0; i < width; i++ {
			a := uint8(min(acc[i]*255/full, 255))
			if a > dst.Pix[base+i] {
				dst.Pix[base+i] = a
			}
		}
	}
}

// span adds the coverage of [a, b) (sub units from the left of acc) to
// the pixels it touches.
func span(acc []int64, a, b int64, width int) {
	a, b = max(a, 0), min(b, int64(width)*subPerPixel)
	if a >= b {
		return
	}
	pa, pb := a/subPerPixel, b/subPerPixel
	if pa == pb {
		acc[pa] += b - a
		return
	}
	acc[pa] += subPerPixel - a%subPerPixel
	for p := pa + 1; p < pb; p++ {
		acc[p] += subPerPixel
	}
	acc[pb] += b % subPerPixel
}

// floorDiv divides rounding towards negative infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
