package importer

import (
	"strings"

	"golang.org/x/net/html"
)

// attr returns an element's attribute value, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// setAttr sets or adds an attribute.
func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// elements returns the elements under n (n included) whose tag is one of
// tags, or all elements when tags is empty, in document order.
func elements(n *html.Node, tags ...string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (len(tags) == 0 || hasTag(n, tags...)) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasTag(n *html.Node, tags ...string) bool {
	for _, t := range tags {
		if n.Data == t {
			return true
		}
	}
	return false
}

// textContent is the text under n with whitespace folded.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// remove takes n out of its tree.
func remove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// unwrap replaces n with its children.
func unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

// hasClass reports whether any of n's classes contains one of words.
func hasClass(n *html.Node, words ...string) bool {
	c := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range words {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}
