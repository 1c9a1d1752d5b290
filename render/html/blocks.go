package html

import (
	"strconv"
	"strings"

	"samizdat/book"
)

// flow says how a run of blocks is written: tight runs (items of tight
// lists, one-paragraph definitions) drop the <p> around paragraphs; head
// and tail, when set, write markup at the start of the first and the end
// of the last paragraph — a note's number, its back-links, a quotation's
// source marker — or in a paragraph of their own when the run does not
// start or end with one.
type flow struct {
	tight      bool
	head, tail func()
}

// blocks writes a run of blocks with tail at the end of its last
// paragraph.
func (p *page) blocks(blocks []book.Block, tail func()) {
	p.flow(blocks, flow{tail: tail})
}

// flow writes a run of blocks as f says.
func (p *page) flow(blocks []book.Block, f flow) {
	if f.head != nil {
		if len(blocks) == 0 || !isParagraph(blocks[0]) {
			p.wrapped(f.tight, f.head)
			f.head = nil
		}
	}
	last := len(blocks) - 1
	for i, b := range blocks {
		p.pos = b.Position()
		if para, ok := b.(*book.Paragraph); ok {
			var head, tail func()
			if i == 0 {
				head = f.head
			}
			if i == last {
				tail = f.tail
			}
			p.paragraph(para, f.tight, head, tail)
			if f.tight && i != last {
				p.nl()
			}
			continue
		}
		p.block(b)
	}
	if f.tail != nil && (len(blocks) == 0 || !isParagraph(blocks[last])) {
		p.wrapped(f.tight, f.tail)
	}
}

func isParagraph(b book.Block) bool {
	_, ok := b.(*book.Paragraph)
	return ok
}

// wrapped writes the markup fn makes as a paragraph of its own.
func (p *page) wrapped(tight bool, fn func()) {
	if !tight {
		p.raw("<p>")
	}
	fn()
	if !tight {
		p.raw("</p>")
	}
	p.nl()
}

// paragraph writes a paragraph, bare in a tight run (where the caller
// ends the line, so that a lone paragraph closes on its item's line), with
// head and tail inside it.
func (p *page) paragraph(para *book.Paragraph, tight bool, head, tail func()) {
	if !tight {
		p.raw("<p>")
	}
	if head != nil {
		head()
	}
	p.inlines(para.Inlines)
	if tail != nil {
		tail()
	}
	if !tight {
		p.raw("</p>")
		p.nl()
	}
}

// block writes one block other than a paragraph.
func (p *page) block(b book.Block) {
	switch n := b.(type) {
	case *book.Paragraph:
		p.paragraph(n, false, nil, nil)
	case *book.Heading:
		p.heading(n)
	case *book.BlockQuote:
		p.raw("<blockquote>\n")
		var tail func()
		if n.Source != nil {
			tail = func() { p.inline(n.Source) }
		}
		p.blocks(n.Blocks, tail)
		p.raw("</blockquote>\n")
	case *book.List:
		p.list(n)
	case *book.DefinitionList:
		p.raw("<dl>\n")
		for _, d := range n.Items {
			p.raw("<dt>")
			p.inlines(d.Term)
			p.raw("</dt>\n")
			for _, def := range d.Defs {
				p.raw("<dd>")
				compact := len(def) == 1 && isParagraph(def[0])
				if !compact {
					p.nl()
				}
				p.flow(def, flow{tight: compact})
				p.raw("</dd>\n")
			}
		}
		p.raw("</dl>\n")
	case *book.CodeBlock:
		p.raw("<pre>")
		class := ""
		if lang := className(n.Lang); lang != "" {
			class = "language-" + lang
		}
		p.open("code", "class", class)
		p.text(n.Text)
		p.raw("</code></pre>\n")
	case *book.Table:
		p.table(n)
	case *book.SectionBreak:
		p.void("hr", "class", "section-break")
		p.nl()
	case *book.Figure:
		p.raw("<figure>\n")
		if n.Image != nil {
			p.image(n.Image, n.Pos)
		}
		p.nl()
		if len(n.Caption) > 0 {
			p.raw("<figcaption>")
			p.inlines(n.Caption)
			p.raw("</figcaption>\n")
		}
		p.raw("</figure>\n")
	default:
		p.opt.Warnf(b.Position(), "html: block of type %T is not supported and is left out", b)
	}
}

// heading writes a heading of level 2 to 6 with its id.
func (p *page) heading(h *book.Heading) {
	level := h.Level
	if level < 2 || level > 6 {
		p.opt.Warnf(h.Pos, "heading level %d is outside 2–6; written as level %d", h.Level, min(max(level, 2), 6))
		level = min(max(level, 2), 6)
	}
	tag := "h" + strconv.Itoa(level)
	p.open(tag, "id", p.ids.id(h), "class", strings.Join(h.Classes, " "))
	p.inlines(h.Inlines)
	p.close(tag)
	p.nl()
}

// list writes a bulleted or numbered list; a numbered list that does not
// start at 1 says where it starts.
func (p *page) list(l *book.List) {
	tag := "ul"
	start := ""
	if l.Ordered {
		tag = "ol"
		if l.Start != 0 && l.Start != 1 {
			start = strconv.Itoa(l.Start)
		}
	}
	p.open(tag, "start", start)
	p.nl()
	for _, it := range l.Items {
		p.raw("<li>")
		if !l.Tight || len(it.Blocks) == 0 || !isParagraph(it.Blocks[0]) {
			p.nl()
		}
		p.flow(it.Blocks, flow{tight: l.Tight})
		p.raw("</li>\n")
	}
	p.close(tag)
	p.nl()
}

// table writes a table with a header row and body rows; each cell carries
// its column's alignment as a class.
func (p *page) table(t *book.Table) {
	p.raw("<table>\n")
	if len(t.Head) > 0 {
		p.raw("<thead>\n<tr>")
		for i, cell := range t.Head {
			p.open("th", "scope", "col", "class", alignClass(t.Align, i))
			p.inlines(cell)
			p.raw("</th>")
		}
		p.raw("</tr>\n</thead>\n")
	}
	if len(t.Rows) > 0 {
		p.raw("<tbody>\n")
		for _, row := range t.Rows {
			p.raw("<tr>")
			for i, cell := range row {
				p.open("td", "class", alignClass(t.Align, i))
				p.inlines(cell)
				p.raw("</td>")
			}
			p.raw("</tr>\n")
		}
		p.raw("</tbody>\n")
	}
	p.raw("</table>\n")
}

// alignClass is the class of column i's cells, "" for default alignment.
func alignClass(aligns []book.Align, i int) string {
	if i >= len(aligns) {
		return ""
	}
	switch aligns[i] {
	case book.AlignLeft:
		return "align-left"
	case book.AlignCenter:
		return "align-center"
	case book.AlignRight:
		return "align-right"
	}
	return ""
}
