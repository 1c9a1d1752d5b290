package html

import (
	"encoding/base64"

	"samizdat/book"
)

// sizeHint estimates the size of the page of b from what it shows: the
// text of every division and note with room for its markup, the images
// as base64 and the stylesheet. Render grows its buffer to it once; a
// buffer grown by doubling instead copies the page over and over and ends
// up to twice its size. A wrong guess costs no more than that.
func sizeHint(b *book.Book, css int) int {
	text := 0
	inlines := func(ins []book.Inline) {
		book.WalkInlines(ins, func(in book.Inline) {
			switch n := in.(type) {
			case *book.Text:
				text += len(n.Text)
			case *book.Space:
				text++
			case *book.Code:
				text += len(n.Text)
			}
		})
	}
	blocks := func(bs []book.Block) {
		book.WalkBlocks(bs, func(bl book.Block) bool {
			if cb, ok := bl.(*book.CodeBlock); ok {
				text += len(cb.Text)
			}
			book.EachBlockInlines(bl, inlines)
			return true
		})
	}
	for _, ch := range b.AllChapters() {
		if ch == nil {
			continue
		}
		inlines(ch.Title)
		blocks(ch.Blocks)
		for _, n := range ch.Notes {
			blocks(n.Blocks)
		}
	}
	images := 0
	for _, a := range b.Assets {
		if a != nil {
			images += base64.StdEncoding.EncodedLen(len(a.Data))
		}
	}
	return text*markupFactor/100 + images + css + 4096
}

// markupFactor is the page's size in percent of its text, markup
// included, as measured on the generated books of BenchmarkRender and the
// handbook.
const markupFactor = 130
