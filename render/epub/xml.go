package epub

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// xbuf builds an XML document with two-space indentation for block-level
// elements; inline content is written on the line of its block.
type xbuf struct {
	bytes.Buffer
	depth int
}

func (w *xbuf) indent() {
	for i := 0; i < w.depth; i++ {
		w.WriteString("  ")
	}
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
	w.WriteString("</" + tag + ">\n")
}

// lineStart begins a line with a start tag; inline content follows.
func (w *xbuf) lineStart(tag string, attrs ...string) {
	w.indent()
	w.startTag(tag, attrs...)
}

// lineEnd ends a line begun with lineStart.
func (w *xbuf) lineEnd(tag string) {
	w.WriteString("</" + tag + ">\n")
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
	w.WriteString("<" + tag)
	w.attrs(attrs)
	w.WriteByte('>')
}

// emptyTag writes <tag a="v" …/> inline.
func (w *xbuf) emptyTag(tag string, attrs ...string) {
	w.WriteString("<" + tag)
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
		w.WriteString(" " + kv[i] + `="`)
		w.WriteString(escape(kv[i+1], true))
		w.WriteByte('"')
	}
}

// text writes escaped character data.
func (w *xbuf) text(s string) { w.WriteString(escape(s, false)) }

// escape escapes the characters XML reserves (& < > and, in attributes,
// "), leaving all other Unicode as it is: typographic quotes and dashes
// are written as characters, never as entities. Characters XML 1.0 cannot
// carry at all (most C0 controls, U+FFFE, U+FFFF) and invalid UTF-8 are
// dropped.
func escape(s string, attr bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '&' || c == '<' || c == '>' || c == '"' || c < 0x20 || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			continue
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
			continue
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
