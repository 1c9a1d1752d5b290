package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"samizdat/book"
)

// Raw HTML in a manuscript is parsed and passed through an allow-list
// into the model: elements with a Markdown meaning become model nodes
// (<em> emphasis, <a href> a link, <blockquote> a quotation …), wrappers
// such as <div> and <span> give up their contents, and everything that
// could run code or pull in other content (<script>, <iframe>, event
// handlers, style) is removed with a warning. No raw markup reaches an
// output, so the EPUB and HTML stay well-formed and inert, and the PDF
// shows the same text.

// inlineKind says what an allowed inline element becomes.
type inlineKind int

const (
	kindUnwrap inlineKind = iota // keep the contents, lose the element
	kindEmph
	kindStrong
	kindStrike
	kindCode
	kindLink
	kindDrop // remove the element and its contents
)

var inlineElements = map[atom.Atom]inlineKind{
	atom.Em: kindEmph, atom.I: kindEmph, atom.Cite: kindEmph, atom.Dfn: kindEmph,
	atom.Strong: kindStrong, atom.B: kindStrong,
	atom.S: kindStrike, atom.Del: kindStrike, atom.Strike: kindStrike,
	atom.Code: kindCode, atom.Kbd: kindCode, atom.Samp: kindCode, atom.Tt: kindCode,
	atom.A:    kindLink,
	atom.Span: kindUnwrap, atom.Small: kindUnwrap, atom.Abbr: kindUnwrap, atom.Q: kindUnwrap,
	atom.U: kindUnwrap, atom.Mark: kindUnwrap, atom.Sup: kindUnwrap, atom.Sub: kindUnwrap,
	atom.Time: kindUnwrap, atom.Font: kindUnwrap, atom.Ins: kindUnwrap,
	atom.Script: kindDrop, atom.Style: kindDrop, atom.Iframe: kindDrop, atom.Object: kindDrop,
	atom.Embed: kindDrop, atom.Noscript: kindDrop, atom.Template: kindDrop, atom.Svg: kindDrop,
	atom.Math: kindDrop, atom.Button: kindDrop, atom.Input: kindDrop, atom.Select: kindDrop,
	atom.Textarea: kindDrop, atom.Form: kindDrop, atom.Video: kindDrop, atom.Audio: kindDrop,
	atom.Canvas: kindDrop, atom.Link: kindDrop, atom.Meta: kindDrop, atom.Base: kindDrop,
}

// htmlFrame is an inline element opened by a raw tag and not yet closed.
type htmlFrame struct {
	tag  atom.Atom
	name string
	kind inlineKind
	href string
	ins  []book.Inline
	at   int
}

// htmlInlines folds goldmark's inline children, where raw tags come as
// separate nodes around the text they enclose, into model inlines.
func (r *reader) htmlInlines(n ast.Node) []book.Inline {
	stack := []*htmlFrame{{}}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		raw, ok := c.(*ast.RawHTML)
		if !ok {
			top := stack[len(stack)-1]
			top.ins = r.inline(top.ins, c)
			continue
		}
		var src bytes.Buffer
		for i := 0; i < raw.Segments.Len(); i++ {
			seg := raw.Segments.At(i)
			src.Write(seg.Value(r.src))
		}
		off := -1
		if raw.Segments.Len() > 0 {
			off = raw.Segments.At(0).Start
		}
		stack = r.htmlTag(stack, src.Bytes(), off)
	}
	for len(stack) > 1 { // unclosed: keep the contents
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		r.warnf(top.at, "raw HTML <%s> is never closed; its text is kept without it", top.name)
		parent := stack[len(stack)-1]
		parent.ins = append(parent.ins, top.ins...)
	}
	return mergeText(stack[0].ins)
}

// htmlTag applies one raw tag (or comment) to the stack of open elements.
func (r *reader) htmlTag(stack []*htmlFrame, src []byte, off int) []*htmlFrame {
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return stack
		}
		tok := z.Token()
		top := stack[len(stack)-1]
		switch tt {
		case html.CommentToken:
		case html.TextToken:
			top.ins = append(top.ins, &book.Text{Text: tok.Data})
		case html.SelfClosingTagToken, html.StartTagToken:
			if tok.DataAtom == atom.Br {
				top.ins = append(top.ins, &book.LineBreak{})
				continue
			}
			kind, known := inlineElements[tok.DataAtom]
			if !known {
				r.warnf(off, "raw HTML <%s> is not allowed in a book and is removed (its text is kept)", tok.Data)
				kind = kindUnwrap
			}
			if kind == kindDrop {
				r.warnf(off, "raw HTML <%s> is removed with its contents: a book carries no scripts, frames or embedded objects", tok.Data)
			}
			if tt == html.SelfClosingTagToken || tok.DataAtom == atom.Img || tok.DataAtom == atom.Wbr || tok.DataAtom == atom.Hr {
				if tok.DataAtom == atom.Img {
					r.errorf(off, "raw HTML <img>: write images in Markdown, ![description](file.png), so that samizdat can check and embed them")
				}
				continue
			}
			f := &htmlFrame{tag: tok.DataAtom, name: tok.Data, kind: kind, at: off}
			if kind == kindLink {
				f.href = r.safeHref(tok, off)
			}
			stack = append(stack, f)
		case html.EndTagToken:
			i := len(stack) - 1
			for i > 0 && stack[i].name != tok.Data {
				i--
			}
			if i == 0 {
				r.warnf(off, "raw HTML </%s> closes nothing and is ignored", tok.Data)
				continue
			}
			for len(stack) > i { // close what is open up to the match
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				parent := stack[len(stack)-1]
				parent.ins = append(parent.ins, f.node()...)
			}
		}
	}
}

// node is what a closed element becomes.
func (f *htmlFrame) node() []book.Inline {
	ins := mergeText(f.ins)
	switch f.kind {
	case kindEmph:
		return []book.Inline{&book.Emph{Inlines: ins}}
	case kindStrong:
		return []book.Inline{&book.Strong{Inlines: ins}}
	case kindStrike:
		return []book.Inline{&book.Strike{Inlines: ins}}
	case kindCode:
		return []book.Inline{&book.Code{Text: book.PlainText(ins)}}
	case kindLink:
		if f.href == "" {
			return ins
		}
		return []book.Inline{&book.Link{URL: f.href, Inlines: ins}}
	case kindDrop:
		return nil
	}
	return ins
}

// safeHref returns an <a> element's target when its scheme is one a book
// may link to; an unsafe target is reported and the link dropped.
func (r *reader) safeHref(tok html.Token, off int) string {
	for _, a := range tok.Attr {
		if a.Key != "href" {
			continue
		}
		href := strings.TrimSpace(a.Val)
		scheme, _, has := strings.Cut(strings.ToLower(href), ":")
		if has && !strings.ContainsAny(scheme, "/#?") {
			switch scheme {
			case "http", "https", "mailto", "tel", "ftp":
			default:
				r.errorf(off, "link to %q: the %s: scheme is not allowed in a book", href, scheme)
				return ""
			}
		}
		return href
	}
	return ""
}

// htmlBlock converts a block of raw HTML through the allow-list.
func (r *reader) htmlBlock(t *ast.HTMLBlock) []book.Block {
	off := r.blockOffset(t)
	var src bytes.Buffer
	for i := 0; i < t.Lines().Len(); i++ {
		seg := t.Lines().At(i)
		src.Write(seg.Value(r.src))
	}
	if t.HasClosure() {
		src.Write(t.ClosureLine.Value(r.src))
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(&src, body)
	if err != nil {
		r.errorf(off, "raw HTML that cannot be read: %v", err)
		return nil
	}
	c := &htmlConverter{r: r, off: off, pos: r.pos(off)}
	for _, n := range nodes {
		c.block(n)
	}
	c.flush()
	return c.out
}

// htmlConverter turns a parsed HTML fragment into model blocks; inline
// content between blocks gathers into paragraphs.
type htmlConverter struct {
	r   *reader
	off int
	pos book.Pos
	out []book.Block
	ins []book.Inline
}

var blockDrop = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Noscript: true, atom.Template: true, atom.Form: true, atom.Svg: true, atom.Math: true,
	atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Link: true, atom.Meta: true,
	atom.Head: true, atom.Title: true, atom.Nav: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true,
}

func (c *htmlConverter) flush() {
	ins := trimTrailingSpace(mergeText(c.ins))
	if len(ins) > 0 && strings.TrimSpace(book.PlainText(ins)) != "" {
		c.out = append(c.out, &book.Paragraph{Inlines: ins, Pos: c.pos})
	}
	c.ins = nil
}

func (c *htmlConverter) block(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if t := collapseSpace(n.Data); t != "" && (strings.TrimSpace(t) != "" || len(c.ins) > 0) {
			c.ins = append(c.ins, &book.Text{Text: t})
		}
		return
	case html.CommentNode:
		return
	case html.ElementNode:
	default:
		return
	}
	if blockDrop[n.DataAtom] {
		c.r.warnf(c.off, "raw HTML <%s> is removed with its contents: a book carries no scripts, frames, forms or embedded objects", n.Data)
		return
	}
	switch n.DataAtom {
	case atom.P:
		c.flush()
		c.ins = c.inlines(n)
		c.flush()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.flush()
		level := int(n.Data[1] - '0')
		ins := c.inlines(n)
		h := &book.Heading{Level: max(level, 2), Inlines: ins, Pos: c.pos}
		h.ID = c.r.opt.IDs.Unique(book.Slug(book.PlainText(ins), false, "section"))
		c.out = append(c.out, h)
	case atom.Blockquote:
		c.flush()
		inner := &htmlConverter{r: c.r, off: c.off, pos: c.pos}
		inner.children(n)
		inner.flush()
		q := &book.BlockQuote{Blocks: inner.out, Pos: c.pos}
		q.Source = takeSource(q)
		c.out = append(c.out, q)
	case atom.Ul, atom.Ol:
		c.flush()
		l := &book.List{Ordered: n.DataAtom == atom.Ol, Start: 1, Tight: true, Pos: c.pos}
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode {
				continue
			}
			inner := &htmlConverter{r: c.r, off: c.off, pos: c.pos}
			inner.children(li)
			inner.flush()
			l.Items = append(l.Items, book.ListItem{Blocks: inner.out})
		}
		c.out = append(c.out, l)
	case atom.Pre:
		c.flush()
		c.out = append(c.out, &book.CodeBlock{Text: textOf(n), Pos: c.pos})
	case atom.Hr:
		c.flush()
		c.out = append(c.out, &book.SectionBreak{Pos: c.pos})
	case atom.Img:
		c.r.errorf(c.off, "raw HTML <img>: write images in Markdown, ![description](file.png), so that samizdat can check and embed them")
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Aside, atom.Header, atom.Footer, atom.Figure, atom.Figcaption,
		atom.Center, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tbody, atom.Thead, atom.Tr, atom.Td, atom.Th, atom.Body:
		c.flush()
		c.children(n)
		c.flush()
	default:
		c.ins = append(c.ins, c.inline(n)...)
	}
}

func (c *htmlConverter) children(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.block(ch)
	}
}

// inlines converts an element's children as inline content.
func (c *htmlConverter) inlines(n *html.Node) []book.Inline {
	var out []book.Inline
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		out = append(out, c.inline(ch)...)
	}
	return trimTrailingSpace(mergeText(out))
}

func (c *htmlConverter) inline(n *html.Node) []book.Inline {
	switch n.Type {
	case html.TextNode:
		if t := collapseSpace(n.Data); t != "" {
			return []book.Inline{&book.Text{Text: t}}
		}
		return nil
	case html.ElementNode:
	default:
		return nil
	}
	if n.DataAtom == atom.Br {
		return []book.Inline{&book.LineBreak{}}
	}
	if n.DataAtom == atom.Img {
		c.r.errorf(c.off, "raw HTML <img>: write images in Markdown, ![description](file.png), so that samizdat can check and embed them")
		return nil
	}
	kind, known := inlineElements[n.DataAtom]
	if !known {
		c.r.warnf(c.off, "raw HTML <%s> is not allowed in a book and is removed (its text is kept)", n.Data)
	}
	if kind == kindDrop {
		c.r.warnf(c.off, "raw HTML <%s> is removed with its contents: a book carries no scripts, frames or embedded objects", n.Data)
		return nil
	}
	f := &htmlFrame{kind: kind, ins: c.inlines(n)}
	if kind == kindLink {
		f.href = c.r.safeHref(html.Token{Attr: n.Attr}, c.off)
	}
	return f.node()
}

// collapseSpace folds runs of white space to one space, as HTML shows them.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	out := b.String()
	if strings.TrimSpace(s) != "" && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t') {
		out = " " + out
	}
	return out
}

// textOf is an element's text, as written.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
