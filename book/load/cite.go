package load

import (
	"path/filepath"

	"samizdat/book"
	"samizdat/book/cite"
	"samizdat/book/manifest"
	"samizdat/book/typography"
)

// sourceSpec is what the book's metadata says about its sources and
// citations, kept until the chapters are read.
type sourceSpec struct {
	file         string
	firstLine    int
	bibliography manifest.PathList
	references   manifest.References
	settings     *manifest.CitationSettings
}

// citations reads the book's sources (the files named by bibliography:
// and any references: written inline), formats every citation, fills the
// bibliography and reports what an editor checks: keys missing from the
// sources (errors), and quotations without a source, sources never cited,
// keys written twice and citations without a locator the book asks for
// (warnings).
func (l *loader) citations() {
	spec := l.sources
	set := cite.Settings{}
	if s := spec.settings; s != nil {
		if s.Style.Set() {
			if v := l.word(spec.file, s.Style, "citation style", cite.StyleNames...); v != "" {
				set.Style, _ = cite.ParseStyle(v)
			}
		}
		set.Ibid, set.Locators, set.PerChapter = s.Ibid, s.Locators, s.BibliographyPerChapter
	}
	var entries []*cite.Entry
	failed := false
	for _, p := range spec.bibliography {
		at := book.Pos{File: spec.file, Line: p.Line + spec.firstLine - 1, Col: p.Col}
		rel := filepath.ToSlash(filepath.Clean(p.Value))
		data, err := l.readFile(rel, at)
		if err != nil {
			l.errorAt(err)
			failed = true
			continue
		}
		es, err := cite.Read(l.display(rel), data)
		if err != nil {
			l.errorAt(err)
			failed = true
		}
		entries = append(entries, es...)
	}
	if spec.references.Set() {
		es, err := cite.ReadYAMLReferences(spec.file, spec.firstLine, spec.references.Node)
		if err != nil {
			l.errorAt(err)
			failed = true
		}
		entries = append(entries, es...)
	}
	lib, dups := cite.NewLibrary(entries)
	st := typography.StyleFor(l.b.Meta.Lang)
	res := cite.Apply(l.b, lib, cite.Options{
		Settings: set,
		IDs:      l.ids,
		Smarten:  func(s string) string { return typography.String(s, st) },
	})
	for _, e := range res.Errors {
		if failed { // the key may be in the entries that could not be read
			if e.Hint != "" {
				e.Hint += " Or it is in the sources file that has an error."
			} else {
				e.Hint = "a sources file has an error, and the key may be in it"
			}
		}
		l.errs = append(l.errs, e)
	}
	l.warnings = append(l.warnings, res.Warnings...)
	l.warnings = append(l.warnings, cite.Duplicates(lib, dups)...)
	l.warnings = append(l.warnings, cite.Unused(lib, res.Cited)...)
	l.warnings = append(l.warnings, cite.UnsourcedQuotations(l.b)...)
}
