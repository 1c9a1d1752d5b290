package pdf

import (
	"strings"

	"samizdat/book"
)

// frontStyle is the style of generated front-matter pages: no running
// head, no folio.
func frontStyle(recto bool) divStyle {
	return divStyle{recto: recto, matter: matterFront}
}

// startPage begins a generated page with an anchor at its top.
func startPage(ch *book.Chapter, st divStyle) []entry {
	return []entry{{kind: entryStart, div: &st}, marker([]Anchor{{ID: ch.ID}}, nil)}
}

// halfTitle is the first page: the title alone, a third down.
func (ts *typesetter) halfTitle(ch *book.Chapter) []entry {
	out := startPage(ch, frontStyle(true))
	out = append(out, fill(1))
	out = append(out, ts.textLines(ts.book.Meta.Title, FontRegular, 1.4)...)
	return append(out, fill(2))
}

// titlePage sets title, subtitle and authors in the upper part of a
// recto and the publisher at its foot.
func (ts *typesetter) titlePage(ch *book.Chapter) []entry {
	m := ts.book.Meta
	lead := ts.geo.leading
	out := startPage(ch, frontStyle(true))
	out = append(out, fill(1))
	out = append(out, ts.textLines(m.Title, FontBold, 2)...)
	if m.Subtitle != "" {
		out = append(out, space(0.5*lead))
		out = append(out, ts.textLines(m.Subtitle, FontItalic, 1.3)...)
	}
	out = append(out, space(3*lead))
	for _, a := range m.Authors {
		out = append(out, ts.textLines(a.Name, FontRegular, 1.25)...)
	}
	out = append(out, fill(3))
	return append(out, ts.textLines(m.Publisher, FontRegular, 1)...)
}

// copyright sets the rights, publisher, date and identifier low on the
// back of the title page, in small type.
func (ts *typesetter) copyright(ch *book.Chapter) []entry {
	m := ts.book.Meta
	e := ts.bodyEnv()
	e.size, e.leading = ts.geo.size*0.85, ts.geo.leading*0.85
	e.align, e.role = alignLeft, RoleTitle
	var paras [][]book.Inline
	add := func(ins ...book.Inline) { paras = append(paras, ins) }
	txt := func(s string) book.Inline { return &book.Text{Text: s} }
	if m.Title != "" {
		title := []book.Inline{&book.Emph{Inlines: []book.Inline{txt(m.Title)}}}
		if m.Subtitle != "" {
			title = append(title, txt(": "), &book.Emph{Inlines: []book.Inline{txt(m.Subtitle)}})
		}
		if names := joinNames(m.Authors); names != "" {
			title = append(title, txt(", by "+names))
		}
		add(title...)
	}
	if m.Rights != "" {
		add(txt(m.Rights))
	}
	var pub []string
	if m.Publisher != "" {
		pub = append(pub, "Published by "+m.Publisher)
	}
	if m.Date != "" {
		pub = append(pub, m.Date)
	}
	if len(pub) > 0 {
		add(txt(strings.Join(pub, ", ") + "."))
	}
	if id := identifier(m.Identifier); id != "" {
		add(txt(id))
	}
	out := startPage(ch, frontStyle(false))
	out = append(out, fill(1))
	for i, p := range paras {
		if i > 0 {
			out = append(out, space(0.6*e.leading))
		}
		out = append(out, ts.paragraph(p, ch.Source, e, 0)...)
	}
	return out
}

// identifier shows a book identifier as readers know it: "ISBN …" for an
// ISBN URN, the identifier as it is otherwise.
func identifier(id string) string {
	if rest, ok := strings.CutPrefix(strings.ToLower(id), "urn:isbn:"); ok {
		return "ISBN " + strings.ToUpper(rest)
	}
	return id
}

// dedication sets the dedication centred in italic, a third down a recto.
func (ts *typesetter) dedication(ch *book.Chapter) []entry {
	e := ts.bodyEnv()
	e.font, e.align = FontItalic, alignCenter
	out := startPage(ch, frontStyle(true))
	out = append(out, fill(1))
	out = ts.appendBlocks(out, ch.Blocks, e)
	return append(out, fill(2))
}

// epigraph sets the epigraph in a narrow column right of centre, a third
// down a recto, with an attribution line (one that starts with a dash)
// set flush right.
func (ts *typesetter) epigraph(ch *book.Chapter) []entry {
	e := ts.bodyEnv()
	e.left, e.width = 0.2*e.width, 0.7*e.width
	e.size, e.leading = e.size*0.95, e.leading*0.95
	e.align, e.font = alignLeft, FontItalic
	var blocks []book.Block
	for _, b := range ch.Blocks {
		if q, ok := b.(*book.BlockQuote); ok {
			blocks = append(blocks, withSource(q.Blocks, q.Source)...)
			continue
		}
		blocks = append(blocks, b)
	}
	out := startPage(ch, frontStyle(true))
	out = append(out, fill(1))
	for i, b := range blocks {
		if i > 0 {
			out = append(out, space(0.5*e.leading))
		}
		p, ok := b.(*book.Paragraph)
		if !ok {
			out = append(out, ts.block(b, e, false)...)
			continue
		}
		pe := e
		if attribution(p.Inlines) {
			pe.align, pe.font = alignRight, FontRegular
		}
		out = append(out, ts.paragraph(p.Inlines, p.Pos, pe, 0)...)
	}
	return append(out, fill(2))
}

// attribution reports whether a paragraph names a quotation's author:
// it starts with a dash.
func attribution(ins []book.Inline) bool {
	s := strings.TrimSpace(book.PlainText(ins))
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "―") || strings.HasPrefix(s, "–")
}
