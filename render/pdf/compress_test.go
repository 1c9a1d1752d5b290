package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// uncompressed draws the sample book the way draw does before
// compressStreams: fpdf's own output, streams uncompressed, and the
// pages' text and the faces' objects to put in.
func uncompressed(t *testing.T) ([]byte, [][]byte, func(int) ([]pdfObject, string, error)) {
	t.Helper()
	b := booktest.Sample()
	doc, err := Layout(b, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := mustFaces(t)
	first := doc.Pages[0]
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width, Ht: first.Height}})
	p.SetCompression(false)
	d := &drawer{pdf: p, images: map[*book.Asset]string{}}
	texts, runes := setTexts(doc.Pages, fs, nil)
	for _, pg := range doc.Pages {
		if err := d.page(pg); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), texts, func(first int) ([]pdfObject, string, error) { return fontObjects(fs, runes, first) }
}

func TestCompressStreamsIsTheSameOnAnyNumberOfProcessors(t *testing.T) {
	raw, texts, fonts := uncompressed(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []byte
	for _, procs := range []int{1, 2, 7} {
		runtime.GOMAXPROCS(procs)
		got, err := finish(raw, texts, fonts)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(got, []byte("%PDF-")) {
			t.Fatalf("with %d processors the file starts %.20q, not with its header", procs, got)
		}
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("%d processors give other bytes than 1", procs)
		}
	}
	before, err := plainStreams(raw, mustXref(t, raw))
	if err != nil || len(before) < 2 {
		t.Fatalf("fpdf wrote %d plain streams (%v); the pages' content should be among them", len(before), err)
	}
	// Only streams too short to gain from compressing are left plain.
	after, err := plainStreams(want, mustXref(t, want))
	if err != nil {
		t.Fatal(err)
	}
	long := 0
	for _, st := range before {
		if st.length >= minDeflate {
			long++
		}
	}
	if long == 0 {
		t.Fatalf("fpdf wrote no stream of %d bytes or more; the test compresses nothing", minDeflate)
	}
	for _, st := range after {
		if st.length >= minDeflate {
			t.Errorf("object %d: a stream of %d bytes left uncompressed", st.obj, st.length)
		}
	}
	if len(after) != len(before)-long {
		t.Errorf("%d streams left plain, want the %d short ones", len(after), len(before)-long)
	}
}

// finish is compressStreams into a buffer.
func finish(raw []byte, texts [][]byte, fonts func(int) ([]pdfObject, string, error), catalog ...string) ([]byte, error) {
	var b bytes.Buffer
	err := compressStreams(&b, raw, texts, nil, fonts, catalog...)
	return b.Bytes(), err
}

func TestCompressStreamsAddsCatalogueEntries(t *testing.T) {
	raw, texts, fonts := uncompressed(t)
	got, err := finish(raw, texts, fonts, "/PageLabels << /Nums [0 << /S /r >>] >>", "/ViewerPreferences << /Duplex /DuplexFlipLongEdge >>")
	if err != nil {
		t.Fatal(err)
	}
	// A buffer is grown once, to about the file's size.
	var buf growRecorder
	if err := compressStreams(&buf, raw, texts, nil, fonts, "/PageLabels << /Nums [0 << /S /r >>] >>"); err != nil {
		t.Fatal(err)
	}
	if n := buf.Len(); len(buf.grows) != 1 || buf.grows[0] < n || buf.grows[0] > n+n/10 {
		t.Errorf("a file of %d bytes grew its buffer by %v: want once, by its size or up to a tenth more", n, buf.grows)
	}
	if !bytes.Contains(got, []byte("/Type /Catalog\n/PageLabels << /Nums [0 << /S /r >>] >>\n/ViewerPreferences << /Duplex /DuplexFlipLongEdge >>\n")) {
		t.Error("the catalogue lacks the entries added")
	}
	// The table's offsets point at the objects, the last one, the
	// catalogue, included.
	offsets := mustXref(t, got)
	for n := 1; n < len(offsets); n++ {
		if !bytes.HasPrefix(got[offsets[n]:], []byte(strconv.Itoa(n)+" 0 obj\n")) {
			t.Errorf("object %d is not at offset %d", n, offsets[n])
		}
	}
	// A file whose last object is not the catalogue is an error, not
	// a file without its page labels.
	other := bytes.Replace(raw, []byte("/Type /Catalog"), []byte("/Type /Katalog"), 1)
	if _, err := finish(other, texts, fonts, "/PageLabels << >>"); err == nil || !strings.Contains(err.Error(), "not the catalogue") {
		t.Errorf("a last object that is not the catalogue gives %v", err)
	}
}

// growRecorder is a buffer that records what it is asked to grow by.
type growRecorder struct {
	bytes.Buffer
	grows []int
}

func (g *growRecorder) Grow(n int) {
	g.grows = append(g.grows, n)
	g.Buffer.Grow(n)
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

func TestCompressStreamsReportsAFailedWrite(t *testing.T) {
	raw, texts, fonts := uncompressed(t)
	if err := compressStreams(failingWriter{}, raw, texts, nil, fonts); err == nil || !strings.Contains(err.Error(), "short write") {
		t.Errorf("a writer that fails gives %v", err)
	}
}

// mustXref reads a file's object offsets.
func mustXref(t *testing.T, pdf []byte) []int {
	t.Helper()
	offsets, _, err := readXref(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return offsets
}

func TestEveryPageGetsItsText(t *testing.T) {
	raw, texts, fonts := uncompressed(t)
	// Text for a page fpdf did not draw, or a page without its text:
	// either would put text on the wrong pages.
	if _, err := finish(raw, append(slices.Clone(texts), nil), fonts); err == nil || !strings.Contains(err.Error(), "pages, not the") {
		t.Errorf("text for a page too many gives %v", err)
	}
	if _, err := finish(raw, texts[:len(texts)-1], fonts); err == nil || !strings.Contains(err.Error(), "more pages than") {
		t.Errorf("a page without its text gives %v", err)
	}
	got, err := finish(raw, texts, fonts)
	if err != nil {
		t.Fatal(err)
	}
	// Each page with text shows fpdf's content and then its own text
	// stream, which holds what was written for it.
	offsets := mustXref(t, got)
	pages := 0
	for _, off := range byOffset(offsets) {
		obj := got[offsets[off]:]
		obj = obj[:bytes.Index(obj, []byte("endobj"))]
		if !bytes.Contains(obj, []byte("<</Type /Page\n")) {
			continue
		}
		want := texts[pages]
		pages++
		var fpdfContent, text int
		n, _ := fmt.Sscanf(string(obj[bytes.Index(obj, []byte("/Contents")):]), "/Contents [%d 0 R %d 0 R]", &fpdfContent, &text)
		if want == nil {
			if n == 2 {
				t.Errorf("page %d has no text but a second content stream", pages)
			}
			continue
		}
		if n != 2 {
			t.Fatalf("page %d: /Contents is not fpdf's stream and its text: %.80q", pages, obj)
		}
		stream := got[offsets[text]:]
		if !bytes.Contains(stream[:bytes.Index(stream, []byte("endobj"))], want) {
			t.Errorf("page %d's text stream is not the text written for it", pages)
		}
	}
	if pages != len(texts) {
		t.Errorf("%d page objects, want %d", pages, len(texts))
	}
}

// inflateAll returns every Flate stream of a file, decompressed, one
// after another.
func inflateAll(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var all bytes.Buffer
	for rest := pdf; ; {
		at := bytes.Index(rest, []byte("/FlateDecode /Length "))
		if at < 0 {
			return all.Bytes()
		}
		rest = rest[at+len("/FlateDecode /Length "):]
		end := bytes.IndexByte(rest, '>')
		n, err := strconv.Atoi(string(rest[:end]))
		if err != nil {
			t.Fatal(err)
		}
		data := rest[end+len(">>\nstream\n"):]
		zr, err := zlib.NewReader(bytes.NewReader(data[:n]))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&all, zr); err != nil {
			t.Fatal(err)
		}
		rest = data[n:]
	}
}

func TestTextWrittenAsPagesAreMadeIsTheSame(t *testing.T) {
	// Render writes the text of finished pages while the rest are laid
	// out; contents pages, whose numbers come at the end, are written
	// afterwards. The file is the one drawn from the whole layout.
	for _, b := range []*book.Book{booktest.Sample(), booktest.Generated(12)} {
		var early bytes.Buffer
		if err := New().Render(&early, b, render.Options{Date: testDate()}); err != nil {
			t.Fatal(err)
		}
		doc, err := Layout(b, render.Options{Date: testDate()})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := loadFaces(nil)
		if err != nil {
			t.Fatal(err)
		}
		var late bytes.Buffer
		if err := draw(&late, doc, fs, b.Meta, testDate(), nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(early.Bytes(), late.Bytes()) {
			t.Errorf("%s: the file differs when the text is written as the pages are made", b.Meta.Title)
		}
	}
}
