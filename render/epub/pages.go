package epub

import (
	"strings"

	"samizdat/book"
)

// titlePage writes the title page: title, subtitle, authors, publisher.
func (pg *page) titlePage() {
	m := pg.p.b.Meta
	pg.textLine("h1", pg.p.title(), "class", "title", "epub:type", "title")
	if m.Subtitle != "" {
		pg.textLine("p", m.Subtitle, "class", "subtitle", "epub:type", "subtitle")
	}
	for _, a := range m.Authors {
		pg.textLine("p", a.Name, "class", "author")
	}
	if m.Publisher != "" {
		pg.textLine("p", m.Publisher, "class", "publisher")
	}
}

// copyrightPage writes the rights statement, publisher, identifier, date
// and original source, each when the book has it.
func (pg *page) copyrightPage() {
	m := pg.p.b.Meta
	if m.Rights != "" {
		pg.textLine("p", m.Rights, "class", "rights")
	}
	if m.Source != "" {
		pg.textLine("p", m.Source, "class", "original-source")
	}
	if m.Publisher != "" {
		pg.textLine("p", m.Publisher, "class", "publisher")
	}
	if m.Date != "" {
		pg.lineStart("p", "class", "date")
		pg.date(m.Date)
		pg.lineEnd("p")
	}
	switch id := pg.p.ident; {
	case id.isbn != "":
		pg.textLine("p", "ISBN "+id.isbn, "class", "identifier")
	case id.other != "":
		pg.textLine("p", id.other, "class", "identifier")
	}
}

// coverPage shows the cover image alone.
func (pg *page) coverPage() {
	img := pg.p.coverImage
	alt := pg.p.title()
	if names := pg.p.authorNames(); names != "" {
		alt += ", " + names
	}
	pg.open("section", "id", "cover", "class", "cover", "epub:type", "cover")
	pg.empty("img", "src", "../"+img.href, "alt", alt, "role", "doc-cover")
	pg.close("section")
}

// authorNames joins the authors' names for alternative text.
func (p *plan) authorNames() string {
	var names []string
	for _, a := range p.b.Meta.Authors {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

// partPage writes a part's title page.
func (pg *page) partPage() {
	part := pg.doc.part
	id := xmlID(part.ID)
	if part.ID == "" {
		id = xmlID(pg.doc.itemID)
	}
	pg.open("section", "id", id, "class", "part", "epub:type", "part", "role", "doc-part")
	pg.lineStart("h1", "class", "part-title")
	pg.inlines(part.Title)
	pg.lineEnd("h1")
	pg.chapterNotes()
	pg.close("section")
}

// bibliography lists the works the book cites. Until citations are
// formatted from the bibliography files the entries are the citation
// keys, in order of first citation, so that the page is at least an
// accurate list of what is cited.
func (pg *page) bibliography() {
	var keys []string
	seen := map[string]bool{}
	for _, ch := range pg.p.b.AllChapters() {
		visit := func(blocks []book.Block) {
			book.WalkBlocks(blocks, func(b book.Block) bool {
				for _, ins := range book.BlockInlines(b) {
					book.WalkInlines(ins, func(in book.Inline) {
						if c, ok := in.(*book.Citation); ok {
							for _, it := range c.Items {
								if it.Key != "" && !seen[it.Key] {
									seen[it.Key] = true
									keys = append(keys, it.Key)
								}
							}
						}
					})
				}
				return true
			})
		}
		visit(ch.Blocks)
		for _, n := range ch.Notes {
			visit(n.Blocks)
		}
	}
	if len(keys) == 0 {
		pg.p.opt.Warnf(pg.doc.chapter.Source, "the bibliography is empty: the book cites nothing")
		return
	}
	pg.p.opt.Warnf(pg.doc.chapter.Source, "bibliography entries are shown as citation keys until citations are formatted")
	pg.open("ul", "class", "bibliography")
	for _, k := range keys {
		pg.textLine("li", k, "id", xmlID("bib-"+k))
	}
	pg.close("ul")
}
