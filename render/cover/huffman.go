package cover

import (
	"math/bits"
	"slices"
)

// A cover's image data uses few symbols, most of them very often: the
// ground's index, the longest copy, the distances one and one row. The
// fixed codes of DEFLATE spend seven to nine bits on each of them, so
// every block carries Huffman codes of its own (RFC 1951, 3.2.7), made
// from the counts of the block's symbols.

// maxCodeBits is the longest code DEFLATE allows for literals, lengths
// and distances, maxLengthCodeBits the longest for the code that codes
// their lengths.
const (
	maxCodeBits       = 15
	maxLengthCodeBits = 7
)

// codeLengths sets lens[s] to the length of symbol s's code in a Huffman
// code for the counts freq, no code longer than limit bits. Symbols that
// do not occur get no code, but the code always has at least two: a
// one-symbol code is one that some inflaters refuse. Ties are broken by
// symbol, so equal counts give equal codes.
func codeLengths(freq []uint32, limit int, lens []uint8) {
	clear(lens)
	type leaf struct {
		freq uint32
		sym  int
	}
	var leaves []leaf
	for s, f := range freq {
		if f > 0 {
			leaves = append(leaves, leaf{f, s})
		}
	}
	for s := 0; len(leaves) < 2; s++ {
		if freq[s] == 0 {
			leaves = append(leaves, leaf{1, s})
		}
	}
	slices.SortFunc(leaves, func(a, b leaf) int {
		if a.freq != b.freq {
			return int(int64(a.freq) - int64(b.freq))
		}
		return a.sym - b.sym
	})
	// The two-queue construction: the leaves in order and the internal
	// nodes as they are made, which come out in order too. depth is
	// worked out afterwards from each node's parent.
	n := len(leaves)
	weight := make([]uint64, 2*n-1)
	parent := make([]int, 2*n-1)
	for i, l := range leaves {
		weight[i] = uint64(l.freq)
	}
	li, ni := 0, n // the next leaf and the next internal node not yet joined
	pick := func(made int) int {
		if li < n && (ni >= made || weight[li] <= weight[ni]) {
			li++
			return li - 1
		}
		ni++
		return ni - 1
	}
	for made := n; made < 2*n-1; made++ {
		a := pick(made)
		b := pick(made)
		weight[made] = weight[a] + weight[b]
		parent[a], parent[b] = made, made
	}
	depth := make([]int, 2*n-1)
	var count [64]int // how many leaves have each depth
	for i := 2*n - 3; i >= 0; i-- {
		depth[i] = depth[parent[i]] + 1
		if i < n {
			count[depth[i]]++
		}
	}
	// Codes longer than limit are shortened as in JPEG (ITU T.81,
	// K.3): two leaves at the deepest level are replaced by one there
	// and one beneath a leaf moved down from a shallower level, which
	// keeps the code complete.
	for d := len(count) - 1; d > limit; d-- {
		for count[d] > 0 {
			j := d - 2
			for count[j] == 0 {
				j--
			}
			count[d] -= 2
			count[d-1]++
			count[j+1] += 2
			count[j]--
		}
	}
	// The rarest symbols get the longest codes.
	i := 0
	for d := limit; d > 0; d-- {
		for range count[d] {
			lens[leaves[i].sym] = uint8(d)
			i++
		}
	}
}

// canonical makes the canonical code (RFC 1951, 3.2.2) with the lengths
// lens into code.
func canonical(lens []uint8, code []prefixCode) {
	var count, next [maxCodeBits + 2]uint16
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	c := uint16(0)
	for l := 1; l <= maxCodeBits; l++ {
		c = (c + count[l-1]) << 1
		next[l] = c
	}
	for s, l := range lens {
		code[s] = prefixCode{}
		if l > 0 {
			code[s] = prefixCode{bits.Reverse16(next[l]) >> (16 - l), l}
			next[l]++
		}
	}
}

// lengthOrder is the order in which the lengths of the code-length code
// are written (RFC 1951, 3.2.7).
const lengthOrder = "\x10\x11\x12\x00\x08\x07\x09\x06\x0a\x05\x0b\x04\x0c\x03\x0d\x02\x0e\x01\x0f"
