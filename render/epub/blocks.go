package epub

import (
	"strconv"
	"strings"

	"samizdat/book"
)

// blocks writes a sequence of blocks.
func (pg *page) blocks(bs []book.Block) {
	for _, b := range bs {
		pg.block(b, nil, nil)
	}
}

// block writes one block. before and after, when set, add inline content
// at the start and end of a paragraph (a note's back link, a quotation's
// source marker).
func (pg *page) block(b book.Block, before, after func()) {
	pg.pos = b.Position()
	switch n := b.(type) {
	case *book.Paragraph:
		pg.lineStart("p")
		if before != nil {
			before()
		}
		pg.inlines(n.Inlines)
		if after != nil {
			after()
		}
		pg.lineEnd("p")
	case *book.Heading:
		pg.headingBlock(n)
	case *book.BlockQuote:
		pg.blockQuote(n)
	case *book.List:
		pg.list(n)
	case *book.DefinitionList:
		pg.definitionList(n)
	case *book.CodeBlock:
		pg.codeBlock(n)
	case *book.Table:
		pg.table(n)
	case *book.SectionBreak:
		// The ornament is drawn by the stylesheet; the hr keeps the break
		// meaningful ("a change of topic") for readers without CSS.
		pg.empty("hr", "class", "section-break")
	case *book.Figure:
		pg.figure(n)
	default:
		pg.p.opt.Warnf(pg.pos, "block of type %T is not supported by the EPUB writer and is left out", b)
	}
}

// headingBlock writes a section heading inside a division; levels outside
// 2–6 are brought into range (h1 is the division's title), and a heading
// never goes more than one level deeper than the one before it, since
// screen readers navigate by level and a skipped level reads as a
// missing section (WCAG 1.3.1).
func (pg *page) headingBlock(h *book.Heading) {
	level := min(max(h.Level, 2), 6, max(pg.level, 1)+1)
	pg.level = level
	tag := "h" + strconv.Itoa(level)
	id := ""
	if h.ID != "" {
		id = xmlID(h.ID)
	}
	pg.lineStart(tag, "id", id, "class", classList(h.Classes))
	pg.inlines(h.Inlines)
	pg.lineEnd(tag)
}

// blockQuote writes a quotation. Its source marker (a note reference or a
// citation taken off the last paragraph) goes back after the quotation's
// closing words, or on a line of its own when the quotation does not end
// with a paragraph.
func (pg *page) blockQuote(q *book.BlockQuote) {
	pg.open("blockquote")
	// A citation was separated from the closing words by a space; a note
	// reference follows them directly.
	src := func() {
		if _, isCite := q.Source.(*book.Citation); isCite {
			pg.WriteByte(' ')
		}
		pg.inlines([]book.Inline{q.Source})
	}
	own := func() {
		pg.lineStart("p", "class", "quote-source")
		pg.inlines([]book.Inline{q.Source})
		pg.lineEnd("p")
	}
	last := len(q.Blocks) - 1
	endsInParagraph := false
	if last >= 0 {
		_, endsInParagraph = q.Blocks[last].(*book.Paragraph)
	}
	for i, b := range q.Blocks {
		if i == last && endsInParagraph && q.Source != nil {
			pg.block(b, nil, src)
			continue
		}
		pg.block(b, nil, nil)
	}
	if q.Source != nil && !endsInParagraph {
		own()
	}
	pg.close("blockquote")
}

// list writes a bulleted or numbered list. In a tight list an item's
// first paragraph is written without a p element, as its text alone.
func (pg *page) list(l *book.List) {
	tag := "ul"
	var attrs []string
	if l.Ordered {
		tag = "ol"
		if l.Start != 0 && l.Start != 1 {
			attrs = append(attrs, "start", strconv.Itoa(l.Start))
		}
	}
	pg.open(tag, attrs...)
	for _, it := range l.Items {
		pg.listItem(it.Blocks, l.Tight)
	}
	pg.close(tag)
}

func (pg *page) listItem(bs []book.Block, tight bool) {
	if len(bs) == 0 {
		pg.lineStart("li")
		pg.lineEnd("li")
		return
	}
	first, ok := bs[0].(*book.Paragraph)
	if !tight || !ok {
		pg.open("li")
		pg.blocks(bs)
		pg.close("li")
		return
	}
	pg.pos = first.Pos
	pg.lineStart("li")
	pg.inlines(first.Inlines)
	if len(bs) == 1 {
		pg.lineEnd("li")
		return
	}
	pg.WriteByte('\n')
	pg.depth++
	pg.blocks(bs[1:])
	pg.close("li")
}

// definitionList writes terms and their definitions.
func (pg *page) definitionList(dl *book.DefinitionList) {
	pg.open("dl")
	for _, d := range dl.Items {
		pg.lineStart("dt")
		pg.inlines(d.Term)
		pg.lineEnd("dt")
		for _, def := range d.Defs {
			if len(def) == 1 {
				if par, ok := def[0].(*book.Paragraph); ok {
					pg.lineStart("dd")
					pg.inlines(par.Inlines)
					pg.lineEnd("dd")
					continue
				}
			}
			pg.open("dd")
			pg.blocks(def)
			pg.close("dd")
		}
	}
	pg.close("dl")
}

// codeBlock writes preformatted text. The text is written exactly, with no
// indentation added, and its language as a class (language-sh), the
// convention highlighters and stylesheets expect.
func (pg *page) codeBlock(c *book.CodeBlock) {
	lang := ""
	if c.Lang != "" {
		lang = "language-" + safeName(c.Lang, "text")
	}
	pg.indent()
	pg.startTag("pre")
	pg.startTag("code", "class", lang)
	pg.text(strings.TrimSuffix(c.Text, "\n"))
	pg.WriteString("</code></pre>\n")
}

// table writes a table with a header row. Column alignment is a class
// (align-left, align-center, align-right) styled by the stylesheet, since
// the align attribute is not valid HTML5.
func (pg *page) table(t *book.Table) {
	align := func(i int) string {
		if i >= len(t.Align) {
			return ""
		}
		switch t.Align[i] {
		case book.AlignLeft:
			return "align-left"
		case book.AlignCenter:
			return "align-center"
		case book.AlignRight:
			return "align-right"
		}
		return ""
	}
	pg.open("table")
	if len(t.Head) > 0 {
		pg.open("thead")
		pg.open("tr")
		for i, cell := range t.Head {
			pg.lineStart("th", "scope", "col", "class", align(i))
			pg.inlines(cell)
			pg.lineEnd("th")
		}
		pg.close("tr")
		pg.close("thead")
	}
	if len(t.Rows) > 0 {
		pg.open("tbody")
		for _, row := range t.Rows {
			pg.open("tr")
			for i, cell := range row {
				pg.lineStart("td", "class", align(i))
				pg.inlines(cell)
				pg.lineEnd("td")
			}
			pg.close("tr")
		}
		pg.close("tbody")
	}
	pg.close("table")
}

// figure writes an image with its caption.
func (pg *page) figure(f *book.Figure) {
	pg.open("figure")
	if f.Image != nil {
		pg.indent()
		alt := f.Image.Alt
		if strings.TrimSpace(alt) == "" {
			alt = book.PlainText(f.Caption)
		}
		pg.image(f.Image, alt)
		pg.WriteByte('\n')
	}
	if len(f.Caption) > 0 {
		pg.lineStart("figcaption")
		pg.inlines(f.Caption)
		pg.lineEnd("figcaption")
	}
	pg.close("figure")
}

// classList joins class names, dropping characters a class cannot hold.
func classList(classes []string) string {
	var out []string
	for _, c := range classes {
		if c = safeName(c, ""); c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}
