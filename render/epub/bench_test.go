package epub

import (
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// benchSentences are the prose of benchmark books: ordinary sentences,
// so that the compressor meets the redundancy real chapters have.
var benchSentences = []string{
	"The handbills were run off at night and carried out in shopping bags.",
	"Each reader was asked to make two copies and pass the original on.",
	"A carbon copy is faint by the fifth sheet, and unreadable by the ninth.",
	"The typewriter had a bent letter e, which made every copy recognisable.",
	"They argued about the wording of the appeal until the candle guttered.",
	"Some pages came back annotated, the notes longer than the text itself.",
	"The postman never asked why the parcels were so heavy and so regular.",
	"Nobody kept a list of subscribers, because a list is evidence.",
	"The translation was made in a week and corrected for the next ten years.",
	"A library of forbidden books fitted on a single shelf behind the coats.",
	"The binding was thread and cardboard, and it outlasted its owners.",
	"Every new edition began with an apology for the errors of the last.",
}

// benchBook makes a book of about pages A5 pages, a chapter per ten
// pages with headings, a note every fourth paragraph and a quotation now
// and then, from a fixed seed so that every run compresses the same text.
func benchBook(pages int) *book.Book {
	r := rand.New(rand.NewPCG(8, uint64(pages)))
	T, P := booktest.T, booktest.P
	prose := func(words int) string {
		var b strings.Builder
		for n := 0; n < words; {
			s := benchSentences[r.IntN(len(benchSentences))]
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			n += strings.Count(s, " ") + 1
		}
		return b.String()
	}
	var chapters []*book.Chapter
	for c := 1; c <= max(1, pages/10); c++ {
		ch := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("ch%d", c),
			Title: []book.Inline{T(fmt.Sprintf("Chapter %d", c))}}
		// About 3,300 words make ten A5 pages.
		for words, i := 0, 0; words < 3300; i++ {
			if i%10 == 9 {
				ch.Blocks = append(ch.Blocks, &book.Heading{Level: 2, ID: fmt.Sprintf("s%d-%d", c, i),
					Inlines: []book.Inline{T(prose(5))}})
			}
			n := 40 + r.IntN(120)
			words += n
			ins := []book.Inline{T(prose(n))}
			if i%4 == 0 {
				note := &book.Note{ID: fmt.Sprintf("n%d-%d", c, i), Refs: 1,
					Blocks: []book.Block{P(T(prose(20 + r.IntN(40))))}}
				ch.Notes = append(ch.Notes, note)
				ins = append(ins, &book.NoteRef{Note: note, Index: 1})
			}
			ch.Blocks = append(ch.Blocks, P(ins...))
			if i%12 == 6 {
				ch.Blocks = append(ch.Blocks, &book.BlockQuote{Blocks: []book.Block{P(T(prose(60)))}})
			}
		}
		chapters = append(chapters, ch)
	}
	b := &book.Book{
		Meta: book.Metadata{Title: "A Benchmark Book", Authors: []book.Person{{Name: "The Benchmark"}}, Lang: "en"},
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

// benchContainer plans and fills the container of a benchmark book, the
// generated cover included, so that only writing the archive is timed.
func benchContainer(b *testing.B, pages int) *container {
	b.Helper()
	p, err := newPlan(benchBook(pages), render.Options{Date: buildDate()})
	if err != nil {
		b.Fatal(err)
	}
	c := newContainer()
	if err := p.fill(c); err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkContainerWrite times compressing and writing the archive of
// a short and a long book at the levels worth comparing; it reports the
// archive's size, so that the choice of deflateLevel can be checked.
func BenchmarkContainerWrite(b *testing.B) {
	for _, pages := range []int{10, 1000} {
		c := benchContainer(b, pages)
		for _, level := range []int{flate.BestCompression, flate.DefaultCompression, 5, 4} {
			b.Run(fmt.Sprintf("pages=%d/level=%d", pages, level), func(b *testing.B) {
				c.level = level
				var cw countingWriter
				for b.Loop() {
					cw = 0
					if err := c.write(&cw, buildDate()); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cw), "bytes/epub")
			})
		}
	}
}

// BenchmarkRender times the whole EPUB renderer, plan, documents, cover
// and archive, on a short and a long book.
func BenchmarkRender(b *testing.B) {
	for _, pages := range []int{10, 1000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			bk := benchBook(pages)
			for b.Loop() {
				if err := New().Render(io.Discard, bk, render.Options{Date: buildDate()}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countingWriter counts the bytes written to it and keeps none.
type countingWriter int64

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
