package cover

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestCoverPixelsUnchanged pins the decoded pixels of covers of many
// kinds by their hashes, taken from the rasteriser and encoder as they
// were before either was made faster or the encoder's output smaller:
// those changes must leave every pixel as it was. Only the pixels are
// hashed, not the PNG's bytes, which may change with the encoder.
func TestCoverPixelsUnchanged(t *testing.T) {
	tests := []struct {
		name string
		text Text
		want string // SHA-256 of the decoded palette indexes
	}{
		{"handbook", handbookText(), "9bea4249c800d9cce0215fac9f5c1f3ce7930ae653a7b55359891ae42428bde4"},
		{"generated book", Text{Title: "A Generated Book of 10 Pages", Authors: []string{"The Benchmark"}}, "0eede2aff9e5bdacc21c608eb3fb9864f41c7645176e48ee05461f52602730db"},
		{"short title", Text{Title: "Ox"}, "a5d8c695a1869eab0f17bf9c96bb5704f5326cef05ecc329230f28d2df65e144"},
		{"untitled", Text{}, "b86602050d05ac973e7284ab4a6f84fc57d89a9454949061f938bdb1deff3005"},
		{"title and subtitle", Text{Title: "Areopagitica", Subtitle: "A speech for the liberty of unlicensed printing"}, "4f283991e1a34a947461ade790c81a8e27b2e5094f49c2573f61ff923c1c19d0"},
		{"long title", Text{Title: strings.Repeat("Liberty and Unlicensed Printing ", 8), Subtitle: strings.Repeat("an essay ", 20)}, "57e0cc440a5751c5dd8240aa5e64b3cec3183f660412a17a2075a92f743c96cf"},
		{"many authors", Text{Title: "Collected", Authors: []string{"Ada Quill", "Brun Ode", "Cyr Pell", "Dee Ash", "Emm Yoke", "Fay Lune", "Gus Marr", "Hal Ibn Sina al-Qanuni"}, Publisher: "Small Press"}, "97754c8be8918a7cefea54745620ea965388a4fda7af035acf421aa86c3ee06d"},
		{"one enormous word", Text{Title: strings.Repeat("Supercalifragilistic", 4)}, "2feb75438a89cc816564aead14252ead63709479fb69d66e7f49b4babeb5c747"},
		{"other scripts", Text{Title: "Ελευθερία свобода Ægir fjord", Subtitle: "Ἐλευθερία · Свобода слова", Authors: []string{"Žofie Dvořáková", "Łukasz Żółć"}}, "9c2bb6fa2922d68e3771b2674a35a12bd22cfaf53cf1f8a3934d158b99d91484"},
		{"missing glyphs", Text{Title: "حرية 自由", Authors: []string{"עברית"}}, "7108436b86f50c339fd6f96e024405e6c8995e6988cdbf1080fd9098fadb7182"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := decode(t, tt.text)
			sum := sha256.Sum256(p.Pix)
			if got := hex.EncodeToString(sum[:]); got != tt.want {
				t.Errorf("the pixels hash to %s; want %s", got, tt.want)
			}
		})
	}
}
