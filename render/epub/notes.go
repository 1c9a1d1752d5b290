package epub

import (
	"strconv"

	"samizdat/book"
)

// Note markup. Reading systems decide from the markup whether a note
// reference opens a pop-up, and each has its own failure modes; the
// choices below avoid every one reported:
//
//   - Apple Books will not open the pop-up when the link holds any
//     element, <sup> included (jgm/pandoc#1995). The reference is a bare
//     <a epub:type="noteref" role="doc-noteref">N</a>, raised by the
//     stylesheet (a.noteref { vertical-align: super }) instead of by
//     markup. Apple Books pops up a target marked footnote on an aside,
//     div or p, hiding an aside from the running text, which is what a
//     footnote is in an e-book; current versions also pop up
//     epub:type="endnote" list items, Standard Ebooks' endnote markup
//     (standardebooks/tools#878; older iPad versions did not,
//     w3c/epubcheck#1057).
//   - Kobo pops up any target marked epub:type="footnote" or "endnote"
//     that comes after the reference, in the same file or another, and
//     holds between 9 and 5000 characters (kobolabs/epub-spec, "Footnotes/
//     Endnotes"); it ignores noteref alone (kobolabs/epub-spec#45).
//     Footnotes are therefore asides at the very end of their chapter's
//     document, after every reference to them; endnotes are list items
//     carrying the id and epub:type themselves, never an aside inside an
//     item (kobolabs/epub-spec#8).
//   - Kindle runs consecutive notes together in its pop-up when the back
//     link sits at the end of a note (jgm/pandoc#4491, #8676). Every note
//     starts with its number as the back link, as the Amazon publishing
//     guidelines and the DAISY knowledge base show. The element with
//     the id holds the whole note, number and text (Thorium shows a
//     pop-up blank when the target holds only a back link,
//     edrlab/thorium-reader#2478).
//   - KOReader pops up targets by epub:type (footnote, endnote) or DPUB
//     role, so both are given where ARIA allows them.
//
// Repeated references get distinct ids (ref-NOTE-INDEX); the back link
// goes to the first one. Endnotes carry no ARIA role of their own:
// doc-endnote is deprecated in DPUB-ARIA 1.1, and the enclosing section's
// doc-endnotes says what the list is.

// noteRef writes a reference to a note.
func (pg *page) noteRef(r *book.NoteRef) {
	id, ok := pg.p.refIDs[r]
	if !ok {
		return // a reference without a note; the plan warned about it
	}
	home := pg.p.noteHome[r.Note]
	href := pg.p.href(pg.doc, target{file: home.file, frag: xmlID(r.Note.ID)})
	pg.startTag("a", "href", href, "id", id, "class", "noteref", "epub:type", "noteref", "role", "doc-noteref")
	pg.WriteString(strconv.Itoa(r.Note.Number))
	pg.WriteString("</a>")
}

// chapterNotes writes the notes this document shows at its end: as
// footnote asides, or as an endnotes section for chapter-end placement.
func (pg *page) chapterNotes() {
	notes := pg.doc.notes
	if len(notes) == 0 {
		return
	}
	if pg.p.b.Notes.Placement == book.PlaceChapterEnd {
		pg.open("section", "class", "endnotes", "epub:type", "endnotes", "role", "doc-endnotes")
		pg.textLine("h2", pg.p.labels.notes)
		pg.noteList(notes)
		pg.close("section")
		return
	}
	for i, n := range notes {
		class := "footnote"
		if i == 0 {
			class += " first"
		}
		pg.open("aside", "id", xmlID(n.ID), "class", class, "epub:type", "footnote", "role", "doc-footnote")
		pg.noteBody(n)
		pg.close("aside")
	}
}

// bookNotes writes the notes division of a book with notes at its end:
// every division's notes under that division's title, which links back
// to it.
func (pg *page) bookNotes() {
	for _, g := range pg.doc.groups {
		lang := ""
		if g.doc.lang != pg.doc.lang {
			lang = g.doc.lang
		}
		gid := "notes-" + xmlID(g.doc.itemID)
		if g.doc.chapter != nil && g.doc.chapter.ID != "" {
			gid = "notes-" + xmlID(g.doc.chapter.ID)
		}
		pg.open("section", "id", gid, "class", "notes-group", "lang", lang, "xml:lang", lang, "dir", dirChange(pg.doc.lang, g.doc.lang))
		pg.lineStart("h2")
		pg.startTag("a", "href", g.doc.file)
		pg.text(g.doc.title)
		pg.WriteString("</a>")
		pg.lineEnd("h2")
		pg.noteList(g.notes)
		pg.close("section")
	}
}

// noteList writes notes as an ordered list whose numbering matches the
// notes' numbers; the visible number is the back link, so the list's own
// markers are hidden by the stylesheet.
func (pg *page) noteList(notes []*book.Note) {
	consecutive := true
	for i := 1; i < len(notes); i++ {
		if notes[i].Number != notes[i-1].Number+1 {
			consecutive = false
		}
	}
	start := ""
	if consecutive && notes[0].Number != 1 {
		start = strconv.Itoa(notes[0].Number)
	}
	pg.open("ol", "class", "notes", "start", start)
	for _, n := range notes {
		value := ""
		if !consecutive {
			value = strconv.Itoa(n.Number)
		}
		pg.open("li", "id", xmlID(n.ID), "class", "endnote", "epub:type", "endnote", "value", value)
		pg.noteBody(n)
		pg.close("li")
	}
	pg.close("ol")
}

// noteBody writes a note's text, beginning with its number as a link back
// to its first reference.
func (pg *page) noteBody(n *book.Note) {
	num := strconv.Itoa(n.Number)
	back := func() {
		if f, ok := pg.p.firstRef[n]; ok {
			href := pg.p.href(pg.doc, target{file: f.doc.file, frag: f.id})
			pg.startTag("a", "href", href, "class", "note-number", "role", "doc-backlink")
			pg.WriteString(num)
			pg.WriteString("</a>. ")
			return
		}
		pg.WriteString(`<span class="note-number">` + num + `</span>. `)
	}
	if len(n.Blocks) > 0 {
		if _, ok := n.Blocks[0].(*book.Paragraph); ok {
			pg.block(n.Blocks[0], back, nil)
			pg.blocks(n.Blocks[1:])
			return
		}
	}
	pg.lineStart("p", "class", "note-number-line")
	back()
	pg.lineEnd("p")
	pg.blocks(n.Blocks)
}
