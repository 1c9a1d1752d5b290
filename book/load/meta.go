package load

import (
	"strings"

	"samizdat/book"
	"samizdat/book/manifest"
)

// metadata copies decoded metadata and settings into the book, checking
// the values that have a fixed vocabulary. firstLine is the file line on
// which the YAML starts, for sources written inline.
func (l *loader) metadata(file string, firstLine int, m manifest.Metadata) {
	meta := &l.b.Meta
	meta.Title, meta.Subtitle, meta.Date = m.Title, m.Subtitle, m.Date
	meta.Lang = m.Lang
	if meta.Lang == "" {
		meta.Lang = "en"
	}
	meta.Authors = people(m.Author)
	meta.Description, meta.Rights, meta.Publisher, meta.Identifier = m.Description, m.Rights, m.Publisher, m.Identifier
	meta.Subjects = append([]string(nil), m.Subject...)
	meta.Bibliography = m.Bibliography.Values()
	meta.Source, meta.Category = m.Source, m.Category
	if m.CoverImage.Set() {
		a, err := l.asset("", m.CoverImage.Value, book.Pos{File: file, Line: m.CoverImage.Line, Col: m.CoverImage.Col})
		if err != nil {
			l.errorAt(err)
		} else {
			meta.CoverImage = a
		}
	}
	l.sources = sourceSpec{file: file, firstLine: firstLine, bibliography: m.Bibliography, references: m.References, settings: m.Citations}
	l.applySettings(file, firstLine, "", sections{Notes: m.Notes, PDF: m.PDF, EPUB: m.EPUB, Impose: m.Impose}, &l.b.Output, &l.b.Notes)
	completeImposition(&l.b.Output.Impose)
	if m.Hyphenation != nil {
		l.b.Output.HyphenExceptions = append([]string(nil), m.Hyphenation.Exceptions...)
	}
	if m.Series != nil {
		meta.Series, meta.SeriesPosition = m.Series.Name, m.Series.Position
	}
	for _, kv := range m.Extra {
		meta.Extra = append(meta.Extra, book.KeyValue{Key: kv.Key, Value: kv.Value})
	}
}

// word checks a value against its vocabulary, reporting a bad one at its
// position with the nearest valid value.
func (l *loader) word(file string, w manifest.Word, what string, valid ...string) string {
	for _, v := range valid {
		if w.Value == v {
			return v
		}
	}
	e := book.Errorf(book.Pos{File: file, Line: w.Line, Col: w.Col}, "unknown %s %q; use one of %s", what, w.Value, strings.Join(valid, ", "))
	if s := manifest.Nearest(w.Value, valid); s != "" {
		e.Hint = "did you mean \"" + s + "\"?"
	}
	l.errs = append(l.errs, e)
	return ""
}

// people converts authors from YAML to the model.
func people(ps manifest.People) []book.Person {
	var out []book.Person
	for _, p := range ps {
		out = append(out, book.Person{Name: p.Name, FileAs: p.FileAs, Role: p.Role})
	}
	return out
}

// placeNotes makes sure a book whose notes go at its end has a Notes
// division, and that a listed Notes division means book-end notes.
func (l *loader) placeNotes(file string) {
	var notesDiv *book.Chapter
	for _, ch := range l.b.Back {
		if ch.Kind == book.KindNotes {
			notesDiv = ch
		}
	}
	switch {
	case notesDiv == nil && l.b.Notes.Placement == book.PlaceBookEnd:
		l.b.Back = append([]*book.Chapter{{Kind: book.KindNotes, ID: "notes", Title: []book.Inline{&book.Text{Text: "Notes"}}}}, l.b.Back...)
	case notesDiv != nil && l.b.Notes.Placement != book.PlaceBookEnd:
		l.b.Notes.Placement = book.PlaceBookEnd
	}
}
