package importer

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// origSrc is the attribute that keeps an image's address as the page
// wrote it, before extraction rewrites it.
const origSrc = "data-samizdat-src"

// imageTag is the placeholder element an image becomes before conversion.
const imageTag = "samizdat-image"

// clutterClasses are class names of page furniture that extraction may
// leave inside an article: advertisements, sharing and sign-up boxes,
// pull quotes (which repeat the article's own sentences) and text meant
// only for screen readers.
var clutterClasses = wordSet(`ad ads advert advertisement ad-slot ad-label ad-inline ad-container
	sponsored promo paywall newsletter newsletter-signup subscribe share share-tools sharing sharedaddy
	social social-share related related-inline pullquote pull-quote screen-reader-text sr-only
	visually-hidden skip-link cookie-banner`)

// isClutter reports whether an element's classes mark it as furniture.
func isClutter(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		if clutterClasses()[c] || strings.HasPrefix(c, "ad-") {
			return true
		}
	}
	return false
}

// prepare readies the whole page for extraction: page furniture goes,
// and each image's address is kept as written.
func prepare(doc *html.Node) {
	for _, n := range elements(doc) {
		if isClutter(n) {
			remove(n)
		}
	}
	for _, n := range elements(doc, "img") {
		src := firstOf(attr(n, "src"), attr(n, "data-src"), firstSrcset(attr(n, "srcset")))
		if strings.HasPrefix(src, "data:image/gif") || strings.HasPrefix(src, "data:image/svg") {
			src = firstOf(attr(n, "data-src"), firstSrcset(attr(n, "data-srcset")), firstSrcset(attr(n, "srcset")))
		}
		setAttr(n, origSrc, src)
	}
}

// firstSrcset is the first address in a srcset attribute.
func firstSrcset(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), ",")
	f := strings.Fields(first)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// dropTags are elements with nothing a printed article can show.
var dropTags = []string{"script", "style", "noscript", "template", "iframe", "object", "embed", "video",
	"audio", "canvas", "svg", "form", "button", "input", "select", "textarea", "source", "track", "map"}

// clean shapes the extracted article for conversion: media that cannot be
// printed go, figure captions become their image's text, the heading that
// repeats the title goes, the other headings are renumbered to start at
// level 2, links are made absolute and images are saved or noted.
func (h *htmlReader) clean(root *html.Node, title string) {
	h.title = title
	for _, n := range elements(root, dropTags...) {
		remove(n)
	}
	for _, fig := range elements(root, "figure") {
		imgs := elements(fig, "img")
		caps := elements(fig, "figcaption")
		if len(imgs) == 1 && len(caps) > 0 {
			if c := textContent(caps[0]); c != "" {
				setAttr(imgs[0], "alt", c)
			}
			for _, c := range caps {
				remove(c)
			}
		}
	}
	h.noteDivs = h.notes(root)
	parts := append([]*html.Node{root}, h.noteDivs...)
	for _, n := range parts {
		h.links(n)
	}
	if h.droppedLinks > 0 {
		h.warnf(0, "%s with relative addresses and no page address to resolve them against (the page has no canonical link): kept their text only", countOf(h.droppedLinks, "link"))
	}
	headings(root, title)
	hoistImages(root)
	count := 0
	for _, n := range parts {
		for _, img := range elements(n, "img") {
			count++
			h.image(img, count)
		}
	}
	if h.opt.SaveImage == nil && count > 0 {
		h.warnf(0, "%s not downloaded, only noted in a comment with its address: import with --fetch-images to download", countOf(count, "image"))
	}
}

// hoistImages moves an image that shares a paragraph with text (a picture
// floated beside the text on screen) into a paragraph of its own before
// it, where it becomes a figure.
func hoistImages(root *html.Node) {
	for _, img := range elements(root, "img") {
		p := img.Parent
		for p != nil && p != root && !hasTag(p, "p") {
			p = p.Parent
		}
		if p == nil || p == root || textContent(p) == "" {
			continue
		}
		own := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		remove(img)
		own.AppendChild(img)
		p.Parent.InsertBefore(own, p)
	}
}

// headings drops a first heading that repeats the title and renumbers the
// rest so that the highest is level 2 (level 1 is the chapter title).
func headings(root *html.Node, title string) {
	hs := elements(root, "h1", "h2", "h3", "h4", "h5", "h6")
	if len(hs) > 0 && strings.EqualFold(textContent(hs[0]), strings.Join(strings.Fields(title), " ")) {
		remove(hs[0])
		hs = hs[1:]
	}
	top := 6
	for _, n := range hs {
		top = min(top, int(n.Data[1]-'0'))
	}
	for _, n := range hs {
		level := min(int(n.Data[1]-'0')-top+2, 6)
		n.Data = "h" + strconv.Itoa(level)
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
}

// links makes every link absolute. A link to a place in the page itself,
// a script, or a relative address with no page address to resolve it
// against keeps its text and loses its target: a book cannot follow it.
func (h *htmlReader) links(root *html.Node) {
	for _, a := range elements(root, "a") {
		if imgs := elements(a, "img"); len(imgs) > 0 && textContent(a) == "" {
			unwrap(a)
			continue
		}
		href := strings.TrimSpace(attr(a, "href"))
		u, err := url.Parse(href)
		switch {
		case href == "" || strings.HasPrefix(href, "#") || err != nil:
			unwrap(a)
			continue
		case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto":
			continue
		case u.Scheme != "":
			unwrap(a)
			continue
		}
		if h.base == nil || h.base.Scheme == "file" {
			h.droppedLinks++
			unwrap(a)
			continue
		}
		setAttr(a, "href", h.base.ResolveReference(u).String())
	}
}

// image replaces an image with a placeholder for its Markdown: a
// reference to the saved file, or a comment giving its address.
func (h *htmlReader) image(img *html.Node, n int) {
	src := strings.TrimSpace(attr(img, origSrc))
	if src == "" {
		src = strings.TrimSpace(attr(img, "src"))
	}
	ref := ImageRef{Src: src, Alt: strings.Join(strings.Fields(attr(img, "alt")), " "), N: n, Title: h.title}
	if u, err := url.Parse(src); err == nil && src != "" {
		switch {
		case u.Scheme != "":
			ref.URL = src
		case h.base != nil:
			ref.URL = h.base.ResolveReference(u).String()
		}
	}
	md := ""
	if h.opt.SaveImage != nil && src != "" {
		path, err := h.opt.SaveImage(ref)
		if err != nil {
			h.warnf(lineOf(h.text, src), "image %d (%s) not saved: %v", n, shortRef(ref), err)
		} else {
			md = "![" + escapeAlt(ref.Alt) + "](" + path + ")"
		}
	}
	if md == "" {
		md = "<!-- image: " + commentText(shortRef(ref))
		if ref.Alt != "" {
			md += " — " + commentText(ref.Alt)
		}
		md += " -->"
	}
	h.images = append(h.images, md)
	ph := &html.Node{Type: html.ElementNode, Data: imageTag, Attr: []html.Attribute{{Key: "data-n", Val: strconv.Itoa(len(h.images) - 1)}}}
	img.Parent.InsertBefore(ph, img)
	remove(img)
}

// countOf writes a count with its noun: "1 image", "2 images".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// shortRef names an image for messages and comments: its address, or
// "an embedded image" for a data: URL.
func shortRef(ref ImageRef) string {
	s := firstOf(ref.URL, ref.Src)
	if strings.HasPrefix(s, "data:") {
		return "an image embedded in the page"
	}
	if s == "" {
		return "an image with no address"
	}
	return s
}

// escapeAlt escapes an image's text for use inside ![…].
func escapeAlt(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`).Replace(s)
}
