package load

import (
	"slices"
	"strings"

	"samizdat/book"
	"samizdat/book/manifest"
)

// editions fills Book.Editions from editions:, each edition's settings
// being the book's with its own applied over them, and checks that every
// page-list: names a declared edition that is printed. It runs after the
// book's own settings are read.
func (l *loader) editions(file string, eds manifest.Editions) {
	b := l.b
	for _, me := range eds {
		ed := &book.Edition{
			Name:       me.Name.Value,
			Pos:        book.Pos{File: file, Line: me.Name.Line, Col: me.Name.Col},
			Output:     b.Output,
			Notes:      b.Notes,
			Identifier: me.Identifier.Value,
		}
		// The book's slices are copied so that no edition shares a
		// backing array another could append to.
		ed.Output.Formats = slices.Clone(b.Output.Formats)
		ed.Output.HyphenExceptions = slices.Clone(b.Output.HyphenExceptions)
		if me.Formats != nil {
			ed.Output.Formats = nil
			for _, f := range me.Formats {
				ed.Output.Formats = append(ed.Output.Formats, f.Value)
			}
		}
		l.applySettings(file, 1, ed.Name, sections{Notes: me.Notes, PDF: me.PDF, EPUB: me.EPUB, Impose: me.Impose}, &ed.Output, &ed.Notes)
		completeImposition(&ed.Output.Impose)
		b.Editions = append(b.Editions, ed)
	}
	l.checkPageLists()
}

// checkPageLists reports a page-list: that names no declared edition or
// one that makes no PDF, once for each place it is written.
func (l *loader) checkPageLists() {
	b := l.b
	if len(b.Editions) == 0 {
		if b.Output.PageList != "" {
			l.errs = append(l.errs, book.Errorf(b.Output.PageListPos, "page-list: names edition %q, but the book declares no editions: add editions: to %s with a printed edition of that name", b.Output.PageList, ManifestName))
		}
		return
	}
	names := make([]string, len(b.Editions))
	for i, ed := range b.Editions {
		names[i] = ed.Name
	}
	reported := map[book.Pos]bool{}
	for _, ed := range b.Editions {
		name, pos := ed.Output.PageList, ed.Output.PageListPos
		if name == "" || reported[pos] {
			continue
		}
		reported[pos] = true
		target := editionNamed(b.Editions, name)
		switch {
		case target == nil:
			e := book.Errorf(pos, "page-list: names edition %q, which the book does not declare; its editions are %s", name, strings.Join(names, ", "))
			if s := manifest.Nearest(name, names); s != "" {
				e.Hint = "did you mean \"" + s + "\"?"
			}
			l.errs = append(l.errs, e)
		case !makesPDF(target.Output.Formats):
			l.errs = append(l.errs, book.Errorf(pos, "page-list: names edition %q, which makes no PDF (formats: %s): the page numbers come from a printed edition", name, strings.Join(target.Output.Formats, ", ")))
		}
	}
}

// makesPDF reports whether a formats list includes the print PDF; an
// empty list means every format.
func makesPDF(formats []string) bool {
	return len(formats) == 0 || slices.Contains(formats, "pdf") || slices.Contains(formats, "booklet")
}

// editionNamed returns the edition called name, or nil.
func editionNamed(eds []*book.Edition, name string) *book.Edition {
	for _, ed := range eds {
		if ed.Name == name {
			return ed
		}
	}
	return nil
}
