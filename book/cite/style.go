package cite

import "strings"

// Style is a citation style: Chicago's notes in one of three forms, or
// its author-date system.
type Style int

// The styles a book may choose with citations: {style: …}.
const (
	// Notes gives a full note the first time a work is cited in a
	// chapter and a short note after that (Chicago's full-note style).
	Notes Style = iota
	// FullNotes gives the full note every time.
	FullNotes
	// ShortNotes gives the short note every time, relying on the
	// bibliography for the full facts (Chicago 17th ed., 14.19).
	ShortNotes
	// AuthorDate puts "(Figes 1996, 823)" in the text and no notes.
	AuthorDate
)

var styleNames = map[string]Style{"notes": Notes, "full-notes": FullNotes, "short-notes": ShortNotes, "author-date": AuthorDate}

// StyleNames are the style names in the order the documentation gives.
var StyleNames = []string{"notes", "full-notes", "short-notes", "author-date"}

// ParseStyle returns the style with the given name.
func ParseStyle(name string) (Style, bool) {
	s, ok := styleNames[strings.ToLower(strings.TrimSpace(name))]
	return s, ok
}

// String returns the style's name as written in book.yaml.
func (s Style) String() string {
	for _, n := range StyleNames {
		if styleNames[n] == s {
			return n
		}
	}
	return "unknown"
}

// Settings are a book's citation settings.
type Settings struct {
	Style Style
	// Ibid uses "Ibid." for a note citing the same single work as the
	// note just before it; otherwise such a note gives the author and
	// the page ("Figes, 824"), as the 17th edition prefers.
	Ibid bool
	// Locators asks for a page or other locator in every citation of a
	// book-length work; check reports citations without one.
	Locators bool
	// PerChapter ends every chapter with a bibliography of the works it
	// cites.
	PerChapter bool
}

// position is where a citation stands among the citations of its
// chapter, as CSL defines it.
type position int

const (
	first position = iota
	subsequent
	ibid
	ibidWithLocator
)
