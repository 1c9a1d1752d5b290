package cover

import (
	"fmt"
	"unicode/utf8"

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
	// extents holds the extents of the glyphs placed so far, by size
	// and character: a title repeats its letters.
	extents map[glyphKey]glyphExtent
}

func newTypeface(f *fonts.Face) (*typeface, error) {
	sf, err := sfnt.Parse(f.Data)
	if err != nil {
		return nil, fmt.Errorf("cover: reading %s: %w", f.FileName, err)
	}
	return &typeface{face: f, sf: sf, extents: map[glyphKey]glyphExtent{}}, nil
}

// sized is a typeface at a size in whole pixels (whole sizes keep every
// computation in integers).
type sized struct {
	tf   *typeface
	size int
}

// width is the width of s in sub units.
func (z sized) width(s string) int64 { return z.sub(z.units(s)) }

// units is the width of s in font units, with kerning.
func (z sized) units(s string) int64 { return int64(z.tf.face.Units(s)) }

// join is what a space adds between words a and b, in font units, with
// the kerning on either side of it: their kerned width set with the
// space between them, less their own.
func (z sized) join(a, b string) int64 {
	f := z.tf.face
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return int64(f.Kern(last, ' ') + f.Advance(' ') + f.Kern(' ', first))
}

// sub converts font units to sub units.
func (z sized) sub(units int64) int64 {
	return units * int64(z.size) * subPerPixel / int64(z.tf.face.UnitsPerEm)
}

// addTo adds the glyphs of s to o, the origin of the first at (x, y)
// sub units (y on the baseline).
func (z sized) addTo(o *outline, s string, x, y int64) {
	f := z.tf.face
	pen := int64(0) // font units from x
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			pen += int64(f.Kern(prev, r))
		}
		prev = r
		if segs, ok := z.load(r); ok {
			o.addSegments(segs, x+z.sub(pen), y)
		}
		pen += int64(f.Advance(r))
	}
}

// load returns the outline of r's glyph, in 26.6 pixels from its origin,
// valid until the next load. A glyph that cannot be loaded is left
// blank; the caller already reports characters the font lacks.
func (z sized) load(r rune) (sfnt.Segments, bool) {
	t := z.tf
	gi, err := t.sf.GlyphIndex(&t.buf, r)
	if err != nil {
		return nil, false
	}
	segs, err := t.sf.LoadGlyph(&t.buf, gi, fixed.I(z.size), nil)
	return segs, err == nil
}

// glyphKey names a glyph at a size.
type glyphKey struct {
	size int
	r    rune
}

// glyphExtent is what is known of a glyph's outline before it is
// flattened, in sub units from its origin: enough to set aside room for
// its edges and to know the first pixel row it can reach.
type glyphExtent struct {
	// edges is the most edges the flattened outline has.
	edges int
	// top is the least y of the glyph's points, when it has any: the
	// flattened curves lie within their control points.
	top int64
	// rise is the sum of the heights of the control polygon's sides,
	// about how far the edges reach down in all.
	rise int64
}

// extent returns the extent of r's glyph.
func (z sized) extent(r rune) glyphExtent {
	key := glyphKey{z.size, r}
	if e, ok := z.tf.extents[key]; ok {
		return e
	}
	var e glyphExtent
	if segs, ok := z.load(r); ok {
		e = measureSegments(segs)
	}
	z.tf.extents[key] = e
	return e
}

// faceSet holds the three styles a cover uses.
type faceSet struct {
	bold, italic, roman *typeface
}

// loadFaces prepares the family's bold, italic and regular faces (a
// missing style falls back to the regular face), for the title,
// subtitle and the rest of t. Parsing a font file is a good part of a
// cover's cost, so a style t does not show is left nil, and a face that
// stands in for two styles is parsed once.
func loadFaces(fam *fonts.Family, t Text) (*faceSet, error) {
	parsed := map[*fonts.Face]*typeface{}
	load := func(dst **typeface, s fonts.Style, shown bool) error {
		if !shown {
			return nil
		}
		f := pick(fam, s)
		if f == nil {
			return fmt.Errorf("cover: the font family %q has no faces", fam.Name)
		}
		if parsed[f] == nil {
			tf, err := newTypeface(f)
			if err != nil {
				return err
			}
			parsed[f] = tf
		}
		*dst = parsed[f]
		return nil
	}
	var fs faceSet
	if err := load(&fs.bold, fonts.Bold, true); err != nil {
		return nil, err
	}
	if err := load(&fs.italic, fonts.Italic, t.Subtitle != ""); err != nil {
		return nil, err
	}
	if err := load(&fs.roman, fonts.Regular, len(t.Authors) > 0 || t.Publisher != ""); err != nil {
		return nil, err
	}
	return &fs, nil
}
