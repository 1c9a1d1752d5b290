package cover

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image/color"
	"math/bits"
)

// pngWriter encodes an 8-bit paletted PNG a row at a time, so that the
// image never needs to be held whole.
//
// Each row is filtered (PNG 9.2) with the filter that compresses it
// best of two: none, or up, which writes each byte's difference from
// the byte above it. Most of a cover's rows are the row above again
// (ground and frame alone, or the ground between two lines of text):
// filtered up, such a row is a row of zeros, which is a few copies of
// the byte before; and a row of text differs from the row above only
// where a letter's edges move, so filtered up it is runs of zeros and
// a few differences. Where it differs more (the first rows of letters
// and rules), the row is better left unfiltered, where runs of the ground
// and of full ink are copies of the byte before and stretches like the
// row above are copies from one row back.
type pngWriter struct {
	width, rows int // rows is how many are still to come
	idat        int // where the IDAT chunk starts in the output
	z           *deflater
	// cur and prev are the row being written and the one before, with a
	// filter byte first (unfiltered, 0); prev is nil before the first
	// row. up is room for cur filtered up, and written is the last row
	// as it was written, filter byte and filtered bytes: a copy from
	// one row back copies those.
	cur, prev, up, written []uint8
	// plain and filtered are room for the tokens of a row unfiltered
	// and filtered up; repeat holds those of a row that repeats the one
	// above, filtered up: a filter byte and zeros.
	plain, filtered, repeat []token
	// repeated tells whether the last row repeated the one above.
	repeated bool
}

// newPNGWriter starts a width×height image in palette, which must be
// opaque, as the cover's is: no transparency is written. sizeHint is the
// size the file is expected to be: its buffer is allocated at that size,
// rather than grown, copied and thrown away a dozen times.
func newPNGWriter(width, height int, palette color.Palette, sizeHint int) *pngWriter {
	out := append(make([]byte, 0, sizeHint), "\x89PNG\r\n\x1a\n"...)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 3 // bit depth 8, palette indexes
	// Compression, filter and interlace methods stay 0: DEFLATE,
	// adaptive filtering (each row says which filter it has) and no
	// interlacing.
	out = appendChunk(out, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(palette))
	for _, c := range palette {
		r, g, bl, _ := c.RGBA()
		plte = append(plte, byte(r>>8), byte(g>>8), byte(bl>>8))
	}
	out = appendChunk(out, "PLTE", plte)
	// The image data is compressed straight into its chunk, whose length
	// is filled in at the end.
	idat := len(out)
	out = append(out, 0, 0, 0, 0, 'I', 'D', 'A', 'T')
	w := &pngWriter{width: width, rows: height, idat: idat, z: newDeflater(out),
		cur: make([]uint8, width+1), up: make([]uint8, width+1)}
	w.up[0] = filterUp
	w.repeat, _ = parseRow(nil, w.up, nil, 0, len(w.up)) // up is all zeros yet
	w.z.repeat = w.repeat
	return w
}

// The filter types a row can have (PNG 9.2).
const (
	filterNone = 0
	filterUp   = 2
)

// splitBlock is how many tokens a block must have for a change between
// rows that repeat the one above and rows that do not to end it. The
// two kinds use different symbols, ground rows few and long copies and
// text rows many literals, and each compresses better with codes of
// its own: on the covers of the tests by 5 to 7%, for 30 to 40 bytes of
// codes a block.
const splitBlock = 512

// plainWorthTrying is the cost (see cost) of a row filtered up above
// which the row is parsed unfiltered as well, when the row before was
// written filtered up. Below it the unfiltered row seldom wins: on the
// covers of the tests, trying every row saves 0 to 0.3% of the file
// for a third more of the encoder's time.
const plainWorthTrying = 600

// writeRow adds the next row's palette indexes.
func (w *pngWriter) writeRow(row []uint8) {
	if len(row) != w.width || w.rows == 0 {
		panic("cover: a PNG row of the wrong width, or one too many")
	}
	w.rows--
	repeated := w.prev != nil && bytes.Equal(row, w.prev[1:])
	if repeated != w.repeated && w.z.held >= splitBlock {
		w.z.block(false)
	}
	n := len(w.cur)
	if repeated {
		// A filter byte and zeros: s1 is the filter byte, and s2 counts
		// it once for each byte of the row.
		w.z.addRepeat()
		w.z.addSums(n, filterUp, filterUp*uint64(n)%adlerMod)
		if !w.repeated {
			clear(w.written)
			w.written[0] = filterUp
		}
		w.repeated = true
		return
	}
	w.repeated = false
	copy(w.cur[1:], row)
	if w.prev == nil {
		w.plain, _ = parseRow(w.plain[:0], w.cur, nil, 0, n)
		w.emit(w.plain, w.cur)
		w.prev, w.written = make([]uint8, n), make([]uint8, n)
		copy(w.written, w.cur)
		w.cur, w.prev = w.prev, w.cur
		return
	}
	// The row differs from the one above from lo to hi, counted with
	// the filter byte; filtered up it is zeros elsewhere.
	lo := 1 + matchLen(w.cur[1:], w.prev[1:])
	hi := n - matchLenBack(w.cur[lo:], w.prev[lo:])
	clear(w.up[1:])
	subtractRows(w.up[lo:hi], w.cur[lo:hi], w.prev[lo:hi])
	var c int
	w.filtered, c = parseUp(w.filtered[:0], w.up, lo, hi)
	plainWritten := w.written[0] == filterNone
	if plainWritten || c > plainWorthTrying {
		var cp int
		if plainWritten {
			// The row above was written as it is: from it the row is
			// the same outside lo to hi, a copy from one row back.
			var c1, c2, c3 int
			w.plain, c1 = copies(w.plain[:0], lo, n)
			w.plain, c2 = parseRow(w.plain, w.cur, w.written, lo, hi)
			w.plain, c3 = copies(w.plain, n-hi, n)
			cp = c1 + c2 + c3
		} else {
			w.plain, cp = parseRow(w.plain[:0], w.cur, w.written, 0, n)
		}
		if cp < c {
			w.emit(w.plain, w.cur)
			copy(w.written, w.cur)
			w.cur, w.prev = w.prev, w.cur
			return
		}
	}
	// Filtered up, the row is its filter byte and zeros but from lo to
	// hi: those are all its checksum needs (see adlerSums).
	w.z.add(w.filtered)
	s1, s2 := adlerSums(w.up[lo:hi])
	s2 += uint64(n-hi)%adlerMod*s1 + filterUp*uint64(n)
	w.z.addSums(n, (s1+filterUp)%adlerMod, s2%adlerMod)
	copy(w.written, w.up)
	w.cur, w.prev = w.prev, w.cur
}

// emit writes the tokens of a row and adds the row as written, filter
// byte first, to the checksum.
func (w *pngWriter) emit(tokens []token, written []uint8) {
	w.z.add(tokens)
	s1, s2 := adlerSums(written)
	w.z.addSums(len(written), s1, s2)
}

// literalCost, runCost and rowCopyCost estimate the bits a literal, a
// copy of the byte before and a copy from a row back take, to choose a
// row's filter by; most of a row copy's are the distance's extra bits.
// (Estimates within a few bits of these choose alike, give or take 1%
// of the file.)
const (
	literalCost = 5
	runCost     = 6
	rowCopyCost = 15
)

// subtractRows sets each byte of dst to the difference of those of p and
// q, modulo 256, eight at a time: the high bit of each byte is set in
// p's and cleared in q's, so that no byte borrows from the next, and
// then put right.
func subtractRows(dst, p, q []byte) {
	const high = 0x8080808080808080
	p, q = p[:len(dst)], q[:len(dst)]
	for len(dst) >= 8 {
		a, b := binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(q)
		binary.LittleEndian.PutUint64(dst, ((a|high)-(b&^high))^((a^^b)&high))
		dst, p, q = dst[8:], p[8:], q[8:]
	}
	for i := range dst {
		dst[i] = p[i] - q[i]
	}
}

// copies appends the tokens of a copy of length bytes from one row
// (distance bytes) back, as copies of at most maxCopy bytes, and returns
// their cost; length is at least minCopy, or else no copy at all (the
// caller parses those bytes).
func copies(dst []token, length, distance int) ([]token, int) {
	cost := 0
	for length >= minCopy {
		c := min(length, maxCopy)
		if r := length - c; r > 0 && r < minCopy {
			c = length - minCopy // leave a copy's worth for the last
		}
		dst = append(dst, copyOf(c, distance))
		cost += rowCopyCost
		length -= c
	}
	return dst, cost
}

// parseRow appends the tokens of cur[from:to], cur being a row with its
// filter byte, to dst: where the bytes repeat the one before them, a
// copy from one byte back; where they are those of the row above as it
// was written (above, nil for none), a copy from one row back;
// elsewhere literals. At each byte the longer copy is taken, and of two
// as long the run, whose distance takes fewer bits. Copies stay within
// the row, so that a row's tokens depend only on it and the row above.
// When the caller writes copies of fewer than minCopy bytes on either
// side (see copies), parseRow parses those bytes itself. It returns the
// tokens' cost besides.
func parseRow(dst []token, cur, above []byte, from, to int) ([]token, int) {
	n := len(cur)
	if n > maxDistance {
		above = nil
	}
	if from < minCopy {
		from = 0
	}
	if n-to < minCopy {
		to = n
	}
	cost := 0
	for i := from; i < to; {
		a, r := 0, 0
		end := min(to, i+maxCopy)
		if above != nil && cur[i] == above[i] {
			a = matchLen(cur[i:end], above[i:])
		}
		if i > 0 && cur[i] == cur[i-1] {
			r = runEnd(cur[:end], i, cur[i]) - i
		}
		switch {
		case r >= minCopy && r >= a:
			dst = append(dst, copyOf(r, 1))
			cost += runCost
			i += r
		case a >= minCopy:
			dst = append(dst, copyOf(a, n))
			cost += rowCopyCost
			i += a
		default:
			dst = append(dst, literal(cur[i]))
			cost += literalCost
			i++
		}
	}
	return dst, cost
}

// parseUp appends the tokens parseRow makes of up, a row filtered up
// that is zeros but from lo to hi, where its first and last bytes are
// not, and returns their cost. Only lo to hi are parsed: the zeros
// around them are the filter byte's and runs' tokens straight away.
func parseUp(dst []token, up []byte, lo, hi int) ([]token, int) {
	n := len(up)
	if lo < minCopy || n-hi < minCopy {
		return parseRow(dst, up, nil, 0, n)
	}
	dst = append(dst, literal(up[0]))
	dst, c1 := zeros(dst, lo-1)
	dst, c2 := parseRow(dst, up, nil, lo, hi)
	dst, c3 := zeros(dst, n-hi)
	return dst, literalCost + c1 + c2 + c3
}

// zeros appends the tokens parseRow makes of length zeros after a byte
// that is not zero: the first a literal, the rest runs of the longest
// copies and, if fewer than minCopy bytes are left, literals.
func zeros(dst []token, length int) ([]token, int) {
	if length == 0 {
		return dst, 0
	}
	dst, cost := append(dst, literal(0)), literalCost
	for length--; length >= minCopy; length -= min(length, maxCopy) {
		dst, cost = append(dst, copyOf(min(length, maxCopy), 1)), cost+runCost
	}
	for ; length > 0; length-- {
		dst, cost = append(dst, literal(0)), cost+literalCost
	}
	return dst, cost
}

// matchLenBack returns how many bytes p and q have in common at their
// ends, q being at least as long as p, comparing eight at a time.
func matchLenBack(p, q []byte) int {
	q = q[:len(p)]
	n := len(p)
	for n >= 8 {
		if d := binary.LittleEndian.Uint64(p[n-8:]) ^ binary.LittleEndian.Uint64(q[n-8:]); d != 0 {
			return len(p) - n + bits.LeadingZeros64(d)/8
		}
		n -= 8
	}
	for n > 0 && p[n-1] == q[n-1] {
		n--
	}
	return len(p) - n
}

// matchLen returns how many bytes p and q have in common from the
// start, p being the shorter, comparing eight at a time.
func matchLen(p, q []byte) int {
	q = q[:len(p)]
	i := 0
	for ; i+8 <= len(p); i += 8 {
		if d := binary.LittleEndian.Uint64(p[i:]) ^ binary.LittleEndian.Uint64(q[i:]); d != 0 {
			return i + bits.TrailingZeros64(d)/8
		}
	}
	for i < len(p) && p[i] == q[i] {
		i++
	}
	return i
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

// finish returns the PNG file, once every row is written.
func (w *pngWriter) finish() []byte {
	if w.rows != 0 {
		panic("cover: a PNG finished before its last row")
	}
	out := w.z.close()
	binary.BigEndian.PutUint32(out[w.idat:], uint32(len(out)-w.idat-8))
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[w.idat+4:]))
	return appendChunk(out, "IEND", nil)
}

// appendChunk appends a PNG chunk: length, type, data and the CRC of
// type and data.
func appendChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}
