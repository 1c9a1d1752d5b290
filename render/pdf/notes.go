package pdf

import (
	"strconv"

	"samizdat/book"
)

// footnoteEnv is the setting of footnotes: smaller type across the full
// measure.
func (ts *typesetter) footnoteEnv() env {
	size := ts.geo.size * 0.8
	return env{width: ts.geo.measure(), size: size, leading: size * 1.25, role: RoleNote, align: alignJustify, markLevel: -1, hyphenate: true}
}

// endnoteEnv is the setting of notes collected at a chapter's or the
// book's end.
func (ts *typesetter) endnoteEnv() env {
	size := ts.geo.size * 0.9
	return env{width: ts.geo.measure(), size: size, leading: size * 1.3, role: RoleNote, align: alignJustify, markLevel: -1, hyphenate: true}
}

// note lays out one note: its number, hanging, then its blocks. The
// number links back to the note's first reference and the note's first
// line is the target of the references' links.
func (ts *typesetter) note(n *book.Note, e env) []entry {
	defer ts.setLang(ts.noteLang[n])()
	num := strconv.Itoa(n.Number)
	hang := max(ts.width(e.font, num, e.size), ts.width(e.font, "00", e.size)) + 0.5*e.em()
	ne := e
	ne.left += hang
	ne.width -= hang
	es := ts.blocks(n.Blocks, ne)
	if firstBox(es) < 0 {
		es = append(es, lineBox(Content{}, nil, e.leading, baselineIn(e.size, e.leading)))
	}
	w := ts.width(e.font, num, e.size)
	t := Text{X: e.left, Font: e.font, Size: e.size, Text: num, Width: w, Role: RoleNote}
	es = ts.label(es, t, e)
	i := firstBox(es)
	es[i].Anchors = append(es[i].Anchors, Anchor{ID: noteAnchor(n)})
	if n.Refs > 0 {
		base := es[i].baseline
		if base == 0 {
			base = baselineIn(e.size, e.leading)
		}
		es[i].Links = append(es[i].Links, Link{Rect: Rect{X: e.left, Y: base - 0.8*e.size, W: w, H: 1.05 * e.size}, Dest: refAnchor(n, 1)})
	}
	return es
}

// footnote returns the galley entries of a footnote, laid out once.
func (ts *typesetter) footnote(cache map[*book.Note][]entry, n *book.Note) []entry {
	if es, ok := cache[n]; ok {
		return es
	}
	es := ts.note(n, ts.footnoteEnv())
	cache[n] = es
	return es
}

// noteList lays out notes one after the other, a little apart.
func (ts *typesetter) noteList(notes []*book.Note) []entry {
	e := ts.endnoteEnv()
	var out []entry
	for i, n := range notes {
		if i > 0 {
			out = append(out, space(0.3*e.leading))
		}
		out = append(out, ts.note(n, e)...)
	}
	return out
}

// chapterNotes is the "Notes" section that ends a chapter when notes are
// placed at chapter ends.
func (ts *typesetter) chapterNotes(ch *book.Chapter, e env) []entry {
	if len(ch.Notes) == 0 {
		return nil
	}
	h := &book.Heading{Level: 2, Inlines: []book.Inline{&book.Text{Text: "Notes"}}, Pos: ch.Source}
	he := e
	he.markLevel = -1
	out := []entry{space(1.5 * e.leading)}
	out = append(out, ts.heading(h, he)...)
	out = append(out, space(0.5*e.leading))
	return append(out, ts.noteList(ch.Notes)...)
}

// bookNotes is the body of the Notes division when notes are placed at
// the book's end: every chapter's notes under the chapter's title.
func (ts *typesetter) bookNotes(e env) []entry {
	var out []entry
	for _, ch := range ts.book.AllChapters() {
		if len(ch.Notes) == 0 {
			continue
		}
		title := ch.Title
		if len(title) == 0 {
			title = []book.Inline{&book.Text{Text: ch.Kind.String()}}
		}
		he := e
		he.markLevel = -1
		if len(out) > 0 {
			out = append(out, space(e.leading))
		}
		out = append(out, ts.heading(&book.Heading{Level: 3, Inlines: title, Pos: ch.Source}, he)...)
		out = append(out, space(0.25*e.leading))
		out = append(out, ts.noteList(ch.Notes)...)
	}
	return out
}
