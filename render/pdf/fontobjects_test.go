package pdf

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/internal/tooltest"
)

func TestToUnicodeRanges(t *testing.T) {
	tests := []struct {
		name   string
		glyphs []glyph
		want   []string // the bfrange lines, in order
	}{
		{"one", []glyph{{36, 'A'}}, []string{"<0024> <0024> <0041>"}},
		{"a run", []glyph{{36, 'A'}, {37, 'B'}, {38, 'C'}, {40, 'E'}}, []string{"<0024> <0026> <0041>", "<0028> <0028> <0045>"}},
		{"glyphs in another order", []glyph{{36, 'B'}, {37, 'A'}}, []string{"<0024> <0024> <0042>", "<0025> <0025> <0041>"}},
		// A range may not cross a first byte of its codes, nor a
		// last-but-one of its characters (ISO 32000-1, 9.10.3).
		{"across a first byte", []glyph{{0xFE, 'a'}, {0xFF, 'b'}, {0x100, 'c'}}, []string{"<00FE> <00FF> <0061>", "<0100> <0100> <0063>"}},
		{"across a character's byte", []glyph{{10, 0xFF}, {11, 0x100}}, []string{"<000A> <000A> <00FF>", "<000B> <000B> <0100>"}},
		{"the missing glyph", []glyph{{0, 'x'}, {5, 'y'}}, []string{"<0005> <0005> <0079>"}},
		{"ligature and beyond the BMP", []glyph{{900, 0xFB01}, {901, 0x1F600}}, []string{"<0384> <0384> <FB01>", "<0385> <0385> <D83DDE00>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmap := string(toUnicode(tt.glyphs))
			var got []string
			for _, l := range strings.Split(cmap, "\n") {
				if strings.HasPrefix(l, "<") && strings.Count(l, "<") == 3 {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("ranges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !strings.Contains(cmap, "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange") {
				t.Error("no two-byte code space")
			}
		})
	}
}

func TestToUnicodeSectionsHoldAHundred(t *testing.T) {
	var glyphs []glyph
	for i := range 250 {
		glyphs = append(glyphs, glyph{uint16(2*i + 1), 'a'}) // every glyph a range of its own
	}
	cmap := string(toUnicode(glyphs))
	for _, want := range []string{"100 beginbfrange", "50 beginbfrange"} {
		if !strings.Contains(cmap, want) {
			t.Errorf("no %q section:\n%.300s", want, cmap)
		}
	}
	if n := strings.Count(cmap, "endbfrange"); n != 3 {
		t.Errorf("%d sections, want 3", n)
	}
}

func TestGlyphsAndWidths(t *testing.T) {
	fs := mustFaces(t)
	face := fs[FontRegular]
	// In a font that draws a no-break space with the space's glyph,
	// that glyph stands for the space.
	index := func(r rune) uint16 {
		if r == 0xA0 {
			r = ' '
		}
		return face.GlyphIndex(r)
	}
	glyphs := glyphsOf(index, map[rune]bool{'b': true, 'a': true, 0xA0: true, ' ': true, 0x2014: true})
	if len(glyphs) != 4 {
		t.Fatalf("glyphs %v, want four", glyphs)
	}
	for i, g := range glyphs {
		if i > 0 && g.id <= glyphs[i-1].id {
			t.Errorf("glyphs out of order: %v", glyphs)
		}
		if g.id != face.GlyphIndex(g.r) || g.r == 0xA0 {
			t.Errorf("glyph %d stands for %U", g.id, g.r)
		}
	}
	w := func(r rune) string {
		return strconv.Itoa(int(math.Round(float64(face.Advance(r)) * 1000 / float64(face.UnitsPerEm))))
	}
	var want strings.Builder
	want.WriteString("[")
	for i, g := range glyphs {
		switch {
		case i == 0:
			want.WriteString(strconv.Itoa(int(g.id)) + " [")
		case g.id == glyphs[i-1].id+1:
			want.WriteString(" ")
		default:
			want.WriteString("] " + strconv.Itoa(int(g.id)) + " [")
		}
		want.WriteString(w(g.r))
	}
	want.WriteString("]]")
	if got := widths(face, glyphs); got != want.String() {
		t.Errorf("widths = %s, want %s", got, want.String())
	}
}

func TestSubsetTag(t *testing.T) {
	a := subsetTag("GentiumBookPlus", []uint16{1, 2, 3})
	if len(a) != 6 || strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		t.Fatalf("tag %q is not six capitals", a)
	}
	if b := subsetTag("GentiumBookPlus", []uint16{1, 2, 3}); b != a {
		t.Errorf("the same subset is tagged %q and %q", a, b)
	}
	if b := subsetTag("GentiumBookPlus", []uint16{1, 2, 4}); b == a {
		t.Errorf("different subsets share the tag %q", a)
	}
}

func TestNumbersInTheContent(t *testing.T) {
	tests := []struct {
		v            float64
		fixed, whole string
	}{
		{50, "50.00", "50"},
		{-212.3, "-212.30", "-212"},
		{-212.5, "-212.50", "-213"},
		{0.004, "0.00", "0"},
		{-0.004, "0.00", "0"},
		{-0.3, "-0.30", "0"},
		{9.996, "10.00", "10"},
		{1.05, "1.05", "1"},
		{-0.25, "-0.25", "0"},
		{0.5, "0.50", "1"},
		{595.275, "595.28", "595"},
		{12345.6, "12345.60", "12346"},
	}
	for _, tt := range tests {
		if got := string(appendFixed(nil, tt.v)); got != tt.fixed {
			t.Errorf("appendFixed(%v) = %s, want %s", tt.v, got, tt.fixed)
		}
		if got := string(appendWhole(nil, adjust(tt.v))); got != tt.whole {
			t.Errorf("appendWhole(adjust(%v)) = %s, want %s", tt.v, got, tt.whole)
		}
		// The numbers mean what strconv's would, to the last place.
		if got, _ := strconv.ParseFloat(string(appendFixed(nil, tt.v)), 64); math.Abs(got-tt.v) > 0.005+1e-9 {
			t.Errorf("appendFixed(%v) reads back as %v", tt.v, got)
		}
	}
}

func TestCharactersBeyondTheBasicPlane(t *testing.T) {
	// Gentium has U+10783 (a modifier letter of Latin Extended-F) and
	// no emoji: the one is set and reads back, the other is the
	// missing-glyph box, with the warning every missing glyph gets.
	text := "Letter \U00010783 and face \U0001F600 here."
	b := &book.Book{Meta: book.Metadata{Title: "Planes", Lang: "en"}, Parts: []*book.Part{{Chapters: []*book.Chapter{{
		ID: "one", Title: []book.Inline{&book.Text{Text: "One"}},
		Blocks: []book.Block{&book.Paragraph{Inlines: []book.Inline{&book.Text{Text: text}}}},
	}}}}}
	_, warns := mustLayout(t, b)
	if w := strings.Join(warns, "\n"); strings.Contains(w, "U+10783") || !strings.Contains(w, "no glyph for '😀' (U+1F600)") {
		t.Errorf("warnings:\n%s\nwant one, for the emoji only", w)
	}
	pdftotext := tooltest.Require(t, "pdftotext")
	got := run(t, pdftotext, writeTemp(t, "planes.pdf", renderBook(t, b)), "-")
	if !strings.Contains(got, "Letter \U00010783 and") {
		t.Errorf("the letter beyond the Basic Multilingual Plane does not read back:\n%s", got)
	}
}
