package load

import (
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"samizdat/book"
)

const mm = 72 / 25.4

// TestEditions: each edition's Output is the book's settings with its own
// applied over them key by key, in the order written.
func TestEditions(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.md": "# A\n\nText.[^n]\n\n[^n]: Note.\n",
		"book.yaml": `title: T
identifier: urn:uuid:book
formats: [pdf, epub]
notes: {scope: book}
pdf:
  page-size: a5
  recto-chapters: true
  margins: {top: 20mm, inner: 15mm}
impose: {paper: 0.1mm, crop-marks: true}
hyphenation: {exceptions: [sam-iz-dat]}
chapters: [a.md]
editions:
  pamphlet:
    formats: [pdf]
    identifier: isbn:9780000000002
    pdf:
      page-size: a6
      recto-chapters: false
      margins: {inner: 10mm}
    impose: {up: 4, four-up: cut-stack, signature: 2, bleed: 3mm}
  reader:
    impose: none
  ebook:
    formats: [epub]
    identifier: isbn:9780000000019
    notes: {placement: book-end}
    epub: {page-list: pamphlet, embed-fonts: true}
`,
	})
	res, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Book
	if len(b.Editions) != 3 {
		t.Fatalf("%d editions, want 3", len(b.Editions))
	}
	file := filepath.Join(dir, "book.yaml")
	bookImpose := book.Imposition{Layout: "booklet", Up: 2, Paper: 0.1 * mm, CropMarks: true, Pos: book.Pos{File: file, Line: 9, Col: 9}}
	if !closeImposition(b.Output.Impose, bookImpose) {
		t.Errorf("book's imposition = %+v, want %+v", b.Output.Impose, bookImpose)
	}
	p, r, e := b.Editions[0], b.Editions[1], b.Editions[2]
	if p.Name != "pamphlet" || p.Pos != (book.Pos{File: file, Line: 13, Col: 3}) || p.Identifier != "isbn:9780000000002" {
		t.Errorf("pamphlet = %s at %v, identifier %q", p.Name, p.Pos, p.Identifier)
	}
	wantP := book.Imposition{Layout: "booklet", Up: 4, FourUp: "cut-stack", Signature: 2, Paper: 0.1 * mm, CropMarks: true, Bleed: 3 * mm, Pos: book.Pos{File: file, Line: 20, Col: 13}}
	if !closeImposition(p.Output.Impose, wantP) {
		t.Errorf("pamphlet imposition = %+v, want %+v", p.Output.Impose, wantP)
	}
	po := p.Output
	if po.PageSize != "a6" || po.PageSizePos.Line != 17 || po.RectoChapters || !reflect.DeepEqual(po.Formats, []string{"pdf"}) ||
		math.Abs(po.Margins.Top-20*mm) > 1e-9 || math.Abs(po.Margins.Inner-10*mm) > 1e-9 || po.Margins.Outer != 0 {
		t.Errorf("pamphlet output = %+v", po)
	}
	if !reflect.DeepEqual(po.HyphenExceptions, []string{"sam-iz-dat"}) || p.Notes != b.Notes {
		t.Errorf("pamphlet hyphenation %v, notes %+v: want the book's", po.HyphenExceptions, p.Notes)
	}
	ro := r.Output
	if ro.Impose.Layout != "" || ro.PageSize != "a5" || !ro.RectoChapters || !reflect.DeepEqual(ro.Formats, []string{"pdf", "epub"}) || r.Identifier != "" {
		t.Errorf("reader output = %+v, identifier %q: want the book's settings without imposition", ro, r.Identifier)
	}
	eo := e.Output
	if eo.PageList != "pamphlet" || eo.PageListPos != (book.Pos{File: file, Line: 27, Col: 23}) || !eo.EmbedFonts || b.Output.EmbedFonts {
		t.Errorf("ebook output = %+v (book embeds fonts: %v)", eo, b.Output.EmbedFonts)
	}
	if e.Notes.Placement != book.PlaceBookEnd || e.Notes.Scope != book.ScopeBook || b.Notes.Placement != book.PlaceFootnotes {
		t.Errorf("ebook notes = %+v, book's %+v", e.Notes, b.Notes)
	}
	e.Output.Formats[0] = "changed"
	if b.Output.Formats[0] != "pdf" || r.Output.Formats[0] != "pdf" {
		t.Errorf("editions share the book's formats list")
	}
}

func closeImposition(a, b book.Imposition) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	ok := near(a.Paper, b.Paper) && near(a.Bleed, b.Bleed)
	a.Paper, a.Bleed, b.Paper, b.Bleed = 0, 0, 0, 0
	return ok && a == b
}

// TestFrontMatterSettingsAtFileLines: settings in a manuscript's front
// matter are reported at the lines of the file, which the YAML starts
// one line into.
func TestFrontMatterSettingsAtFileLines(t *testing.T) {
	dir := writeTree(t, map[string]string{"essay.md": "---\ntitle: E\nimpose: {up: 4, four-up: cut-stack}\npdf: {margins: {outer: 1in}}\n---\n\nText.\n"})
	res, err := Load(filepath.Join(dir, "essay.md"))
	if err != nil {
		t.Fatal(err)
	}
	im := res.Book.Output.Impose
	if im.Layout != "booklet" || im.Up != 4 || im.FourUp != "cut-stack" || im.Pos.Line != 3 || im.Pos.Col != 9 || res.Book.Output.Margins.Outer != 72 {
		t.Errorf("output = %+v", res.Book.Output)
	}
}

func TestEditionErrors(t *testing.T) {
	head := "chapters: [a.md]\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"page-list names no edition", "editions:\n  pamphlet: {formats: [pdf]}\n  ebook:\n    epub: {page-list: pamflet}\n",
			`book.yaml:5:23: page-list: names edition "pamflet", which the book does not declare; its editions are pamphlet, ebook (did you mean "pamphlet"?)`},
		{"page-list names an edition without a PDF", "editions:\n  web: {formats: [html]}\n  ebook:\n    epub: {page-list: web}\n",
			`book.yaml:5:23: page-list: names edition "web", which makes no PDF (formats: html): the page numbers come from a printed edition`},
		{"page-list without editions", "epub: {page-list: reader}\n",
			`book.yaml:2:19: page-list: names edition "reader", but the book declares no editions: add editions: to book.yaml with a printed edition of that name`},
		{"page-list at the top names no edition", "epub: {page-list: x}\neditions:\n  a: {}\n  b: {}\n",
			`book.yaml:2:19: page-list: names edition "x", which the book does not declare; its editions are a, b (did you mean "a"?)`},
		{"edition sets the notes' scope", "editions:\n  a:\n    notes: {scope: book}\n",
			`book.yaml:4:20: edition "a" sets notes scope: note numbers run the same way in every edition; set scope: at the top of book.yaml`},
		{"unknown imposition", "impose: saddle\n",
			`book.yaml:2:9: unknown imposition "saddle"; use one of booklet, none`},
		{"three up", "editions:\n  a:\n    impose: {up: 3}\n",
			`book.yaml:4:18: unknown pages per sheet side (up) "3"; use one of 2, 4 (did you mean "2"?)`},
		{"four-up without four up", "impose: {four-up: double}\n",
			`book.yaml:2:19: four-up: arranges four pages on a sheet side; it needs up: 4`},
		{"bad four-up", "impose: {up: 4, four-up: triple}\n",
			`book.yaml:2:26: unknown four-up arrangement "triple"; use one of double, cut-stack (did you mean "double"?)`},
		{"signature not a number", "impose: {signature: many}\n",
			`book.yaml:2:21: signature: "many" is not a number of sheets from 1 to 64`},
		{"signature of none", "impose: {signature: 0}\n",
			`book.yaml:2:21: signature: "0" is not a number of sheets from 1 to 64`},
		{"paper too thick", "impose: {paper: 1cm}\n",
			`book.yaml:2:17: paper: 1cm is not one sheet's thickness: give it as 0.1mm (office paper) up to 1mm`},
		{"bleed too wide", "impose: {bleed: 1in}\n",
			`book.yaml:2:17: bleed: 1in is wider than 20mm; print shops ask for about 3mm`},
		{"bad placement in an edition", "editions:\n  a:\n    notes: {placement: margin}\n",
			`book.yaml:4:24: unknown notes placement "margin"; use one of footnotes, chapter-end, book-end`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"book.yaml": head + tt.yaml, "a.md": "# A\n\nText.\n"})
			_, err := Load(dir)
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			got := strings.ReplaceAll(strings.Split(err.Error(), "\n")[0], dir+string(filepath.Separator), "")
			if got != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

// TestPageListInFrontMatter: a single manuscript has no editions for a
// page list to come from.
func TestPageListInFrontMatter(t *testing.T) {
	dir := writeTree(t, map[string]string{"essay.md": "---\ntitle: E\nepub: {page-list: print}\n---\n\nText.\n"})
	_, err := Load(filepath.Join(dir, "essay.md"))
	if err == nil || !strings.Contains(err.Error(), `essay.md:3:19: page-list: names edition "print", but the book declares no editions`) {
		t.Errorf("error = %v", err)
	}
}
