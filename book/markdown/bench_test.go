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
