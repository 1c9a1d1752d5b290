package markdown

import (
	"slices"
	"testing"
)

func TestLineStarts(t *testing.T) {
	tests := []struct {
		src  string
		want []int
	}{
		{"", []int{0}},
		{"one line", []int{0}},
		{"a\n", []int{0, 2}},
		{"a\nbc\n\nd", []int{0, 2, 5, 6}},
		{"\n\n", []int{0, 1, 2}},
	}
	for _, tt := range tests {
		if got := lineStarts([]byte(tt.src)); !slices.Equal(got, tt.want) {
			t.Errorf("lineStarts(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
