// Package cite turns pandoc-style citations into Chicago-style notes and a
// bibliography. It reads sources in the three forms pandoc reads — CSL
// JSON, CSL YAML and BibTeX/BibLaTeX — into one model (an Entry per work,
// with CSL's variables), formats them in the Chicago Manual of Style's
// notes–bibliography system (17th edition) or its author-date system, and
// applies the formatting to a book: every citation in the text becomes a
// note, a citation inside an author's note is formatted in place, and the
// bibliography division is filled. It also reports what an editor checks
// before a book goes out: quotations without sources, keys that name no
// source, sources never cited.
//
// The formatter follows the CSL styles that pandoc's citeproc uses
// (chicago-note-bibliography.csl, chicago-fullnote-bibliography.csl,
// chicago-author-date.csl); testdata/regenerate.sh produces the expected
// output with pandoc and lists every deliberate difference.
package cite

import (
	"sort"

	"samizdat/book"
)

// Entry is one source: a work in the bibliography, described with the
// variables of the Citation Style Language.
type Entry struct {
	// Key is the citation key ("mill1859").
	Key string
	// Type is the CSL type ("book", "chapter", "article-journal" …).
	Type string
	// Vars holds the text variables by CSL name ("title",
	// "container-title", "publisher" …), already styled where the source
	// gave italics or protected case.
	Vars map[string]Text
	// Names holds the name variables ("author", "editor", "translator" …).
	Names map[string][]Name
	// Dates holds the date variables ("issued", "original-date",
	// "accessed").
	Dates map[string]Date
	// Lang is the work's language as a tag ("en-US", "fr-FR"); empty
	// means English. Titles are set in title case only in English.
	Lang string
	// Pos is where the entry is written in its sources file.
	Pos book.Pos
}

// Var returns a text variable, empty when the entry has none.
func (e *Entry) Var(name string) Text { return e.Vars[name] }

// Has reports whether the entry has any of the named variables, of any
// kind.
func (e *Entry) Has(names ...string) bool {
	for _, n := range names {
		if !e.Vars[n].Empty() || len(e.Names[n]) > 0 || !e.Dates[n].IsZero() {
			return true
		}
	}
	return false
}

// Is reports whether the entry's type is one of types.
func (e *Entry) Is(types ...string) bool {
	for _, t := range types {
		if e.Type == t {
			return true
		}
	}
	return false
}

// english reports whether the work is in English (or has no language),
// the only case where CSL sets titles in title case.
func (e *Entry) english() bool {
	return e.Lang == "" || e.Lang == "en" || len(e.Lang) > 3 && e.Lang[:3] == "en-"
}

// newEntry makes an empty entry.
func newEntry(key string, pos book.Pos) *Entry {
	return &Entry{Key: key, Vars: map[string]Text{}, Names: map[string][]Name{}, Dates: map[string]Date{}, Pos: pos}
}

// Name is a person or an organization as CSL describes it.
type Name struct {
	Family string
	Given  string
	// DroppingParticle is dropped from the short form ("de" in Alexis de
	// Tocqueville: "Tocqueville"); NonDroppingParticle is kept ("van" in
	// Vincent van Gogh: "van Gogh").
	DroppingParticle    string
	NonDroppingParticle string
	Suffix              string
	// CommaSuffix puts a comma before the suffix in running order.
	CommaSuffix bool
	// Literal is a name taken as written: an organization ("Royal
	// Society"), or a single name.
	Literal string
}

// IsZero reports whether the name is empty.
func (n Name) IsZero() bool { return n == Name{} }

// Library is the set of sources a book cites from, in the order read.
type Library struct {
	Entries []*Entry
	byKey   map[string]*Entry
}

// NewLibrary indexes entries by key. When a key is written twice the
// first entry counts; the duplicates are returned so that they can be
// reported.
func NewLibrary(entries []*Entry) (*Library, []*Entry) {
	lib := &Library{byKey: map[string]*Entry{}}
	var dups []*Entry
	for _, e := range entries {
		if _, taken := lib.byKey[e.Key]; taken {
			dups = append(dups, e)
			continue
		}
		lib.byKey[e.Key] = e
		lib.Entries = append(lib.Entries, e)
	}
	return lib, dups
}

// Lookup returns the entry with the key, or nil.
func (l *Library) Lookup(key string) *Entry {
	if l == nil {
		return nil
	}
	return l.byKey[key]
}

// Keys returns every key in sorted order, for suggestions.
func (l *Library) Keys() []string {
	if l == nil {
		return nil
	}
	keys := make([]string, 0, len(l.byKey))
	for k := range l.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
