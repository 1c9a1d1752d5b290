package fonts

import (
	"encoding/binary"
	"fmt"
	"path"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one font file: its bytes, for embedding, and its metrics, for
// measuring. Measuring methods are safe for concurrent use. Data is
// never written: it may be shared, and for the default family it is
// the program's own image.
type Face struct {
	// FileName is the file's base name ("GentiumBookPlus-Regular.ttf").
	FileName string
	Style    Style
	Data     []byte
	// UnitsPerEm is the font's design grid; metrics below are in these
	// units unless a method takes a size.
	UnitsPerEm int
	// Ascent and Descent (positive, below the baseline) in font units.
	Ascent, Descent int

	font *sfnt.Font

	mu      sync.Mutex
	buf     sfnt.Buffer
	advance map[rune]int
	kern    map[[2]rune]int
}

// Parse reads a TrueType font. PDF embedding through fpdf needs glyf
// outlines, so a CFF-flavoured OpenType file is refused with a message
// saying so rather than failing later inside the PDF writer.
func Parse(name string, data []byte) (*Face, error) {
	if len(data) < 4 {
		return nil, fmt.Errorf("%s: not a font file (too short)", name)
	}
	switch tag := binary.BigEndian.Uint32(data); tag {
	case 0x00010000, 0x74727565: // TrueType outlines ("\0\1\0\0", "true")
	case 0x4f54544f: // "OTTO"
		return nil, fmt.Errorf("%s: an OpenType font with CFF outlines; samizdat needs TrueType (glyf) fonts — convert it to .ttf first", name)
	case 0x74746366: // "ttcf"
		return nil, fmt.Errorf("%s: a font collection (.ttc); give one TrueType (.ttf) file per face", name)
	default:
		return nil, fmt.Errorf("%s: not a TrueType font", name)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: not a valid TrueType font: %w", name, err)
	}
	face := &Face{
		FileName:   path.Base(name),
		Data:       data,
		UnitsPerEm: int(f.UnitsPerEm()),
		font:       f,
		advance:    map[rune]int{},
		kern:       map[[2]rune]int{},
	}
	m, err := f.Metrics(&face.buf, fixed.I(face.UnitsPerEm), font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("%s: reading metrics: %w", name, err)
	}
	face.Ascent, face.Descent = m.Ascent.Round(), m.Descent.Round()
	return face, nil
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	gi, err := f.font.GlyphIndex(&f.buf, r)
	return err == nil && gi != 0
}

// Advance returns r's advance width in font units (0 for a missing glyph's
// notdef box is not assumed: the notdef advance is returned).
func (f *Face) Advance(r rune) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.advance[r]; ok {
		return a
	}
	a := 0
	if gi, err := f.font.GlyphIndex(&f.buf, r); err == nil {
		if adv, err := f.font.GlyphAdvance(&f.buf, gi, fixed.I(f.UnitsPerEm), font.HintingNone); err == nil {
			a = adv.Round()
		}
	}
	f.advance[r] = a
	return a
}

// Kern returns the kerning adjustment between a and b in font units
// (negative brings them closer). It reads GPOS pair kerning as well as the
// old kern table.
func (f *Face) Kern(a, b rune) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	key := [2]rune{a, b}
	if k, ok := f.kern[key]; ok {
		return k
	}
	k := 0
	ga, errA := f.font.GlyphIndex(&f.buf, a)
	gb, errB := f.font.GlyphIndex(&f.buf, b)
	if errA == nil && errB == nil && ga != 0 && gb != 0 {
		if kv, err := f.font.Kern(&f.buf, ga, gb, fixed.I(f.UnitsPerEm), font.HintingNone); err == nil {
			k = kv.Round()
		}
	}
	f.kern[key] = k
	return k
}

// Units returns the width of s in font units, with kerning.
func (f *Face) Units(s string) int {
	units := 0
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			units += f.Kern(prev, r)
		}
		units += f.Advance(r)
		prev = r
	}
	return units
}

// Width returns the width of s at size points, with kerning.
func (f *Face) Width(s string, size float64) float64 {
	return float64(f.Units(s)) * size / float64(f.UnitsPerEm)
}

// GlyphIndex returns r's glyph in the font, 0 (the missing-glyph box)
// when it has none.
func (f *Face) GlyphIndex(r rune) uint16 {
	f.mu.Lock()
	defer f.mu.Unlock()
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err != nil {
		return 0
	}
	return uint16(gi)
}
