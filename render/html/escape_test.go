package html

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// escapeByRune is the plain rune-by-rune statement of what writeEscaped
// writes, kept as the reference its faster loop is checked against.
func escapeByRune(s string) string {
	var w bytes.Buffer
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			w.WriteString("&amp;")
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case r == '"':
			w.WriteString("&quot;")
		case r == utf8.RuneError && size == 1:
			w.WriteRune(utf8.RuneError)
		case !allowedRune(r):
		default:
			w.WriteRune(r)
		}
	}
	return w.String()
}

func TestWriteEscaped(t *testing.T) {
	tests := []string{
		"",
		"plain text",
		`a & b < c > d "e" 'f'`,
		"“quoted” — dashed… ünïcödé 中文 😀",
		"tab\tnew\nline\rret",
		"ctl\x00\x01\x1f\x7f end",
		"bad \xff\xfe utf8 \xe2\x80 cut",
		"\uFFFD replacement, \uFFFE \uFFFF nonchars",
		"\u0085 C1 \u009f \u00a0 after",
		"&",
		"\xff",
	}
	for _, s := range tests {
		var w bytes.Buffer
		writeEscaped(&w, s)
		if got, want := w.String(), escapeByRune(s); got != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzWriteEscaped(f *testing.F) {
	f.Add("a & b “c” \x00\x85\xff\t")
	f.Fuzz(func(t *testing.T, s string) {
		var w bytes.Buffer
		writeEscaped(&w, s)
		if got, want := w.String(), escapeByRune(s); got != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, got, want)
		}
	})
}
