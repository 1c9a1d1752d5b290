package pdf

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// uncompressed draws the sample book the way draw does before
// compressStreams: fpdf's own output, streams uncompressed, the
// registration prologue in front of the header.
func uncompressed(t *testing.T) []byte {
	t.Helper()
	b := booktest.Sample()
	doc, err := Layout(b, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := loadFaces(nil)
	if err != nil {
		t.Fatal(err)
	}
	first := doc.Pages[0]
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width, Ht: first.Height}})
	p.SetCompression(false)
	d := &drawer{pdf: p, faces: fs, names: fontNames(fs), images: map[*book.Asset]string{}}
	texts, runes := setTexts(doc.Pages, fs)
	if err := d.embed(runes); err != nil {
		t.Fatal(err)
	}
	for i, pg := range doc.Pages {
		if err := d.page(pg, texts[i]); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestCompressStreamsIsTheSameOnAnyNumberOfProcessors(t *testing.T) {
	raw := uncompressed(t)
	if !bytes.HasPrefix(raw, []byte("BT ")) {
		t.Fatalf("fpdf's output does not start with the registration prologue: %.20q", raw)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []byte
	for _, procs := range []int{1, 2, 7} {
		runtime.GOMAXPROCS(procs)
		got, err := compressStreams(raw)
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
	if after, err := plainStreams(want, mustXref(t, want)); err != nil || len(after) > 0 {
		t.Errorf("%d streams left uncompressed (%v)", len(after), err)
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

func TestStripPrologueRefusesUnknownOutput(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		err  string
	}{
		{"%PDF-1.4\n", 0, ""},
		{"BT 0.00 595.28 Td (\x00A\x00\\)) Tj ET\n%PDF-1.4\n", 32, ""},
		{"BT 0.00 1.00 Td (a) Tj ET\nBT 0.00 1.00 Td (b\\\\) Tj ET\n%PDF-1.4", 54, ""},
		{"junk%PDF-1.4\n", 0, "unexpected output"},
		{"BT 0.00 1.00 Td (a) Tj ET\nq%PDF-1.4", 0, "unexpected output"},
		{"BT 0.00 1.00 Td (unclosed", 0, "unexpected output"},
	} {
		got, err := stripPrologue([]byte(c.in))
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one saying %q", c.in, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.err == "" && got != c.want:
			t.Errorf("%q: the file starts at %d, want %d", c.in, got, c.want)
		}
	}
}
