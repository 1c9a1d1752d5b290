package pdf

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"samizdat/fonts"
)

// The faces are embedded here rather than by fpdf, which parsed every
// face whole (its widths into a table of 65,536 entries, its identity as
// a JSON hash) and subset it again at the end: for a short book that was
// a third of the time of writing the PDF. Each face the pages set becomes
// a composite font (Type0, Identity-H) over a CIDFontType2 whose codes
// are the glyphs' indexes, as the text writer writes them (tjArray) and
// as most producers do: the font program is a subset of the face
// (fonts.Subset) that keeps the indexes, the CIDToGIDMap is the
// identity, and a ToUnicode map gives each glyph back as its character,
// so that text can be searched and copied. (Codes that were code points
// needed a map of two bytes for every code point up to the highest set,
// 128 KB a face once a ligature at U+FB01 was.)

// pdfObject is an object added to the file fpdf writes: a dictionary,
// and for a stream its data, compressed with the pages' content.
type pdfObject struct {
	dict   string
	stream []byte
	// packed is a stream's data compressed already; nil to compress
	// stream.
	packed []byte
}

// isStream tells a stream from a plain dictionary.
func (o pdfObject) isStream() bool { return o.stream != nil || o.packed != nil }

// fontResource is a face's name in the pages' resources.
func fontResource(f Font) string { return "/F" + strconv.Itoa(int(f)) }

// fontObjects returns the objects that embed each face the pages set
// (runes), numbered from first, and the entries of the resources' /Font
// dictionary that name them.
func fontObjects(fs faces, runes runeSets, first int) ([]pdfObject, string, error) {
	var objs []pdfObject
	var dict strings.Builder
	for f := range Font(numFonts) {
		if len(runes[f]) == 0 {
			continue
		}
		n := first + len(objs)
		o, err := embedFace(fs[f], runes[f], n)
		if err != nil {
			return nil, "", fmt.Errorf("pdf: embedding %s: %w", fs[f].FileName, err)
		}
		objs = append(objs, o...)
		fmt.Fprintf(&dict, "%s %d 0 R ", fontResource(f), n)
	}
	return objs, dict.String(), nil
}

// embedFace returns the five objects of one face, numbered from n: the
// Type0 font, its CIDFont, the font descriptor, the font program and the
// ToUnicode map.
func embedFace(face *fonts.Face, set map[rune]bool, n int) ([]pdfObject, error) {
	glyphs := glyphsOf(face.GlyphIndex, set)
	ids := make([]uint16, len(glyphs))
	for i, g := range glyphs {
		ids[i] = g.id
	}
	program, err := face.Subset(ids)
	if err != nil {
		return nil, err
	}
	desc, err := face.Describe()
	if err != nil {
		return nil, err
	}
	name := subsetTag(desc.PostScriptName, ids) + "+" + desc.PostScriptName
	scale := func(v int) int { return int(math.Round(float64(v) * 1000 / float64(face.UnitsPerEm))) }
	flags := 4 // symbolic: the glyphs are reached through the CIDToGIDMap
	if desc.FixedPitch {
		flags |= 1
	}
	if desc.ItalicAngle != 0 {
		flags |= 64
	}
	ref := func(k int) string { return strconv.Itoa(n+k) + " 0 R" }
	return []pdfObject{
		{dict: "<</Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts [" + ref(1) + "] /ToUnicode " + ref(4) + ">>"},
		{dict: "<</Type /Font /Subtype /CIDFontType2 /BaseFont /" + name +
			" /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor " + ref(2) +
			" /W " + widths(face, glyphs) + " /CIDToGIDMap /Identity>>"},
		{dict: fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %s>>",
			name, flags, scale(desc.BBox[0]), scale(desc.BBox[1]), scale(desc.BBox[2]), scale(desc.BBox[3]),
			strconv.FormatFloat(desc.ItalicAngle, 'f', -1, 64), scale(face.Ascent), -scale(face.Descent), scale(desc.CapHeight),
			stemV(desc.Weight), ref(3))},
		{dict: "/Length1 " + strconv.Itoa(len(program)), stream: program},
		{stream: toUnicode(glyphs)},
	}, nil
}

// glyph is a glyph a face sets and the character it stands for.
type glyph struct {
	id uint16
	r  rune
}

// glyphsOf returns the glyphs that set the characters (index gives a
// character's glyph), by index. Where two characters share a glyph (a
// font may draw a space and a no-break space alike) it stands for the
// first in code point order.
func glyphsOf(index func(rune) uint16, set map[rune]bool) []glyph {
	runes := make([]rune, 0, len(set))
	for r := range set {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	out := make([]glyph, 0, len(runes))
	for _, r := range runes {
		out = append(out, glyph{index(r), r})
	}
	slices.SortStableFunc(out, func(a, b glyph) int { return int(a.id) - int(b.id) })
	return slices.CompactFunc(out, func(a, b glyph) bool { return a.id == b.id })
}

// subsetTag is the six capital letters that name a subset (ISO 32000-1,
// 9.6.4): taken from a hash of the face and the characters kept, so the
// same subset always gets the same tag and different ones differ.
func subsetTag(name string, glyphs []uint16) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, g := range glyphs {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// stemV estimates the vertical stems' width from the weight class, as
// the descriptor asks for one and TrueType does not record it: readers
// use it only to pick a substitute.
func stemV(weight int) int { return 50 + int(math.Pow(float64(weight)/65, 2)) }

// widths returns the CIDFont's /W array: each glyph's advance in
// thousandths of an em, rounded to whole units as tjArray assumes, runs
// of consecutive glyphs sharing one entry.
func widths(face *fonts.Face, glyphs []glyph) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, g := range glyphs {
		if i == 0 || g.id != glyphs[i-1].id+1 {
			if i > 0 {
				b.WriteString("] ")
			}
			b.WriteString(strconv.Itoa(int(g.id)))
			b.WriteString(" [")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(int(math.Round(float64(face.Advance(g.r)) * 1000 / float64(face.UnitsPerEm)))))
	}
	if len(glyphs) > 0 {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// toUnicode returns the ToUnicode CMap: each glyph stands for its
// character, in UTF-16. Glyphs and characters that run on together (a
// face's letters often do) share one range, as long as the glyph
// indexes share a first byte and the characters a last-but-one (ISO
// 32000-1, 9.10.3); the missing-glyph box stands for nothing. Sections
// hold at most a hundred entries, as the CMap format allows.
func toUnicode(glyphs []glyph) []byte {
	type span struct {
		lo, hi uint16
		r      rune
	}
	var spans []span
	for _, g := range glyphs {
		if g.id == 0 {
			continue
		}
		if k := len(spans) - 1; k >= 0 {
			s := &spans[k]
			n := rune(s.hi - s.lo)
			if g.id == s.hi+1 && g.id>>8 == s.lo>>8 && g.r == s.r+n+1 && g.r>>8 == s.r>>8 && g.r <= 0xFFFF {
				s.hi = g.id
				continue
			}
		}
		spans = append(spans, span{g.id, g.id, g.r})
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(spans) > 0 {
		k := min(len(spans), 100)
		fmt.Fprintf(&b, "%d beginbfrange\n", k)
		for _, s := range spans[:k] {
			fmt.Fprintf(&b, "<%04X> <%04X> <", s.lo, s.hi)
			for _, u := range utf16.Encode([]rune{s.r}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfrange\n")
		spans = spans[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
