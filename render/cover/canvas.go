package cover

import (
	"image"
	"image/color"
)

// The cover's colours: a warm paper ground, near-black ink for the text
// and a deep red for the rules. The contrast between ink and ground is
// high enough for greyscale e-ink screens, where covers show as
// thumbnails.
var (
	ground = color.RGBA{0xf3, 0xee, 0xe3, 0xff}
	ink    = color.RGBA{0x1c, 0x1a, 0x17, 0xff}
	accent = color.RGBA{0x8c, 0x22, 0x1c, 0xff}
)

// shades is how many steps of coverage the palette holds for each of ink
// and accent: sixteen steps of anti-aliasing are indistinguishable from
// 256 at this size and keep the PNG paletted and small.
const shades = 16

// canvas is the cover being drawn, held directly as the palette indexes
// of the image to encode (see palette): 0 is the ground, 1 to shades-1
// ink at rising coverage and ruleIndex the accent at full coverage.
//
// Drawing into the indexes rather than into a coverage mask per colour
// spares combining two full-size masks pixel by pixel when encoding, and
// gives the same pixels: coverage is quantised by a monotonic step, so
// the step of the larger of two coverages is the larger of their steps,
// and a rule's index is above every ink index, so "keep the larger index"
// lets rules win over text whichever is drawn first.
type canvas struct {
	img *image.Paletted
	// inkIndex maps a text coverage (0 to 255) to its ink's index.
	inkIndex [256]uint8
}

// ruleIndex is the palette index of the rules: the accent at full
// coverage. The rules are solid rectangles, so no other accent shade is
// ever drawn, although the palette keeps them all.
const ruleIndex = 2*shades - 2

func newCanvas(w, h int) *canvas {
	c := &canvas{img: image.NewPaletted(image.Rect(0, 0, w, h), palette())}
	for a := range c.inkIndex {
		c.inkIndex[a] = uint8((a*(shades-1) + 127) / 255)
	}
	return c
}

// width and height are the canvas's size in pixels.
func (c *canvas) width() int  { return c.img.Rect.Dx() }
func (c *canvas) height() int { return c.img.Rect.Dy() }

// rect fills a rectangle with the rules' colour.
func (c *canvas) rect(r image.Rectangle) {
	r = r.Intersect(c.img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i := c.img.PixOffset(r.Min.X, y)
		row := c.img.Pix[i : i+r.Dx()]
		for x := range row {
			row[x] = ruleIndex
		}
	}
}

// ink paints one row of text coverage, cov[i] being the coverage of the
// pixel (x+i, y), keeping the larger index where a pixel is painted
// already (by overlapping text or by a rule).
func (c *canvas) ink(x, y int, cov []uint8) {
	i := c.img.PixOffset(x, y)
	row := c.img.Pix[i : i+len(cov)]
	for k, a := range cov {
		if t := c.inkIndex[a]; t > row[k] {
			row[k] = t
		}
	}
}

// frame draws a double rule around the cover: a heavy outer line and a
// hairline inside it.
func (c *canvas) frame() {
	box := func(inset, width int) {
		x0, y0, x1, y1 := inset, inset, c.width()-inset, c.height()-inset
		c.rect(image.Rect(x0, y0, x1, y0+width))
		c.rect(image.Rect(x0, y1-width, x1, y1))
		c.rect(image.Rect(x0, y0, x0+width, y1))
		c.rect(image.Rect(x1-width, y0, x1, y1))
	}
	box(72, 10)
	box(100, 3)
}

// ornamentHeight is the thickness of the rule between title and subtitle.
const ornamentHeight = 6

// ornament draws a short centred rule with its top at y.
func (c *canvas) ornament(y int) {
	const w = 260
	x := (c.width() - w) / 2
	c.rect(image.Rect(x, y, x+w, y+ornamentHeight))
}

// line draws one line of text centred on the cover with its baseline at y.
func (c *canvas) line(face sized, s string, y int) {
	x := (int64(c.width())*subPerPixel - face.width(s)) / 2
	face.outline(s, x, int64(y)*subPerPixel).fill(c.img.Rect, c.ink)
}

// palette returns the ground, then the ink and accent blended over the
// ground in equal steps of coverage.
func palette() color.Palette {
	blend := func(c color.RGBA, a int) color.Color {
		mix := func(fg, bg uint8) uint8 {
			return uint8((int(fg)*a + int(bg)*(shades-1-a) + (shades-1)/2) / (shades - 1))
		}
		return color.RGBA{mix(c.R, ground.R), mix(c.G, ground.G), mix(c.B, ground.B), 0xff}
	}
	p := color.Palette{ground}
	for a := 1; a < shades; a++ {
		p = append(p, blend(ink, a))
	}
	for a := 1; a < shades; a++ {
		p = append(p, blend(accent, a))
	}
	return p
}

// encode encodes the cover as a paletted PNG.
func (c *canvas) encode() []byte { return encodePNG(c.img) }
