package escape

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// byRune is the plain rune-by-rune statement of what Write writes, kept
// as the reference its faster loop is checked against.
func byRune(s string, r Rules) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		ru, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case ru == utf8.RuneError && size == 1:
			if r.Replace {
				b.WriteRune(utf8.RuneError)
			}
		case ru == '&':
			b.WriteString("&amp;")
		case ru == '<':
			b.WriteString("&lt;")
		case ru == '>':
			b.WriteString("&gt;")
		case ru == '"' && r.Quote:
			b.WriteString("&quot;")
		case ru == '\t' || ru == '\n' || ru == '\r':
			if r.SpaceBreaks {
				b.WriteByte(' ')
			} else {
				b.WriteRune(ru)
			}
		case ru < 0x20 || ru == 0xfffe || ru == 0xffff:
		case r.DropC1 && ru >= 0x7f && ru <= 0x9f:
		default:
			b.WriteRune(ru)
		}
	}
	return b.String()
}

var allRules = []Rules{XMLText, XMLAttr, HTML, {Quote: true}, {SpaceBreaks: true, Replace: true}}

func TestWrite(t *testing.T) {
	inputs := []string{
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
	for _, s := range inputs {
		for _, r := range allRules {
			if got, want := String(s, r), byRune(s, r); got != want {
				t.Errorf("String(%q, %+v) = %q, want %q", s, r, got, want)
			}
		}
	}
}

// TestFormats pins what each format's rules do with the characters
// where they differ.
func TestFormats(t *testing.T) {
	s := "\"a\tb\x7f\u0085\xff\uFFFE<c>&"
	tests := []struct {
		name string
		r    Rules
		want string
	}{
		{"XML text", XMLText, "\"a\tb\x7f\u0085&lt;c&gt;&amp;"},
		{"XML attribute", XMLAttr, "&quot;a b\x7f\u0085&lt;c&gt;&amp;"},
		{"HTML", HTML, "&quot;a\tb\uFFFD&lt;c&gt;&amp;"},
	}
	for _, tt := range tests {
		if got := String(s, tt.r); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzWrite(f *testing.F) {
	f.Add("a & b “c” \x00\x85\xff\t\"", uint8(0))
	f.Fuzz(func(t *testing.T, s string, bits uint8) {
		r := Rules{Quote: bits&1 != 0, SpaceBreaks: bits&2 != 0, Replace: bits&4 != 0, DropC1: bits&8 != 0}
		if got, want := String(s, r), byRune(s, r); got != want {
			t.Errorf("String(%q, %+v) = %q, want %q", s, r, got, want)
		}
	})
}
