package pdf

import (
	"samizdat/book"
)

// contents lays out the table of contents: the titled divisions that
// follow it in the front matter, the parts and their chapters (with an
// article's authors under its title), and the titled back matter, each
// with its page number and linked to it. The numbers have a column of
// their own, so they change no line: the paginator writes them in when
// the pages they name are made.
func (ts *typesetter) contents(ch *book.Chapter) []entry {
	st := divStyle{recto: true, matter: matterFront, folios: true}
	out := ts.opening(ch, st, 0)
	after := false
	for _, f := range ts.book.Front {
		if f == ch {
			after = true
			continue
		}
		if after && listed(f) {
			out = append(out, ts.tocEntry(titleOf(f), f.ID, 0, FontRegular, nil)...)
		}
	}
	indent := 0.0
	for _, p := range ts.book.Parts {
		if len(p.Title) > 0 {
			out = append(out, space(0.6*ts.geo.leading))
			out = append(out, ts.tocEntry(p.Title, p.ID, 0, FontBold, nil)...)
			indent = 1.5 * ts.geo.size
		}
		for _, c := range p.Chapters {
			out = append(out, ts.tocEntry(titleOf(c), c.ID, indent, FontRegular, c.Byline)...)
		}
	}
	first := true
	for _, b := range ts.book.Back {
		if !listed(b) || b.Kind == book.KindNotes && (ts.book.Notes.Placement != book.PlaceBookEnd || !bookHasNotes(ts.book)) {
			continue
		}
		if first {
			out = append(out, space(0.6*ts.geo.leading))
			first = false
		}
		out = append(out, ts.tocEntry(titleOf(b), b.ID, 0, FontRegular, nil)...)
	}
	return out
}

// listed reports whether a front or back division appears in the
// contents: those with a title of their own, that are laid out.
func listed(ch *book.Chapter) bool {
	switch ch.Kind {
	case book.KindPreface, book.KindChapter, book.KindColophon, book.KindNotes:
		return len(titleOf(ch)) > 0
	case book.KindBibliography:
		return len(ch.Blocks) > 0
	}
	return false
}

// tocEntry sets one line of the contents: the title, hanging from indent,
// and the page number flush right on its last line, all of it a link to
// the division. An article's authors follow in italic.
func (ts *typesetter) tocEntry(title []book.Inline, id string, indent float64, f Font, by *book.Byline) []entry {
	e := ts.bodyEnv()
	numCol := ts.width(FontRegular, "0000", e.size) + e.em()
	e.left, e.width = indent, e.width-indent-numCol
	e.font, e.align, e.role, e.hyphenate = f, alignLeft, RoleTitle, false
	es := ts.setItems(ts.items(withoutNotes(title), e.span(), book.Pos{}), e, 0)
	titleLines := len(es)
	if by != nil {
		be := e
		be.font, be.size, be.leading = FontItalic, e.size*0.9, e.leading*0.9
		be.left += e.em()
		be.width -= e.em()
		es = append(es, ts.paragraph([]book.Inline{&book.Text{Text: joinNames(by.Authors)}}, book.Pos{}, be, 0)...)
	}
	if len(es) == 0 {
		return nil
	}
	measure := ts.geo.measure()
	for i := range es {
		es[i].keep = i < len(es)-1
		es[i].Links = append(es[i].Links, Link{Rect: Rect{X: indent, W: measure - indent, H: es[i].height}, Dest: id})
	}
	if titleLines > 0 {
		// The number goes on the title's last line, not the authors',
		// once the division's page is known.
		last := titleLines - 1
		es[last].number = &pageNumber{id: id, right: measure, base: es[last].baseline, size: e.size}
	}
	return es
}

// withoutNotes returns inlines with note references taken out, for
// titles repeated in the contents.
func withoutNotes(ins []book.Inline) []book.Inline {
	out := make([]book.Inline, 0, len(ins))
	for _, in := range ins {
		switch n := in.(type) {
		case *book.NoteRef:
			continue
		case *book.Emph:
			in = &book.Emph{Inlines: withoutNotes(n.Inlines)}
		case *book.Strong:
			in = &book.Strong{Inlines: withoutNotes(n.Inlines)}
		case *book.Strike:
			in = &book.Strike{Inlines: withoutNotes(n.Inlines)}
		case *book.Link:
			in = &book.Link{URL: n.URL, Title: n.Title, Inlines: withoutNotes(n.Inlines)}
		}
		out = append(out, in)
	}
	return out
}
