package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// compressStreams compresses the streams that fpdf writes uncompressed
// when its own compression is off — the pages' content and the fonts'
// ToUnicode maps — and corrects the cross-reference table for the objects
// that move.
//
// fpdf compresses each page with a new zlib writer, and a writer
// allocates about a megabyte of tables: for a long book that garbage
// dominated both the time and the peak memory of writing the PDF. Here
// each of a few workers resets one writer for every stream it takes, the
// streams are compressed side by side, and the file is put together in
// order afterwards: the same kind of file (Flate-compressed content at
// zlib's best speed), byte for byte the same however many workers ran.
//
// texts are the pages' text, put in for their placeholders as the
// streams are compressed (see drawer.page); every segment must be put in
// exactly once.
func compressStreams(pdf []byte, texts [][]textSegment) ([]byte, error) {
	offsets, xref, err := readXref(pdf)
	if err != nil {
		return nil, err
	}
	start, err := stripPrologue(pdf)
	if err != nil {
		return nil, err
	}
	streams, err := plainStreams(pdf, offsets)
	if err != nil {
		return nil, err
	}
	packed, filled, err := deflateAll(pdf, streams, texts)
	if err != nil {
		return nil, err
	}
	segments := 0
	for _, t := range texts {
		segments += len(t)
	}
	if filled != segments {
		return nil, fmt.Errorf("pdf: %d of the pages' %d text segments were put in", filled, segments)
	}

	var out bytes.Buffer
	// The file's size, with room for the longer stream headers and the
	// cross-reference table written anew.
	size := len(pdf) - start + 64
	for i, st := range streams {
		size += len(packed[i]) - st.length + len("/Filter /FlateDecode ") + 8
	}
	out.Grow(size + 20*len(offsets))
	newOffsets := make([]int, len(offsets))
	at, next := start, 0
	for _, n := range byOffset(offsets) {
		off := offsets[n]
		out.Write(pdf[at:off])
		newOffsets[n] = out.Len()
		at = off
		if next < len(streams) && streams[next].obj == n {
			st := streams[next]
			fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, len(packed[next]))
			out.Write(packed[next])
			at = st.data + st.length
			next++
		}
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

// plainStream is an uncompressed stream object: its number, and where
// its data starts and how long it is.
type plainStream struct {
	obj, data, length int
}

// byOffset returns the numbers of the objects in the file, in the order
// they are written.
func byOffset(offsets []int) []int {
	objs := make([]int, 0, len(offsets))
	for n := range offsets {
		if offsets[n] > 0 {
			objs = append(objs, n)
		}
	}
	slices.SortFunc(objs, func(a, b int) int { return offsets[a] - offsets[b] })
	return objs
}

// plainStreams finds the objects that are nothing but an uncompressed
// stream, in file order.
func plainStreams(pdf []byte, offsets []int) ([]plainStream, error) {
	var out []plainStream
	for _, n := range byOffset(offsets) {
		start := offsets[n]
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
		out = append(out, plainStream{obj: n, data: data, length: length})
	}
	return out, nil
}

// deflateAll compresses the streams with zlib at its best speed, as many
// at once as there are processors, each into its own buffer, with the
// pages' text put in for its placeholders. It returns how many segments
// of text were put in.
func deflateAll(pdf []byte, streams []plainStream, texts [][]textSegment) ([][]byte, int, error) {
	packed := make([][]byte, len(streams))
	errs := make([]error, len(streams))
	filled := make([]int, len(streams))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(streams)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var z bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed) // the level is valid
			for i := range work {
				st := streams[i]
				z.Reset()
				zw.Reset(&z)
				err := fillText(zw, pdf[st.data:st.data+st.length], texts, &filled[i])
				if err == nil {
					err = zw.Close()
				}
				if err != nil {
					errs[i] = fmt.Errorf("pdf: compressing object %d: %w", st.obj, err)
					continue
				}
				packed[i] = bytes.Clone(z.Bytes())
			}
		}()
	}
	for i := range streams {
		work <- i
	}
	close(work)
	wg.Wait()
	total := 0
	for _, n := range filled {
		total += n
	}
	return packed, total, errors.Join(errs...)
}

// stripPrologue returns where the file proper starts: after the text
// objects that drawer.embed has fpdf write before its header, to tell it
// which characters to keep in each subset face. Anything else in front
// of the header is an error, not something to cut off unseen.
func stripPrologue(pdf []byte) (int, error) {
	at := 0
	for bytes.HasPrefix(pdf[at:], []byte("BT ")) {
		// fpdf's Text writes "BT x y Td (string) Tj ET\n", every
		// parenthesis and backslash inside the string escaped.
		i := at + bytes.IndexByte(pdf[at:], '(') + 1
		if i == at {
			break
		}
		for i < len(pdf) && pdf[i] != ')' {
			if pdf[i] == '\\' {
				i++
			}
			i++
		}
		if !bytes.HasPrefix(pdf[min(i, len(pdf)):], []byte(") Tj ET\n")) {
			break
		}
		at = i + len(") Tj ET\n")
	}
	if !bytes.HasPrefix(pdf[at:], []byte("%PDF-")) {
		return 0, fmt.Errorf("pdf: unexpected output in front of the header: %.40q", pdf[at:])
	}
	return at, nil
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
