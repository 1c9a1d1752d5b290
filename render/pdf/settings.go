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
}

// settingsFor returns the settings for rendering b: the book's own
// (Book.Output, from the manifest), with those the renderer was given
// added.
func settingsFor(b *book.Book, given Settings) Settings {
	s := given
	s.RectoChapters = s.RectoChapters || b.Output.RectoChapters
	s.HyphenExceptions = append(append([]string(nil), b.Output.HyphenExceptions...), s.HyphenExceptions...)
	return s
}
