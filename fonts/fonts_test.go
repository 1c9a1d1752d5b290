package fonts

import (
	"strings"
	"testing"
)

func TestDefaultFamily(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for s, f := range fam.Faces {
		if f == nil || f.UnitsPerEm == 0 || f.Ascent <= 0 {
			t.Fatalf("style %v: face not loaded: %+v", Style(s), f)
		}
		if !f.Has('é') || !f.Has('“') || !f.Has('—') {
			t.Errorf("%s lacks glyphs samizdat's typography needs", f.FileName)
		}
	}
	if !strings.Contains(fam.License, "SIL OPEN FONT LICENSE Version 1.1") {
		t.Error("licence text missing")
	}
}

func TestKerning(t *testing.T) {
	fam, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := fam.Face(Regular)
	if k := r.Kern('A', 'V'); k >= 0 {
		t.Errorf("Kern(A,V) = %d, want negative (Gentium kerns AV)", k)
	}
	plain := float64(r.Advance('A')+r.Advance('V')) * 10 / float64(r.UnitsPerEm)
	if w := r.Width("AV", 10); w >= plain {
		t.Errorf("Width(AV) = %.3f, not narrower than unkerned %.3f", w, plain)
	}
}

func TestParseRefusesNonTrueType(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"short", []byte{1}, "too short"},
		{"cff", []byte("OTTO\x00\x00\x00\x00"), "CFF outlines"},
		{"collection", []byte("ttcf\x00\x00\x00\x00"), "collection"},
		{"text", []byte("hello world"), "not a TrueType font"},
		{"truncated", []byte{0, 1, 0, 0, 0, 0}, "not a valid TrueType font"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.ttf", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
