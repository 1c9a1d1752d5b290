package epub

import (
	"bytes"
	"unicode/utf8"
)

// xbuf builds an XML document with two-space indentation for block-level
// elements; inline content is written on the line of its block.
type xbuf struct {
	bytes.Buffer
	depth int
}

// indentation is the indentation of the deepest lines most documents
// have, written with one copy; deeper lines take more.
const indentation = "                                "

func (w *xbuf) indent() {
	n := 2 * w.depth
	for n > len(indentation) {
		w.WriteString(indentation)
		n -= len(indentation)
	}
	w.WriteString(indentation[:n])
}

// open writes a start tag on its own line and indents what follows.
func (w *xbuf) open(tag string, attrs ...string) {
	w.indent()
	w.startTag(tag, attrs...)
	w.WriteByte('\n')
	w.depth++
}

// close writes an end tag on its own line.
func (w *xbuf) close(tag string) {
	w.depth--
	w.indent()
	w.lineEnd(tag)
}

// lineStart begins a line with a start tag; inline content follows.
func (w *xbuf) lineStart(tag string, attrs ...string) {
	w.indent()
	w.startTag(tag, attrs...)
}

// lineEnd ends a line begun with lineStart.
func (w *xbuf) lineEnd(tag string) {
	w.WriteString("</")
	w.WriteString(tag)
	w.WriteString(">\n")
}

// empty writes an empty element on its own line.
func (w *xbuf) empty(tag string, attrs ...string) {
	w.indent()
	w.emptyTag(tag, attrs...)
	w.WriteByte('\n')
}

// textLine writes an element holding only text on its own line.
func (w *xbuf) textLine(tag, text string, attrs ...string) {
	w.lineStart(tag, attrs...)
	w.text(text)
	w.lineEnd(tag)
}

// startTag writes <tag a="v" …> inline.
func (w *xbuf) startTag(tag string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	w.attrs(attrs)
	w.WriteByte('>')
}

// emptyTag writes <tag a="v" …/> inline.
func (w *xbuf) emptyTag(tag string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	w.attrs(attrs)
	w.WriteString("/>")
}

// attrs writes name/value pairs. Pairs with an empty value are left out,
// except alt, whose empty value means a decorative image.
func (w *xbuf) attrs(kv []string) {
	if len(kv)%2 != 0 {
		panic("epub: odd attribute list") // a programming error
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" && kv[i] != "alt" {
			continue
		}
		w.WriteByte(' ')
		w.WriteString(kv[i])
		w.WriteString(`="`)
		w.escaped(kv[i+1], true)
		w.WriteByte('"')
	}
}

// text writes escaped character data.
func (w *xbuf) text(s string) { w.escaped(s, false) }

// escaped writes s with the characters XML reserves (& < > and, in
// attributes, ") escaped, leaving all other Unicode as it is: typographic
// quotes and dashes are written as characters, never as entities.
// Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE,
// U+FFFF) and invalid UTF-8 are dropped; in attributes tabs and line
// breaks become spaces. It writes runs of plain text with one copy each
// rather than rune by rune, since almost all of a book is plain text.
func (w *xbuf) escaped(s string, attr bool) {
	start := 0 // s[start:i] is plain text not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c > '>' && c < utf8.RuneSelf {
			// Letters and most punctuation: the bulk of any text.
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && size == 1) || r == 0xfffe || r == 0xffff {
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
		case c == '"' && attr:
			rep = "&quot;"
		case c == '\t' || c == '\n' || c == '\r':
			if !attr {
				i++
				continue
			}
			rep = " "
		case c < 0x20:
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
