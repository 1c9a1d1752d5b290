package pdf

import (
	"math"
	"strconv"

	"samizdat/fonts"
)

// Text is drawn with content-stream operators written here rather than
// with fpdf's Text, which formats each call with Sprintf and can only
// place a run of glyphs with no adjustment inside it: a kerned word
// became one text object per kern-free piece. Here a run is one text
// object whose TJ array carries the kerns, and a line's runs in one face
// share an object (lineWriter): the page content is half the size and
// drawing it several times faster. The characters each face sets are
// collected as the text is written, for embedding the faces
// (fontobjects.go).

// runeSets are the characters each face sets in a document.
type runeSets [numFonts]map[rune]bool

// maxDrift is how far, in thousandths of an em, a character may stray
// from its measured place before tjArray puts it back: the widths the
// fonts declare are rounded to whole thousandths, and correcting every glyph's
// rounding would double the size of the page content for a difference of
// a hundredth of a point.
const maxDrift = 1.0

// adjust rounds a TJ adjustment, in thousandths of an em, to the whole
// thousandth written: a hundredth of a point in 10-point text, a third of
// the dot of a 2,400-dpi imagesetter, and the error never adds up, as the
// next adjustment puts the pen back where the layout has it. Tenths, as
// written before, made the text a tenth longer and its runs of spacing
// less alike, for a 1,000-page book's PDF 7 % larger.
func adjust(v float64) float64 { return math.Round(v) }

// tjRun is a run's part of a TJ operand, and how far it moves the text
// position, in thousandths of an em, as a reader computes it.
type tjRun struct {
	ops     []byte
	advance float64
}

// tjArray returns the part of a TJ operand that sets s in face: the
// characters as one PDF string, broken where the layout's kerned
// position of a character differs from where a reader would put it by
// the widths the font declares (each advance rounded to a thousandth of
// an em, see widths),
// by more than maxDrift, with the difference given as an adjustment.
// The glyphs land where the layout measured them, kerns included.
func tjArray(face *fonts.Face, s string) tjRun {
	upem := float64(face.UnitsPerEm)
	out := make([]byte, 0, 2*len(s)+8)
	out = append(out, '(')
	units := 0     // the layout's position, in font units
	written := 0.0 // a reader's position, in thousandths of an em
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			units += face.Kern(prev, r)
		}
		want := float64(units) * 1000 / upem
		if d := want - written; math.Abs(d) >= maxDrift {
			d = adjust(d)
			out = append(out, ')')
			out = appendWhole(out, -d)
			out = append(out, '(')
			written += d
		}
		// The code is the glyph's index, two bytes (Identity-H over
		// an Identity CIDToGIDMap, see fontobjects.go).
		g := face.GlyphIndex(r)
		out = appendEscaped(out, byte(g>>8))
		out = appendEscaped(out, byte(g))
		adv := face.Advance(r)
		units += adv
		written += math.Round(float64(adv) * 1000 / upem)
		prev = r
	}
	return tjRun{ops: append(out, ')'), advance: written}
}

// appendEscaped appends one byte of a PDF literal string, escaping the
// bytes the string syntax gives a meaning to.
func appendEscaped(out []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(out, '\\', c)
	case '\r':
		return append(out, '\\', 'r')
	}
	return append(out, c)
}

// lineWriter writes a page's runs as text objects, joining the runs of
// a line set in one face and size into one: the space between two words
// becomes an adjustment in the TJ array, which is how most PDF producers
// set a justified line and makes the page's content half the size.
type lineWriter struct {
	out []byte
	// open tells whether a text object is open; font, size and y are
	// its face, size and baseline, pen the text position, in points
	// from the page's left edge, after the last run.
	open    bool
	font    Font
	size, y float64
	pen     float64
}

// add sets run (its TJ part tj) at (x, y), continuing the open text
// object when the run is on its line, in its face and size, and not
// behind its pen. A run drawn with ligatures carries actual, the letters
// it reads as, in a marked-content span inside the text object.
func (lw *lineWriter) add(f Font, size, x, y float64, tj tjRun, actual string) {
	if lw.open && (lw.font != f || lw.size != size || lw.y != y || x < lw.pen-0.01) {
		lw.close()
	}
	if !lw.open {
		lw.out = append(lw.out, "BT "...)
		lw.out = appendFixed(lw.out, x)
		lw.out = append(lw.out, ' ')
		lw.out = appendFixed(lw.out, y)
		lw.out = append(lw.out, " Td ["...)
		lw.open, lw.font, lw.size, lw.y = true, f, size, y
		// Td is written to a hundredth of a point.
		lw.pen = math.Round(x*100) / 100
	}
	if actual != "" {
		// A marked-content span may sit inside a text object, between
		// its text-showing operators.
		lw.out = append(lw.out, "] TJ /Span<</ActualText"...)
		lw.out = append(lw.out, utf16Hex(actual)...)
		lw.out = append(lw.out, ">>BDC ["...)
	}
	if gap := adjust((x - lw.pen) * 1000 / size); gap != 0 {
		lw.out = appendWhole(lw.out, -gap)
		lw.pen += gap * size / 1000
	}
	lw.out = append(lw.out, tj.ops...)
	lw.pen += tj.advance * size / 1000
	if actual != "" {
		lw.out = append(lw.out, "] TJ EMC ["...)
	}
}

// close ends the open text object.
func (lw *lineWriter) close() {
	if lw.open {
		lw.out = append(lw.out, "] TJ ET\n"...)
		lw.open = false
	}
}

// appendFixed appends v with two decimals ("50.00", "-3.25"), rounded
// half away from zero: the page content's coordinates and sizes. strconv
// formats a float exactly, through its general algorithm, which was a
// fifth of the time of writing the pages' text; a number of points to a
// hundredth needs no more than integer arithmetic.
func appendFixed(out []byte, v float64) []byte {
	n := int64(math.Round(v * 100))
	if n < 0 {
		out = append(out, '-')
		n = -n
	}
	out = strconv.AppendInt(out, n/100, 10)
	return append(out, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendWhole appends v, a whole number (see adjust): "-212", "15".
func appendWhole(out []byte, v float64) []byte {
	return strconv.AppendInt(out, int64(math.Round(v)), 10)
}
