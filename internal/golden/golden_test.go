package golden

import "testing"

func TestFirstDiff(t *testing.T) {
	tests := []struct{ want, got, diff string }{
		{"a\nb\nc", "a\nx\nc", "line 2:\nwant: \"b\"\ngot:  \"x\""},
		{"a\nb", "a\nb\nc", "line 3:\nwant: \"\"\ngot:  \"c\""},
		{"a\n", "a\r\n", "line 1:\nwant: \"a\"\ngot:  \"a\\r\""},
		{"a", "a", "(the same lines, with other line ends)"},
	}
	for _, tt := range tests {
		if got := FirstDiff(tt.want, tt.got); got != tt.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", tt.want, tt.got, got, tt.diff)
		}
	}
}
