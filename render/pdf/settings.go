package pdf

import "samizdat/book"

// Settings are print settings that a book may ask for beyond its page
// size. The book carries them in Book.Output (from the manifest); a
// renderer or LayoutWith may be given more.
type Settings struct {
	// RectoChapters opens every chapter on a right-hand page, leaving
	// the page before it blank when needed (manifest: pdf: {recto-chapters:
	// true}). Parts and the front matter's titled divisions always open
	// on a recto.
	RectoChapters bool
	// HyphenExceptions are the book's own hyphenations, written with
	// hyphens where a word may break ("sam-iz-dat"; a word without
	// hyphens is never broken). They apply in every language and take
	// precedence over the patterns and their exception lists (manifest:
	// hyphenation: {exceptions: [...]}).
	HyphenExceptions []string
	// BlanksBeforeBack is a number of blank pages, without running head
	// or folio, set after the last body page and before the back matter
	// (at the end when there is none). An imposed booklet pads its pages
	// to a multiple of four with them; as they are laid out with the
	// rest, the back matter's folios and the contents stay right.
	BlanksBeforeBack int
	// Booklet pads the pages to a multiple of four, as a booklet's
	// sheets need, with blank pages before the back matter (added to
	// BlanksBeforeBack). A book to be imposed as a booklet (Book.Output.
	// Impose) is laid out so by every print output — the PDF, the sheet
	// file and the page marks an e-book takes — so that all show the
	// same folios.
	Booklet bool
}

// settingsFor returns the settings for rendering b: the book's own
// (Book.Output, from the manifest), with those the renderer was given
// added.
func settingsFor(b *book.Book, given Settings) Settings {
	s := given
	s.RectoChapters = s.RectoChapters || b.Output.RectoChapters
	s.Booklet = s.Booklet || b.Output.Impose.Layout == "booklet"
	s.HyphenExceptions = append(append([]string(nil), b.Output.HyphenExceptions...), s.HyphenExceptions...)
	return s
}
