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

// canvas is the cover being drawn. Drawing only records what the cover
// shows, rules and lines of text; encode then draws it a pixel row at a
// time straight into the PNG encoder. The rasteriser works from the top
// down anyway, so one row is all that need be held, not the four
// megabytes of the whole image, which a short build would spend most of
// the cover's time asking the system for and clearing.
//
// A row is held as the palette indexes of the image to encode (see
// palette): 0 is the ground, 1 to shades-1 ink at rising coverage and
// ruleIndex the accent at full coverage. Drawing into the indexes rather
// than into a coverage mask per colour spares combining two masks pixel
// by pixel when encoding, and gives the same pixels: coverage is
// quantised by a monotonic step, so the step of the larger of two
// coverages is the larger of their steps, and a rule's index is above
// every ink index, so "keep the larger index" lets rules win over text.
type canvas struct {
	width, height int
	rules         []image.Rectangle
	text          []textLine
}

// ruleIndex is the palette index of the rules: the accent at full
// coverage. The rules are solid rectangles, so no other accent shade is
// ever drawn, although the palette keeps them all.
const ruleIndex = 2*shades - 2

func newCanvas(w, h int) *canvas { return &canvas{width: w, height: h} }

// bounds is the canvas's rectangle, in pixels.
func (c *canvas) bounds() image.Rectangle { return image.Rect(0, 0, c.width, c.height) }

// rect fills a rectangle with the rules' colour.
func (c *canvas) rect(r image.Rectangle) {
	if r = r.Intersect(c.bounds()); !r.Empty() {
		c.rules = append(c.rules, r)
	}
}

// frame draws a double rule around the cover: a heavy outer line and a
// hairline inside it.
func (c *canvas) frame() {
	box := func(inset, width int) {
		x0, y0, x1, y1 := inset, inset, c.width-inset, c.height-inset
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
	x := (c.width - w) / 2
	c.rect(image.Rect(x, y, x+w, y+ornamentHeight))
}

// line draws one line of text centred on the cover with its baseline at y.
func (c *canvas) line(face sized, s string, y int) {
	x := (int64(c.width)*subPerPixel - face.width(s)) / 2
	if l := placeLine(face, s, x, int64(y)*subPerPixel); l.edges > 0 {
		c.text = append(c.text, l)
	}
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

// encode draws the cover row by row and encodes it as a paletted PNG.
func (c *canvas) encode() []byte {
	text := newTextFiller(c.text, c.bounds())
	row := make([]uint8, c.width)
	png := newPNGWriter(c.width, c.height, palette(), c.pngSizeHint())
	for y := range c.height {
		clear(row)
		text.paint(row, y)
		for _, r := range c.rules {
			if r.Min.Y <= y && y < r.Max.Y {
				for x := r.Min.X; x < r.Max.X; x++ {
					row[x] = ruleIndex
				}
			}
		}
		png.writeRow(row)
	}
	return png.finish()
}

// pngSizeHint estimates the size of the cover's PNG. Measured on covers
// of all kinds of text, a row of ground and frame takes some 3 bytes,
// and text about 2 to 2.4 bytes for each of its edges in each row the
// edge crosses (3.5 for a title of two letters). The estimate is a
// little high (by 5 to 25%), so that the buffer need not grow.
func (c *canvas) pngSizeHint() int {
	n := c.height * 4
	for _, l := range c.text {
		n += int(l.rise / subPerPixel * 5 / 2)
	}
	return n
}
