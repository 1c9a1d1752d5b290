package pdf

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"samizdat/fonts"
)

// The faces are embedded here rather than by fpdf, which parsed every
// face whole (its widths into a table of 65,536 entries, its identity as
// a JSON hash) and subset it again at the end: for a short book that was
// a third of the time of writing the PDF. Each face the pages set becomes
// a composite font (Type0, Identity-H) over a CIDFontType2 whose codes
// are the characters' code points, as the text writer writes them
// (runeCode): the font program is a subset of the face (fonts.Subset),
// a CIDToGIDMap takes each code to its glyph, and a ToUnicode map gives
// each code back as its character, so that text can be searched and
// copied.

// pdfObject is an object added to the file fpdf writes: a dictionary,
// and for a stream its data, compressed with the pages' content.
type pdfObject struct {
	dict   string
	stream []byte
	isStm  bool
}

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

// embedFace returns the six objects of one face, numbered from n: the
// Type0 font, its CIDFont, the font descriptor, the font program, the
// ToUnicode map and the CIDToGIDMap.
func embedFace(face *fonts.Face, set map[rune]bool, n int) ([]pdfObject, error) {
	codes := make([]rune, 0, len(set))
	for r := range set {
		codes = append(codes, r)
	}
	slices.Sort(codes)
	glyphs := make([]uint16, len(codes))
	for i, c := range codes {
		glyphs[i] = face.GlyphIndex(c)
	}
	program, err := face.Subset(glyphs)
	if err != nil {
		return nil, err
	}
	desc, err := face.Describe()
	if err != nil {
		return nil, err
	}
	name := subsetTag(desc.PostScriptName, codes) + "+" + desc.PostScriptName
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
			" /W " + widths(face, codes) + " /CIDToGIDMap " + ref(5) + ">>"},
		{dict: fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %s>>",
			name, flags, scale(desc.BBox[0]), scale(desc.BBox[1]), scale(desc.BBox[2]), scale(desc.BBox[3]),
			strconv.FormatFloat(desc.ItalicAngle, 'f', -1, 64), scale(face.Ascent), -scale(face.Descent), scale(desc.CapHeight),
			stemV(desc.Weight), ref(3))},
		{dict: "/Length1 " + strconv.Itoa(len(program)), stream: program, isStm: true},
		{stream: toUnicode(codes), isStm: true},
		{stream: cidToGID(codes, glyphs), isStm: true},
	}, nil
}

// subsetTag is the six capital letters that name a subset (ISO 32000-1,
// 9.6.4): taken from a hash of the face and the characters kept, so the
// same subset always gets the same tag and different ones differ.
func subsetTag(name string, codes []rune) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, c := range codes {
		h.Write([]byte{byte(c >> 8), byte(c)})
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

// widths returns the CIDFont's /W array: each code's advance in
// thousandths of an em, rounded to whole units as tjArray assumes, runs
// of consecutive codes sharing one entry.
func widths(face *fonts.Face, codes []rune) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, c := range codes {
		if i == 0 || c != codes[i-1]+1 {
			if i > 0 {
				b.WriteString("] ")
			}
			b.WriteString(strconv.Itoa(int(c)))
			b.WriteString(" [")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(int(math.Round(float64(face.Advance(c)) * 1000 / float64(face.UnitsPerEm)))))
	}
	if len(codes) > 0 {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// cidToGID returns the CIDToGIDMap stream: two bytes of glyph index for
// every code up to the last used.
func cidToGID(codes []rune, glyphs []uint16) []byte {
	out := make([]byte, 2*(int(codes[len(codes)-1])+1))
	for i, c := range codes {
		out[2*c], out[2*c+1] = byte(glyphs[i]>>8), byte(glyphs[i])
	}
	return out
}

// toUnicode returns the ToUnicode CMap: every code used stands for its
// own code point, in ranges of consecutive codes that share a first
// byte, at most a hundred to a section as the CMap format allows.
func toUnicode(codes []rune) []byte {
	type span struct{ lo, hi rune }
	var spans []span
	for _, c := range codes {
		if k := len(spans) - 1; k >= 0 && c == spans[k].hi+1 && c>>8 == spans[k].lo>>8 {
			spans[k].hi = c
			continue
		}
		spans = append(spans, span{c, c})
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
			fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", s.lo, s.hi, s.lo)
		}
		b.WriteString("endbfrange\n")
		spans = spans[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
