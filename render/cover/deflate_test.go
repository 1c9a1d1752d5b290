package cover

import (
	"bytes"
	"compress/zlib"
	"hash/adler32"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDeflater inflates what deflater writes with compress/zlib, which
// also checks the Adler-32 trailer, for streams cut into rows of several
// widths and parsed as the PNG writer parses them: runs of every awkward
// length (too short to copy, one longer than the longest copy, millions
// long), rows repeating the one above, wholly or in part, and enough
// tokens for several blocks.
func TestDeflater(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	random := make([]byte, 50000)
	for i := range random {
		random[i] = byte(r.IntN(4)) * 85
	}
	var lengths []byte
	for n := 1; n <= 600; n++ {
		lengths = append(lengths, bytes.Repeat([]byte{byte(n)}, n)...)
	}
	// Rows of 97 bytes, each the one above with a few bytes changed.
	stripes := make([]byte, 97*400)
	for i := range stripes {
		if i < 97 || r.IntN(30) == 0 {
			stripes[i] = byte(r.IntN(256))
		} else {
			stripes[i] = stripes[i-97]
		}
	}
	tests := []struct {
		name  string
		data  []byte
		width int // of a row, without its filter byte
	}{
		{"empty", nil, 10},
		{"one byte", []byte{7}, 1},
		{"every byte value", func() []byte {
			b := make([]byte, 256)
			for i := range b {
				b[i] = byte(i)
			}
			return b
		}(), 256},
		{"runs of 1 to 600", lengths, len(lengths)},
		{"runs of 1 to 600 in rows", lengths, 97},
		{"long runs", append(bytes.Repeat([]byte{0}, 3<<20), bytes.Repeat([]byte{255}, 1<<20+3)...), 1<<20 + 3},
		{"rows too wide to copy from", bytes.Repeat([]byte("ab"), 1<<16), 1 << 16},
		{"few values at random", random, 50},
		{"rows like the one above", stripes, 97},
		{"text", []byte(strings.Repeat("Liberty of unlicensed printing. ", 40)), 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := newDeflater(nil)
			var want, above []byte
			for i := 0; i < len(tt.data); i += tt.width {
				cur := append([]byte{0}, tt.data[i:min(i+tt.width, len(tt.data))]...)
				if len(above) != len(cur) {
					above = nil
				}
				tokens, _ := parseRow(nil, cur, above, 0, len(cur))
				z.add(tokens)
				s1, s2 := adlerSums(cur)
				z.addSums(len(cur), s1, s2)
				want = append(want, cur...)
				above = cur
			}
			zr, err := zlib.NewReader(bytes.NewReader(z.close()))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("inflating: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("inflates to %d bytes, not the %d written", len(got), len(want))
			}
		})
	}
}

// TestAdlerSums compares the sums, put together as a stream's checksum,
// with hash/adler32 for lengths around the word size and the reduction
// interval, of bytes that make the sums largest and of random ones.
func TestAdlerSums(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 1601, 1<<16 - 1, 1 << 16, 1<<16 + 9, 3<<16 + 5} {
		for _, fill := range []string{"max", "random"} {
			p := bytes.Repeat([]byte{255}, n)
			if fill == "random" {
				for i := range p {
					p[i] = byte(r.Uint32())
				}
			}
			z := deflater{a: 1}
			// In two pieces, to check that sums of pieces add up.
			for _, piece := range [][]byte{p[:n/3], p[n/3:]} {
				s1, s2 := adlerSums(piece)
				z.addSums(len(piece), s1, s2)
			}
			if got, want := uint32(z.b<<16|z.a), adler32.Checksum(p); got != want {
				t.Errorf("%d bytes, %s: checksum %08x; want %08x", n, fill, got, want)
			}
		}
	}
}

// TestCodeLengths checks that the codes are complete prefix codes within
// the length limit, giving shorter codes to more frequent symbols, for
// counts that make an unlimited Huffman code far too long (Fibonacci
// numbers), counts with one symbol or none, and random counts.
func TestCodeLengths(t *testing.T) {
	fib := make([]uint32, 30)
	fib[0], fib[1] = 1, 1
	for i := 2; i < len(fib); i++ {
		fib[i] = fib[i-1] + fib[i-2]
	}
	one := make([]uint32, 19)
	one[18] = 5
	r := rand.New(rand.NewPCG(11, 12))
	random := make([]uint32, 286)
	for i := range random {
		if r.IntN(3) == 0 {
			random[i] = r.Uint32N(100000)
		}
	}
	tests := []struct {
		name  string
		freq  []uint32
		limit int
	}{
		{"fibonacci within 15", fib, 15},
		{"fibonacci within 7", fib[:19], 7},
		{"one symbol", one, 7},
		{"no symbols", make([]uint32, 30), 15},
		{"random", random, 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lens := make([]uint8, len(tt.freq))
			codeLengths(tt.freq, tt.limit, lens)
			kraft, used := 0, 0
			for s, l := range lens {
				if int(l) > tt.limit {
					t.Fatalf("symbol %d has a code of %d bits", s, l)
				}
				if l > 0 {
					kraft += 1 << (tt.limit - int(l))
					used++
				} else if tt.freq[s] > 0 {
					t.Fatalf("symbol %d occurs but has no code", s)
				}
				for s2, l2 := range lens {
					if l > 0 && l2 > 0 && tt.freq[s] > tt.freq[s2] && l > l2 {
						t.Fatalf("symbol %d is more frequent than %d but has a longer code", s, s2)
					}
				}
			}
			if kraft != 1<<tt.limit || used < 2 {
				t.Errorf("%d codes, Kraft sum %d/%d; want a complete code of two or more", used, kraft, 1<<tt.limit)
			}
		})
	}
}
