package epub

import (
	"strconv"
	"strings"

	"samizdat/book"
)

// modified formats the build date as dcterms:modified requires
// (CCYY-MM-DDThh:mm:ssZ, UTC). A zero date becomes the ZIP epoch, the
// same instant the archive's timestamps use.
func (p *plan) modified() string {
	return zipTime(p.opt.Date).Format("2006-01-02T15:04:05Z")
}

// packageDocument writes content.opf: metadata, manifest and spine.
func (p *plan) packageDocument() []byte {
	var w xbuf
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	w.open("package", "xmlns", "http://www.idpf.org/2007/opf", "version", "3.0",
		"unique-identifier", "uid", "xml:lang", p.lang, "dir", direction(p.lang))
	p.metadata(&w)
	p.manifest(&w)
	p.spine(&w)
	w.close("package")
	return w.Bytes()
}

// metadata writes the Dublin Core and EPUB metadata, with refinements for
// title types and creators' roles and sort names, and accessibility
// metadata.
func (p *plan) metadata(w *xbuf) {
	m := p.b.Meta
	w.open("metadata", "xmlns:dc", "http://purl.org/dc/elements/1.1/")
	w.textLine("dc:identifier", p.ident.value, "id", "uid")
	if p.ident.other != "" {
		w.textLine("dc:identifier", p.ident.other)
	}
	if m.Title == "" {
		p.opt.Warnf(book.Pos{}, "the book has no title; the EPUB is titled %q", p.title())
	}
	w.textLine("dc:title", p.title(), "id", "title")
	w.textLine("meta", "main", "refines", "#title", "property", "title-type")
	if m.Subtitle != "" {
		w.textLine("meta", "1", "refines", "#title", "property", "display-seq")
		w.textLine("dc:title", m.Subtitle, "id", "subtitle")
		w.textLine("meta", "subtitle", "refines", "#subtitle", "property", "title-type")
		w.textLine("meta", "2", "refines", "#subtitle", "property", "display-seq")
	}
	for i, a := range m.Authors {
		id := "creator-" + strconv.Itoa(i+1)
		w.textLine("dc:creator", a.Name, "id", id)
		w.textLine("meta", p.relator(a), "refines", "#"+id, "property", "role", "scheme", "marc:relators")
		w.textLine("meta", fileAs(a), "refines", "#"+id, "property", "file-as")
		if len(m.Authors) > 1 {
			w.textLine("meta", strconv.Itoa(i+1), "refines", "#"+id, "property", "display-seq")
		}
	}
	w.textLine("dc:language", p.lang)
	if m.Date != "" {
		if isW3CDate(m.Date) {
			w.textLine("dc:date", m.Date)
		} else {
			p.opt.Warnf(book.Pos{}, "date %q is not a W3C date (YYYY, YYYY-MM or YYYY-MM-DD); it is left out of the EPUB metadata", m.Date)
		}
	}
	if m.Publisher != "" {
		w.textLine("dc:publisher", m.Publisher)
	}
	if m.Rights != "" {
		w.textLine("dc:rights", m.Rights)
	}
	if m.Description != "" {
		w.textLine("dc:description", m.Description)
	}
	for _, s := range m.Subjects {
		if s = strings.TrimSpace(s); s != "" {
			w.textLine("dc:subject", s)
		}
	}
	if m.Source != "" {
		w.textLine("dc:source", m.Source)
	}
	if m.Series != "" {
		// EPUB 3 readers (Apple Books, Thorium) read the collection;
		// calibre and the Kobo and Kindle tools built on it read its own
		// series metadata.
		w.textLine("meta", m.Series, "property", "belongs-to-collection", "id", "series")
		w.textLine("meta", "series", "refines", "#series", "property", "collection-type")
		if m.SeriesPosition != "" {
			w.textLine("meta", m.SeriesPosition, "refines", "#series", "property", "group-position")
		}
		w.empty("meta", "name", "calibre:series", "content", m.Series)
		if m.SeriesPosition != "" {
			w.empty("meta", "name", "calibre:series_index", "content", m.SeriesPosition)
		}
	}
	w.textLine("meta", p.modified(), "property", "dcterms:modified")
	p.accessibility(w)
	if p.coverImage != nil {
		// EPUB 2 readers (and Kindle conversion) find the cover this way.
		w.empty("meta", "name", "cover", "content", p.coverImage.itemID)
	}
	w.close("metadata")
}

// manifest lists every file of the publication but the package document
// itself, in a fixed order.
func (p *plan) manifest(w *xbuf) {
	w.open("manifest")
	for _, d := range p.docs {
		props := ""
		if d.kind == docNav {
			props = "nav"
		}
		w.empty("item", "id", d.itemID, "href", textDir+d.file, "media-type", "application/xhtml+xml", "properties", props)
	}
	w.empty("item", "id", "ncx", "href", ncxHref, "media-type", "application/x-dtbncx+xml")
	w.empty("item", "id", "css", "href", cssHref, "media-type", "text/css")
	for _, img := range p.images {
		props := ""
		if img == p.coverImage {
			props = "cover-image"
		}
		w.empty("item", "id", img.itemID, "href", img.href, "media-type", img.mediaType, "properties", props)
	}
	for _, f := range p.fonts {
		w.empty("item", "id", f.itemID, "href", f.href, "media-type", f.mediaType)
	}
	w.close("manifest")
}

// spine lists the content documents in reading order. The navigation
// document is linear only when the book has a contents division. A book
// in a right-to-left language turns its pages from right to left.
func (p *plan) spine(w *xbuf) {
	w.open("spine", "toc", "ncx", "page-progression-direction", direction(p.lang))
	for _, d := range p.docs {
		if d.linear {
			w.empty("itemref", "idref", d.itemID)
		} else {
			w.empty("itemref", "idref", d.itemID, "linear", "no")
		}
	}
	w.close("spine")
}
