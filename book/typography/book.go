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
	Inlines(ch.Title, st)
	if ch.Byline != nil {
		ch.Byline.Source = String(ch.Byline.Source, st)
	}
	Blocks(ch.Blocks, st)
	for _, n := range ch.Notes {
		Blocks(n.Blocks, st)
	}
}

// Blocks typographs every inline sequence in blocks, nested ones included.
// Code blocks are left as written.
func Blocks(blocks []book.Block, st Style) {
	book.WalkBlocks(blocks, func(b book.Block) bool {
		for _, ins := range book.BlockInlines(b) {
			Inlines(ins, st)
		}
		return true
	})
}

// String typographs a single string, such as a title from front matter.
func String(s string, st Style) string {
	if s == "" {
		return s
	}
	return Smarten([]string{s}, st)[0]
}

// Inlines typographs one passage: the texts of ins, read as one run so
// that quotes pair across emphasis and links. Code, images, note
// references and citations stand as opaque objects between the texts.
func Inlines(ins []book.Inline, st Style) {
	var texts []*book.Text
	var pieces []string
	var walk func([]book.Inline)
	walk = func(ins []book.Inline) {
		for _, in := range ins {
			switch n := in.(type) {
			case *book.Text:
				texts = append(texts, n)
				pieces = append(pieces, n.Text)
			case *book.Space, *book.LineBreak:
				texts = append(texts, nil)
				pieces = append(pieces, " ")
			case *book.Emph:
				walk(n.Inlines)
			case *book.Strong:
				walk(n.Inlines)
			case *book.Strike:
				walk(n.Inlines)
			case *book.Link:
				walk(n.Inlines)
			default: // code, image, note reference, citation
				texts = append(texts, nil)
				pieces = append(pieces, string(object))
			}
		}
	}
	walk(ins)
	out := Smarten(pieces, st)
	for i, t := range texts {
		if t != nil {
			t.Text = out[i]
		}
	}
}
