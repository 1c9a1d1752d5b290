package epub

import (
	"compress/flate"
	"fmt"
	"io"
	"testing"

	"samizdat/book/booktest"
	"samizdat/render"
)

// benchContainer plans and fills the container of a benchmark book, the
// generated cover included, so that only writing the archive is timed.
func benchContainer(b *testing.B, pages int) *container {
	b.Helper()
	p, err := newPlan(booktest.Generated(pages), render.Options{Date: buildDate()})
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
			bk := booktest.Generated(pages)
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
