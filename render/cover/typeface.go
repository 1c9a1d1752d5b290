package cover

import (
	"fmt"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"samizdat/fonts"
)

// typeface is one face of the family, ready for measuring (through
// fonts.Face's advances and kerning, in font units) and drawing (through
// sfnt's glyph outlines).
type typeface struct {
	face *fonts.Face
	sf   *sfnt.Font
	buf  sfnt.Buffer
}

func newTypeface(f *fonts.Face) (*typeface, error) {
	sf, err := sfnt.Parse(f.Data)
	if err != nil {
		return nil, fmt.Errorf("cover: reading %s: %w", f.FileName, err)
	}
	return &typeface{face: f, sf: sf}, nil
}

// units is the width of s in font units, with kerning.
func (t *typeface) units(s string) int64 { return int64(t.face.Units(s)) }

// sized is a typeface at a size in whole pixels (whole sizes keep every
// computation in integers).
type sized struct {
	tf   *typeface
	size int
}

// width is the width of s in sub units.
func (z sized) width(s string) int64 {
	return z.tf.units(s) * int64(z.size) * subPerPixel / int64(z.tf.face.UnitsPerEm)
}

// outline returns the glyphs of s as one outline, the origin of the
// first at (x, y) sub units (y on the baseline).
func (z sized) outline(s string, x, y int64) *outline {
	t := z.tf
	upem := int64(t.face.UnitsPerEm)
	var o outline
	pen := int64(0) // font units from x
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			pen += int64(t.face.Kern(prev, r))
		}
		prev = r
		gi, err := t.sf.GlyphIndex(&t.buf, r)
		if err == nil {
			// A glyph that cannot be loaded is left blank; the caller
			// already reports characters the font lacks.
			if segs, err := t.sf.LoadGlyph(&t.buf, gi, fixed.I(z.size), nil); err == nil {
				o.addSegments(segs, x+pen*int64(z.size)*subPerPixel/upem, y)
			}
		}
		pen += int64(t.face.Advance(r))
	}
	return &o
}

// faceSet holds the three styles a cover uses.
type faceSet struct {
	bold, italic, roman *typeface
}

// loadFaces prepares the family's bold, italic and regular faces (a
// missing style falls back to the regular face).
func loadFaces(fam *fonts.Family) (*faceSet, error) {
	load := func(s fonts.Style) (*typeface, error) {
		f := pick(fam, s)
		if f == nil {
			return nil, fmt.Errorf("cover: the font family %q has no faces", fam.Name)
		}
		return newTypeface(f)
	}
	var fs faceSet
	var err error
	if fs.bold, err = load(fonts.Bold); err != nil {
		return nil, err
	}
	if fs.italic, err = load(fonts.Italic); err != nil {
		return nil, err
	}
	if fs.roman, err = load(fonts.Regular); err != nil {
		return nil, err
	}
	return &fs, nil
}
