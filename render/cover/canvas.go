package cover

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
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

// canvas is the cover being drawn: one coverage mask per colour. Text and
// rules never overlap, so the masks are combined only when encoding.
type canvas struct {
	w, h        int
	text, rules *image.Alpha
}

func newCanvas(w, h int) *canvas {
	r := image.Rect(0, 0, w, h)
	return &canvas{w: w, h: h, text: image.NewAlpha(r), rules: image.NewAlpha(r)}
}

// rect fills a rectangle of the rule layer.
func (c *canvas) rect(r image.Rectangle) {
	draw.Draw(c.rules, r, image.Opaque, image.Point{}, draw.Src)
}

// frame draws a double rule around the cover: a heavy outer line and a
// hairline inside it.
func (c *canvas) frame() {
	box := func(inset, width int) {
		x0, y0, x1, y1 := inset, inset, c.w-inset, c.h-inset
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
	x := (c.w - w) / 2
	c.rect(image.Rect(x, y, x+w, y+ornamentHeight))
}

// line draws one line of text centred on the cover with its baseline at y.
func (c *canvas) line(face sized, s string, y int) {
	x := (int64(c.w)*subPerPixel - face.width(s)) / 2
	face.draw(c.text, s, x, int64(y)*subPerPixel)
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

// encode combines the layers into a paletted image and encodes it as PNG.
// Where a pixel has rule coverage the rule's colour wins.
func (c *canvas) encode() ([]byte, error) {
	img := image.NewPaletted(image.Rect(0, 0, c.w, c.h), palette())
	step := func(a uint8) int { return (int(a)*(shades-1) + 127) / 255 }
	for i := range img.Pix {
		switch r, t := step(c.rules.Pix[i]), step(c.text.Pix[i]); {
		case r > 0:
			img.Pix[i] = uint8(shades - 1 + r)
		case t > 0:
			img.Pix[i] = uint8(t)
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("cover: encoding the PNG: %w", err)
	}
	return buf.Bytes(), nil
}
