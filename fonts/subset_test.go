package fonts

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// outline returns glyph g's outline and advance in a font, at its own
// units; composite glyphs come back resolved into their components.
func outline(t *testing.T, f *sfnt.Font, g uint16) (sfnt.Segments, fixed.Int26_6) {
	t.Helper()
	var buf sfnt.Buffer
	ppem := fixed.I(int(f.UnitsPerEm()))
	segs, err := f.LoadGlyph(&buf, sfnt.GlyphIndex(g), ppem, nil)
	if err != nil {
		t.Fatalf("glyph %d: %v", g, err)
	}
	adv, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), ppem, font.HintingNone)
	if err != nil {
		t.Fatalf("glyph %d advance: %v", g, err)
	}
	return slices.Clone(segs), adv
}

func TestSubsetKeepsTheGlyphsAskedFor(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range fam.Faces {
		t.Run(face.FileName, func(t *testing.T) {
			text := "Hello, Ångström — “quoted” ﬁnal ǅ"
			var glyphs []uint16
			for _, r := range text {
				glyphs = append(glyphs, face.GlyphIndex(r))
			}
			data, err := face.Subset(glyphs)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) > len(face.Data)/8 {
				t.Errorf("subset is %d bytes of the face's %d", len(data), len(face.Data))
			}
			if sum := checksum(data); sum != 0xB1B0AFBA {
				t.Errorf("file checksum %#x, want 0xB1B0AFBA (head's checkSumAdjustment is wrong)", sum)
			}
			sub, err := sfnt.Parse(data)
			if err != nil {
				t.Fatalf("the subset does not parse: %v", err)
			}
			full, err := sfnt.Parse(face.Data)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range append(glyphs, 0) {
				want, wantAdv := outline(t, full, g)
				got, gotAdv := outline(t, sub, g)
				if !slices.Equal(got, want) || gotAdv != wantAdv {
					t.Errorf("glyph %d: outline or advance differs from the face's", g)
				}
				if len(want) == 0 && g != face.GlyphIndex(' ') {
					t.Errorf("glyph %d has no outline in the face: the test's text is wrong", g)
				}
			}
			// A glyph not asked for (nor a component) is empty.
			unused := face.GlyphIndex('Z')
			if got, _ := outline(t, sub, unused); len(got) != 0 {
				t.Errorf("glyph %d (Z) was not asked for but kept", unused)
			}
		})
	}
}

// composite finds a composite glyph among the face's glyphs for runes.
func composite(t *testing.T, face *Face, runes string) (uint16, []int) {
	t.Helper()
	tables, err := readTables(face.Data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := newSubsetter(tables)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runes {
		g := face.GlyphIndex(r)
		if d := s.glyph(int(g)); len(d) >= 10 && int16(binary.BigEndian.Uint16(d)) < 0 {
			keep, err := s.closure([]uint16{g})
			if err != nil {
				t.Fatal(err)
			}
			return g, keep
		}
	}
	t.Fatalf("none of %q is a composite glyph", runes)
	return 0, nil
}

func TestSubsetKeepsComponents(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	face := fam.Face(Regular)
	g, keep := composite(t, face, "éèêëÅåñçǅ")
	if len(keep) < 3 { // glyph 0, the composite and at least one component
		t.Fatalf("closure of composite glyph %d is %v: its components are missing", g, keep)
	}
	data, err := face.Subset([]uint16{g})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := sfnt.Parse(face.Data)
	want, _ := outline(t, full, g)
	got, _ := outline(t, sub, g)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("composite glyph %d: outline differs once subset (%d segments, want %d)", g, len(got), len(want))
	}
}

// withFsType returns the face's bytes with OS/2 fsType set.
func withFsType(t *testing.T, face *Face, fsType uint16) *Face {
	t.Helper()
	data := bytes.Clone(face.Data)
	tables, err := readTables(data)
	if err != nil {
		t.Fatal(err)
	}
	os2 := find(tables, "OS/2")
	binary.BigEndian.PutUint16(os2[8:], fsType)
	return &Face{FileName: face.FileName, Data: data}
}

func TestSubsetHonoursTheLicence(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	face := fam.Face(Regular)
	tests := []struct {
		fsType uint16
		whole  bool
		err    string
	}{
		{0x0000, false, ""},
		{0x0008, false, ""}, // editable embedding
		{0x0100, true, ""},  // no subsetting: embedded whole
		{0x0002, false, "does not permit embedding"},
		{0x0200, false, "only its bitmaps"},
	}
	for _, tt := range tests {
		data, err := withFsType(t, face, tt.fsType).Subset([]uint16{face.GlyphIndex('a')})
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("fsType %#04x: error %v, want %q", tt.fsType, err, tt.err)
			}
		case err != nil:
			t.Errorf("fsType %#04x: %v", tt.fsType, err)
		case (len(data) == len(face.Data)) != tt.whole:
			t.Errorf("fsType %#04x: subset of %d bytes from %d; whole = %v wanted", tt.fsType, len(data), len(face.Data), tt.whole)
		}
	}
}

func TestSubsetRefusesBrokenTables(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	face := fam.Face(Regular)
	tables, err := readTables(face.Data)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := composite(t, face, "éèêëÅåñç")
	tests := []struct {
		name   string
		break_ func(data []byte, tables []table)
		want   string
	}{
		{"directory past the end", func(d []byte, _ []table) { binary.BigEndian.PutUint16(d[4:], 5000) }, "runs past the end"},
		{"no glyf", func(d []byte, _ []table) {
			for i := range len(tables) {
				if string(d[12+16*i:16+16*i]) == "glyf" {
					copy(d[12+16*i:], "gly_")
				}
			}
		}, `no usable "glyf" table`},
		{"no glyphs", func(_ []byte, tt []table) {
			binary.BigEndian.PutUint16(find(tt, "maxp")[4:], 0)
		}, "no glyphs"},
		{"loca out of order", func(_ []byte, tt []table) {
			loca := find(tt, "loca")
			binary.BigEndian.PutUint16(loca[20:], 0xffff)
		}, "out of order or out of range"},
		{"component beyond the font", func(_ []byte, tt []table) {
			s, _ := newSubsetter(tt)
			d := s.glyph(int(g))
			binary.BigEndian.PutUint16(d[12:], 0xfff0)
		}, "beyond the font"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := bytes.Clone(face.Data)
			tabs, _ := readTables(data)
			tt.break_(data, tabs)
			_, err := (&Face{FileName: "x.ttf", Data: data}).Subset([]uint16{g, face.GlyphIndex('a')})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		style  Style
		name   string
		italic bool
		weight int
	}{
		// Gentium Book Plus is a heavier Gentium: its regular face
		// is of weight 500, its bold 800.
		{Regular, "GentiumBookPlus", false, 500},
		{Italic, "GentiumBookPlus-Italic", true, 500},
		{Bold, "GentiumBookPlus-Bold", false, 800},
		{BoldItalic, "GentiumBookPlus-BoldItalic", true, 800},
	}
	for _, tt := range tests {
		d, err := fam.Face(tt.style).Describe()
		if err != nil {
			t.Fatal(err)
		}
		if d.PostScriptName != tt.name || (d.ItalicAngle != 0) != tt.italic || d.Weight != tt.weight || d.FixedPitch {
			t.Errorf("%v: %+v", tt.style, d)
		}
		if d.BBox[0] >= 0 || d.BBox[1] >= 0 || d.BBox[2] <= 0 || d.BBox[3] <= 0 || d.CapHeight <= 0 || d.CapHeight >= d.BBox[3] {
			t.Errorf("%v: implausible box or cap height: %+v", tt.style, d)
		}
	}
}
