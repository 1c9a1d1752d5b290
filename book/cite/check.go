package cite

import (
	"samizdat/book"
	"samizdat/book/manifest"
)

// This file holds the editor's checks that do not need formatting: a
// quotation without a source, a source never cited, a key written twice.

// EachCitation calls fn for every citation of the book in reading order,
// including those inside notes and quotations' sources.
func EachCitation(b *book.Book, fn func(*book.Chapter, *book.Citation)) {
	for _, ch := range b.AllChapters() {
		seen := map[*book.Note]bool{}
		var blocks func([]book.Block)
		var inlines func([]book.Inline)
		inlines = func(ins []book.Inline) {
			for _, in := range ins {
				switch n := in.(type) {
				case *book.Citation:
					fn(ch, n)
				case *book.NoteRef:
					if !seen[n.Note] {
						seen[n.Note] = true
						blocks(n.Note.Blocks)
					}
				case *book.Emph:
					inlines(n.Inlines)
				case *book.Strong:
					inlines(n.Inlines)
				case *book.Strike:
					inlines(n.Inlines)
				case *book.Link:
					inlines(n.Inlines)
				}
			}
		}
		blocks = func(bs []book.Block) {
			for _, b := range bs {
				switch n := b.(type) {
				case *book.BlockQuote:
					blocks(n.Blocks)
					if n.Source != nil {
						inlines([]book.Inline{n.Source})
					}
				case *book.List:
					for _, it := range n.Items {
						blocks(it.Blocks)
					}
				case *book.DefinitionList:
					for _, d := range n.Items {
						inlines(d.Term)
						for _, def := range d.Defs {
							blocks(def)
						}
					}
				default:
					for _, ins := range book.BlockInlines(b) {
						inlines(ins)
					}
				}
			}
		}
		blocks(ch.Blocks)
		for _, n := range ch.Notes {
			if !seen[n] {
				seen[n] = true
				blocks(n.Blocks)
			}
		}
	}
}

// UnsourcedQuotations reports every block quotation that neither ends
// with a note or citation nor holds one, so that no quotation goes out
// without its source. Epigraphs, which carry their attribution in a line
// of their own, are not checked, nor quotations inside quotations.
func UnsourcedQuotations(b *book.Book) []*book.Error {
	var out []*book.Error
	for _, ch := range b.AllChapters() {
		if ch.Kind == book.KindEpigraph {
			continue
		}
		var walk func([]book.Block)
		walk = func(bs []book.Block) {
			for _, bl := range bs {
				switch n := bl.(type) {
				case *book.BlockQuote:
					if n.Source == nil && !hasReference(n.Blocks) {
						out = append(out, book.Errorf(n.Pos,
							"block quotation without a source: end it with a citation such as [@key, 12] or a note[^n]"))
					}
				case *book.List:
					for _, it := range n.Items {
						walk(it.Blocks)
					}
				case *book.DefinitionList:
					for _, d := range n.Items {
						for _, def := range d.Defs {
							walk(def)
						}
					}
				}
			}
		}
		walk(ch.Blocks)
	}
	return out
}

// hasReference reports whether blocks hold a note reference or citation.
func hasReference(bs []book.Block) bool {
	found := false
	book.WalkBlocks(bs, func(b book.Block) bool {
		for _, ins := range book.BlockInlines(b) {
			book.WalkInlines(ins, func(in book.Inline) {
				switch in.(type) {
				case *book.NoteRef, *book.Citation:
					found = true
				}
			})
		}
		return !found
	})
	return found
}

// Unused reports the sources no citation names, at their place in their
// file; pass the works Apply found cited.
func Unused(lib *Library, cited []*Entry) []*book.Error {
	used := map[*Entry]bool{}
	for _, e := range cited {
		used[e] = true
	}
	var out []*book.Error
	for _, e := range lib.Entries {
		if !used[e] {
			out = append(out, book.Errorf(e.Pos, "source @%s is never cited", e.Key))
		}
	}
	return out
}

// Duplicates reports keys written more than once; the first stands.
func Duplicates(lib *Library, dups []*Entry) []*book.Error {
	var out []*book.Error
	for _, d := range dups {
		first := lib.Lookup(d.Key)
		msg := book.Errorf(d.Pos, "source key @%s is used twice; the first one counts", d.Key)
		if first != nil {
			msg.Hint = "first at " + first.Pos.String()
		}
		out = append(out, msg)
	}
	return out
}

// nearestKey is the key closest to a misspelt one.
func nearestKey(key string, keys []string) string {
	return manifest.Nearest(key, keys)
}
