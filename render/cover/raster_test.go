package cover

import (
	"fmt"
	"image"
	"math/rand/v2"
	"sort"
	"testing"
)

// xAt is where the edge crosses the horizontal line at y, in sub units,
// rounded towards the left.
func (e *edge) xAt(y int64) int64 {
	tx, ty := int64(e.top.x), int64(e.top.y)
	return tx + floorDiv((int64(e.bottom.x)-tx)*(y-ty), int64(e.bottom.y)-ty)
}

// referenceFill rasterises o the slow and obvious way: on every scanline
// of every row of bounds, every edge is tested, the crossings sorted,
// and each span's coverage added pixel by pixel. It returns the coverage
// (0 to 255) of every pixel of bounds, row by row.
func referenceFill(o *outline, bounds image.Rectangle) []uint8 {
	w := bounds.Dx()
	out := make([]uint8, w*bounds.Dy())
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		acc := make([]int64, w)
		for k := int64(0); k < samplesY; k++ {
			sy := int64(y)*subPerPixel + k*subPerSample + subPerSample/2
			var cs []crossing
			for i := range o.edges {
				if e := &o.edges[i]; int64(e.top.y) <= sy && sy < int64(e.bottom.y) {
					cs = append(cs, crossing{x: e.xAt(sy), dir: int32(e.dir)})
				}
			}
			sort.Slice(cs, func(i, j int) bool { return cs[i].before(&cs[j]) })
			wind, from := int32(0), int64(0)
			for _, c := range cs {
				before := wind
				wind += c.dir
				if before != 0 && wind == 0 {
					for x := 0; x < w; x++ {
						// The overlap of [from, c.x) with pixel x.
						lo := max(from, int64(bounds.Min.X+x)*subPerPixel)
						hi := min(c.x, int64(bounds.Min.X+x+1)*subPerPixel)
						acc[x] += max(0, hi-lo)
					}
				} else if before == 0 && wind != 0 {
					from = c.x
				}
			}
		}
		for x := range acc {
			out[(y-bounds.Min.Y)*w+x] = uint8(min(acc[x]*255/(subPerPixel*samplesY), 255))
		}
	}
	return out
}

// fillInto runs fill over bounds and collects the coverage it paints,
// failing the test if it paints outside bounds or a row twice.
func fillInto(t *testing.T, o *outline, bounds image.Rectangle) []uint8 {
	t.Helper()
	w := bounds.Dx()
	out := make([]uint8, w*bounds.Dy())
	rows := map[int]bool{}
	o.fill(bounds, func(x, y int, cov []uint8) {
		if !image.Rect(x, y, x+len(cov), y+1).In(bounds) {
			t.Fatalf("painted %d pixels at (%d, %d), outside %v", len(cov), x, y, bounds)
		}
		if rows[y] {
			t.Fatalf("row %d painted twice", y)
		}
		rows[y] = true
		copy(out[(y-bounds.Min.Y)*w+x-bounds.Min.X:], cov)
	})
	return out
}

// randomOutline makes closed polygons, some crossing themselves or each
// other, some wound backwards, with corners often on pixel and scanline
// boundaries, where rounding is most fragile.
func randomOutline(r *rand.Rand, size int64) *outline {
	coord := func() int64 {
		v := r.Int64N(size * subPerPixel)
		switch r.IntN(3) {
		case 0:
			v -= v % subPerPixel
		case 1:
			v -= v%subPerSample - subPerSample/2
		}
		return v - 2*subPerPixel
	}
	var o outline
	for range 1 + r.IntN(4) {
		o.moveTo(point{coord(), coord()})
		for range 2 + r.IntN(8) {
			o.lineTo(point{coord(), coord()})
		}
	}
	o.closeContour()
	return &o
}

// TestFillMatchesReference compares the scanline rasteriser with the
// reference on random polygons, clipped and not, and on text.
func TestFillMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	bounds := []image.Rectangle{image.Rect(0, 0, 40, 40), image.Rect(5, 3, 30, 20), image.Rect(-3, -3, 50, 50)}
	for i := range 300 {
		o := randomOutline(r, 44)
		b := bounds[i%len(bounds)]
		if got, want := fillInto(t, o, b), referenceFill(o, b); string(got) != string(want) {
			t.Fatalf("polygon %d in %v: the coverage differs from the reference", i, b)
		}
	}
	faces := handbookFaces(t)
	for _, size := range []int{13, 44, 97} {
		t.Run(fmt.Sprintf("text at %dpx", size), func(t *testing.T) {
			z := sized{tf: faces.italic, size: size}
			o := &outline{}
			z.addTo(o, "Liberty, & Ægir’s “quoted” fjord", 3*subPerPixel+77, int64(size)*subPerPixel+5)
			b := image.Rect(0, 0, int(z.width("Liberty, & Ægir’s “quoted” fjord")/subPerPixel)+8, 2*size)
			if got, want := fillInto(t, o, b), referenceFill(o, b); string(got) != string(want) {
				t.Errorf("the coverage differs from the reference")
			}
		})
	}
}
