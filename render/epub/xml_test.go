package epub

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// escapeByRune is the plain rune-by-rune statement of what xbuf.escaped
// writes, kept as the reference its faster loop is checked against.
func escapeByRune(s string, attr bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"' && attr:
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			if attr {
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		case r < 0x20 || r == 0xfffe || r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestEscaped(t *testing.T) {
	tests := []string{
		"",
		"plain text",
		`a & b < c > d "e" 'f'`,
		"“quoted” — dashed… ünïcödé 中文 😀",
		"tab\tnew\nline\rret",
		"ctl\x00\x01\x1f\x7f end",
		"bad \xff\xfe utf8 \xe2\x80 cut",
		"\uFFFD replacement, \uFFFE \uFFFF nonchars",
		"\u0085 C1 \u009f",
		"&",
		"\xff",
	}
	for _, s := range tests {
		for _, attr := range []bool{false, true} {
			var w xbuf
			w.escaped(s, attr)
			if got, want := w.String(), escapeByRune(s, attr); got != want {
				t.Errorf("escaped(%q, %v) = %q, want %q", s, attr, got, want)
			}
		}
	}
}

func FuzzEscaped(f *testing.F) {
	f.Add("a & b “c” \x00\xff\t", true)
	f.Fuzz(func(t *testing.T, s string, attr bool) {
		var w xbuf
		w.escaped(s, attr)
		if got, want := w.String(), escapeByRune(s, attr); got != want {
			t.Errorf("escaped(%q, %v) = %q, want %q", s, attr, got, want)
		}
	})
}

func TestIndent(t *testing.T) {
	for _, depth := range []int{0, 1, 16, 17, 40} {
		w := xbuf{depth: depth}
		w.indent()
		if got, want := w.String(), strings.Repeat("  ", depth); got != want {
			t.Errorf("indent at depth %d = %d spaces, want %d", depth, len(got), len(want))
		}
	}
}
