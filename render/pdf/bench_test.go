package pdf

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// sentences are the material of generated paragraphs: ordinary prose, so
// that the line breaker meets what books hold.
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

// paragraph returns about n words of sentences drawn by r.
func paragraph(r *rand.Rand, n int) string {
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

// generatedBook makes a book of about pages A5 pages: chapters of ten
// pages of prose with section headings, a note every third paragraph and
// now and then a quotation, from a fixed seed.
func generatedBook(pages int) *book.Book {
	r := rand.New(rand.NewPCG(7, uint64(pages)))
	T := booktest.T
	var chapters []*book.Chapter
	for c := 1; c <= max(1, pages/10); c++ {
		ch := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("ch%d", c), Title: []book.Inline{T(fmt.Sprintf("Chapter %d", c))}}
		// About 2,600 words make ten A5 pages with their notes.
		for words, i := 0, 0; words < 2600; i++ {
			if i%9 == 8 {
				ch.Blocks = append(ch.Blocks, &book.Heading{Level: 2, ID: fmt.Sprintf("s%d-%d", c, i), Inlines: []book.Inline{T(prose(r, 4))}})
			}
			n := 40 + r.IntN(110)
			words += n
			ins := []book.Inline{T(paragraph(r, n))}
			if i%3 == 0 {
				note := &book.Note{ID: fmt.Sprintf("n%d-%d", c, i), Refs: 1, Blocks: []book.Block{booktest.P(T(paragraph(r, 15+r.IntN(40))))}}
				ch.Notes = append(ch.Notes, note)
				ins = append(ins, &book.NoteRef{Note: note, Index: 1})
			}
			ch.Blocks = append(ch.Blocks, booktest.P(ins...))
			if i%11 == 5 {
				ch.Blocks = append(ch.Blocks, &book.BlockQuote{Blocks: []book.Block{booktest.P(T(paragraph(r, 50)))}})
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

// BenchmarkBreakLines breaks a 150-word justified paragraph, hyphenation
// points included.
func BenchmarkBreakLines(b *testing.B) {
	fs, err := loadFaces(nil)
	if err != nil {
		b.Fatal(err)
	}
	bk := generatedBook(10)
	ts := newTypesetter(bk, fs, Size{419.53, 595.28}, Settings{})
	defer ts.setLang("en")()
	e := ts.bodyEnv()
	items := ts.items([]book.Inline{booktest.T(paragraph(rand.New(rand.NewPCG(1, 1)), 150))}, e.span(), book.Pos{})
	for b.Loop() {
		breakLines(items, e.width-e.em(), e.width, false)
	}
}

// BenchmarkPamphlet renders the sample pamphlet (A6, its own setting),
// layout and PDF writing, as the build does.
func BenchmarkPamphlet(b *testing.B) {
	bk := manuscript("pamphlet", "a6")(b)
	b.ResetTimer()
	for b.Loop() {
		if err := New().Render(io.Discard, bk, render.Options{Date: testDate()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBook renders generated books of several lengths, to show the
// time per page staying flat as books grow; it reports pages per second.
func BenchmarkBook(b *testing.B) {
	for _, pages := range []int{250, 500, 1000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			bk := generatedBook(pages)
			doc, err := Layout(bk, render.Options{Date: testDate()})
			if err != nil {
				b.Fatal(err)
			}
			n := len(doc.Pages)
			b.ResetTimer()
			for b.Loop() {
				if err := New().Render(io.Discard, bk, render.Options{Date: testDate()}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "pages")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// TestGeneratedBookLength keeps the benchmark honest: a book generated
// for a number of pages comes out within a tenth of it.
func TestGeneratedBookLength(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out a 100-page book")
	}
	doc, _ := mustLayout(t, generatedBook(100))
	if n := len(doc.Pages); n < 90 || n > 115 {
		t.Errorf("a 100-page generated book has %d pages", n)
	}
}
