package cover

import (
	"encoding/binary"
	"math/bits"
)

// The cover is written as PNG by a small encoder of its own rather than
// image/png. A cover is four megabytes of palette indexes, almost all
// of them long runs of the ground, the frame's colour or full ink, in
// rows that repeat the row above wholly or for the most part. image/png
// spends most of its time finding those runs and rows again with a
// general-purpose LZ77 matcher (and at its fastest level makes 50 KB of
// a generated book's cover). Here each row is parsed knowing where
// matches are (see parseRow): a run is a copy of the byte before, a
// stretch like the row above a copy from one row back, or, filtered up,
// a run of zeros. The tokens are written in blocks with Huffman codes
// made for each block (huffman.go), since a cover uses a handful of
// symbols very often.
//
// The generated 10-page book's cover takes 32.4 KB so, about what a
// second DEFLATE at level 5 made in the EPUB of the 114 KB that
// runs alone with the fixed codes took (32.3 KB), so the EPUB stores
// the PNG as it is rather than compressing it again. The bytes do not
// depend on the Go version's compress/flate.

// adlerMod is the modulus of the Adler-32 checksum.
const adlerMod = 65521

// token is one item of the compressed stream before it is coded: a
// literal byte (below 1<<16) or a copy, its length in the high half and
// its distance in the low.
type token uint32

// literal is the token for the byte v.
func literal(v byte) token { return token(v) }

// repeatToken stands in the tokens of a block for the deflater's repeat:
// no literal or copy has its value.
const repeatToken token = 1<<32 - 1

// copyOf is the token for a copy of length bytes from distance bytes
// back (minCopy to maxCopy, and 1 to maxDistance).
func copyOf(length, distance int) token { return token(length<<16 | distance) }

// minCopy and maxCopy are the shortest and longest copies DEFLATE can
// express, maxDistance the farthest.
const (
	minCopy     = 3
	maxCopy     = 258
	maxDistance = 32768
)

// blockTokens is how many tokens a block holds at most. A block's codes
// cost some 40 to 70 bytes; a cover of 20,000 to 60,000 tokens is a few
// blocks, whose codes suit the parts of the cover they cover (rows of
// ground and frame, rows of text).
const blockTokens = 1 << 14

// deflater writes a zlib stream of DEFLATE blocks with codes of their
// own, from tokens its caller has parsed. The checksum is the caller's
// to give too (see addSums), since it knows where bytes repeat.
type deflater struct {
	out    []byte
	acc    uint64 // bits not yet in out, the first in the lowest bit
	nacc   uint
	a, b   uint64 // the Adler-32 sums
	tokens []token
	// repeat is the tokens of a row that repeats the one above, which
	// tokens holds as repeatToken alone (see addRepeat); repeats counts
	// them in the block, and held is how many tokens the block holds,
	// each repeat's counted whole.
	repeat  []token
	repeats uint32
	held    int
	// litFreq and distFreq count the block's literal/length and
	// distance symbols.
	litFreq  [286]uint32
	distFreq [30]uint32
	// copies[l] is how a copy of length l is written.
	copies [maxCopy + 1]copyCode
	// Room for a block's codes.
	litLens  [286]uint8
	distLens [30]uint8
	lit      [286]prefixCode
	dist     [30]prefixCode
}

// prefixCode is a Huffman code ready to be written least significant
// bit first, as DEFLATE packs them.
type prefixCode struct {
	bits uint16
	len  uint8
}

// copyCode is a copy length or distance as DEFLATE writes it: a symbol
// and extra bits.
type copyCode struct {
	symbol    uint16
	extra     uint16
	extraBits uint8
}

// newDeflater starts a zlib stream, to be appended to out.
func newDeflater(out []byte) *deflater {
	z := &deflater{out: out, a: 1, tokens: make([]token, 0, blockTokens+maxCopy)}
	// Length symbols (RFC 1951, 3.2.5): 257 to 264 stand for 3 to 10,
	// then each group of four symbols takes one more extra bit, up to
	// 284; 285 is 258 alone.
	base := minCopy
	for sym := 257; sym < 285; sym++ {
		extra := 0
		if sym >= 265 {
			extra = (sym - 261) / 4
		}
		for k := 0; k < 1<<extra && base+k < maxCopy; k++ {
			z.copies[base+k] = copyCode{uint16(sym), uint16(k), uint8(extra)}
		}
		base += 1 << extra
	}
	z.copies[maxCopy] = copyCode{symbol: 285}
	// The zlib header: DEFLATE with a 32 KB window, the fastest
	// compression level, and a check value making it a multiple of 31.
	z.out = append(z.out, 0x78, 0x01)
	return z
}

// distanceCode is how a distance is written (RFC 1951, 3.2.5): codes 0
// to 3 stand for 1 to 4, then each pair of codes takes one more extra
// bit.
func distanceCode(d int) copyCode {
	x := uint32(d - 1)
	if x < 4 {
		return copyCode{symbol: uint16(x)}
	}
	n := bits.Len32(x) - 2 // extra bits
	return copyCode{uint16(2*n + 2 + int(x>>n&1)), uint16(x & (1<<n - 1)), uint8(n)}
}

// bits writes the n low bits of v, n at most 32.
func (z *deflater) bits(v uint64, n uint) {
	z.acc, z.nacc, z.out = putBits(z.acc, z.nacc, z.out, v, n)
}

// putBits adds the n low bits of v, n at most 32, to the bits acc (nacc
// of them, fewer than 32) not yet in out. It takes and returns the
// writer's state rather than a pointer to it, so that a loop writing a
// block's codes keeps the state in registers.
func putBits(acc uint64, nacc uint, out []byte, v uint64, n uint) (uint64, uint, []byte) {
	acc |= v << nacc
	nacc += n
	if nacc >= 32 {
		out = binary.LittleEndian.AppendUint32(out, uint32(acc))
		acc >>= 32
		nacc -= 32
	}
	return acc, nacc, out
}

// code writes a Huffman code.
func (z *deflater) code(c prefixCode) { z.bits(uint64(c.bits), uint(c.len)) }

// add appends tokens to the stream, writing out a block whenever one is
// full.
func (z *deflater) add(ts []token) {
	for _, t := range ts {
		if t < 1<<16 {
			z.litFreq[t]++
		} else {
			z.litFreq[z.copies[t>>16].symbol]++
			z.distFreq[distanceCode(int(t&0xffff)).symbol]++
		}
	}
	z.tokens = append(z.tokens, ts...)
	z.held += len(ts)
	if z.held >= blockTokens {
		z.block(false)
	}
}

// addRepeat appends the tokens of a row that repeats the one above,
// z.repeat, as one token. Two thirds of a cover's rows are such rows,
// a third of its tokens: their symbols are counted once for the block
// and their codes made once (see block), not token by token.
func (z *deflater) addRepeat() {
	z.repeats++
	z.tokens = append(z.tokens, repeatToken)
	z.held += len(z.repeat)
	if z.held >= blockTokens {
		z.block(false)
	}
}

// addSums adds n bytes to the checksum whose sum is s1 and whose sum
// of partial sums is s2 (s1 and s2 of n bytes alone, modulo adlerMod):
// each of the n bytes adds the running sum a to b, so b gains n·a
// besides.
func (z *deflater) addSums(n int, s1, s2 uint64) {
	z.b = (z.b + uint64(n)%adlerMod*z.a + s2) % adlerMod
	z.a = (z.a + s1) % adlerMod
}

// block writes the tokens gathered as one block with codes made for
// them (RFC 1951, 3.2.7), the last block of the stream if final.
func (z *deflater) block(final bool) {
	z.litFreq[256]++ // the end of the block
	if z.repeats > 0 {
		for _, t := range z.repeat {
			if t < 1<<16 {
				z.litFreq[t] += z.repeats
			} else {
				z.litFreq[z.copies[t>>16].symbol] += z.repeats
				z.distFreq[distanceCode(int(t&0xffff)).symbol] += z.repeats
			}
		}
	}
	codeLengths(z.litFreq[:], maxCodeBits, z.litLens[:])
	codeLengths(z.distFreq[:], maxCodeBits, z.distLens[:])
	canonical(z.litLens[:], z.lit[:])
	canonical(z.distLens[:], z.dist[:])
	if final {
		z.bits(1, 1)
	} else {
		z.bits(0, 1)
	}
	z.bits(2, 2) // compressed with codes of its own
	z.writeCodes()
	// A repeated row's codes, at most 32 bits to a piece.
	var rowRoom [2 * 16]prefixBits
	row := rowRoom[:0]
	if z.repeats > 0 {
		row = z.appendCodes(row, z.repeat)
	}
	acc, nacc, out := z.acc, z.nacc, z.out
	for _, t := range z.tokens {
		switch {
		case t < 1<<16:
			c := z.lit[t]
			acc, nacc, out = putBits(acc, nacc, out, uint64(c.bits), uint(c.len))
		case t == repeatToken:
			for _, p := range row {
				acc, nacc, out = putBits(acc, nacc, out, p.bits, p.len)
			}
		default:
			l, d := z.lengthBits(t)
			acc, nacc, out = putBits(acc, nacc, out, l.bits, l.len)
			acc, nacc, out = putBits(acc, nacc, out, d.bits, d.len)
		}
	}
	z.acc, z.nacc, z.out = acc, nacc, out
	z.code(z.lit[256])
	z.tokens, z.repeats, z.held = z.tokens[:0], 0, 0
	clear(z.litFreq[:])
	clear(z.distFreq[:])
}

// prefixBits is bits to write: up to 32, a code and its extra bits, or
// several codes.
type prefixBits struct {
	bits uint64
	len  uint
}

// lengthBits returns the codes of a copy token with their extra bits,
// those of its length and those of its distance.
func (z *deflater) lengthBits(t token) (length, distance prefixBits) {
	l := z.copies[t>>16]
	c := z.lit[l.symbol]
	d := distanceCode(int(t & 0xffff))
	e := z.dist[d.symbol]
	return prefixBits{uint64(c.bits) | uint64(l.extra)<<c.len, uint(c.len + l.extraBits)},
		prefixBits{uint64(e.bits) | uint64(d.extra)<<e.len, uint(e.len + d.extraBits)}
}

// appendCodes appends the codes of tokens to dst, joining codes into
// pieces of up to 32 bits.
func (z *deflater) appendCodes(dst []prefixBits, tokens []token) []prefixBits {
	add := func(p prefixBits) {
		if n := len(dst); n > 0 && dst[n-1].len+p.len <= 32 {
			dst[n-1].bits |= p.bits << dst[n-1].len
			dst[n-1].len += p.len
			return
		}
		dst = append(dst, p)
	}
	for _, t := range tokens {
		if t < 1<<16 {
			c := z.lit[t]
			add(prefixBits{uint64(c.bits), uint(c.len)})
			continue
		}
		l, d := z.lengthBits(t)
		add(l)
		add(d)
	}
	return dst
}

// writeCodes writes a block's code lengths: how many literal/length and
// distance codes there are, the code their lengths are coded in, and the
// lengths, with runs of one length as repeats (RFC 1951, 3.2.7).
func (z *deflater) writeCodes() {
	nlit, ndist := len(z.litLens), len(z.distLens)
	for nlit > 257 && z.litLens[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && z.distLens[ndist-1] == 0 {
		ndist--
	}
	var all [len(z.litLens) + len(z.distLens)]uint8
	lens := append(append(all[:0], z.litLens[:nlit]...), z.distLens[:ndist]...)
	// Each symbol of the code-length code, with its extra bits above
	// bit 8.
	var symsRoom [len(all)]uint16
	syms := symsRoom[:0]
	for i := 0; i < len(lens); {
		v, run := lens[i], 1
		for i+run < len(lens) && lens[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for ; run >= 11; run -= min(run, 138) {
				syms = append(syms, 18|uint16(min(run, 138)-11)<<8)
			}
			if run >= 3 {
				syms, run = append(syms, 17|uint16(run-3)<<8), 0
			}
		} else {
			syms, run = append(syms, uint16(v)), run-1
			for ; run >= 3; run -= min(run, 6) {
				syms = append(syms, 16|uint16(min(run, 6)-3)<<8)
			}
		}
		for ; run > 0; run-- {
			syms = append(syms, uint16(v))
		}
	}
	var freq [19]uint32
	for _, s := range syms {
		freq[s&0xff]++
	}
	var clLens [19]uint8
	var cl [19]prefixCode
	codeLengths(freq[:], maxLengthCodeBits, clLens[:])
	canonical(clLens[:], cl[:])
	ncl := 19
	for ncl > 4 && clLens[lengthOrder[ncl-1]] == 0 {
		ncl--
	}
	z.bits(uint64(nlit-257), 5)
	z.bits(uint64(ndist-1), 5)
	z.bits(uint64(ncl-4), 4)
	for i := range ncl {
		z.bits(uint64(clLens[lengthOrder[i]]), 3)
	}
	extraBits := [19]uint{16: 2, 17: 3, 18: 7}
	for _, s := range syms {
		sym := s & 0xff
		z.code(cl[sym])
		z.bits(uint64(s>>8), extraBits[sym])
	}
}

// close writes the last block and ends the stream, and returns the
// output with the zlib data appended: the last byte padded with zero
// bits, then the checksum.
func (z *deflater) close() []byte {
	z.block(true)
	for ; z.nacc > 0; z.nacc -= min(z.nacc, 8) {
		z.out = append(z.out, byte(z.acc))
		z.acc >>= 8
	}
	return binary.BigEndian.AppendUint32(z.out, uint32(z.b<<16|z.a))
}

// adlerSums returns the Adler-32 sums of p alone, modulo adlerMod: the
// sum of its bytes, and the sum of the running sums after each byte,
// which counts each byte once for every byte from it to the end. Eight
// bytes are summed at a time, in 16-bit lanes of a 64-bit word, since a
// row of a cover is well over a kilobyte.
func adlerSums(p []byte) (s1, s2 uint64) {
	const (
		lanes = 0x00ff00ff00ff00ff
		ones  = 0x0001000100010001
		// The weights of the even bytes (8, 6, 4, 2 for bytes 0, 2, 4,
		// 6) and the odd ones (7, 5, 3, 1), from the top lane down, so
		// that the product's top lane is the weighted sum.
		even = 0x0008000600040002
		odd  = 0x0007000500030001
	)
	for len(p) >= 8 {
		// At most 2^16 bytes between reductions keep s2 within 64 bits.
		k := min(len(p), 1<<16) &^ 7
		for q := p[:k]; len(q) >= 8; q = q[8:] {
			w := binary.LittleEndian.Uint64(q)
			e, o := w&lanes, w>>8&lanes
			s2 += 8*s1 + (e*even)>>48 + (o*odd)>>48
			s1 += ((e + o) * ones) >> 48
		}
		p = p[k:]
		s1, s2 = s1%adlerMod, s2%adlerMod
	}
	for _, v := range p {
		s1 += uint64(v)
		s2 += s1
	}
	return s1 % adlerMod, s2 % adlerMod
}
