package importer

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"samizdat/internal/lazyregexp"
)

// noteRefTag is the placeholder element a note reference becomes.
const noteRefTag = "samizdat-noteref"

var (
	// noteMarkRE is the text of a note reference: a number or a symbol,
	// perhaps in brackets.
	noteMarkRE = lazyregexp.New(`^\[?(?:\d{1,3}|[a-z]|\*{1,3}|[†‡§])\]?$`)
	// notesHeadingRE is the heading over a page's notes.
	notesHeadingRE = lazyregexp.New(`(?i)^(?:foot|end)?notes?$|^references$`)
	// backlinkRE is the text of a link from a note back to its reference.
	backlinkRE = lazyregexp.New(`^(?:↩︎?|↑|\^|back|return)$`)
)

// pageNote is one footnote found in a page.
type pageNote struct {
	target *html.Node
	number int
}

// notes turns a page's footnotes — a short link, usually superscript, to
// an element further down that holds the note — into placeholders for
// Markdown note references, and takes the notes out of the text. It
// returns each note's content, in a <div> of its own, in order of first
// reference.
func (h *htmlReader) notes(root *html.Node) []*html.Node {
	ids := map[string]*html.Node{}
	for _, n := range elements(root) {
		if id := attr(n, "id"); id != "" {
			ids[id] = n
		}
	}
	byTarget := map[*html.Node]*pageNote{}
	var order []*html.Node
	for _, a := range elements(root, "a") {
		href := attr(a, "href")
		target := ids[strings.TrimPrefix(href, "#")]
		if !strings.HasPrefix(href, "#") || target == nil || !noteMarkRE().MatchString(textContent(a)) || contains(target, a) {
			continue
		}
		if !isNoteTarget(target) {
			continue
		}
		pn := byTarget[target]
		if pn == nil {
			pn = &pageNote{target: target, number: len(order) + 1}
			byTarget[target] = pn
			order = append(order, target)
		}
		ref := a
		if p := a.Parent; p != nil && p.Data == "sup" && strings.TrimSpace(textContent(p)) == textContent(a) {
			ref = p
		}
		ph := &html.Node{Type: html.ElementNode, Data: noteRefTag, Attr: []html.Attribute{{Key: "data-n", Val: strconv.Itoa(pn.number)}}}
		ref.Parent.InsertBefore(ph, ref)
		remove(ref)
	}
	var out []*html.Node
	for _, t := range order {
		for _, a := range elements(t, "a") {
			if strings.HasPrefix(attr(a, "href"), "#") && backlinkRE().MatchString(textContent(a)) {
				remove(a)
			}
		}
		parent := t.Parent
		remove(t)
		removeEmpty(parent, root)
		div := &html.Node{Type: html.ElementNode, Data: "div"}
		for c := t.FirstChild; c != nil; c = t.FirstChild {
			t.RemoveChild(c)
			div.AppendChild(c)
		}
		out = append(out, div)
	}
	return out
}

// isNoteTarget reports whether an element looks like a note: a list item,
// or anything inside a block whose class or id says notes.
func isNoteTarget(n *html.Node) bool {
	if n.Data == "li" {
		return true
	}
	for p := n; p != nil; p = p.Parent {
		if hasClass(p, "note") {
			return true
		}
	}
	return false
}

// contains reports whether a is inside n.
func contains(n, a *html.Node) bool {
	for p := a; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

// removeEmpty removes n and its ancestors up to root while they hold no
// text, and a notes heading just before the last one removed.
func removeEmpty(n, root *html.Node) {
	for n != nil && n != root && textContent(n) == "" {
		p, prev := n.Parent, n.PrevSibling
		for prev != nil && prev.Type != html.ElementNode {
			prev = prev.PrevSibling
		}
		remove(n)
		if prev != nil && hasTag(prev, "h1", "h2", "h3", "h4", "h5", "h6") && notesHeadingRE().MatchString(textContent(prev)) {
			remove(prev)
		}
		n = p
	}
}
