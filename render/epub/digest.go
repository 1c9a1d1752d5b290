package epub

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"reflect"

	"samizdat/book"
)

// contentDigest hashes what makes the book this book: its title,
// subtitle, authors and the text of every division and note. Settings
// such as the build date or note placement do not change it.
func contentDigest(b *book.Book) string {
	d := digest{h: sha256.New(), buf: make([]byte, 0, digestChunk+1024)}
	d.field(b.Meta.Title)
	d.field(b.Meta.Subtitle)
	for _, a := range b.Meta.Authors {
		d.field(a.Name)
	}
	for _, ch := range b.AllChapters() {
		d.field(ch.Kind.String())
		d.field(ch.ID)
		d.plainText(ch.Title)
		d.blocks(ch.Blocks)
		for _, n := range ch.Notes {
			d.field(n.ID)
			d.blocks(n.Blocks)
		}
	}
	d.flush()
	return hex.EncodeToString(d.h.Sum(nil))
}

// digestChunk is how many bytes a digest gathers before hashing them.
const digestChunk = 32 << 10

// digest feeds fields, each ended by a NUL byte, to a hash. A book is
// tens of thousands of short strings; gathering them in one buffer and
// hashing it in large chunks costs one copy per string, where writing
// each to the hash would convert it to a new byte slice first.
type digest struct {
	h   hash.Hash
	buf []byte
}

// field adds one string.
func (d *digest) field(s string) {
	d.buf = append(d.buf, s...)
	d.end()
}

// plainText adds the plain text of inlines, as book.PlainText gives it,
// without making it a string first.
func (d *digest) plainText(ins []book.Inline) {
	d.buf = book.AppendPlainText(d.buf, ins)
	d.end()
}

// end ends a field and hashes what has been gathered once it is large.
func (d *digest) end() {
	d.buf = append(d.buf, 0)
	if len(d.buf) >= digestChunk {
		d.flush()
	}
}

// flush hashes what has been gathered.
func (d *digest) flush() {
	d.h.Write(d.buf)
	d.buf = d.buf[:0]
}

// blocks adds the text of blocks, with their types.
func (d *digest) blocks(blocks []book.Block) {
	book.WalkBlocks(blocks, func(bl book.Block) bool {
		// The type's name as fmt's %T writes it.
		d.field(reflect.TypeOf(bl).String())
		switch n := bl.(type) {
		case *book.CodeBlock:
			d.field(n.Text)
		case *book.Figure:
			if n.Image != nil && n.Image.Asset != nil {
				sum := sha256.Sum256(n.Image.Asset.Data)
				d.buf = hex.AppendEncode(d.buf, sum[:])
				d.end()
			}
		}
		book.EachBlockInlines(bl, d.plainText)
		return true
	})
}
