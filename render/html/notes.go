package html

import (
	"strconv"

	"samizdat/book"
)

// noteRef writes a note reference: the note's number, raised, linking to
// the note, with an id of its own that the note links back to.
func (p *page) noteRef(r *book.NoteRef) {
	if r.Note == nil {
		p.opt.Warnf(p.pos, "a note reference without its note is left out")
		return
	}
	key := refKey{r.Note, r.Index}
	refID := p.ids.id(key)
	if p.refsDone[key] {
		refID = ""
	}
	p.refsDone[key] = true
	noteID := p.ids.id(r.Note)
	p.raw(`<sup class="noteref">`)
	if noteID == "" {
		p.opt.Warnf(p.pos, "note %q is not among any shown chapter's notes; its number is shown without a link", r.Note.ID)
		p.text(noteLabel(r.Note))
	} else {
		p.open("a", "id", refID, "href", "#"+noteID, "role", "doc-noteref")
		p.text(noteLabel(r.Note))
		p.close("a")
	}
	p.raw("</sup>")
}

// chapterNotes writes a division's notes at its end: as footnotes (a page
// has no page foot, so they follow the text) or as the chapter's
// endnotes. Notes placed at the book's end are written by bookNotes.
func (p *page) chapterNotes(ch *book.Chapter) {
	if len(ch.Notes) == 0 {
		return
	}
	switch p.b.Notes.Placement {
	case book.PlaceBookEnd:
		return
	case book.PlaceChapterEnd:
		p.open("section", "class", "endnotes", "role", "doc-endnotes", "aria-label", p.label("notes"))
		p.nl()
		p.open("h2")
		p.text(p.label("notes"))
		p.close("h2")
		p.nl()
		p.endnoteList(ch.Notes)
		p.close("section")
		p.nl()
	default:
		p.open("section", "class", "footnotes", "aria-label", p.label("footnotes"))
		p.nl()
		for _, n := range ch.Notes {
			p.footnote(n)
		}
		p.close("section")
		p.nl()
	}
}

// footnote writes one note as a footnote: its number, its text and its
// back-links.
func (p *page) footnote(n *book.Note) {
	p.pos = n.Source
	p.open("aside", "id", p.ids.id(n), "class", "footnote", "role", "doc-footnote")
	p.nl()
	p.flow(n.Blocks, flow{
		head: func() {
			p.raw(`<span class="note-label">`)
			p.text(noteLabel(n))
			p.raw("</span> ")
		},
		tail: func() { p.backlinks(n) },
	})
	p.close("aside")
	p.nl()
}

// endnoteList writes notes as a numbered list, each item numbered with
// the note's own number.
func (p *page) endnoteList(notes []*book.Note) {
	p.raw("<ol>\n")
	for _, n := range notes {
		p.pos = n.Source
		p.open("li", "id", p.ids.id(n), "value", positive(n.Number))
		p.nl()
		p.flow(n.Blocks, flow{tail: func() { p.backlinks(n) }})
		p.raw("</li>\n")
	}
	p.raw("</ol>\n")
}

// backlinks writes one link back to each reference to n; when there are
// several, they are told apart by letters (↩a ↩b).
func (p *page) backlinks(n *book.Note) {
	refs := p.ids.refs[n]
	for _, index := range refs {
		id := p.ids.id(refKey{n, index})
		if id == "" {
			continue
		}
		label := p.label("backlink") + " " + noteLabel(n)
		letter := ""
		if len(refs) > 1 {
			letter = refLetter(index)
			label += letter
		}
		p.raw(" ")
		p.open("a", "class", "backlink", "href", "#"+id, "role", "doc-backlink", "aria-label", label)
		// U+FE0E asks for the text form of the arrow, not an emoji.
		p.raw("↩\uFE0E")
		if letter != "" {
			p.raw("<sup>" + letter + "</sup>")
		}
		p.close("a")
	}
}

// noteLabel is the visible number of a note.
func noteLabel(n *book.Note) string { return strconv.Itoa(n.Number) }

// refLetter names the index-th reference to a note: a, b, … z, then
// numbers.
func refLetter(index int) string {
	if index >= 1 && index <= 26 {
		return string(rune('a' + index - 1))
	}
	return strconv.Itoa(index)
}

// bookNotes writes the notes division: every division's notes, grouped
// under the division's title, which links back to it.
func (p *page) bookNotes(ch *book.Chapter) {
	title := p.titleOf(ch)
	p.open("section", "id", p.ids.id(ch), "class", "division notes", "role", "doc-endnotes",
		"aria-label", book.PlainText(title))
	p.nl()
	p.open("h1")
	p.plainInlines(title)
	p.close("h1")
	p.nl()
	group := func(c *book.Chapter) {
		if len(c.Notes) == 0 {
			return
		}
		p.raw(`<section class="notes-chapter">` + "\n")
		p.open("h2")
		p.tocLink(p.ids.id(c), p.displayTitle(c))
		p.close("h2")
		p.nl()
		p.endnoteList(c.Notes)
		p.raw("</section>\n")
	}
	for _, c := range p.l.front {
		group(c)
	}
	for _, part := range p.l.parts {
		for _, c := range part.Chapters {
			if c != nil {
				group(c)
			}
		}
	}
	for _, c := range p.l.back {
		group(c)
	}
	p.close("section")
	p.nl()
}
