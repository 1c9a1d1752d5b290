package pdf

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestToUnicodeRanges(t *testing.T) {
	tests := []struct {
		name  string
		codes []rune
		want  []string // the bfrange lines, in order
	}{
		{"one", []rune{'A'}, []string{"<0041> <0041> <0041>"}},
		{"a run", []rune{'A', 'B', 'C', 'E'}, []string{"<0041> <0043> <0041>", "<0045> <0045> <0045>"}},
		// A range may not cross a first byte (ISO 32000-1, 9.10.3).
		{"across a first byte", []rune{0xFE, 0xFF, 0x100, 0x101}, []string{"<00FE> <00FF> <00FE>", "<0100> <0101> <0100>"}},
		{"quotes and ligatures", []rune{0x2019, 0x201C, 0xFB01}, []string{"<2019> <2019> <2019>", "<201C> <201C> <201C>", "<FB01> <FB01> <FB01>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmap := string(toUnicode(tt.codes))
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
	var codes []rune
	for i := range 250 {
		codes = append(codes, rune(0x100*i)) // every code a range of its own
	}
	cmap := string(toUnicode(codes))
	for _, want := range []string{"100 beginbfrange", "50 beginbfrange"} {
		if !strings.Contains(cmap, want) {
			t.Errorf("no %q section:\n%.300s", want, cmap)
		}
	}
	if n := strings.Count(cmap, "endbfrange"); n != 3 {
		t.Errorf("%d sections, want 3", n)
	}
}

func TestWidthsAndGlyphMap(t *testing.T) {
	fs, err := loadFaces(nil)
	if err != nil {
		t.Fatal(err)
	}
	face := fs[FontRegular]
	codes := []rune{'a', 'b', 'c', 'x', 0x2014}
	w := func(r rune) int { return int(float64(face.Advance(r))*1000/float64(face.UnitsPerEm) + 0.5) }
	want := "[97 [" + strconv.Itoa(w('a')) + " " + strconv.Itoa(w('b')) + " " + strconv.Itoa(w('c')) + "] 120 [" + strconv.Itoa(w('x')) + "] 8212 [" + strconv.Itoa(w(0x2014)) + "]]"
	if got := widths(face, codes); got != want {
		t.Errorf("widths = %s, want %s", got, want)
	}
	glyphs := []uint16{face.GlyphIndex('a'), face.GlyphIndex('b'), face.GlyphIndex('c'), face.GlyphIndex('x'), face.GlyphIndex(0x2014)}
	m := cidToGID(codes, glyphs)
	if len(m) != 2*(0x2014+1) {
		t.Fatalf("map of %d bytes, want one entry for each code up to U+2014", len(m))
	}
	for i, c := range codes {
		if g := uint16(m[2*c])<<8 | uint16(m[2*c+1]); g != glyphs[i] || g == 0 {
			t.Errorf("code %U maps to glyph %d, want %d", c, g, glyphs[i])
		}
	}
	if m[2*'d'] != 0 || m[2*'d'+1] != 0 {
		t.Error("an unused code maps to a glyph")
	}
}

func TestSubsetTag(t *testing.T) {
	a := subsetTag("GentiumBookPlus", []rune("abc"))
	if len(a) != 6 || strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		t.Fatalf("tag %q is not six capitals", a)
	}
	if b := subsetTag("GentiumBookPlus", []rune("abc")); b != a {
		t.Errorf("the same subset is tagged %q and %q", a, b)
	}
	if b := subsetTag("GentiumBookPlus", []rune("abd")); b == a {
		t.Errorf("different subsets share the tag %q", a)
	}
}

func TestNumbersInTheContent(t *testing.T) {
	tests := []struct {
		v            float64
		fixed, tenth string
	}{
		{50, "50.00", "50"},
		{-212.3, "-212.30", "-212.3"},
		{0.004, "0.00", "0"},
		{-0.004, "0.00", "0"},
		{9.996, "10.00", "10"},
		{1.05, "1.05", "1.1"},
		{-0.25, "-0.25", "-0.3"},
		{595.275, "595.28", "595.3"},
		{12345.6, "12345.60", "12345.6"},
	}
	for _, tt := range tests {
		if got := string(appendFixed(nil, tt.v)); got != tt.fixed {
			t.Errorf("appendFixed(%v) = %s, want %s", tt.v, got, tt.fixed)
		}
		if got := string(appendTenths(nil, adjust(tt.v))); got != tt.tenth {
			t.Errorf("appendTenths(adjust(%v)) = %s, want %s", tt.v, got, tt.tenth)
		}
		// The numbers mean what strconv's would, to the last place.
		if got, _ := strconv.ParseFloat(string(appendFixed(nil, tt.v)), 64); math.Abs(got-tt.v) > 0.005+1e-9 {
			t.Errorf("appendFixed(%v) reads back as %v", tt.v, got)
		}
	}
}
