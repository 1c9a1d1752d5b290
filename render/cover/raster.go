package cover

import (
	"cmp"
	"image"
	"math"
	"slices"
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

// subPerSample is the distance between two scanlines in sub units.
const subPerSample = subPerPixel / samplesY

// sampleY is the y of scanline s, counted from the top of the canvas:
// scanline k of pixel row r is number r*samplesY+k and lies in the
// middle of its band of the row.
func sampleY(s int64) int64 { return s*subPerSample + subPerSample/2 }

// firstScanline is the first scanline at or below y.
func firstScanline(y int64) int64 { return -floorDiv(subPerSample/2-y, subPerSample) }

// crossing is where a scanline crosses a chain of edges of an outline
// (see edge), and how to find where the next scanline does. Along an
// edge, the crossing moves by the same fraction from one scanline to
// the next, so it is stepped along rather than divided out anew (a
// 64-bit division, dozens of cycles, for every edge on every scanline):
// x + rem/dy is the exact crossing, rounded down to x, and dx + drem/dy
// is its step.
type crossing struct {
	x        int64 // sub units
	rem      int64 // 0 ≤ rem < dy
	dx, drem int64 // 0 ≤ drem < dy
	dy       int64 // the edge's height, in sub units
	// left is how many scanlines below this one cross the edge.
	left int32
	dir  int32
	edge int32 // the edge's index in the outline
}

// crossingAt returns the crossing of edge number i with scanline s,
// which must cross it.
func (o *outline) crossingAt(i int32, s int64) crossing {
	e := &o.edges[i]
	tx, ty := int64(e.top.x), int64(e.top.y)
	w, h := int64(e.bottom.x)-tx, int64(e.bottom.y)-ty
	x, rem := floorDivMod(w*(sampleY(s)-ty), h)
	dx, drem := floorDivMod(w*subPerSample, h)
	return crossing{x: tx + x, rem: rem, dx: dx, drem: drem, dy: h,
		left: int32(firstScanline(int64(e.bottom.y)) - s - 1), dir: int32(e.dir), edge: i}
}

// chainAt returns the crossing of scanline s with the chain that edge
// number i is in, from that edge down, and false if the chain ends above
// s. Edge i must not begin below s.
func (o *outline) chainAt(i int32, s int64) (crossing, bool) {
	for firstScanline(int64(o.edges[i].bottom.y)) <= s {
		if o.edges[i].last {
			return crossing{}, false
		}
		i++
	}
	return o.crossingAt(i, s), true
}

// step moves the crossing to the next scanline along its edge, which
// must cross it (left > 0). It does without a branch, which would be
// mispredicted half the time: m is -1 when the remainders sum to less
// than dy, else 0.
func (c *crossing) step() {
	r := c.rem + c.drem - c.dy
	m := r >> 63
	c.rem = r + c.dy&m
	c.x += c.dx + 1 + m
	c.left--
}

// before orders crossings along the scanline, and at one x those that
// leave the outline first.
func (a *crossing) before(b *crossing) bool {
	return a.x < b.x || a.x == b.x && a.dir < b.dir
}

// fill rasterises the outline with the non-zero winding rule, clipped to
// bounds, and hands each pixel row it covers to paint: the x and y of
// the first pixel and the coverages (0 to 255) of a run of pixels along
// the row, outside which the row has none. The coverage slice is reused
// for the next row.
func (o *outline) fill(bounds image.Rectangle, paint func(x, y int, cov []uint8)) {
	sc := o.scan(bounds)
	if sc.done() {
		return
	}
	row := newRowCoverage(int(sc.x0), int(sc.x1-sc.x0))
	lv := coverageLevels()
	for !sc.done() {
		y := sc.y
		sc.addRow(row)
		if x, cov := row.take(lv); len(cov) > 0 {
			paint(x, int(y), cov)
		}
	}
}

// scan is an outline being filled one pixel row at a time, from the top,
// so that a caller can interleave the rows of several outlines with its
// own work on each row (the cover is encoded as it is drawn).
//
// Scanlines are taken from the top. A chain of edges joins the scanlines
// when the first one crosses it and leaves them below its bottom, so
// each scanline looks only at the edges it crosses, which are kept in
// order of their crossings. Only the coverage and its order matter for the
// pixels, never the order in which edges were added, so the result does
// not depend on how ties are broken along the way.
type scan struct {
	o *outline
	// x0 to x1 and y to y1 are the pixels the outline may cover within
	// the bounds; y is the next row to fill.
	x0, x1, y, y1 int64
	// joins lists the chains in the order of the scanlines they join
	// at; those before next have joined.
	joins         []join
	next          int
	active, fresh []crossing
	merged        []crossing // spare room to merge into
}

// scan prepares to fill the outline's rows within bounds.
func (o *outline) scan(bounds image.Rectangle) *scan {
	sc := &scan{}
	sc.start(o, bounds)
	return sc
}

// start prepares sc to fill o's rows within bounds, using the room of
// its slices again.
func (sc *scan) start(o *outline, bounds image.Rectangle) {
	sc.o, sc.y, sc.y1, sc.active, sc.joins, sc.next = o, 0, 0, sc.active[:0], sc.joins[:0], 0
	if len(o.edges) == 0 {
		return
	}
	sc.x0 = max(floorDiv(o.minX, subPerPixel), int64(bounds.Min.X))
	sc.x1 = min(floorDiv(o.maxX, subPerPixel)+1, int64(bounds.Max.X))
	sc.y = max(floorDiv(o.minY, subPerPixel), int64(bounds.Min.Y))
	sc.y1 = min(floorDiv(o.maxY, subPerPixel)+1, int64(bounds.Max.Y))
	if sc.x0 >= sc.x1 || sc.y >= sc.y1 {
		sc.y, sc.y1 = 0, 0
		return
	}
	sc.listJoins(sc.y*samplesY, sc.y1*samplesY)
}

// done reports whether every row has been filled.
func (sc *scan) done() bool { return sc.y >= sc.y1 }

// addRow adds the coverage of the next row's scanlines to row, which
// must span the scan's pixels x0 to x1 (it may span more), and moves
// to the row below.
func (sc *scan) addRow(row *rowCoverage) {
	o := sc.o
	for s := sc.y * samplesY; s < (sc.y+1)*samplesY; s++ {
		sc.active = o.advance(sc.active, s)
		// Chains joining at this scanline are sorted among themselves
		// and merged in, rather than each moved along the whole list.
		sc.fresh = sc.fresh[:0]
		for ; sc.next < len(sc.joins) && sc.joins[sc.next].scanline == s; sc.next++ {
			if c, ok := o.chainAt(sc.joins[sc.next].edge, s); ok {
				sc.fresh = append(sc.fresh, c)
			}
		}
		if len(sc.fresh) > 0 {
			insertionSort(sc.fresh)
			sc.active, sc.merged = merge(sc.merged[:0], sc.active, sc.fresh), sc.active
		}
		row.addScanline(sc.active)
	}
	sc.y++
}

// join is where a chain of edges joins the scanlines: the first scanline
// it crosses and its first edge.
type join struct {
	scanline int64
	edge     int32
}

// listJoins lists the chains that cross any of the scanlines s0 to s1 in
// the order of the first of them that they cross (and in the outline's
// order at one scanline). A glyph has a handful of chains, so they are
// sorted rather than counted into a table of every scanline.
func (sc *scan) listJoins(s0, s1 int64) {
	o := sc.o
	o.endChain()
	for i := 0; i < len(o.edges); {
		j := i
		for !o.edges[j].last {
			j++
		}
		first := max(firstScanline(int64(o.edges[i].top.y)), s0)
		if first < min(firstScanline(int64(o.edges[j].bottom.y)), s1) {
			sc.joins = append(sc.joins, join{first, int32(i)})
		}
		i = j + 1
	}
	slices.SortStableFunc(sc.joins, func(a, b join) int { return cmp.Compare(a.scanline, b.scanline) })
}

// advance moves the active crossings to the next scanline, dropping the
// chains that end above it, and restores their order, which from one
// scanline to the next seldom changes: only then are they sorted, by
// insertion, which takes about one pass.
func (o *outline) advance(active []crossing, s int64) []crossing {
	n, ok, sorted := 0, false, true
	prev := &crossing{x: math.MinInt64}
	for i := range active {
		c := &active[i]
		if c.left > 0 {
			c.step()
		} else if *c, ok = o.chainAt(c.edge, s); !ok {
			continue
		}
		if c.before(prev) {
			sorted = false
		}
		if n < i {
			active[n] = *c
			c = &active[n]
		}
		prev = c
		n++
	}
	active = active[:n]
	if !sorted {
		insertionSort(active)
	}
	return active
}

// insertionSort orders crossings along the scanline.
func insertionSort(cs []crossing) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].before(&cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// merge appends the ordered crossings a and b to dst in order.
func merge(dst, a, b []crossing) []crossing {
	for len(a) > 0 && len(b) > 0 {
		if b[0].before(&a[0]) {
			dst, b = append(dst, b[0]), b[1:]
		} else {
			dst, a = append(dst, a[0]), a[1:]
		}
	}
	return append(append(dst, a...), b...)
}

// rowCoverage sums the coverage of one pixel row over its scanlines, in
// sub units of area: a pixel covered on every scanline has 256 × 16.
// The row holds the differences between each pixel's coverage and the
// one's before it. A span covers at most two pixels partly, at its ends,
// and every pixel between them fully, which is four differences however
// wide the span, and the row is summed once, when taken.
type rowCoverage struct {
	x     int     // the first pixel's x
	width int     // in pixels
	diff  []int32 // width+2 differences: a span's end may fall past the row's
	cov   []uint8 // room for take's coverage, made when first needed
	// lo and hi bound the differences set since the last take.
	lo, hi int
}

// newRowCoverage makes a row of width pixels from x.
func newRowCoverage(x, width int) *rowCoverage {
	return &rowCoverage{x: x, width: width, diff: make([]int32, width+2), lo: width + 2}
}

// addScanline adds the spans inside the outline on one scanline, its
// crossings given in order.
func (r *rowCoverage) addScanline(active []crossing) {
	left, right := int64(r.x)*subPerPixel, int64(r.width)*subPerPixel
	wind, from := int32(0), int64(0)
	lo, hi := right, int64(0) // the first and last sub unit covered
	for i := range active {
		c := &active[i]
		before := wind
		wind += c.dir
		if before == 0 {
			from = c.x
		} else if wind == 0 {
			if a, b := max(from-left, 0), min(c.x-left, right); a < b {
				r.span(uint64(a), uint64(b))
				lo, hi = min(lo, a), max(hi, b)
			}
		}
	}
	if lo < hi {
		r.lo, r.hi = min(r.lo, int(lo/subPerPixel)), max(r.hi, int(hi/subPerPixel)+2)
	}
}

// span adds the coverage of [a, b), in sub units from the row's left,
// within the row.
func (r *rowCoverage) span(a, b uint64) {
	pa, pb := a/subPerPixel, b/subPerPixel
	ca, cb := int32(a%subPerPixel), int32(b%subPerPixel)
	// Pixel pa gains subPerPixel-ca, those after it up to pb another ca
	// (all of them), pixel pb loses subPerPixel-cb (keeping cb) and
	// those after it the rest; when pa is pb, that leaves it b-a.
	r.diff[pa] += subPerPixel - ca
	r.diff[pa+1] += ca
	r.diff[pb] -= subPerPixel - cb
	r.diff[pb+1] -= cb
}

// fullCoverage is a pixel's coverage when the outline covers it whole,
// in sub units of area.
const fullCoverage = subPerPixel * samplesY

// levels maps a pixel's coverage, 0 to fullCoverage, to what is drawn
// for it: a coverage from 0 to 255, or straight away a palette index.
type levels [fullCoverage + 1]uint8

// coverageLevels returns the levels that scale coverage to 0 to 255.
func coverageLevels() *levels {
	var lv levels
	for c := range lv {
		lv[c] = uint8(min(c*255/fullCoverage, 255))
	}
	return &lv
}

// take returns the coverage of the touched pixels as 0 to 255, with the
// x of the first, and clears the row for the next one.
func (r *rowCoverage) take(lv *levels) (int, []uint8) {
	lo, hi := r.lo, min(r.hi, r.width)
	if lo >= hi {
		r.takeMax(nil, lv)
		return 0, nil
	}
	if r.cov == nil {
		r.cov = make([]uint8, r.width)
	}
	clear(r.cov[lo:hi])
	r.takeMax(r.cov, lv)
	return r.x + lo, r.cov[lo:hi]
}

// takeMax sums the row and sets each touched pixel of dst (which starts
// at the row's first pixel) to its level, unless dst holds a larger
// value already, and clears the row for the next one. Mapping coverage
// through a table as it is summed spares a pass over the pixels to turn
// coverage into palette indexes.
func (r *rowCoverage) takeMax(dst []uint8, lv *levels) {
	lo, hi := r.lo, r.hi
	r.lo, r.hi = r.width+2, 0
	if lo >= hi {
		return
	}
	sum := uint32(0)
	diff := r.diff[lo:min(hi, r.width)]
	dst = dst[lo:][:len(diff)]
	for p := 0; p < len(diff); p++ {
		if sum == 0 {
			// Between letters nothing is covered: leave those pixels be.
			for p < len(diff) && diff[p] == 0 {
				p++
			}
			if p == len(diff) {
				break
			}
		}
		sum += uint32(diff[p])
		dst[p] = max(dst[p], lv[min(sum, fullCoverage)])
	}
	clear(r.diff[lo:hi])
}

// floorDivMod divides rounding towards negative infinity, and returns
// the quotient and the remainder, which has the sign of b.
func floorDivMod(a, b int64) (q, r int64) {
	q = floorDiv(a, b)
	return q, a - q*b
}

// floorDiv divides rounding towards negative infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
