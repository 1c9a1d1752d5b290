package hyphen

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestMaySpaceKnowsEverySpace checks maySpace's premise against the
// Unicode tables Go has: every white space rune beyond ASCII begins
// with one of the four bytes it accepts.
func TestMaySpaceKnowsEverySpace(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		s := string(r)
		if unicode.IsSpace(r) && (!maySpace(s[0]) || spaceRune(s+"x") != len(s)) {
			t.Errorf("%U is white space, but maySpace(%#x) = %v and spaceRune = %d", r, s[0], maySpace(s[0]), spaceRune(s+"x"))
		}
	}
	for c := 0x80; c < 0x100; c++ {
		if want := c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3; maySpace(byte(c)) != want {
			t.Errorf("maySpace(%#x) = %v", c, !want)
		}
	}
}
