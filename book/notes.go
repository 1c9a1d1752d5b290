package book

// NumberNotes assigns every note its number according to the book's note
// scope: from 1 in each chapter, or running through the whole book. It is a
// transform on the model, done once, so that every renderer shows the same
// numbers.
func NumberNotes(b *Book) {
	n := 0
	for _, ch := range b.AllChapters() {
		if b.Notes.Scope == ScopeChapter {
			n = 0
		}
		for _, note := range ch.Notes {
			n++
			note.Number = n
		}
	}
}
