package epub

import (
	"slices"
	"strconv"
	"strings"

	"samizdat/book"
)

// Print page numbers. A book marked by the print renderer (see
// render.PageMarker) carries a book.PageBreak where each page of the
// print edition begins. Each becomes an empty span that assistive
// technology announces as a page break (epub:type="pagebreak",
// role="doc-pagebreak", the page number as its aria-label); the
// navigation document lists them all in a page-list, and the package
// metadata names the print edition they come from (pageBreakSource) and
// declares the printPageNumbers and pageNavigation features.

// pageBreakInfo is one print page break: its page number as printed, the
// document that shows it and its id there.
type pageBreakInfo struct {
	brk   *book.PageBreak
	label string
	doc   *document
	id    string
}

// pageBreak records a page break shown in document at, in reading order.
// A break without a page number cannot be announced and is left out.
func (p *plan) pageBreak(at *document, n *book.PageBreak, pos book.Pos) {
	label := book.OneLine(n.Label)
	if label == "" {
		p.opt.Warnf(pos, "a print page break without a page number is left out")
		return
	}
	if _, seen := p.pageIDs[n]; seen {
		return
	}
	p.pageIDs[n] = ""
	p.pageBreaks = append(p.pageBreaks, pageBreakInfo{brk: n, label: label, doc: at})
}

// namePageBreaks gives every page break its id, "page-" and the page
// number made an XML name ("page-23", "page-iv"), once every other id of
// the publication is known, so that none clashes with a heading, note or
// note reference; a page number printed twice gets "page-23-2".
func (p *plan) namePageBreaks() {
	if len(p.pageBreaks) == 0 {
		return
	}
	// The walk visits note texts after every division's own text; a
	// document shows its notes after its text, so reading order is the
	// documents' order, the walk's within each.
	order := map[*document]int{}
	for i, d := range p.docs {
		order[d] = i
	}
	slices.SortStableFunc(p.pageBreaks, func(a, b pageBreakInfo) int { return order[a.doc] - order[b.doc] })
	used := map[string]bool{}
	for _, t := range p.targets {
		if t.frag != "" {
			used[t.frag] = true
		}
	}
	for id := range p.refIDUsed {
		used[id] = true
	}
	for i := range p.pageBreaks {
		pb := &p.pageBreaks[i]
		want := xmlID("page-" + strings.ReplaceAll(pb.label, " ", "-"))
		id := want
		for n := 2; used[id]; n++ {
			id = want + "-" + strconv.Itoa(n)
		}
		used[id] = true
		pb.id = id
		p.pageIDs[pb.brk] = id
	}
}

// pageBreak writes a page break's marker.
func (pg *page) pageBreak(n *book.PageBreak) {
	id := pg.p.pageIDs[n]
	if id == "" {
		return
	}
	pg.emptyTag("span", "epub:type", "pagebreak", "role", "doc-pagebreak", "id", id, "aria-label", book.OneLine(n.Label))
}

// pageList writes the page-list navigation: a link to every print page
// break in reading order. It is hidden, as readers offer it as "go to
// page" rather than as a list to read.
func (pg *page) pageList() {
	p := pg.p
	if len(p.pageBreaks) == 0 {
		return
	}
	pg.open("nav", "id", "page-list", "class", "page-list", "epub:type", "page-list", "hidden", "hidden")
	pg.textLine("h2", p.labels.pages)
	pg.open("ol")
	for _, pb := range p.pageBreaks {
		pg.lineStart("li")
		pg.startTag("a", "href", p.href(p.nav, target{file: pb.doc.file, frag: pb.id}))
		pg.text(pb.label)
		pg.WriteString("</a>")
		pg.lineEnd("li")
	}
	pg.close("ol")
	pg.close("nav")
}

// hasPageList reports whether the publication carries print page numbers.
func (p *plan) hasPageList() bool { return len(p.pageBreaks) > 0 }

// pageSource names the print edition the page breaks come from: its
// ISBN as urn:isbn:DIGITS, as the accessibility guidance writes it, or
// the name the model gives, else the book's title.
func (p *plan) pageSource() string {
	s := strings.TrimSpace(p.b.Meta.PageSource)
	if digits, _, ok := parseISBN(s); ok {
		return "urn:isbn:" + digits
	}
	if s != "" {
		return s
	}
	return p.title()
}
