package pdf

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// generatedBook makes a book of about pages A5 pages: chapters of ten
// pages of prose with section headings, a note every third paragraph and
// now and then a quotation, from a fixed seed.
func generatedBook(pages int) *book.Book {
	r := rand.New(rand.NewPCG(7, uint64(pages)))
	T := booktest.T
	var chapters []*book.Chapter
	for c := 1; c <= max(1, pages/10); c++ {
		ch := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("ch%d", c), Title: []book.Inline{T(fmt.Sprintf("Chapter %d", c))}}
		// About 2,200 words make ten A5 pages with their notes.
		for words, i := 0, 0; words < 2200; i++ {
			if i%9 == 8 {
				ch.Blocks = append(ch.Blocks, &book.Heading{Level: 2, ID: fmt.Sprintf("s%d-%d", c, i), Inlines: []book.Inline{T(prose(r, 4))}})
			}
			n := 40 + r.IntN(110)
			words += n
			ins := []book.Inline{T(prose(r, n))}
			if i%3 == 0 {
				note := &book.Note{ID: fmt.Sprintf("n%d-%d", c, i), Refs: 1, Blocks: []book.Block{booktest.P(T(prose(r, 15+r.IntN(40))))}}
				ch.Notes = append(ch.Notes, note)
				ins = append(ins, &book.NoteRef{Note: note, Index: 1})
			}
			ch.Blocks = append(ch.Blocks, booktest.P(ins...))
			if i%11 == 5 {
				ch.Blocks = append(ch.Blocks, &book.BlockQuote{Blocks: []book.Block{booktest.P(T(prose(r, 50)))}})
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
	items := ts.items([]book.Inline{booktest.T(prose(rand.New(rand.NewPCG(1, 1)), 150))}, e.span(), book.Pos{})
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
