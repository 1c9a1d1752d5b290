package cover

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image/color"
)

// pngWriter encodes an 8-bit paletted PNG without filtering, a row at a
// time, so that the image never needs to be held whole.
type pngWriter struct {
	width, rows int // rows is how many are still to come
	idat        int // where the IDAT chunk starts in the output
	z           *runDeflater
	prev        []uint8 // the row written last
	repeat      rowRecord
}

// rowRecord is how a row was compressed, to be compressed the same way
// again while the rows repeat it. Most of a cover's rows are ground and
// frame alone, and every row between two lines of text is the same as
// the one above. The deflater's output for a row depends only on the
// row's bytes and on the byte and the run of it that the row before left
// over: given those, the same codes come out, only at another bit
// offset, the same run is left over for the next row, and the checksum
// moves by the same step. So the rows of such a stretch after the second
// are written by replaying the codes recorded for it, not scanned anew.
type rowRecord struct {
	valid bool
	// last and run are the deflater's at the row's start, endLast and
	// endRun at its end.
	last, run, endLast, endRun int
	codes                      []code
	// The row adds sum to the checksum's a and len·a + sums to its b,
	// modulo adlerMod, len being the row's length with its filter byte.
	sum, sums uint64
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
	// adaptive filtering (every row says "none") and no interlacing.
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
	return &pngWriter{width: width, rows: height, idat: idat, z: newRunDeflater(out)}
}

// writeRow adds the next row's palette indexes.
func (w *pngWriter) writeRow(row []uint8) {
	if len(row) != w.width || w.rows == 0 {
		panic("cover: a PNG row of the wrong width, or one too many")
	}
	switch rec := &w.repeat; {
	case !bytes.Equal(row, w.prev):
		rec.valid = false
		w.compress(row)
		w.prev = append(w.prev[:0], row...)
	case rec.valid && w.z.last == rec.last && w.z.run == rec.run:
		w.replay(len(row))
	default:
		w.record(row)
	}
	w.rows--
}

// record compresses a row that repeats the one before, recording how.
func (w *pngWriter) record(row []uint8) {
	z, rec := w.z, &w.repeat
	rec.last, rec.run = z.last, z.run
	a, b := z.a%adlerMod, z.b%adlerMod
	rec.codes = rec.codes[:0]
	z.record = &rec.codes
	w.compress(row)
	z.record = nil
	rec.endLast, rec.endRun = z.last, z.run
	n := uint64(len(row)+1) % adlerMod
	rec.sum = (z.a%adlerMod + adlerMod - a) % adlerMod
	rec.sums = (z.b%adlerMod + 2*adlerMod - b - n*a%adlerMod) % adlerMod
	rec.valid = true
}

// replay writes a row of width pixels the way the recorded one was.
func (w *pngWriter) replay(width int) {
	z, rec := w.z, &w.repeat
	for _, c := range rec.codes {
		z.bits(uint64(c.bits), uint(c.len))
	}
	z.b += uint64(width+1)*z.a + rec.sums
	z.a += rec.sum
	z.reduce()
	z.last, z.run = rec.endLast, rec.endRun
}

// compress compresses a row with its filter type, none.
func (w *pngWriter) compress(row []uint8) {
	w.z.write([]byte{0})
	w.z.write(row)
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
