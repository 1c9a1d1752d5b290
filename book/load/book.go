package load

import (
	"path/filepath"
	"strconv"
	"strings"

	"samizdat/book"
	"samizdat/book/manifest"
)

// fromManifest builds a book from a folder's book.yaml.
func (l *loader) fromManifest() error {
	file := l.display(ManifestName)
	data, err := l.readManifestFile(ManifestName)
	if err != nil {
		return err
	}
	var m manifest.Manifest
	if err := manifest.Decode(file, data, 1, &m); err != nil {
		return err
	}
	l.b = &book.Book{Slug: slugOr(m.Slug, filepath.Base(absOrSelf(l.root)))}
	l.b.Inputs = append(l.b.Inputs, filepath.Join(l.root, ManifestName))
	l.metadata(file, 1, m.Metadata)
	for _, f := range m.Formats {
		l.b.Output.Formats = append(l.b.Output.Formats, f.Value)
	}
	if len(m.Chapters) > 0 && len(m.Parts) > 0 {
		l.errs = append(l.errs, book.Errorf(at(file, m.Parts[0].Chapters...), "book.yaml has both chapters: and parts:; list chapters under the parts"))
		return nil
	}
	if len(m.Chapters) == 0 && len(m.Parts) == 0 {
		l.errs = append(l.errs, book.Errorf(book.Pos{File: file, Line: 1, Col: 1}, "book.yaml lists no chapters: add a chapters: list of manuscript files"))
		return nil
	}
	l.prefetch(&m)
	front := m.FrontMatter
	if front == nil {
		front = defaultFront(true)
	}
	l.b.Front = l.matter(file, front, frontKinds)
	seen := map[string]manifest.Path{}
	if len(m.Chapters) > 0 {
		l.b.Parts = []*book.Part{{Chapters: l.chapters(file, m.Chapters, seen, true)}}
	}
	for i, p := range m.Parts {
		part := &book.Part{ID: l.ids.Unique("part-" + strconv.Itoa(i+1)), Title: []book.Inline{&book.Text{Text: p.Title}}}
		if p.Title == "" {
			part.Title = nil
		}
		part.Chapters = l.chapters(file, p.Chapters, seen, true)
		l.b.Parts = append(l.b.Parts, part)
	}
	l.b.Back = l.matter(file, m.BackMatter, backKinds)
	l.placeNotes(file)
	l.editions(file, m.Editions)
	return nil
}

// chapters reads the manuscripts listed in the manifest.
func (l *loader) chapters(file string, paths []manifest.Path, seen map[string]manifest.Path, byline bool) []*book.Chapter {
	var out []*book.Chapter
	for _, p := range paths {
		pos := book.Pos{File: file, Line: p.Line, Col: p.Col}
		rel := filepath.ToSlash(filepath.Clean(p.Value))
		if first, dup := seen[rel]; dup {
			l.errs = append(l.errs, book.Errorf(pos, "chapter %q is listed twice (first at line %d)", p.Value, first.Line))
			continue
		}
		seen[rel] = p
		ch := l.chapter(rel, pos, byline)
		if ch != nil {
			out = append(out, ch)
		}
	}
	return out
}

// chapter reads one manuscript as a chapter of a book with several. Its
// front matter gives its byline (collections of articles by several
// authors) and may set its language.
func (l *loader) chapter(rel string, at book.Pos, byline bool) *book.Chapter {
	doc, err := l.readChapter(rel, at)
	if err != nil {
		l.errorAt(err)
		return nil
	}
	ch := doc.Chapter
	if len(ch.Title) == 0 {
		stem := strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel))
		ch.Title = []book.Inline{&book.Text{Text: stem}}
		l.warnings = append(l.warnings, book.Errorf(book.Pos{File: l.display(rel), Line: 1, Col: 1},
			"chapter has no title: add a first line \"# Title\" or title: in its front matter (using %q for now)", stem))
	}
	m := doc.Meta
	if m.Lang != "" && m.Lang != l.b.Meta.Lang {
		ch.Lang = m.Lang
	}
	if byline && (len(m.Author) > 0 || m.Date != "" || m.Source != "") {
		ch.Byline = &book.Byline{Authors: people(m.Author), Date: m.Date, Source: m.Source}
	}
	if m.Notes != nil || m.PDF != nil || m.EPUB != nil || m.Impose != nil {
		l.warnings = append(l.warnings, book.Errorf(book.Pos{File: l.display(rel), Line: 2, Col: 1},
			"notes:, pdf:, epub: and impose: settings in a chapter's front matter are ignored; set them in %s", ManifestName))
	}
	if len(m.Bibliography) > 0 || m.References.Set() || m.Citations != nil {
		l.warnings = append(l.warnings, book.Errorf(book.Pos{File: l.display(rel), Line: 2, Col: 1},
			"bibliography:, references: and citations: in a chapter's front matter are ignored; set them in %s", ManifestName))
	}
	return ch
}

// at returns the position of the first path, or the file's start.
func at(file string, paths ...manifest.Path) book.Pos {
	if len(paths) > 0 {
		return book.Pos{File: file, Line: paths[0].Line, Col: paths[0].Col}
	}
	return book.Pos{File: file, Line: 1, Col: 1}
}

func slugOr(slug, fallback string) string {
	if slug != "" {
		return slug
	}
	return book.Slug(fallback, true, "book")
}

func absOrSelf(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
