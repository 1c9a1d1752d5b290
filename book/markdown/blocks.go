package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"samizdat/book"
)

// chapter turns the document into a chapter. The title is the front
// matter's, else a level-1 heading that opens the text (which is then not
// repeated as a block).
func (r *reader) chapter(root ast.Node, title string) *book.Chapter {
	ch := &book.Chapter{Kind: book.KindChapter, Source: book.Pos{File: r.file, Line: 1, Col: 1}}
	first := firstContent(root)
	// A level-1 heading that opens the text is the title, unless front
	// matter gives a different one (then it is a heading of the text).
	if h, ok := first.(*ast.Heading); ok && h.Level == 1 && (title == "" || headingText(h, r.src) == title) {
		ch.Title = r.inlines(h)
		ch.Source = r.pos(r.blockOffset(h))
		r.chapterID = r.claimID(attr(h, "id"), book.Slug(book.PlainText(ch.Title), true, r.opt.FallbackID), true, h)
		root.RemoveChild(root, h)
	} else {
		if title != "" {
			ch.Title = []book.Inline{&book.Text{Text: title}}
		}
		r.chapterID = r.opt.IDs.Unique(book.Slug(title, true, r.opt.FallbackID))
	}
	ch.ID = r.chapterID
	ch.Blocks = r.blocks(root)
	ch.Notes = r.order
	for i, n := range ch.Notes {
		n.ID = r.opt.IDs.Unique(ch.ID + "-note-" + strconv.Itoa(i+1))
	}
	return ch
}

// firstContent returns the first child that is not goldmark bookkeeping.
func firstContent(root ast.Node) ast.Node {
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*east.FootnoteList); ok {
			continue
		}
		if h, ok := c.(*ast.HTMLBlock); ok && h.HTMLBlockType == ast.HTMLBlockType2 {
			continue // a comment
		}
		return c
	}
	return nil
}

// claimID takes an explicit id when given (an error if it is taken), else
// a unique id made from the fallback base.
func (r *reader) claimID(explicit []byte, base string, ascii bool, n ast.Node) string {
	if len(explicit) > 0 {
		id := string(explicit)
		if !r.opt.IDs.Claim(id) {
			r.errorf(r.blockOffset(n), "the id #%s is used twice in this book", id)
		}
		return id
	}
	return r.opt.IDs.Unique(base)
}

// blocks converts the children of a container node.
func (r *reader) blocks(parent ast.Node) []book.Block {
	var out []book.Block
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		if b := r.block(c); b != nil {
			out = append(out, b)
		}
		// A block of raw HTML may become several blocks.
		out = append(out, r.pending...)
		r.pending = nil
	}
	return out
}

// maxParagraph bounds a paragraph's size in bytes: a longer one is a file
// whose paragraphs lost their blank lines, and would cost the line
// breaker more than it is worth.
const maxParagraph = 1 << 20

// maxNotes bounds the notes of one manuscript.
const maxNotes = 10_000

// maxDepth bounds the nesting of quotations and lists: deeper is surely
// damage (or an attack), and every renderer recurses on it.
const maxDepth = 32

func (r *reader) block(n ast.Node) book.Block {
	pos := r.pos(r.blockOffset(n))
	switch n.(type) {
	case *ast.Blockquote, *ast.List:
		r.depth++
		defer func() { r.depth-- }()
		if r.depth > maxDepth {
			if !r.tooDeep {
				r.tooDeep = true
				r.errorf(r.blockOffset(n), "quotations and lists are nested more than %d deep here", maxDepth)
			}
			return nil
		}
	}
	switch t := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if size := r.endOffset(t) - r.offset(t); size > maxParagraph {
			r.errorf(r.blockOffset(t), "a paragraph of %d MB: is the file missing the blank lines between its paragraphs? (samizdat takes paragraphs up to 1 MB)", size>>20)
			return nil
		}
		ins := r.inlines(t)
		if len(ins) == 1 {
			if img, ok := ins[0].(*book.Image); ok {
				return &book.Figure{Image: img, Caption: captionOf(img), Pos: pos}
			}
		}
		if len(ins) == 0 {
			return nil
		}
		return &book.Paragraph{Inlines: ins, Pos: pos}
	case *ast.Heading:
		h := &book.Heading{Level: max(t.Level, 2), Inlines: r.inlines(t), Pos: pos}
		h.ID = r.claimID(attr(t, "id"), book.Slug(book.PlainText(h.Inlines), false, "section"), false, t)
		h.Classes = strings.Fields(string(attr(t, "class")))
		return h
	case *ast.Blockquote:
		q := &book.BlockQuote{Blocks: r.blocks(t), Pos: pos}
		q.Source = takeSource(q)
		return q
	case *ast.List:
		l := &book.List{Ordered: t.IsOrdered(), Start: t.Start, Tight: t.IsTight, Pos: pos}
		for it := t.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, book.ListItem{Blocks: r.blocks(it)})
		}
		return l
	case *ast.FencedCodeBlock:
		return &book.CodeBlock{Lang: string(t.Language(r.src)), Text: r.lineText(t), Pos: pos}
	case *ast.CodeBlock:
		return &book.CodeBlock{Text: r.lineText(t), Pos: pos}
	case *ast.ThematicBreak:
		return &book.SectionBreak{Pos: pos}
	case *ast.HTMLBlock:
		if t.HTMLBlockType == ast.HTMLBlockType2 {
			return nil // an HTML comment: the author's note to self
		}
		r.pending = append(r.pending, r.htmlBlock(t)...)
		return nil
	case *east.Table:
		return r.table(t, pos)
	case *east.DefinitionList:
		return r.definitionList(t, pos)
	case *east.FootnoteList:
		return nil // notes are read where they are referenced
	}
	r.errorf(r.blockOffset(n), "unsupported Markdown element %s", n.Kind())
	return nil
}

// takeSource moves a trailing note reference or citation off the end of a
// quotation's last paragraph into the quotation's Source, so renderers can
// place its marker after the closing words.
func takeSource(q *book.BlockQuote) book.Inline {
	if len(q.Blocks) == 0 {
		return nil
	}
	p, ok := q.Blocks[len(q.Blocks)-1].(*book.Paragraph)
	if !ok {
		return nil
	}
	end := len(p.Inlines)
	for end > 0 {
		if t, ok := p.Inlines[end-1].(*book.Text); ok && strings.TrimSpace(t.Text) == "" {
			end--
			continue
		}
		break
	}
	if end == 0 {
		return nil
	}
	switch src := p.Inlines[end-1].(type) {
	case *book.NoteRef, *book.Citation:
		p.Inlines = trimTrailingSpace(p.Inlines[:end-1])
		if len(p.Inlines) == 0 {
			q.Blocks = q.Blocks[:len(q.Blocks)-1]
		}
		return src
	}
	return nil
}

func trimTrailingSpace(ins []book.Inline) []book.Inline {
	if len(ins) == 0 {
		return ins
	}
	if t, ok := ins[len(ins)-1].(*book.Text); ok {
		t.Text = strings.TrimRight(t.Text, " \n")
		if t.Text == "" {
			return ins[:len(ins)-1]
		}
	}
	return ins
}

func captionOf(img *book.Image) []book.Inline {
	if img.Alt == "" {
		return nil
	}
	return []book.Inline{&book.Text{Text: img.Alt}}
}

// lineText joins a block's source lines verbatim.
func (r *reader) lineText(n ast.Node) string {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if len(l) > 60 {
		l = l[:60] + "…"
	}
	return l
}

func (r *reader) table(t *east.Table, pos book.Pos) book.Block {
	tb := &book.Table{Pos: pos}
	for _, a := range t.Alignments {
		tb.Align = append(tb.Align, map[east.Alignment]book.Align{
			east.AlignLeft: book.AlignLeft, east.AlignCenter: book.AlignCenter, east.AlignRight: book.AlignRight,
		}[a])
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]book.Inline
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, r.inlines(c))
		}
		if _, head := row.(*east.TableHeader); head {
			tb.Head = cells
		} else {
			tb.Rows = append(tb.Rows, cells)
		}
	}
	return tb
}

func (r *reader) definitionList(t *east.DefinitionList, pos book.Pos) book.Block {
	dl := &book.DefinitionList{Pos: pos}
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		switch d := c.(type) {
		case *east.DefinitionTerm:
			dl.Items = append(dl.Items, book.Definition{Term: r.inlines(d)})
		case *east.DefinitionDescription:
			if len(dl.Items) == 0 {
				continue // goldmark never makes a description without a term
			}
			last := &dl.Items[len(dl.Items)-1]
			last.Defs = append(last.Defs, r.blocks(d))
		}
	}
	return dl
}

// attr returns a node's attribute as bytes, nil when absent.
func attr(n ast.Node, name string) []byte {
	v, ok := n.AttributeString(name)
	if !ok {
		return nil
	}
	switch b := v.(type) {
	case []byte:
		return b
	case string:
		return []byte(b)
	}
	return nil
}

// headingText is a heading's text as written, for comparing with a title.
func headingText(h *ast.Heading, src []byte) string {
	var b bytes.Buffer
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return strings.TrimSpace(b.String())
}
