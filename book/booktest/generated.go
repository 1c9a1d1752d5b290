package booktest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"samizdat/book"
)

// sentences are the material of generated paragraphs: ordinary prose, so
// that line breakers and compressors meet what books hold.
var sentences = strings.Split(`The reading room opened at seven, and by half past the chairs were gone.|
Nobody could say who had brought the first copy, only that it had been read to pieces.|
A pamphlet is a letter addressed to whoever picks it up.|
The printer set the type by hand and checked every line against the manuscript twice.|
She kept the stencils in a biscuit tin under the stairs, wrapped in newspaper.|
When the paper ran out they printed on the backs of old posters.|
Each sheet was folded twice, so that it would fit in a coat pocket without showing.|
The argument went on long after the lamps were lit, and nobody minded.|
A footnote should tell the reader where a quotation comes from and then be quiet.|
There were misprints, of course, and the readers corrected them in pencil.|
The second printing was larger than the first, and the third larger still.|
He read the essay aloud to anyone who would listen, and many did.|
What travels by hand travels slowly, but it arrives.|
The committee met on Thursdays in the back room of the co-operative hall.|
Every copy that left the room was read by more people than anyone could count.|
The margins were narrow because paper was dear, and the type was small for the same reason.`, "|\n")

// Paragraph returns about n words of sentences drawn by r.
func Paragraph(r *rand.Rand, n int) string {
	var b strings.Builder
	for words := 0; words < n; {
		s := sentences[r.IntN(len(sentences))]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		words += strings.Count(s, " ") + 1
	}
	return b.String()
}

// Generated makes a book of about pages A5 pages for benchmarks: chapters
// of ten pages of prose with section headings, a note every third
// paragraph and now and then a quotation, from a fixed seed, so that
// every run sets and compresses the same text.
func Generated(pages int) *book.Book {
	r := rand.New(rand.NewPCG(7, uint64(pages)))
	var chapters []*book.Chapter
	for c := 1; c <= max(1, pages/10); c++ {
		ch := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("ch%d", c), Title: []book.Inline{T(fmt.Sprintf("Chapter %d", c))}}
		// About 2,600 words make ten A5 pages with their notes.
		for words, i := 0, 0; words < 2600; i++ {
			if i%9 == 8 {
				ch.Blocks = append(ch.Blocks, &book.Heading{Level: 2, ID: fmt.Sprintf("s%d-%d", c, i), Inlines: []book.Inline{T(Paragraph(r, 4))}})
			}
			n := 40 + r.IntN(110)
			words += n
			ins := []book.Inline{T(Paragraph(r, n))}
			if i%3 == 0 {
				note := &book.Note{ID: fmt.Sprintf("n%d-%d", c, i), Refs: 1, Blocks: []book.Block{P(T(Paragraph(r, 15+r.IntN(40))))}}
				ch.Notes = append(ch.Notes, note)
				ins = append(ins, &book.NoteRef{Note: note, Index: 1})
			}
			ch.Blocks = append(ch.Blocks, P(ins...))
			if i%11 == 5 {
				ch.Blocks = append(ch.Blocks, &book.BlockQuote{Blocks: []book.Block{P(T(Paragraph(r, 50)))}})
			}
		}
		chapters = append(chapters, ch)
	}
	b := &book.Book{
		Meta: book.Metadata{Title: "Generated", Authors: []book.Person{{Name: "A. Bench"}}, Lang: "en"},
		Front: []*book.Chapter{
			{Kind: book.KindHalfTitle, ID: "half-title"},
			{Kind: book.KindTitlePage, ID: "title-page"},
			{Kind: book.KindContents, ID: "contents"},
		},
		Parts: []*book.Part{{ID: "body", Chapters: chapters}},
	}
	book.NumberNotes(b)
	return b
}
