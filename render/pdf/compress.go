package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strconv"
)

// compressStreams compresses the streams that fpdf writes uncompressed
// when its own compression is off — the pages' content and the fonts'
// ToUnicode maps — and corrects the cross-reference table for the objects
// that move.
//
// fpdf compresses each page with a new zlib writer, and a writer
// allocates about a megabyte of tables: for a long book that garbage
// dominated both the time and the peak memory of writing the PDF. Here
// one writer is reset for every stream, and the result is the same kind
// of file (Flate-compressed content at zlib's best speed), byte for byte
// reproducible.
func compressStreams(pdf []byte) ([]byte, error) {
	offsets, xref, err := readXref(pdf)
	if err != nil {
		return nil, err
	}
	objs := make([]int, 0, len(offsets))
	for n := range offsets {
		if offsets[n] > 0 {
			objs = append(objs, n)
		}
	}
	slices.SortFunc(objs, func(a, b int) int { return offsets[a] - offsets[b] })

	var out bytes.Buffer
	out.Grow(len(pdf) / 2)
	zw, _ := zlib.NewWriterLevel(&out, zlib.BestSpeed) // the level is valid
	newOffsets := make([]int, len(offsets))
	at := 0
	for _, n := range objs {
		start := offsets[n]
		out.Write(pdf[at:start])
		newOffsets[n] = out.Len()
		at = start
		head := []byte(strconv.Itoa(n) + " 0 obj\n<</Length ")
		if !bytes.HasPrefix(pdf[start:], head) {
			continue
		}
		p := start + len(head)
		end := p + bytes.IndexByte(pdf[p:], '>')
		length, err := strconv.Atoi(string(pdf[p:end]))
		if end < p || err != nil || !bytes.HasPrefix(pdf[end:], []byte(">>\nstream\n")) {
			// Not a plain stream: a font file or a map fpdf has
			// compressed already.
			continue
		}
		data := end + len(">>\nstream\n")
		if data+length > len(pdf) || !bytes.HasPrefix(pdf[data+length:], []byte("\nendstream")) {
			return nil, fmt.Errorf("pdf: object %d: stream length %d does not end at endstream", n, length)
		}
		var z bytes.Buffer
		zw.Reset(&z)
		if _, err := zw.Write(pdf[data : data+length]); err != nil {
			return nil, fmt.Errorf("pdf: compressing object %d: %w", n, err)
		}
		if err := zw.Close(); err != nil {
			return nil, fmt.Errorf("pdf: compressing object %d: %w", n, err)
		}
		fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, z.Len())
		out.Write(z.Bytes())
		at = data + length
	}
	out.Write(pdf[at:xref])
	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for n := 1; n < len(offsets); n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", newOffsets[n])
	}
	trailer := bytes.Index(pdf[xref:], []byte("trailer\n"))
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if trailer < 0 || sx < xref {
		return nil, fmt.Errorf("pdf: the writer's output has no trailer")
	}
	out.Write(pdf[xref+trailer : sx])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// readXref reads the cross-reference table fpdf writes: one section from
// object 0, twenty bytes an entry. It returns each object's offset (by
// number) and where the table starts.
func readXref(pdf []byte) (offsets []int, xref int, err error) {
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return nil, 0, fmt.Errorf("pdf: the writer's output has no startxref")
	}
	rest := pdf[sx+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, 0, fmt.Errorf("pdf: the writer's startxref has no offset")
	}
	xref, err = strconv.Atoi(string(rest[:nl]))
	if err != nil || xref < 0 || xref >= sx || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		return nil, 0, fmt.Errorf("pdf: the writer's startxref %q does not point at a cross-reference table", rest[:nl])
	}
	p := xref + len("xref\n0 ")
	nl = bytes.IndexByte(pdf[p:], '\n')
	count, err := strconv.Atoi(string(pdf[p : p+nl]))
	if nl < 0 || err != nil || count < 1 {
		return nil, 0, fmt.Errorf("pdf: the writer's cross-reference table has no object count")
	}
	p += nl + 1
	if p+20*count > len(pdf) {
		return nil, 0, fmt.Errorf("pdf: the writer's cross-reference table is cut short")
	}
	offsets = make([]int, count)
	for n := 1; n < count; n++ {
		e := pdf[p+20*n : p+20*n+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' {
			return nil, 0, fmt.Errorf("pdf: cross-reference entry %d is %q", n, e)
		}
		offsets[n] = off
	}
	return offsets, xref, nil
}
