package load

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"samizdat/book"
)

// fromFile builds a one-chapter pamphlet from a single manuscript whose
// front matter is the book's metadata.
func (l *loader) fromFile(name string) error {
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	l.b = &book.Book{Slug: book.Slug(stem, true, "book")}
	doc, err := l.readChapter(name, book.Pos{File: l.display(name)})
	if err != nil {
		return err
	}
	file := l.display(name)
	l.metadata(file, 2, doc.Meta)
	if l.b.Meta.Title == "" {
		l.b.Meta.Title = book.PlainText(doc.Chapter.Title)
	}
	if l.b.Meta.Title == "" {
		l.b.Meta.Title = stem
		l.warnings = append(l.warnings, book.Errorf(book.Pos{File: file, Line: 1, Col: 1},
			"the manuscript has no title: add title: to its front matter or a first line \"# Title\" (using %q for now)", stem))
	}
	if len(doc.Chapter.Title) == 0 {
		doc.Chapter.Title = []book.Inline{&book.Text{Text: l.b.Meta.Title}}
	}
	l.b.Front = l.matter(file, defaultFront(false), frontKinds)
	l.b.Parts = []*book.Part{{Chapters: []*book.Chapter{doc.Chapter}}}
	l.placeNotes(file)
	l.checkPageLists()
	return nil
}

// fromFolder builds a book from every manuscript in a folder without a
// manifest, in name order; the title is the folder's name.
func (l *loader) fromFolder() error {
	entries, err := os.ReadDir(l.root)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".md" || ext == ".markdown") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return fileError(l.root, "no book.yaml and no Markdown files (.md) in this folder")
	}
	base := filepath.Base(absOrSelf(l.root))
	l.b = &book.Book{Slug: book.Slug(base, true, "book"), Meta: book.Metadata{Title: book.TitleFromName(base), Lang: "en"}}
	l.b.Front = l.matter(l.root, defaultFront(true), frontKinds)
	part := &book.Part{}
	for _, n := range names {
		if ch := l.chapter(n, book.Pos{File: l.display(n)}, true); ch != nil {
			part.Chapters = append(part.Chapters, ch)
			if ch.Byline != nil {
				l.b.Meta.Authors = appendPeople(l.b.Meta.Authors, ch.Byline.Authors)
			}
		}
	}
	l.b.Parts = []*book.Part{part}
	l.placeNotes(l.root)
	return nil
}

// appendPeople adds the people not already listed.
func appendPeople(list, more []book.Person) []book.Person {
	for _, p := range more {
		found := false
		for _, q := range list {
			found = found || q.Name == p.Name
		}
		if !found {
			list = append(list, p)
		}
	}
	return list
}

// readManifestFile reads the book folder's manifest.
func (l *loader) readManifestFile(rel string) ([]byte, error) {
	full := filepath.Join(l.root, rel)
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, fileError(l.display(rel), "%v", err)
	}
	return data, nil
}
