package typography

import (
	"runtime"
	"sync"

	"samizdat/book"
)

// Book typographs every text of the book in place: chapter titles and
// blocks, notes, part titles and the metadata a reader sees. Each chapter
// uses its own language when it has one, else the book's.
func Book(b *book.Book) {
	st := StyleFor(b.Meta.Lang)
	m := &b.Meta
	for _, s := range []*string{&m.Title, &m.Subtitle, &m.Description, &m.Rights} {
		*s = String(*s, st)
	}
	for _, p := range b.Parts {
		Inlines(p.Title, st)
	}
	// Chapters share no text, so they are typographed side by side.
	chs := b.AllChapters()
	next := make(chan *book.Chapter)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ch := range next {
				cst := st
				if ch.Lang != "" {
					cst = StyleFor(ch.Lang)
				}
				Chapter(ch, cst)
			}
		}()
	}
	for _, ch := range chs {
		next <- ch
	}
	close(next)
	wg.Wait()
}

// Chapter typographs a chapter's title, byline, blocks and notes.
func Chapter(ch *book.Chapter, st Style) {
	p := &passage{st: st}
	p.inlines(ch.Title)
	if ch.Byline != nil {
		ch.Byline.Source = String(ch.Byline.Source, st)
	}
	p.blocks(ch.Blocks)
	for _, n := range ch.Notes {
		p.blocks(n.Blocks)
	}
}

// Blocks typographs every inline sequence in blocks, nested ones included.
// Code blocks are left as written.
func Blocks(blocks []book.Block, st Style) {
	(&passage{st: st}).blocks(blocks)
}

// String typographs a single string, such as a title from front matter.
func String(s string, st Style) string {
	if s == "" {
		return s
	}
	pieces := []string{s}
	var sm smartener
	sm.run(pieces, st)
	return pieces[0]
}

// Inlines typographs one passage: the texts of ins, read as one run so
// that quotes pair across emphasis and links. Code, images, note
// references and citations stand as opaque objects between the texts.
func Inlines(ins []book.Inline, st Style) {
	(&passage{st: st}).inlines(ins)
}

// passage typographs passages one after another, reusing its slices
// and buffers from one to the next.
type passage struct {
	st Style
	// texts are the text nodes of the passage, nil where a piece stands
	// for a space or an object; pieces are what the smartener reads.
	texts  []*book.Text
	pieces []string
	sm     smartener
}

func (p *passage) blocks(blocks []book.Block) {
	book.WalkBlocks(blocks, func(b book.Block) bool {
		book.EachBlockInlines(b, p.inlines)
		return true
	})
}

func (p *passage) inlines(ins []book.Inline) {
	p.texts, p.pieces = p.texts[:0], p.pieces[:0]
	p.collect(ins)
	p.sm.run(p.pieces, p.st)
	for i, t := range p.texts {
		if t != nil {
			t.Text = p.pieces[i]
		}
	}
}

// collect gathers the pieces of ins in reading order.
func (p *passage) collect(ins []book.Inline) {
	for _, in := range ins {
		switch n := in.(type) {
		case *book.Text:
			p.texts = append(p.texts, n)
			p.pieces = append(p.pieces, n.Text)
		case *book.Space, *book.LineBreak:
			p.texts = append(p.texts, nil)
			p.pieces = append(p.pieces, " ")
		case *book.Emph:
			p.collect(n.Inlines)
		case *book.Strong:
			p.collect(n.Inlines)
		case *book.Strike:
			p.collect(n.Inlines)
		case *book.Link:
			p.collect(n.Inlines)
		default: // code, image, note reference, citation
			p.texts = append(p.texts, nil)
			p.pieces = append(p.pieces, string(object))
		}
	}
}
