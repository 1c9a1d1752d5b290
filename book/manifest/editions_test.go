package manifest

import (
	"math"
	"strings"
	"testing"
)

func TestDecodeEditions(t *testing.T) {
	src := `title: T
impose: booklet
pdf:
  page-size: a5
  margins: {top: 15mm, inner: 0.5in, outer: 12pt, bottom: 0}
editions:
  pamphlet:
    formats: [pdf]
    identifier: "isbn:978-0-00-000000-2"
    pdf: {page-size: a6, recto-chapters: false}
    impose: {up: 4, four-up: cut-stack, signature: 3, paper: 0.1mm, crop-marks: true, bleed: 3mm}
  reader:
  ebook:
    formats: [epub]
    epub: {page-list: pamphlet, embed-fonts: true}
    notes: {placement: chapter-end}
`
	var m Manifest
	if err := Decode("book.yaml", []byte(src), 1, &m); err != nil {
		t.Fatal(err)
	}
	if m.Impose == nil || m.Impose.Layout.Value != "booklet" || m.Impose.Line != 2 || m.Impose.Col != 9 {
		t.Errorf("impose = %+v, want booklet at 2:9", m.Impose)
	}
	mg := m.PDF.Margins
	for _, c := range []struct {
		name string
		got  Length
		want float64
	}{{"top", mg.Top, 15 * 72 / 25.4}, {"inner", mg.Inner, 36}, {"outer", mg.Outer, 12}, {"bottom", mg.Bottom, 0}} {
		if !c.got.Set() || math.Abs(c.got.Points-c.want) > 1e-9 {
			t.Errorf("margin %s = %+v, want %g pt", c.name, c.got, c.want)
		}
	}
	if got := strings.Join(m.Editions.Names(), " "); got != "pamphlet reader ebook" {
		t.Fatalf("editions = %q, want them in the order written", got)
	}
	p := m.Editions[0]
	if p.Name.Line != 7 || p.Name.Col != 3 || p.Identifier.Value != "isbn:978-0-00-000000-2" || len(p.Formats) != 1 || p.Formats[0].Value != "pdf" {
		t.Errorf("pamphlet = %+v", p)
	}
	if p.PDF.PageSize.Value != "a6" || p.PDF.RectoChapters == nil || *p.PDF.RectoChapters {
		t.Errorf("pamphlet pdf = %+v, want a6 and recto-chapters set to false", p.PDF)
	}
	im := p.Impose
	if im.Layout.Set() || im.Up.Value != "4" || im.FourUp.Value != "cut-stack" || im.Signature.Value != "3" ||
		math.Abs(im.Paper.Points-0.1*72/25.4) > 1e-9 || im.CropMarks == nil || !*im.CropMarks || math.Abs(im.Bleed.Points-3*72/25.4) > 1e-9 {
		t.Errorf("pamphlet impose = %+v", im)
	}
	if r := m.Editions[1]; r.PDF != nil || r.Formats != nil || r.Name.Line != 12 {
		t.Errorf("reader = %+v, want an edition with nothing of its own", r)
	}
	e := m.Editions[2]
	if e.EPUB.PageList.Value != "pamphlet" || e.EPUB.PageList.Line != 15 || e.EPUB.PageList.Col != 23 || !*e.EPUB.EmbedFonts || e.Notes.Placement.Value != "chapter-end" {
		t.Errorf("ebook = %+v %+v", e.EPUB, e.Notes)
	}
}

func TestDecodeEditionErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown edition key", "editions:\n  ebook:\n    format: [epub]\n", `book.yaml:3:5: unknown key "format" (did you mean "formats"?)`},
		{"unknown key in an edition's section", "editions:\n  ebook:\n    epub: {pagelist: x}\n", `book.yaml:3:12: unknown key "pagelist" (did you mean "page-list"?)`},
		{"edition named twice", "editions:\n  ebook: {}\n  reader: {}\n  ebook: {}\n", `book.yaml:4:3: edition "ebook" is declared twice (first at line 2)`},
		{"unsafe edition name", "editions:\n  Large Print: {}\n", `book.yaml:2:3: edition name "Large Print" must be lower-case letters, digits and hyphens: it names the edition's files (SLUG-Large Print.pdf) (did you mean "large-print"?)`},
		{"edition name with a slash", "editions:\n  a/b: {}\n", `book.yaml:2:3: edition name "a/b" must be`},
		{"editions as a list", "editions:\n  - ebook\n", `book.yaml:2:3: editions: expected a mapping`},
		{"no editions", "editions: {}\n", `book.yaml:1:11: editions: names no edition`},
		{"edition settings not a mapping", "editions:\n  ebook: epub\n", `book.yaml:2:10: expected a mapping of keys and values`},
		{"unknown impose key", "impose:\n  layout: booklet\n  sigature: 4\n", `book.yaml:3:3: unknown key "sigature" (did you mean "signature"?)`},
		{"unknown impose key in an edition", "editions:\n  p:\n    impose: {crop-mark: true}\n", `book.yaml:3:14: unknown key "crop-mark" (did you mean "crop-marks"?)`},
		{"impose as a list", "impose: [booklet]\n", `book.yaml:1:9: impose: expected a layout`},
		{"length without a unit", "impose: {bleed: 3}\n", `book.yaml:1:17: length 3 needs a unit: write 3mm, 3pt or 3in`},
		{"length with an unknown unit", "pdf:\n  margins: {top: 2 furlongs}\n", `book.yaml:2:18: "2 furlongs" is not a length`},
		{"negative length", "impose: {paper: -0.1mm}\n", `book.yaml:1:17: "-0.1mm" is not a length`},
		{"unknown margin", "pdf:\n  margins: {left: 1in}\n", `book.yaml:2:13: unknown key "left"`},
		{"crop marks not a switch", "impose: {crop-marks: sometimes}\n", "book.yaml:1:22: YAML: cannot unmarshal !!str `sometimes` into bool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Manifest
			err := Decode("book.yaml", []byte(tt.src), 1, &m)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

// TestFrontMatterImpose: a one-chapter pamphlet imposes itself from its
// front matter, which takes impose: but not editions:.
func TestFrontMatterImpose(t *testing.T) {
	var m Metadata
	if err := Decode("essay.md", []byte("title: E\nimpose: booklet\n"), 2, &m); err != nil || m.Impose == nil || m.Impose.Line != 2 {
		t.Fatalf("impose = %+v, %v; want booklet on the YAML text's line 2", m.Impose, err)
	}
	err := Decode("essay.md", []byte("editions:\n  a: {}\n"), 2, &m)
	if err == nil || !strings.HasPrefix(err.Error(), `essay.md:2:1: unknown key "editions"`) {
		t.Errorf("editions in front matter: error = %v", err)
	}
}
