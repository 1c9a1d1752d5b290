package epub

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// digestByField is the plain statement of contentDigest: every field
// made a string and written to the hash on its own. The identifier of
// every book already published depends on its result, so contentDigest
// must never drift from it.
func digestByField(b *book.Book) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	blocks := func(blocks []book.Block) {
		book.WalkBlocks(blocks, func(bl book.Block) bool {
			field(fmt.Sprintf("%T", bl))
			switch n := bl.(type) {
			case *book.CodeBlock:
				field(n.Text)
			case *book.Figure:
				if n.Image != nil && n.Image.Asset != nil {
					sum := sha256.Sum256(n.Image.Asset.Data)
					field(hex.EncodeToString(sum[:]))
				}
			}
			for _, ins := range book.BlockInlines(bl) {
				field(book.PlainText(ins))
			}
			return true
		})
	}
	field(b.Meta.Title)
	field(b.Meta.Subtitle)
	for _, a := range b.Meta.Authors {
		field(a.Name)
	}
	for _, ch := range b.AllChapters() {
		field(ch.Kind.String())
		field(ch.ID)
		field(book.PlainText(ch.Title))
		blocks(ch.Blocks)
		for _, n := range ch.Notes {
			field(n.ID)
			blocks(n.Blocks)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestContentDigest(t *testing.T) {
	tests := []struct {
		name string
		book *book.Book
	}{
		{"sample", booktest.Sample()},
		{"generated-10", booktest.Generated(10)},
		{"generated-300", booktest.Generated(300)},
		{"empty", &book.Book{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := contentDigest(tt.book), digestByField(tt.book); got != want {
				t.Errorf("contentDigest = %s, want %s", got, want)
			}
		})
	}
}
