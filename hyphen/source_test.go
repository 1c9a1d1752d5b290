package hyphen

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpaceRuneKnowsEverySpace checks spaceRune's premise against the
// Unicode tables Go has: every white space rune beyond ASCII begins
// with one of the four bytes it decodes.
func TestSpaceRuneKnowsEverySpace(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		s := string(r)
		want := 0
		if unicode.IsSpace(r) {
			want = len(s)
		}
		if got := spaceRune(s + "x"); got != want {
			t.Errorf("spaceRune(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestDecodeRune checks decodeRune against utf8.DecodeRuneInString on
// every pair of bytes beyond ASCII, valid or not.
func TestDecodeRune(t *testing.T) {
	for a := 0x80; a < 0x100; a++ {
		for b := 0; b < 0x100; b++ {
			s := string([]byte{byte(a), byte(b)})
			r, size := decodeRune(s)
			wr, wsize := utf8.DecodeRuneInString(s)
			if r != wr || size != wsize {
				t.Fatalf("decodeRune(%q) = %U, %d; want %U, %d", s, r, size, wr, wsize)
			}
		}
	}
}
