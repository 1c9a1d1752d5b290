package load

import (
	"path/filepath"
	"sort"
	"strings"

	"samizdat/book"
	"samizdat/book/manifest"
)

// frontKinds and backKinds are the divisions each end of a book may list.
var (
	frontKinds = map[string]book.Kind{
		"half-title": book.KindHalfTitle, "title-page": book.KindTitlePage, "copyright": book.KindCopyright,
		"dedication": book.KindDedication, "epigraph": book.KindEpigraph, "contents": book.KindContents,
		"preface": book.KindPreface,
	}
	backKinds = map[string]book.Kind{
		"notes": book.KindNotes, "colophon": book.KindColophon, "bibliography": book.KindBibliography,
	}
)

// defaultTitles name the divisions that have a heading of their own.
var defaultTitles = map[book.Kind]string{
	book.KindContents: "Contents", book.KindPreface: "Preface", book.KindNotes: "Notes",
	book.KindColophon: "Colophon", book.KindBibliography: "Bibliography",
}

// defaultFront is the front matter when the manifest names none: a book
// gets half-title, title page, copyright and contents; a pamphlet a title
// page and copyright.
func defaultFront(isBook bool) []manifest.MatterEntry {
	names := []string{"title-page", "copyright"}
	if isBook {
		names = []string{"half-title", "title-page", "copyright", "contents"}
	}
	out := make([]manifest.MatterEntry, len(names))
	for i, n := range names {
		out[i].Kind = manifest.Word{Value: n}
	}
	return out
}

// matter builds the front or back matter divisions listed in the manifest.
func (l *loader) matter(file string, entries []manifest.MatterEntry, kinds map[string]book.Kind) []*book.Chapter {
	var out []*book.Chapter
	seen := map[book.Kind]bool{}
	for _, e := range entries {
		pos := book.Pos{File: file, Line: e.Kind.Line, Col: e.Kind.Col}
		kind, ok := kinds[e.Kind.Value]
		if !ok {
			names := make([]string, 0, len(kinds))
			for n := range kinds {
				names = append(names, n)
			}
			sort.Strings(names)
			msg := book.Errorf(pos, "unknown page %q here; use one of %s", e.Kind.Value, strings.Join(names, ", "))
			if s := manifest.Nearest(e.Kind.Value, names); s != "" {
				msg.Hint = "did you mean \"" + s + "\"?"
			}
			l.errs = append(l.errs, msg)
			continue
		}
		if seen[kind] {
			l.errs = append(l.errs, book.Errorf(pos, "page %q is listed twice", e.Kind.Value))
			continue
		}
		seen[kind] = true
		div := l.division(kind, e, pos)
		if div != nil {
			out = append(out, div)
		}
	}
	return out
}

// division makes one front or back matter division: generated from the
// metadata, or read from the file the entry names.
func (l *loader) division(kind book.Kind, e manifest.MatterEntry, pos book.Pos) *book.Chapter {
	title := defaultTitles[kind]
	if kind.Generated() {
		if e.File.Set() {
			l.errs = append(l.errs, book.Errorf(pos, "page %q is made from the book's metadata and takes no file", e.Kind.Value))
			return nil
		}
		div := &book.Chapter{Kind: kind, ID: kind.String(), Source: pos}
		if title != "" {
			div.Title = []book.Inline{&book.Text{Text: title}}
		}
		return div
	}
	if !e.File.Set() {
		l.errs = append(l.errs, book.Errorf(pos, "page %q needs its text: write {%s: %s.md}", e.Kind.Value, e.Kind.Value, e.Kind.Value))
		return nil
	}
	rel := filepath.ToSlash(filepath.Clean(e.File.Value))
	doc, err := l.readChapter(rel, book.Pos{File: pos.File, Line: e.File.Line, Col: e.File.Col})
	if err != nil {
		l.errorAt(err)
		return nil
	}
	div := doc.Chapter
	div.Kind = kind
	if len(div.Title) == 0 && title != "" {
		div.Title = []book.Inline{&book.Text{Text: title}}
	}
	return div
}
