package pdf

import "samizdat/book"

// Settings are print settings that a book may ask for beyond its page
// size. The book model does not carry them yet; until it does, they are
// given to the renderer (Renderer.Settings) or to LayoutWith.
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

// settingsFor returns the settings for rendering b: those the renderer
// was given. When the model gains fields for them (Book.Output), they are
// read here.
func settingsFor(_ *book.Book, given Settings) Settings {
	return given
}
