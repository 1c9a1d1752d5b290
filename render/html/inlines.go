package html

import (
	"encoding/base64"
	"strings"

	"samizdat/book"
)

// inlines writes a run of inlines with all their markup.
func (p *page) inlines(ins []book.Inline) {
	for _, in := range ins {
		p.inlineIn(in, false)
	}
}

// inline writes one inline with all its markup.
func (p *page) inline(in book.Inline) { p.inlineIn(in, false) }

// plainInlines writes inlines for a place that repeats text already on the
// page — a contents entry, a heading in the notes division — keeping
// emphasis and code but leaving out links (which would nest in the entry's
// own link), images and note references (whose ids would repeat).
func (p *page) plainInlines(ins []book.Inline) {
	for _, in := range ins {
		p.inlineIn(in, true)
	}
}

// inlineIn writes one inline; plain says whether to leave out links,
// images and note references as plainInlines does.
func (p *page) inlineIn(in book.Inline, plain bool) {
	wrap := func(tag string, ins []book.Inline) {
		p.raw("<" + tag + ">")
		for _, x := range ins {
			p.inlineIn(x, plain)
		}
		p.raw("</" + tag + ">")
	}
	switch n := in.(type) {
	case *book.Text:
		p.text(n.Text)
	case *book.Space:
		p.raw(" ")
	case *book.LineBreak:
		if plain {
			p.raw(" ")
		} else {
			p.raw("<br />\n")
		}
	case *book.Emph:
		wrap("em", n.Inlines)
	case *book.Strong:
		wrap("strong", n.Inlines)
	case *book.Strike:
		wrap("del", n.Inlines)
	case *book.Code:
		p.raw("<code>")
		p.text(n.Text)
		p.raw("</code>")
	case *book.Link:
		if plain {
			for _, x := range n.Inlines {
				p.inlineIn(x, plain)
			}
			return
		}
		p.link(n)
	case *book.Image:
		if plain {
			p.text(n.Alt)
			return
		}
		p.image(n, p.pos)
	case *book.NoteRef:
		if !plain {
			p.noteRef(n)
		}
	case *book.PageBreak:
		// Where a page of the print edition begins: a target for "p. 23"
		// that takes no room. A repeated title leaves it out.
		if !plain {
			p.open("span", "role", "doc-pagebreak", "id", p.ids.id(n), "aria-label", n.Label)
			p.close("span")
		}
	case *book.Citation:
		if n.Rendered != nil {
			for _, x := range n.Rendered {
				p.inlineIn(x, plain)
			}
			return
		}
		p.raw(`<span class="citation">`)
		p.text(n.Raw)
		p.raw("</span>")
	case nil:
	default:
		p.opt.Warnf(p.pos, "html: inline of type %T is not supported and is left out", in)
	}
}

// link writes a hyperlink. An internal link "#id" is pointed at the id
// the target has in the page; a link to nowhere in the book, or with a
// scheme that could run code (javascript: …), loses its link but keeps its
// text, with a warning.
func (p *page) link(l *book.Link) {
	pos := l.Pos
	if pos == (book.Pos{}) {
		pos = p.pos
	}
	var href string
	if target, ok := strings.CutPrefix(l.URL, "#"); ok {
		href, ok = p.ids.target(target)
		if !ok {
			p.opt.Warnf(pos, "link to %q: no chapter or heading has that id; the text is kept without a link", l.URL)
		}
	} else {
		var ok bool
		if href, ok = safeURL(l.URL); !ok {
			p.opt.Warnf(pos, "link to %q refused: not a web, mail or other safe address; the text is kept without a link", l.URL)
			href = ""
		}
	}
	if href == "" {
		p.inlines(l.Inlines)
		return
	}
	p.open("a", "href", href, "title", l.Title)
	p.inlines(l.Inlines)
	p.close("a")
}

// image writes an image inlined as a data: URI, or its alternative text
// when the image cannot be shown.
func (p *page) image(img *book.Image, pos book.Pos) {
	src, ok := p.dataURI(img.Asset, pos)
	if !ok {
		p.text(img.Alt)
		return
	}
	p.void("img", "src", src, "alt", img.Alt, "title", img.Title,
		"width", positive(img.Asset.Width), "height", positive(img.Asset.Height))
}

// dataURI returns an image asset as a data: URI, so that the page needs no
// file beside it. An asset without bytes or that is not an image is
// reported and not shown.
func (p *page) dataURI(a *book.Asset, pos book.Pos) (string, bool) {
	if a == nil || len(a.Data) == 0 {
		name := ""
		if a != nil {
			name = a.Name
		}
		p.opt.Warnf(pos, "image %q has no data; its alternative text is shown instead", name)
		return "", false
	}
	mt := strings.ToLower(strings.TrimSpace(a.MediaType))
	if !strings.HasPrefix(mt, "image/") || strings.ContainsAny(mt, ";,\"' ") {
		p.opt.Warnf(pos, "%s has media type %q, not an image; its alternative text is shown instead", a.Name, a.MediaType)
		return "", false
	}
	return "data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(a.Data), true
}
