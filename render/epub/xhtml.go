package epub

import (
	"bytes"
	"fmt"

	"samizdat/book"
)

// page writes one XHTML content document.
type page struct {
	*xbuf
	p   *plan
	doc *document
	// pos is the position of the block being written, for warnings.
	pos book.Pos
	// inLink is set while writing a link's text: links cannot nest, so
	// inner links become text and note references wait for the link's end.
	inLink   bool
	deferred []*book.NoteRef
	// level is the level of the last section heading written, 0 before
	// the first.
	level int
}

// document renders one content document. It writes into w, which it
// empties first and the caller may pass again for the next document, and
// returns a copy sized to fit: one buffer that grows to the largest
// document allocates far less than a new one growing for each.
func (p *plan) document(d *document, w *xbuf) ([]byte, error) {
	w.Reset()
	w.depth = 0
	pg := &page{xbuf: w, p: p, doc: d}
	pg.head()
	switch d.kind {
	case docCover:
		pg.coverPage()
	case docPart:
		pg.partPage()
	case docNav:
		pg.navPage()
	case docDivision:
		pg.division()
	default:
		return nil, fmt.Errorf("epub: unknown document kind %d for %s", d.kind, d.file)
	}
	pg.close("body")
	pg.close("html")
	return bytes.Clone(pg.Bytes()), nil
}

// head writes the XML declaration, the html element with the document's
// language (both lang and xml:lang, as EPUB readers look at either) and,
// for a right-to-left script, its direction, and the head.
func (pg *page) head() {
	d := pg.doc
	pg.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
	pg.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "xmlns:epub", "http://www.idpf.org/2007/ops",
		"lang", d.lang, "xml:lang", d.lang, "dir", direction(d.lang))
	pg.open("head")
	title := d.title
	if title == "" {
		title = pg.p.title()
	}
	pg.textLine("title", title)
	pg.empty("link", "rel", "stylesheet", "type", "text/css", "href", "../"+cssHref)
	pg.close("head")
	if d.kind == docCover {
		pg.open("body")
	} else {
		pg.open("body", "epub:type", d.matter)
	}
}

// semantics returns the epub:type and the DPUB-ARIA role of a division's
// section; generated pages without a matching role get none.
func semantics(k book.Kind) (epubType, role string) {
	switch k {
	case book.KindHalfTitle:
		return "halftitlepage", ""
	case book.KindTitlePage:
		return "titlepage", ""
	case book.KindCopyright:
		return "copyright-page", ""
	case book.KindDedication:
		return "dedication", "doc-dedication"
	case book.KindEpigraph:
		return "epigraph", "doc-epigraph"
	case book.KindPreface:
		return "preface", "doc-preface"
	case book.KindNotes:
		return "endnotes", "doc-endnotes"
	case book.KindBibliography:
		return "bibliography", "doc-bibliography"
	case book.KindColophon:
		return "colophon", "doc-colophon"
	}
	return "chapter", "doc-chapter"
}

// division writes a front matter page, chapter or back matter page.
func (pg *page) division() {
	ch := pg.doc.chapter
	typ, role := semantics(ch.Kind)
	id := xmlID(ch.ID)
	if ch.ID == "" {
		id = xmlID(pg.doc.itemID)
	}
	hasHeading := len(ch.Title) > 0 || ch.Kind == book.KindHalfTitle || ch.Kind == book.KindTitlePage ||
		ch.Kind == book.KindNotes || ch.Kind == book.KindBibliography
	label := ""
	if !hasHeading {
		// A section without a heading is named for assistive technology.
		label = pg.doc.title
	}
	pg.open("section", "id", id, "class", ch.Kind.String(), "epub:type", typ, "role", role, "aria-label", label)
	switch ch.Kind {
	case book.KindHalfTitle:
		pg.textLine("h1", pg.p.title(), "class", "title", "epub:type", "fulltitle")
	case book.KindTitlePage:
		pg.titlePage()
	case book.KindCopyright:
		pg.copyrightPage()
	case book.KindNotes:
		pg.heading(ch)
		pg.bookNotes()
	default:
		pg.heading(ch)
	}
	pg.blocks(ch.Blocks)
	pg.chapterNotes()
	pg.close("section")
}

// heading writes a division's title as its h1, with the byline of an
// article under it; a division without a title gets its kind's name when
// it is a generated page, and no heading otherwise.
func (pg *page) heading(ch *book.Chapter) {
	title := ch.Title
	if len(title) == 0 {
		if !ch.Kind.Generated() {
			return
		}
		title = []book.Inline{&book.Text{Text: pg.doc.title}}
	}
	pg.pos = ch.Source
	if ch.Byline == nil {
		pg.lineStart("h1", "class", "title")
		pg.inlines(title)
		pg.lineEnd("h1")
		return
	}
	pg.open("header")
	pg.lineStart("h1", "class", "title")
	pg.inlines(title)
	pg.lineEnd("h1")
	pg.byline(ch.Byline)
	pg.close("header")
}

// byline writes an article's authors, original publication and date.
func (pg *page) byline(bl *book.Byline) {
	if len(bl.Authors) > 0 {
		pg.lineStart("p", "class", "byline")
		for i, a := range bl.Authors {
			if i > 0 {
				pg.WriteString(", ")
			}
			pg.text(a.Name)
		}
		pg.lineEnd("p")
	}
	if bl.Source == "" && bl.Date == "" {
		return
	}
	pg.lineStart("p", "class", "article-source")
	if bl.Source != "" {
		pg.startTag("cite")
		pg.text(bl.Source)
		pg.WriteString("</cite>")
		if bl.Date != "" {
			pg.WriteString(", ")
		}
	}
	if bl.Date != "" {
		pg.date(bl.Date)
	}
	pg.lineEnd("p")
}

// date writes a date, as a time element when it is machine-readable.
func (pg *page) date(s string) {
	if isHTMLDate(s) {
		pg.startTag("time", "datetime", s)
		pg.text(s)
		pg.WriteString("</time>")
		return
	}
	pg.text(s)
}

// title is the book's title; EPUB requires one, so an untitled book is
// named by its slug.
func (p *plan) title() string {
	if t := p.b.Meta.Title; t != "" {
		return t
	}
	if p.b.Slug != "" {
		return p.b.Slug
	}
	return "Untitled"
}
