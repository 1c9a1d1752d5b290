package pdf

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"samizdat/book"
)

// pageLabels returns the PDF page labels of the document, as the value of
// the catalogue's /PageLabels: a reader shows "iii" for the third page of
// the front matter and "12" for the page printed 12, and "go to page"
// finds pages by their printed numbers.
func pageLabels(pages []*Page) string {
	var b strings.Builder
	b.WriteString("<< /Nums [")
	prevStyle, prevNum := "", 0
	for i, pg := range pages {
		style, num := "D", 0
		if n, err := strconv.Atoi(pg.Folio); err == nil {
			num = n
		} else if n := unroman(pg.Folio); n > 0 {
			style, num = "r", n
		}
		if i > 0 && style == prevStyle && num == prevNum+1 {
			prevNum = num
			continue
		}
		fmt.Fprintf(&b, " %d << /S /%s /St %d >>", i, style, max(num, 1))
		prevStyle, prevNum = style, num
	}
	b.WriteString(" ] >>")
	return b.String()
}

// unroman reads lower-case roman numerals as written by roman; 0 when s
// is none.
func unroman(s string) int {
	if s == "" {
		return 0
	}
	for n := 1; n < 4000; n++ {
		if r := roman(n); len(r) == len(s) && r == s {
			return n
		}
	}
	return 0
}

// xmpPacket returns the document's XMP metadata: title, authors,
// description, subjects, language, rights and dates in Dublin Core,
// keywords and producer in the PDF schema, and the build date as the
// creation and modification dates, so the packet is as reproducible as
// the rest of the file.
func xmpPacket(meta book.Metadata, lang string, date time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	if lang == "" {
		lang = "x-default"
	}
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` + "\n")
	alt := func(tag, s string) {
		if s != "" {
			fmt.Fprintf(&b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></%s>\n", tag, esc(s), tag)
		}
	}
	list := func(tag, kind string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "<%s><rdf:%s>", tag, kind)
		for _, it := range items {
			fmt.Fprintf(&b, "<rdf:li>%s</rdf:li>", esc(it))
		}
		fmt.Fprintf(&b, "</rdf:%s></%s>\n", kind, tag)
	}
	title := meta.Title
	if meta.Subtitle != "" {
		title += ": " + meta.Subtitle
	}
	alt("dc:title", title)
	var authors []string
	for _, p := range meta.Authors {
		if p.Name != "" {
			authors = append(authors, p.Name)
		}
	}
	list("dc:creator", "Seq", authors)
	alt("dc:description", meta.Description)
	list("dc:subject", "Bag", meta.Subjects)
	list("dc:language", "Bag", []string{lang})
	alt("dc:rights", meta.Rights)
	if meta.Publisher != "" {
		list("dc:publisher", "Bag", []string{meta.Publisher})
	}
	if meta.Identifier != "" {
		fmt.Fprintf(&b, "<dc:identifier>%s</dc:identifier>\n", esc(meta.Identifier))
	}
	if len(meta.Subjects) > 0 {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(strings.Join(meta.Subjects, ", ")))
	}
	b.WriteString("<pdf:Producer>samizdat</pdf:Producer>\n<xmp:CreatorTool>samizdat</xmp:CreatorTool>\n")
	d := date.UTC().Format("2006-01-02T15:04:05Z")
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", d, d, d)
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}
