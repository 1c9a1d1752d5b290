package cover

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRunDeflater inflates what runDeflater writes with compress/zlib,
// which also checks the Adler-32 trailer, for streams with runs of every
// awkward length (too short to copy, one longer than the longest copy,
// millions long) written in pieces that split runs.
func TestRunDeflater(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	random := make([]byte, 5000)
	for i := range random {
		random[i] = byte(r.IntN(4)) * 85
	}
	var lengths []byte
	for n := 1; n <= 600; n++ {
		lengths = append(lengths, bytes.Repeat([]byte{byte(n)}, n)...)
	}
	tests := []struct {
		name   string
		data   []byte
		pieces int
	}{
		{"empty", nil, 1},
		{"one byte", []byte{7}, 1},
		{"every byte value", func() []byte {
			b := make([]byte, 256)
			for i := range b {
				b[i] = byte(i)
			}
			return b
		}(), 3},
		{"runs of 1 to 600", lengths, 1},
		{"runs of 1 to 600 in pieces", lengths, 97},
		{"long runs", append(bytes.Repeat([]byte{0}, 3<<20), bytes.Repeat([]byte{255}, 1<<20+3)...), 5},
		// The checksum takes a run in steps of 2^24 bytes.
		{"a run past 2^24 bytes", append([]byte{1, 2}, bytes.Repeat([]byte{255}, 1<<24+300)...), 2},
		{"few values at random", random, 13},
		{"text", []byte(strings.Repeat("Liberty of unlicensed printing. ", 40)), 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := newRunDeflater(nil)
			step := max(1, len(tt.data)/tt.pieces)
			for i := 0; i < len(tt.data); i += step {
				z.write(tt.data[i:min(i+step, len(tt.data))])
			}
			zr, err := zlib.NewReader(bytes.NewReader(z.close()))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("inflating: %v", err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Errorf("inflates to %d bytes, not the %d written", len(got), len(tt.data))
			}
		})
	}
}
