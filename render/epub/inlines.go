package epub

import (
	"net/url"
	"strconv"
	"strings"

	"samizdat/book"
)

// inlines writes inline content.
func (pg *page) inlines(ins []book.Inline) {
	for _, in := range ins {
		pg.inline(in)
	}
}

func (pg *page) inline(in book.Inline) {
	switch n := in.(type) {
	case *book.Text:
		pg.text(n.Text)
	case *book.Space:
		pg.WriteByte(' ')
	case *book.LineBreak:
		pg.WriteString("<br/>")
	case *book.Emph:
		pg.wrap("em", n.Inlines)
	case *book.Strong:
		pg.wrap("strong", n.Inlines)
	case *book.Strike:
		pg.wrap("s", n.Inlines)
	case *book.Code:
		pg.WriteString("<code>")
		pg.text(n.Text)
		pg.WriteString("</code>")
	case *book.Link:
		pg.link(n)
	case *book.Image:
		pg.image(n, n.Alt)
	case *book.NoteRef:
		if pg.inLink {
			pg.deferred = append(pg.deferred, n)
			return
		}
		pg.noteRef(n)
	case *book.PageBreak:
		pg.pageBreak(n)
	case *book.Citation:
		if n.Rendered != nil {
			pg.inlines(n.Rendered)
			return
		}
		pg.WriteString(`<span class="citation">`)
		pg.text(n.Raw)
		pg.WriteString("</span>")
	default:
		pg.p.opt.Warnf(pg.pos, "inline of type %T is not supported by the EPUB writer and is left out", in)
	}
}

// wrap writes inlines inside a phrasing element.
func (pg *page) wrap(tag string, ins []book.Inline) {
	pg.WriteString("<" + tag + ">")
	pg.inlines(ins)
	pg.WriteString("</" + tag + ">")
}

// link writes a hyperlink. Internal links (#id) are resolved to the
// document that holds the id; external links are kept as written. A link
// that cannot be resolved is written as its text, with a warning, rather
// than as a broken link.
func (pg *page) link(l *book.Link) {
	if pg.inLink {
		pg.inlines(l.Inlines)
		return
	}
	href, ok := pg.resolve(l.URL)
	if !ok {
		pg.inlines(l.Inlines)
		return
	}
	pg.startTag("a", "href", href, "title", l.Title)
	pg.inLink = true
	pg.inlines(l.Inlines)
	pg.inLink = false
	pg.WriteString("</a>")
	// Note references inside a link's text follow it, since links
	// cannot nest.
	refs := pg.deferred
	pg.deferred = nil
	for _, r := range refs {
		pg.noteRef(r)
	}
}

// resolve turns a link's URL into an href valid in this document.
func (pg *page) resolve(raw string) (string, bool) {
	if id, ok := strings.CutPrefix(raw, "#"); ok {
		t, found := pg.p.targets[id]
		if !found {
			pg.p.opt.Warnf(pg.pos, "link to #%s: no heading, chapter or note has that id", id)
			return "", false
		}
		return pg.p.href(pg.doc, t), true
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		pg.p.opt.Warnf(pg.pos, "link to %q: only #id and absolute URLs can be followed in an EPUB", raw)
		return "", false
	}
	if !safeScheme(u.Scheme) {
		pg.p.opt.Warnf(pg.pos, "link to %q: the %s: scheme is not allowed in an EPUB; the link is written as text", raw, u.Scheme)
		return "", false
	}
	return raw, true
}

// safeScheme reports whether links with a URL scheme may be written: web
// and mail addresses and the like, never schemes that run code or reach
// into the reader's machine (javascript:, vbscript:, data:, file:). The
// Markdown reader refuses such links already; this keeps a model built
// some other way from carrying them into the EPUB.
func safeScheme(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "ftp", "ftps", "tel", "urn", "doi", "geo", "news", "irc", "ircs", "xmpp", "gopher":
		return true
	}
	return false
}

// image writes an img element for an image filed in the publication.
func (pg *page) image(im *book.Image, alt string) {
	if im.Asset == nil {
		pg.p.opt.Warnf(pg.pos, "an image without a loaded file is left out")
		return
	}
	img := pg.p.imageOf[im.Asset]
	if img == nil {
		// The plan's walk files every image it can reach; one it missed
		// is not in the manifest and cannot be shown.
		pg.p.opt.Warnf(pg.pos, "image %s is not filed in the publication and is left out", im.Asset.Name)
		return
	}
	if strings.TrimSpace(alt) == "" {
		pg.p.opt.Warnf(pg.pos, "image %s has no alternative text", im.Asset.Name)
	}
	var size []string
	if im.Asset.Width > 0 && im.Asset.Height > 0 {
		size = []string{"width", strconv.Itoa(im.Asset.Width), "height", strconv.Itoa(im.Asset.Height)}
	}
	attrs := append([]string{"src", "../" + img.href, "alt", alt, "title", im.Title}, size...)
	pg.emptyTag("img", attrs...)
}
