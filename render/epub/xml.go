package epub

import (
	"bytes"

	"samizdat/internal/escape"
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

// escaped writes s as XML character data, or as an attribute value
// (see internal/escape): all Unicode but what XML 1.0 cannot carry is
// written as it is, typographic quotes and dashes never as entities.
func (w *xbuf) escaped(s string, attr bool) {
	r := escape.XMLText
	if attr {
		r = escape.XMLAttr
	}
	escape.Write(&w.Buffer, s, r)
}
