package fonts

import (
	"encoding/binary"
	"fmt"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// Description is what a PDF font descriptor says of a face, in font
// units: a reader uses it to pick a substitute when it cannot use the
// embedded program, and to place text it extracts.
type Description struct {
	// PostScriptName is the font's name for printers, with only the
	// characters a PDF name may carry as they are; the file name when
	// the font has none.
	PostScriptName string
	// BBox is the union of the glyphs' boxes: xMin, yMin, xMax, yMax.
	BBox [4]int
	// ItalicAngle is the slant in degrees counter-clockwise from the
	// vertical (negative for a face leaning right).
	ItalicAngle float64
	// CapHeight is the height of flat capitals; the ascent when the
	// font does not say.
	CapHeight int
	// Weight is the OS/2 weight class (400 regular, 700 bold).
	Weight int
	// FixedPitch tells a monospaced face.
	FixedPitch bool
}

// Describe reads the face's description from its head, post and OS/2
// tables and its name table.
func (f *Face) Describe() (Description, error) {
	tables, err := readTables(f.Data)
	if err != nil {
		return Description{}, fmt.Errorf("%s: %w", f.FileName, err)
	}
	d := Description{CapHeight: f.Ascent, Weight: 400}
	head := find(tables, "head")
	if len(head) < 54 {
		return Description{}, fmt.Errorf("%s: the font has no usable head table", f.FileName)
	}
	for i := range d.BBox {
		d.BBox[i] = int(int16(binary.BigEndian.Uint16(head[36+2*i:])))
	}
	if post := find(tables, "post"); len(post) >= 16 {
		d.ItalicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		d.FixedPitch = binary.BigEndian.Uint32(post[12:]) != 0
	}
	if os2 := find(tables, "OS/2"); len(os2) >= 6 {
		d.Weight = int(binary.BigEndian.Uint16(os2[4:]))
		if version := binary.BigEndian.Uint16(os2); version >= 2 && len(os2) >= 90 {
			if c := int(int16(binary.BigEndian.Uint16(os2[88:]))); c > 0 {
				d.CapHeight = c
			}
		}
	}
	d.PostScriptName = pdfNameChars(f.name(sfnt.NameIDPostScript))
	if d.PostScriptName == "" {
		d.PostScriptName = pdfNameChars(strings.TrimSuffix(f.FileName, ".ttf"))
	}
	return d, nil
}

// name reads one of the font's names; empty when it has none.
func (f *Face) name(id sfnt.NameID) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, err := f.font.Name(&f.buf, id)
	if err != nil {
		return ""
	}
	return s
}

// pdfNameChars keeps the characters of s a PostScript font name is made
// of (printable ASCII but the PDF delimiters, % and #), so that it can
// be written as a PDF name without escapes.
func pdfNameChars(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 127 && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
