package cover

import (
	"encoding/binary"
	"math/bits"
)

// The cover is written as PNG by a small encoder of its own rather than
// image/png. A cover is four megabytes of palette indexes, almost all
// of them long runs of the ground, the frame's colour or full ink, and
// image/png spends most of its time finding those runs again with a
// general-purpose LZ77 matcher and summing every byte for the zlib
// trailer. Here the image data is coded as runs directly (each run is
// a literal and copies of the previous byte, what zlib calls the RLE
// strategy) with DEFLATE's fixed Huffman codes, and the Adler-32
// checksum is updated once per run. The file is larger than image/png
// makes at its fastest level (114 KB against 50 KB for a generated
// book's cover), but the EPUB deflates it again to a little less than it
// made of image/png's (32.6 KB against 34.0 KB), and its bytes no longer
// depend on the Go version's compress/flate.

// adlerMod is the modulus of the Adler-32 checksum.
const adlerMod = 65521

// runDeflater writes a zlib stream of one fixed-Huffman DEFLATE block in
// which a byte equal to the one before it is never written alone: the
// bytes are gathered into a run, written as copies at distance one.
type runDeflater struct {
	out  []byte
	acc  uint64 // bits not yet in out, the first in the lowest bit
	nacc uint
	last int // the last byte written, -1 before the first
	run  int // bytes equal to last gathered and not yet written
	a, b uint64
	// codes are the fixed literal/length codes; copies[l] is how a copy
	// of length l (3 to maxCopy) is written.
	codes  [288]prefixCode
	copies [maxCopy + 1]copyCode
	// record, when set, gathers every code written.
	record *[]code
}

// code is bits written to the stream: the len low bits of bits.
type code struct {
	bits uint32
	len  uint8
}

// prefixCode is a Huffman code ready to be written least significant
// bit first, as DEFLATE packs them.
type prefixCode struct {
	bits uint16
	len  uint8
}

// copyCode is a copy length as DEFLATE writes it: a length symbol and
// extra bits.
type copyCode struct {
	symbol    uint16
	extra     uint16
	extraBits uint8
}

// maxCopy is the longest copy DEFLATE can express.
const maxCopy = 258

// newRunDeflater starts a zlib stream, to be appended to out.
func newRunDeflater(out []byte) *runDeflater {
	z := &runDeflater{out: out, last: -1, a: 1}
	// The fixed codes (RFC 1951, 3.2.6): symbols 0-143 take 8 bits from
	// 00110000, 144-255 9 bits from 110010000, 256-279 7 bits from 0,
	// 280-287 8 bits from 11000000.
	for s := range z.codes {
		var c, n int
		switch {
		case s < 144:
			c, n = 0x30+s, 8
		case s < 256:
			c, n = 0x190+s-144, 9
		case s < 280:
			c, n = s-256, 7
		default:
			c, n = 0xc0+s-280, 8
		}
		z.codes[s] = prefixCode{bits.Reverse16(uint16(c)) >> (16 - n), uint8(n)}
	}
	// Length symbols (RFC 1951, 3.2.5): 257 to 264 stand for 3 to 10,
	// then each group of four symbols takes one more extra bit, up to
	// 284; 285 is 258 alone.
	base := 3
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
	z.bits(1, 1) // the last block
	z.bits(1, 2) // compressed with the fixed codes
	return z
}

// bits writes the n low bits of v.
func (z *runDeflater) bits(v uint64, n uint) {
	if z.record != nil {
		*z.record = append(*z.record, code{uint32(v), uint8(n)})
	}
	z.acc |= v << z.nacc
	z.nacc += n
	if z.nacc >= 32 {
		z.out = binary.LittleEndian.AppendUint32(z.out, uint32(z.acc))
		z.acc >>= 32
		z.nacc -= 32
	}
}

// symbol writes a literal/length symbol.
func (z *runDeflater) symbol(s int) {
	c := z.codes[s]
	z.bits(uint64(c.bits), uint(c.len))
}

// write compresses p, which continues the stream.
func (z *runDeflater) write(p []byte) {
	for i := 0; i < len(p); {
		v := p[i]
		if int(v) == z.last {
			j := runEnd(p, i, v)
			z.run += j - i
			i = j
			continue
		}
		z.flushRun()
		z.symbol(int(v))
		z.a += uint64(v)
		z.b += z.a
		z.reduce()
		z.last = int(v)
		i++
	}
}

// runEnd returns the index of the first byte from i on that is not v,
// comparing 32 bytes at a time through the long runs of a cover and
// finding the first other byte among eight by its bits.
func runEnd(p []byte, i int, v byte) int {
	eight := uint64(v) * 0x0101010101010101
	for ; i+32 <= len(p); i += 32 {
		q := p[i : i+32]
		d := (binary.LittleEndian.Uint64(q) ^ eight) | (binary.LittleEndian.Uint64(q[8:]) ^ eight) |
			(binary.LittleEndian.Uint64(q[16:]) ^ eight) | (binary.LittleEndian.Uint64(q[24:]) ^ eight)
		if d != 0 {
			break
		}
	}
	for ; i+8 <= len(p); i += 8 {
		if d := binary.LittleEndian.Uint64(p[i:]) ^ eight; d != 0 {
			return i + bits.TrailingZeros64(d)/8
		}
	}
	for i < len(p) && p[i] == v {
		i++
	}
	return i
}

// flushRun writes the gathered run as copies of the last byte, and a
// remainder too short to copy as literals, and adds it to the checksum
// in one step: n bytes of value v add n·v to the sum a, and to b the n
// successive values of a, n·a + v·n(n+1)/2. (A run longer than 2^24
// bytes is added in steps of that many, which keeps the products
// within 64 bits.)
func (z *runDeflater) flushRun() {
	if z.run == 0 {
		return
	}
	v := uint64(z.last)
	for n := uint64(z.run); n > 0; {
		k := min(n, 1<<24)
		z.b += k*z.a + v*(k*(k+1)/2)
		z.a += k * v
		z.reduce()
		n -= k
	}
	for z.run >= 3 {
		l := min(z.run, maxCopy)
		c := z.copies[l]
		z.symbol(int(c.symbol))
		z.bits(uint64(c.extra), uint(c.extraBits))
		z.bits(0, 5) // distance code 0: one byte back
		z.run -= l
	}
	for ; z.run > 0; z.run-- {
		z.symbol(z.last)
	}
}

// reduce takes the checksum's sums modulo adlerMod once they grow large,
// rather than at every byte and run: they stay below 2^32 and 2^62,
// from which neither a literal nor a run of up to 2^24 bytes can
// overflow them.
func (z *runDeflater) reduce() {
	if z.a >= 1<<32 || z.b >= 1<<62 {
		z.a, z.b = z.a%adlerMod, z.b%adlerMod
	}
}

// close ends the block and the stream and returns the output with the
// zlib data appended: the last byte padded with zero bits, then the
// checksum.
func (z *runDeflater) close() []byte {
	z.flushRun()
	z.symbol(256) // end of block
	for ; z.nacc > 0; z.nacc -= min(z.nacc, 8) {
		z.out = append(z.out, byte(z.acc))
		z.acc >>= 8
	}
	return binary.BigEndian.AppendUint32(z.out, uint32(z.b%adlerMod<<16|z.a%adlerMod))
}
