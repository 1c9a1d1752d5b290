package html

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// node is an element or a text node of a parsed page. Tests read the page
// with encoding/xml in strict mode — no auto-closing, no entities beyond
// XML's own — which only succeeds because the page is polyglot markup.
type node struct {
	name   string // element name, or "#text"
	attrs  map[string]string
	kids   []*node
	parent *node
	text   string // for text nodes
}

// parsePage parses a whole page; it fails on anything that is not
// well-formed XML.
func parsePage(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.AutoClose = nil
	d.Entity = nil
	doc := &node{name: "#document"}
	cur := doc
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attrs: map[string]string{}, parent: cur}
			for _, a := range t.Attr {
				key := a.Name.Local
				if a.Name.Space != "" {
					key = a.Name.Space + ":" + key
				}
				n.attrs[key] = a.Value
			}
			cur.kids = append(cur.kids, n)
			cur = n
		case xml.EndElement:
			if cur.name != t.Name.Local {
				return nil, fmt.Errorf("end tag %s closes %s", t.Name.Local, cur.name)
			}
			cur = cur.parent
		case xml.CharData:
			cur.kids = append(cur.kids, &node{name: "#text", text: string(t), parent: cur})
		}
	}
	if cur != doc {
		return nil, fmt.Errorf("element %s not closed", cur.name)
	}
	return doc, nil
}

// attr returns an attribute's value.
func (n *node) attr(name string) string { return n.attrs[name] }

// all returns every element under n (n included) for which match is true,
// in document order.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(x *node) {
		if x.name != "#text" && match(x) {
			out = append(out, x)
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// tag returns every element named name under n.
func (n *node) tag(name string) []*node {
	return n.all(func(x *node) bool { return x.name == name })
}

// withAttr returns every element under n whose attribute has value.
func (n *node) withAttr(attr, value string) []*node {
	return n.all(func(x *node) bool { return x.attrs[attr] == value })
}

// hasClass reports whether the element's class list holds class.
func (n *node) hasClass(class string) bool {
	for _, c := range strings.Fields(n.attrs["class"]) {
		if c == class {
			return true
		}
	}
	return false
}

// elements returns n's child elements.
func (n *node) elements() []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name != "#text" {
			out = append(out, k)
		}
	}
	return out
}

// textContent returns the text of n and everything under it.
func (n *node) textContent() string {
	if n.name == "#text" {
		return n.text
	}
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.textContent())
	}
	return b.String()
}

// ancestor returns the nearest ancestor of n for which match is true.
func (n *node) ancestor(match func(*node) bool) *node {
	for x := n.parent; x != nil; x = x.parent {
		if match(x) {
			return x
		}
	}
	return nil
}
