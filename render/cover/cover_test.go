package cover

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/fonts"
	"samizdat/internal/golden"
)

func handbookText() Text {
	return Text{
		Title:     "The samizdat Handbook",
		Subtitle:  "Making books and pamphlets from plain Markdown",
		Authors:   []string{"The Hand-to-Hand Collective"},
		Publisher: "Lamplight Press",
	}
}

// decode draws t and decodes the PNG, failing the test on any error.
func decode(t *testing.T, tx Text) (*Image, *image.Paletted) {
	t.Helper()
	img, err := Draw(tx, nil)
	if err != nil {
		t.Fatalf("Draw: %v", err)
	}
	m, err := png.Decode(bytes.NewReader(img.PNG))
	if err != nil {
		t.Fatalf("the cover is not a valid PNG: %v", err)
	}
	p, ok := m.(*image.Paletted)
	if !ok {
		t.Fatalf("the cover decodes as %T; want a paletted image", m)
	}
	return img, p
}

// inked counts the pixels in r that are not the ground.
func inked(p *image.Paletted, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if p.ColorIndexAt(x, y) != 0 {
				n++
			}
		}
	}
	return n
}

// TestCoverImage checks size, validity and that each text was drawn in
// its region, in ink, and nothing outside the frame.
func TestCoverImage(t *testing.T) {
	img, p := decode(t, handbookText())
	if b := p.Bounds(); b.Dx() != Width || b.Dy() != Height || img.Width != Width || img.Height != Height {
		t.Fatalf("size %v, reported %d×%d; want %d×%d", b, img.Width, img.Height, Width, Height)
	}
	if len(img.Missing) != 0 {
		t.Errorf("missing glyphs %q for Latin text", img.Missing)
	}
	regions := []struct {
		name string
		r    image.Rectangle
		min  int
	}{
		{"title", image.Rect(200, titleTop, 1400, 1000), 60000},
		{"subtitle", image.Rect(200, 1000, 1400, titleBottom), 20000},
		{"authors", image.Rect(200, authorTop, 1400, authorBottom), 15000},
		{"publisher", image.Rect(200, publisherY-60, 1400, publisherY+20), 3000},
	}
	for _, rg := range regions {
		if n := inked(p, rg.r); n < rg.min {
			t.Errorf("%s region has %d inked pixels; want at least %d (was the text drawn?)", rg.name, n, rg.min)
		}
	}
	if n := inked(p, image.Rect(0, 0, 72, Height)); n != 0 {
		t.Errorf("%d pixels inked outside the frame", n)
	}
	// Text is in ink, the frame in the accent colour.
	if idx := p.ColorIndexAt(76, Height/2); int(idx) != 2*shades-2 {
		t.Errorf("the frame's colour index is %d; want the full accent %d", idx, 2*shades-2)
	}
	full := 0
	for _, v := range p.Pix {
		if int(v) == shades-1 {
			full++
		}
	}
	if full < 20000 {
		t.Errorf("only %d pixels in full ink", full)
	}
}

// TestCoverDeterministic draws the same cover twice and compares bytes.
func TestCoverDeterministic(t *testing.T) {
	a, _ := decode(t, handbookText())
	b, _ := decode(t, handbookText())
	if !bytes.Equal(a.PNG, b.PNG) {
		t.Fatal("two covers of the same text differ")
	}
	other := handbookText()
	other.Title = "Another Book"
	c, _ := decode(t, other)
	if bytes.Equal(a.PNG, c.PNG) {
		t.Fatal("covers of different titles are identical")
	}
}

// TestCoverPixelsGolden pins the decoded pixels by their hash. The
// rasteriser works in integers, so the pixels are the same on every
// machine; the hash is of the pixels rather than the PNG bytes, which a
// new zlib could change. Run with -update after an intended change and
// look at the cover.
func TestCoverPixelsGolden(t *testing.T) {
	_, p := decode(t, handbookText())
	sum := sha256.Sum256(p.Pix)
	got := hex.EncodeToString(sum[:]) + "\n"
	golden.Check(t, filepath.Join("testdata", "handbook-pixels.sha256"), []byte(got))
}

// TestCoverTexts checks unusual texts: an empty title, a long title that
// must shrink and wrap inside the margins, many authors, a word too wide
// for any size, and scripts the font lacks.
func TestCoverTexts(t *testing.T) {
	tests := []struct {
		name    string
		text    Text
		missing string
	}{
		{"untitled", Text{}, ""},
		{"long title", Text{Title: strings.Repeat("Liberty and Unlicensed Printing ", 8), Subtitle: strings.Repeat("an essay ", 20)}, ""},
		{"many authors", Text{Title: "Collected", Authors: []string{"Ada Quill", "Brun Ode", "Cyr Pell", "Dee Ash", "Emm Yoke", "Fay Lune", "Gus Marr", "Hal Ibn Sina al-Qanuni"}}, ""},
		{"one enormous word", Text{Title: strings.Repeat("Supercalifragilistic", 4)}, ""},
		{"other scripts", Text{Title: "Ελευθερία свобода حرية 自由", Authors: []string{"עברית"}}, "حرية自由עברית"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, p := decode(t, tt.text)
			if got := string(img.Missing); got != tt.missing {
				t.Errorf("missing %q; want %q", got, tt.missing)
			}
			// Nothing is drawn in the side margins between the frame and
			// the text column.
			left := image.Rect(110, 110, (Width-textWidth)/2-1, Height-110)
			right := image.Rect((Width+textWidth)/2+1, 110, Width-110, Height-110)
			if n := inked(p, left) + inked(p, right); n != 0 {
				t.Errorf("%d pixels inked in the margins", n)
			}
			if n := inked(p, image.Rect(200, titleTop, 1400, titleBottom)); n < 10000 {
				t.Errorf("title region has only %d inked pixels", n)
			}
		})
	}
}

// runeMeasure measures text in characters.
type runeMeasure struct{}

func (runeMeasure) units(word string) int64 { return int64(len([]rune(word))) }
func (runeMeasure) join(a, b string) int64  { return 1 }
func (runeMeasure) sub(units int64) int64   { return units }

// TestWrap checks line breaking with a fixed-width measure: one unit
// per character.
func TestWrap(t *testing.T) {
	measure := func(s string) int64 { return int64(len([]rune(s))) }
	tests := []struct {
		text     string
		maxW     int64
		maxLines int
		want     []string
		ok       bool
	}{
		{"one two three", 20, 3, []string{"one two three"}, true},
		// Greedy would give "aaa bbb ccc" / "ddd"; balanced is 2 + 2.
		{"aaa bbb ccc ddd", 11, 3, []string{"aaa bbb", "ccc ddd"}, true},
		{"a b c d e f", 3, 2, nil, false},
		{"unbreakable", 5, 4, nil, false},
		{"", 5, 1, nil, true},
	}
	for _, tt := range tests {
		got, ok := wrap(tt.text, runeMeasure{}, tt.maxW, tt.maxLines)
		if ok != tt.ok || strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d, %d) = %q, %v; want %q, %v", tt.text, tt.maxW, tt.maxLines, got, ok, tt.want, tt.ok)
		}
	}
	if got := hardWrap("ab unbreakable", measure, 5); strings.Join(got, "|") != "ab|unbre|akabl|e" {
		t.Errorf("hardWrap = %q", got)
	}
}

// TestLineMeasure checks that a face measures a line of words as the sum
// of its words and joins, as wrap counts on, exactly as wide as the
// line set whole. Gentium kerns no pair with a space, so it also checks
// what a join's kerning rests on: that a string split anywhere is as
// wide as its halves and the kerning between them.
func TestLineMeasure(t *testing.T) {
	faces := handbookFaces(t)
	lines := []string{"The samizdat Handbook", "AVAV. “Wa” To, fjord ’s Ægir", "L’ Y; «ok» 自由 x"}
	for _, tf := range []*typeface{faces.bold, faces.italic, faces.roman} {
		z := sized{tf: tf, size: 97}
		for _, line := range lines {
			words := strings.Fields(line)
			u := z.units(words[0])
			for i := 1; i < len(words); i++ {
				u += z.join(words[i-1], words[i]) + z.units(words[i])
			}
			if got, want := z.sub(u), z.width(line); got != want {
				t.Errorf("%s: %q measures %d from its words; %d set whole", tf.face.FileName, line, got, want)
			}
			rs := []rune(line)
			for k := 1; k < len(rs); k++ {
				a, b := string(rs[:k]), string(rs[k:])
				if got, want := z.units(a)+int64(tf.face.Kern(rs[k-1], rs[k]))+z.units(b), z.units(line); got != want {
					t.Errorf("%s: %q and %q measure %d with the kerning between them; %d together", tf.face.FileName, a, b, got, want)
				}
			}
		}
	}
}

// BenchmarkDraw times drawing the handbook's cover, from layout to PNG,
// with the family loaded once, as a build passes its fonts in: the cost
// of reading the embedded files belongs to package fonts.
func BenchmarkDraw(b *testing.B) {
	fam, err := fonts.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Draw(handbookText(), fam); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawLongTitle times a cover whose title and subtitle are many
// words long, which wrap tries at every size.
func BenchmarkDrawLongTitle(b *testing.B) {
	fam, err := fonts.Default()
	if err != nil {
		b.Fatal(err)
	}
	t := Text{Title: strings.Repeat("Liberty and Unlicensed Printing ", 8), Subtitle: strings.Repeat("an essay ", 20)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Draw(t, fam); err != nil {
			b.Fatal(err)
		}
	}
}

// handbookFaces loads the default family's faces the handbook's cover
// text needs.
func handbookFaces(t *testing.T) *faceSet {
	t.Helper()
	fam, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	faces, err := loadFaces(fam, handbookText())
	if err != nil {
		t.Fatal(err)
	}
	return faces
}
