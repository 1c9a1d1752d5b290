package epub

// titlePage writes the title page: title, subtitle, authors, publisher.
func (pg *page) titlePage() {
	m := pg.p.b.Meta
	pg.textLine("h1", pg.p.title(), "class", "title", "epub:type", "title")
	if m.Subtitle != "" {
		pg.textLine("p", m.Subtitle, "class", "subtitle", "epub:type", "subtitle", "role", "doc-subtitle")
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
