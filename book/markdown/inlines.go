package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"samizdat/book"
)

// inlines converts the inline children of n, folding raw HTML tags
// through the allow-list (see rawhtml.go).
func (r *reader) inlines(n ast.Node) []book.Inline {
	return r.htmlInlines(n)
}

// inline appends the model form of n to out.
func (r *reader) inline(out []book.Inline, n ast.Node) []book.Inline {
	switch t := n.(type) {
	case *ast.Text:
		r.checkFootnoteRef(t)
		out = append(out, &book.Text{Text: r.segmentText(t)})
		switch {
		case t.HardLineBreak():
			out = append(out, &book.LineBreak{})
		case t.SoftLineBreak():
			out = append(out, &book.Text{Text: " "})
		}
		return out
	case *ast.String:
		return append(out, &book.Text{Text: string(t.Value)})
	case *ast.CodeSpan:
		var b bytes.Buffer
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			if tx, ok := c.(*ast.Text); ok {
				b.Write(tx.Segment.Value(r.src))
			}
		}
		return append(out, &book.Code{Text: b.String()})
	case *ast.Emphasis:
		if t.Level >= 2 {
			return append(out, &book.Strong{Inlines: r.inlines(t)})
		}
		return append(out, &book.Emph{Inlines: r.inlines(t)})
	case *east.Strikethrough:
		return append(out, &book.Strike{Inlines: r.inlines(t)})
	case *ast.Link:
		return append(out, r.link(string(t.Destination), string(t.Title), r.inlines(t), t))
	case *ast.AutoLink:
		url := string(t.URL(r.src))
		if t.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
			url = "mailto:" + url
		}
		return append(out, r.link(url, "", []book.Inline{&book.Text{Text: string(t.Label(r.src))}}, t))
	case *ast.Image:
		return r.image(out, t)
	case *ast.RawHTML:
		// Only reached for raw HTML outside htmlInlines' folding.
		return out
	case *east.FootnoteLink:
		return r.noteRef(out, t)
	case *east.FootnoteBacklink:
		return out
	case *citationNode:
		return append(out, &book.Citation{Items: t.items, InText: t.inText, Raw: t.raw, Pos: r.pos(t.start)})
	}
	r.errorf(r.offset(n), "unsupported Markdown element %s", n.Kind())
	return out
}

// link checks a link's target: schemes that run code never reach an output.
func (r *reader) link(url, title string, ins []book.Inline, n ast.Node) book.Inline {
	scheme, _, hasScheme := strings.Cut(strings.ToLower(strings.TrimSpace(url)), ":")
	if hasScheme && !strings.ContainsAny(scheme, "/#?") {
		switch scheme {
		case "http", "https", "mailto", "tel", "ftp":
		default:
			r.errorf(r.offset(n), "link to %q: the %s: scheme is not allowed in a book", url, scheme)
		}
	}
	return &book.Link{URL: url, Title: title, Inlines: ins, Pos: r.pos(r.offset(n))}
}

func (r *reader) image(out []book.Inline, t *ast.Image) []book.Inline {
	ref := string(t.Destination)
	alt := book.PlainText(r.inlines(t))
	pos := r.pos(r.imageOffset(t))
	if r.opt.Asset == nil {
		r.errs = append(r.errs, book.Errorf(pos, "image %q: images are not allowed here", ref))
		return out
	}
	a, err := r.opt.Asset(ref, pos)
	if err != nil {
		r.errs = append(r.errs, book.Errors(err)...)
		return out
	}
	if alt == "" {
		r.warnings = append(r.warnings, book.Errorf(pos, "image %q has no alternative text: describe it in ![…](%s) for readers who cannot see it", ref, ref))
	}
	return append(out, &book.Image{Asset: a, Alt: alt, Title: string(t.Title)})
}

// checkFootnoteRef reports [^label] left as text: goldmark leaves a
// reference to an undefined footnote unparsed.
func (r *reader) checkFootnoteRef(t *ast.Text) {
	start := t.Segment.Start - 1 // goldmark ends the text before at '['
	if start < 0 || start+2 > len(r.src) || r.src[start] != '[' || r.src[start+1] != '^' {
		return
	}
	end := bytes.IndexByte(r.src[start:], ']')
	nl := bytes.IndexByte(r.src[start:], '\n')
	if end < 0 || (nl >= 0 && nl < end) {
		return
	}
	r.errorf(start, "footnote reference [^%s] has no definition: add a line \"[^%s]: …\"", r.src[start+2:start+end], r.src[start+2:start+end])
}

// mergeText joins adjacent text runs, which goldmark splits at every
// character it might have parsed. Runs are joined in one go, so that a
// line of many brackets costs linear time.
func mergeText(ins []book.Inline) []book.Inline {
	var out []book.Inline
	for i := 0; i < len(ins); i++ {
		t, ok := ins[i].(*book.Text)
		if !ok {
			out = append(out, ins[i])
			continue
		}
		j := i + 1
		for j < len(ins) {
			if _, ok := ins[j].(*book.Text); !ok {
				break
			}
			j++
		}
		if j > i+1 {
			n := 0
			for _, in := range ins[i:j] {
				n += len(in.(*book.Text).Text)
			}
			var b strings.Builder
			b.Grow(n)
			for _, in := range ins[i:j] {
				b.WriteString(in.(*book.Text).Text)
			}
			t.Text = b.String()
		}
		out = append(out, t)
		i = j - 1
	}
	return out
}

// imageOffset finds an image's "![" in its paragraph's source, since
// goldmark keeps no position for an image node.
func (r *reader) imageOffset(t *ast.Image) int {
	var block ast.Node = t
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if block == nil || block.Lines().Len() == 0 {
		return -1
	}
	lines := block.Lines()
	from, to := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	text := r.src[from:to]
	dest := bytes.Index(text, append([]byte("]("), t.Destination...))
	if dest < 0 {
		return from
	}
	if bang := bytes.LastIndex(text[:dest], []byte("![")); bang >= 0 {
		return from + bang
	}
	return from + dest
}

// segmentText is the text of a text node, escapes applied. Most text has
// no escapes and is a slice of the source as a string, shared instead of
// copied.
func (r *reader) segmentText(t *ast.Text) string {
	seg := t.Segment
	v := seg.Value(r.src)
	if seg.Padding == 0 && (t.IsRaw() || !escaped(v)) {
		return r.text[seg.Start:seg.Stop]
	}
	if !t.IsRaw() {
		v = unescape(v)
	}
	return string(v)
}

// escaped reports whether v holds a backslash or an ampersand, which
// unescape may turn into something else.
func escaped(v []byte) bool {
	return bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0
}

// unescape applies CommonMark's backslash escapes and character references
// in one pass, so that an escaped character stays literal: "\\&copy;" is
// "&copy;", not "©".
func unescape(v []byte) []byte {
	if !escaped(v) {
		return v
	}
	out := make([]byte, 0, len(v))
	chunk := 0
	flush := func(end int) {
		out = append(out, util.ResolveEntityNames(util.ResolveNumericReferences(v[chunk:end]))...)
	}
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '\\' && util.IsPunct(v[i+1]) {
			flush(i)
			out = append(out, v[i+1])
			i++
			chunk = i + 1
		}
	}
	flush(len(v))
	return out
}
