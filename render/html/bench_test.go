package html

import (
	"fmt"
	"io"
	"testing"

	"samizdat/book/booktest"
	"samizdat/render"
)

// BenchmarkRender times the whole HTML renderer on a short and a long
// generated book, so that changes to the hot writing paths can be
// measured without the rest of a build.
func BenchmarkRender(b *testing.B) {
	for _, pages := range []int{10, 1000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			bk := booktest.Generated(pages)
			for b.Loop() {
				if err := New().Render(io.Discard, bk, render.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
