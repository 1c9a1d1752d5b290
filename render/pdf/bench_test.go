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

// BenchmarkBreakLines breaks a 150-word justified paragraph, hyphenation
// points included.
func BenchmarkBreakLines(b *testing.B) {
	fs, err := loadFaces(nil)
	if err != nil {
		b.Fatal(err)
	}
	bk := booktest.Generated(10)
	ts := newTypesetter(bk, fs, Size{419.53, 595.28}, Settings{})
	defer ts.setLang("en")()
	e := ts.bodyEnv()
	items := ts.items([]book.Inline{booktest.T(booktest.Paragraph(rand.New(rand.NewPCG(1, 1)), 150))}, e.span(), book.Pos{})
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
			bk := booktest.Generated(pages)
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
	doc, _ := mustLayout(t, booktest.Generated(100))
	if n := len(doc.Pages); n < 90 || n > 115 {
		t.Errorf("a 100-page generated book has %d pages", n)
	}
}
