package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkUnclosedBrackets reads lines of many unclosed brackets, a shape
// that once cost quadratic time: ns/op should grow linearly with n.
func BenchmarkUnclosedBrackets(b *testing.B) {
	for _, n := range []int{5_000, 20_000, 80_000} {
		src := []byte("# B\n\n" + strings.Repeat("[", n) + " x\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Parse("b.md", src, Options{FallbackID: "b"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse reads a chapter of plain prose with headings, emphasis
// and notes, the bulk of what a book's manuscripts hold.
func BenchmarkParse(b *testing.B) {
	var src strings.Builder
	src.WriteString("# Chapter\n\n")
	for p := range 200 {
		if p > 0 && p%8 == 0 {
			fmt.Fprintf(&src, "## Section %d\n\n", p/8)
		}
		for s := range 6 {
			fmt.Fprintf(&src, "The editor kept a *ledger* of every quotation and where it came from, in pencil %d.%d. ", p, s)
		}
		if p%5 == 2 {
			fmt.Fprintf(&src, "Noted.[^n%d]", p)
		}
		src.WriteString("\n\n")
	}
	for p := 2; p < 200; p += 5 {
		fmt.Fprintf(&src, "[^n%d]: A note on paragraph %d.\n", p, p)
	}
	data := []byte(src.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("ch.md", data, Options{FallbackID: "ch"}); err != nil {
			b.Fatal(err)
		}
	}
}
