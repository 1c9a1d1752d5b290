package epub

import (
	"strconv"
	"strings"

	"samizdat/book"
)

// tocEntry is one entry of the table of contents, shared by the EPUB 3
// navigation document and the EPUB 2 NCX.
type tocEntry struct {
	label string
	// lang is set when the entry's language differs from the book's.
	lang     string
	href     string // relative to textDir
	children []*tocEntry
}

// toc builds the table of contents: front matter pages (except the
// half-title and the contents itself), parts with their chapters, each
// chapter with its level-2 headings, then back matter.
func (p *plan) toc() []*tocEntry {
	var out []*tocEntry
	parts := map[*book.Part]*tocEntry{}
	partOf := map[*book.Chapter]*book.Part{}
	for _, part := range p.b.Parts {
		for _, ch := range part.Chapters {
			partOf[ch] = part
		}
	}
	for _, d := range p.docs {
		switch d.kind {
		case docPart:
			e := &tocEntry{label: d.title, href: d.file}
			parts[d.part] = e
			out = append(out, e)
			continue
		case docDivision:
		default:
			continue
		}
		ch := d.chapter
		if ch.Kind == book.KindHalfTitle {
			continue
		}
		e := &tocEntry{label: d.title, href: d.file}
		if d.lang != p.lang {
			e.lang = d.lang
		}
		if !ch.Kind.Generated() {
			for _, b := range ch.Blocks {
				h, ok := b.(*book.Heading)
				if !ok || h.Level != 2 || h.ID == "" {
					continue
				}
				if label := strings.TrimSpace(book.PlainText(h.Inlines)); label != "" {
					e.children = append(e.children, &tocEntry{label: label, lang: e.lang, href: d.file + "#" + xmlID(h.ID)})
				}
			}
		}
		if pe := parts[partOf[ch]]; pe != nil {
			pe.children = append(pe.children, e)
		} else {
			out = append(out, e)
		}
	}
	return out
}

// navPage writes the navigation document: the table of contents, which
// is also the book's contents page, and the landmarks.
func (pg *page) navPage() {
	p := pg.p
	pg.open("nav", "id", "toc", "class", "toc", "epub:type", "toc", "role", "doc-toc")
	pg.textLine("h1", pg.doc.title, "class", "title")
	pg.tocList(p.toc())
	pg.close("nav")

	pg.open("nav", "id", "landmarks", "class", "landmarks", "epub:type", "landmarks", "hidden", "hidden")
	pg.textLine("h2", p.labels.landmarks)
	pg.open("ol")
	for _, lm := range p.landmarks() {
		pg.lineStart("li")
		pg.startTag("a", "epub:type", lm.epubType, "href", lm.href)
		pg.text(lm.label)
		pg.WriteString("</a>")
		pg.lineEnd("li")
	}
	pg.close("ol")
	pg.close("nav")
	pg.pageList()
}

// tocList writes entries as a nested ordered list.
func (pg *page) tocList(entries []*tocEntry) {
	pg.open("ol")
	for _, e := range entries {
		pg.lineStart("li")
		pg.startTag("a", "href", e.href, "lang", e.lang, "xml:lang", e.lang, "dir", dirChange(pg.p.lang, e.lang))
		pg.text(e.label)
		pg.WriteString("</a>")
		if len(e.children) == 0 {
			pg.lineEnd("li")
			continue
		}
		pg.WriteByte('\n')
		pg.depth++
		pg.tocList(e.children)
		pg.close("li")
	}
	pg.close("ol")
}

// landmark is one entry of the landmarks navigation.
type landmark struct {
	epubType, label, href string
}

// landmarks lists the book's major points: cover, title page, contents,
// start of the body, notes and bibliography, those the book has.
func (p *plan) landmarks() []landmark {
	var out []landmark
	if p.cover != nil {
		out = append(out, landmark{"cover", p.labels.cover, p.cover.file})
	}
	if p.titlePage != nil {
		out = append(out, landmark{"titlepage", p.titlePage.title, p.titlePage.file})
	}
	out = append(out, landmark{"toc", p.labels.contents, navFile + "#toc"})
	if p.bodyStart != nil {
		out = append(out, landmark{"bodymatter", p.labels.start, p.bodyStart.file})
	}
	if p.notesDoc != nil {
		out = append(out, landmark{"endnotes", p.notesDoc.title, p.notesDoc.file})
	}
	if p.bibliography != nil {
		out = append(out, landmark{"bibliography", p.bibliography.title, p.bibliography.file})
	}
	return out
}

// ncx writes the EPUB 2 table of contents, which older readers (and
// Kindle conversion tools) still use.
func (p *plan) ncx() []byte {
	entries := p.toc()
	var w xbuf
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	w.open("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1", "xml:lang", p.lang)
	w.open("head")
	w.empty("meta", "name", "dtb:uid", "content", p.ident.value)
	w.empty("meta", "name", "dtb:depth", "content", strconv.Itoa(tocDepth(entries)))
	w.empty("meta", "name", "dtb:totalPageCount", "content", "0")
	w.empty("meta", "name", "dtb:maxPageNumber", "content", "0")
	w.close("head")
	w.open("docTitle")
	w.textLine("text", p.title())
	w.close("docTitle")
	for _, a := range p.b.Meta.Authors {
		w.open("docAuthor")
		w.textLine("text", a.Name)
		w.close("docAuthor")
	}
	w.open("navMap")
	order := 0
	var points func([]*tocEntry)
	points = func(es []*tocEntry) {
		for _, e := range es {
			order++
			w.open("navPoint", "id", "navpoint-"+strconv.Itoa(order), "playOrder", strconv.Itoa(order))
			w.open("navLabel")
			w.textLine("text", e.label)
			w.close("navLabel")
			w.empty("content", "src", textDir+e.href)
			points(e.children)
			w.close("navPoint")
		}
	}
	points(entries)
	w.close("navMap")
	w.close("ncx")
	return w.Bytes()
}

// tocDepth is the nesting depth of entries (at least 1).
func tocDepth(es []*tocEntry) int {
	d := 1
	for _, e := range es {
		if len(e.children) > 0 {
			d = max(d, 1+tocDepth(e.children))
		}
	}
	return d
}
