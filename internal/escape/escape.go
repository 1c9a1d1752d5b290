// Package escape writes text as XML or HTML character data and attribute
// values. The EPUB's documents and the HTML page escape the same few
// characters and differ only in what they do with characters their
// format cannot carry, so both go through one loop with the format's
// Rules: a book is nearly all plain text, and that loop copies runs of
// it whole rather than rune by rune.
package escape

import (
	"bytes"
	"unicode/utf8"
)

// Rules say how a format escapes text. & < and > are always escaped, and
// so are C0 controls other than tab and line breaks (dropped), the
// noncharacters U+FFFE and U+FFFF (dropped) and invalid UTF-8.
type Rules struct {
	// Quote writes " as &quot;.
	Quote bool
	// SpaceBreaks writes tabs and line breaks as spaces, as an XML
	// reader would normalise them in an attribute value.
	SpaceBreaks bool
	// Replace writes invalid UTF-8 as U+FFFD instead of dropping it.
	Replace bool
	// DropC1 drops DEL and the C1 controls (U+0080 to U+009F), which
	// HTML does not allow in text.
	DropC1 bool
}

// The formats' rules.
var (
	// XMLText is XML 1.0 character data: typographic quotes and dashes
	// stay characters, never entities.
	XMLText = Rules{}
	// XMLAttr is an XML attribute value in double quotes.
	XMLAttr = Rules{Quote: true, SpaceBreaks: true}
	// HTML is HTML text or a double-quoted attribute value: invalid
	// UTF-8 shows as U+FFFD, as a browser would show it.
	HTML = Rules{Quote: true, Replace: true, DropC1: true}
)

// Write writes s to w escaped by the rules r.
func Write(w *bytes.Buffer, s string, r Rules) {
	start := 0 // s[start:i] is to be written as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c > '>' && c < 0x7f {
			// Letters and most punctuation: the bulk of any text.
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			ru, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case ru == utf8.RuneError && size == 1:
				w.WriteString(s[start:i])
				if r.Replace {
					w.WriteString(string(utf8.RuneError))
				}
				start = i + size
			case ru == 0xfffe || ru == 0xffff || r.DropC1 && ru <= 0x9f:
				w.WriteString(s[start:i])
				start = i + size
			}
			i += size
			continue
		}
		var rep string
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"' && r.Quote:
			rep = "&quot;"
		case c == '\t' || c == '\n' || c == '\r':
			if !r.SpaceBreaks {
				i++
				continue
			}
			rep = " "
		case c < 0x20 || c == 0x7f && r.DropC1:
			rep = ""
		default:
			i++
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(rep)
		i++
		start = i
	}
	w.WriteString(s[start:])
}

// String returns s escaped by the rules r.
func String(s string, r Rules) string {
	var b bytes.Buffer
	Write(&b, s, r)
	return b.String()
}
