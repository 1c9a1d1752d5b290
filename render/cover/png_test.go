package cover

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"testing"
)

// encodePNG encodes img with a pngWriter, row by row.
func encodePNG(img *image.Paletted) []byte {
	b := img.Rect
	w := newPNGWriter(b.Dx(), b.Dy(), img.Palette, 0)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := img.PixOffset(b.Min.X, y)
		w.writeRow(img.Pix[i : i+b.Dx()])
	}
	return w.finish()
}

// TestEncodePNG decodes images of several shapes with image/png, which
// checks every chunk's CRC, and compares palette and indexes.
func TestEncodePNG(t *testing.T) {
	pal := palette()
	r := rand.New(rand.NewPCG(5, 6))
	for _, rect := range []image.Rectangle{image.Rect(0, 0, 1, 1), image.Rect(0, 0, 300, 7), image.Rect(10, 20, 33, 61)} {
		img := image.NewPaletted(rect, pal)
		for i := range img.Pix {
			if r.IntN(3) == 0 {
				img.Pix[i] = uint8(r.IntN(len(pal)))
			}
		}
		m, err := png.Decode(bytes.NewReader(encodePNG(img)))
		if err != nil {
			t.Fatalf("%v: %v", rect, err)
		}
		p, ok := m.(*image.Paletted)
		if !ok {
			t.Fatalf("%v: decodes as %T", rect, m)
		}
		if p.Rect.Dx() != rect.Dx() || p.Rect.Dy() != rect.Dy() {
			t.Fatalf("%v: decodes as %v", rect, p.Rect)
		}
		for i, c := range pal {
			if color.RGBAModel.Convert(p.Palette[i]) != c {
				t.Errorf("%v: palette entry %d is %v; want %v", rect, i, p.Palette[i], c)
			}
		}
		for y := range rect.Dy() {
			for x := range rect.Dx() {
				if got, want := p.ColorIndexAt(x, y), img.ColorIndexAt(rect.Min.X+x, rect.Min.Y+y); got != want {
					t.Fatalf("%v: pixel (%d, %d) is %d; want %d", rect, x, y, got, want)
				}
			}
		}
	}
}

// TestPNGWriterRepeats decodes images made of stretches of repeated rows
// of several kinds (all ground, ending in another byte than they begin
// with, short runs and literals, a ramp into a long run, noise) after
// every other kind, which the writer writes filtered up or not, and as
// a repeat or parsed anew, and counts the filters it chose.
func TestPNGWriterRepeats(t *testing.T) {
	const width = 300
	r := rand.New(rand.NewPCG(7, 8))
	kinds := make([][]uint8, 5)
	for k := range kinds {
		kinds[k] = make([]uint8, width)
	}
	for x := range width {
		kinds[1][x] = uint8(x / 40 % 3)      // runs of 40, ending in 1
		kinds[2][x] = uint8(x % 7 / 5 * 30)  // short runs, literals
		kinds[3][x] = uint8(min(x, 100) / 3) // a ramp into a long run
		kinds[4][x] = uint8(r.IntN(30))      // noise
	}
	img := image.NewPaletted(image.Rect(0, 0, width, 0), palette())
	for range 200 {
		k := kinds[r.IntN(len(kinds))]
		for range 1 + r.IntN(6) {
			img.Pix = append(img.Pix, k...)
			img.Rect.Max.Y++
		}
	}
	data := encodePNG(img)
	m, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p := m.(*image.Paletted); !bytes.Equal(p.Pix, img.Pix) {
		t.Fatal("the decoded image differs")
	}
	zr, err := zlib.NewReader(bytes.NewReader(idat(t, data)))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	filters := map[byte]int{}
	for i := 0; i < len(raw); i += width + 1 {
		filters[raw[i]]++
	}
	if filters[filterNone] == 0 || filters[filterUp] == 0 || len(filters) != 2 {
		t.Errorf("rows by filter: %v; want rows with each of none and up, and no others", filters)
	}
}

// idat returns the data of a PNG's one IDAT chunk.
func idat(t *testing.T, png []byte) []byte {
	t.Helper()
	for p := png[8:]; len(p) >= 12; {
		n := int(binary.BigEndian.Uint32(p))
		if string(p[4:8]) == "IDAT" {
			return p[8 : 8+n]
		}
		p = p[12+n:]
	}
	t.Fatal("no IDAT chunk")
	return nil
}
