package epub

import (
	"strings"
	"testing"
)

func TestIndent(t *testing.T) {
	for _, depth := range []int{0, 1, 16, 17, 40} {
		w := xbuf{depth: depth}
		w.indent()
		if got, want := w.String(), strings.Repeat("  ", depth); got != want {
			t.Errorf("indent at depth %d = %d spaces, want %d", depth, len(got), len(want))
		}
	}
}
