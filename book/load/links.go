package load

import (
	"net/url"
	"path"
	"strings"

	"samizdat/book"
)

// resolveLinks checks every link in the book and rewrites links between
// manuscripts ("02-reader.md#lamp") to the internal form ("#lamp") that
// every renderer understands. A link to an anchor or file the book does
// not have is an error at the link.
func (l *loader) resolveLinks() {
	anchors := map[string]bool{}
	for _, p := range l.b.Parts {
		anchors[p.ID] = p.ID != ""
	}
	for _, ch := range l.b.AllChapters() {
		anchors[ch.ID] = true
		book.WalkBlocks(ch.Blocks, func(b book.Block) bool {
			if h, ok := b.(*book.Heading); ok {
				anchors[h.ID] = true
			}
			return true
		})
	}
	for _, ch := range l.b.AllChapters() {
		base := l.linkBase[ch]
		check := func(blocks []book.Block) {
			book.WalkBlocks(blocks, func(b book.Block) bool {
				for _, ins := range book.BlockInlines(b) {
					book.WalkInlines(ins, func(in book.Inline) {
						if link, ok := in.(*book.Link); ok {
							l.resolveLink(link, base, anchors)
						}
					})
				}
				return true
			})
		}
		check(ch.Blocks)
		for _, n := range ch.Notes {
			check(n.Blocks)
		}
	}
}

func (l *loader) resolveLink(link *book.Link, base string, anchors map[string]bool) {
	u, err := url.Parse(link.URL)
	if err != nil {
		l.errs = append(l.errs, book.Errorf(link.Pos, "link target %q is not a valid address: %v", link.URL, err))
		return
	}
	if u.Scheme != "" || u.Host != "" {
		return // a web address, checked by the reader
	}
	if u.Path == "" {
		if !anchors[u.Fragment] {
			l.errs = append(l.errs, book.Errorf(link.Pos, "link to #%s: no heading or chapter has that id", u.Fragment))
		}
		return
	}
	target := path.Join(path.Dir(base), u.Path)
	ch, ok := l.chapterFiles[target]
	if !ok {
		what := "a chapter of this book"
		if !strings.HasSuffix(strings.ToLower(u.Path), ".md") {
			what = "part of the book: link to a chapter's .md file, a #heading or a web address"
		}
		l.errs = append(l.errs, book.Errorf(link.Pos, "link to %q: not %s", link.URL, what))
		return
	}
	switch {
	case u.Fragment == "":
		link.URL = "#" + ch.ID
	case anchors[u.Fragment]:
		link.URL = "#" + u.Fragment
	default:
		l.errs = append(l.errs, book.Errorf(link.Pos, "link to %q: %s has no heading with id #%s", link.URL, u.Path, u.Fragment))
	}
}
