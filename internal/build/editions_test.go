package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"samizdat/book"
	"samizdat/render"
)

// describer is a stand-in renderer that writes what it was given: the
// settings, identifier and page marks of the book it renders, so that a
// test can see which edition's book reached which file.
type describer struct {
	name, ext string
	// marked counts MarkPages calls, for the "pdf" stand-in.
	marked *atomic.Int32
}

func (d describer) Name() string      { return d.name }
func (d describer) Extension() string { return d.ext }

func (d describer) Render(w io.Writer, b *book.Book, _ render.Options) error {
	var breaks []string
	for _, ch := range b.BodyChapters() {
		for _, bl := range ch.Blocks {
			if p, ok := bl.(*book.Paragraph); ok {
				for _, in := range p.Inlines {
					if pb, ok := in.(*book.PageBreak); ok {
						breaks = append(breaks, pb.Label)
					}
				}
			}
		}
	}
	_, err := fmt.Fprintf(w, "%s size=%s impose=%s/%d id=%s placement=%d embed=%v breaks=%s source=%s",
		d.name, b.Output.PageSize, b.Output.Impose.Layout, b.Output.Impose.Up, b.Meta.Identifier, b.Notes.Placement, b.Output.EmbedFonts, strings.Join(breaks, ","), b.Meta.PageSource)
	return err
}

// MarkPages marks the start of each body chapter's first paragraph with
// the page size it was laid out at, so the test sees which edition's
// settings the marks came from.
func (d describer) MarkPages(b *book.Book, _ render.Options) (*book.Book, error) {
	d.marked.Add(1)
	out := *b
	out.Parts = nil
	for _, p := range b.Parts {
		np := *p
		np.Chapters = nil
		for _, ch := range p.Chapters {
			nc := *ch
			nc.Blocks = append([]book.Block(nil), ch.Blocks...)
			if para, ok := nc.Blocks[0].(*book.Paragraph); ok {
				nc.Blocks[0] = &book.Paragraph{Pos: para.Pos, Inlines: append([]book.Inline{&book.PageBreak{Label: b.Output.PageSize}}, para.Inlines...)}
			}
			np.Chapters = append(np.Chapters, &nc)
		}
		out.Parts = append(out.Parts, &np)
	}
	out.Meta.PageSource = b.Meta.Identifier
	return &out, nil
}

func testRegistry() (*render.Registry, *atomic.Int32) {
	n := new(atomic.Int32)
	return render.NewRegistry(
		describer{name: "epub", ext: ".epub"},
		describer{name: "pdf", ext: ".pdf", marked: n},
		describer{name: "html", ext: ".html"},
		describer{name: "booklet", ext: "-booklet.pdf"},
	), n
}

const editionsYAML = `title: Sheets
identifier: urn:uuid:book
slug: sheets
pdf: {page-size: a5}
chapters: [a.md, b.md]
editions:
  pamphlet:
    formats: [pdf]
    identifier: isbn:print
    pdf: {page-size: a6}
    impose: booklet
  reader:
    formats: [pdf]
  ebook:
    formats: [epub]
    identifier: isbn:ebook
    notes: {placement: book-end}
    epub: {page-list: pamphlet, embed-fonts: true}
  web:
    formats: [html]
`

func writeBook(t *testing.T, manifest string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"book.yaml": manifest,
		"a.md":      "# A\n\nFirst paragraph.[^n]\n\n[^n]: A note.\n",
		"b.md":      "# B\n\nSecond chapter.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildEditions(t *testing.T) {
	reg, _ := testRegistry()
	const pamphletPDF = "pdf size=a6 impose=booklet/2 id=isbn:print placement=0 embed=false breaks= source="
	const readerPDF = "pdf size=a5 impose=/0 id=urn:uuid:book placement=0 embed=false breaks= source="
	const ebook = "epub size=a5 impose=/0 id=isbn:ebook placement=2 embed=true breaks=a6,a6 source=isbn:print"
	tests := []struct {
		name string
		opt  Options
		want map[string]string // file name → what its renderer was given
		// editions are the Output.Edition of each file, in order.
		editions string
	}{
		{"every edition", Options{}, map[string]string{
			"sheets-pamphlet.pdf":         pamphletPDF,
			"sheets-pamphlet-booklet.pdf": "booklet size=a6 impose=booklet/2 id=isbn:print placement=0 embed=false breaks= source=",
			"sheets-reader.pdf":           readerPDF,
			"sheets-ebook.epub":           ebook,
			"sheets-web.html":             "html size=a5 impose=/0 id=urn:uuid:book placement=0 embed=false breaks= source=",
		}, "pamphlet pamphlet reader ebook web"},
		{"one edition", Options{Editions: []string{"ebook"}}, map[string]string{"sheets-ebook.epub": ebook}, "ebook"},
		{"two editions in the book's order", Options{Editions: []string{"reader", "pamphlet"}}, map[string]string{
			"sheets-pamphlet.pdf":         pamphletPDF,
			"sheets-pamphlet-booklet.pdf": "booklet size=a6 impose=booklet/2 id=isbn:print placement=0 embed=false breaks= source=",
			"sheets-reader.pdf":           readerPDF,
		}, "reader pamphlet pamphlet"},
		{"--format pdf keeps the booklets", Options{Formats: []string{"pdf"}}, map[string]string{
			"sheets-pamphlet.pdf":         pamphletPDF,
			"sheets-pamphlet-booklet.pdf": "booklet size=a6 impose=booklet/2 id=isbn:print placement=0 embed=false breaks= source=",
			"sheets-reader.pdf":           readerPDF,
		}, "pamphlet pamphlet reader"},
		{"--impose booklet imposes every print edition", Options{Impose: "booklet", Editions: []string{"reader"}}, map[string]string{
			"sheets-reader.pdf":         "pdf size=a5 impose=booklet/2 id=urn:uuid:book placement=0 embed=false breaks= source=",
			"sheets-reader-booklet.pdf": "booklet size=a5 impose=booklet/2 id=urn:uuid:book placement=0 embed=false breaks= source=",
		}, "reader reader"},
		{"--impose none", Options{Impose: "none", Editions: []string{"pamphlet"}}, map[string]string{
			"sheets-pamphlet.pdf": "pdf size=a6 impose=/0 id=isbn:print placement=0 embed=false breaks= source=",
		}, "pamphlet"},
		{"--page-size reaches the page list", Options{PageSize: "a4", Editions: []string{"ebook"}}, map[string]string{
			"sheets-ebook.epub": "epub size=a4 impose=/0 id=isbn:ebook placement=2 embed=true breaks=a4,a4 source=isbn:print",
		}, "ebook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeBook(t, editionsYAML)
			out := filepath.Join(dir, "out")
			rep, err := Build(dir, reg, Options{OutDir: out, Formats: tt.opt.Formats, Editions: tt.opt.Editions, Impose: tt.opt.Impose, PageSize: tt.opt.PageSize, Getenv: env(map[string]string{"SOURCE_DATE_EPOCH": "1"})})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				data, _ := os.ReadFile(filepath.Join(out, e.Name()))
				got[e.Name()] = string(data)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("files:\n%s\nwant:\n%s", describe(got), describe(tt.want))
			}
			var eds []string
			for _, o := range rep.Outputs {
				eds = append(eds, o.Edition)
				if filepath.Dir(o.Path) != out || got[filepath.Base(o.Path)] == "" || !strings.HasPrefix(got[filepath.Base(o.Path)], o.Format+" ") {
					t.Errorf("output %+v does not match the files", o)
				}
			}
			if strings.Join(eds, " ") != tt.editions {
				t.Errorf("outputs' editions = %q, want %q", strings.Join(eds, " "), tt.editions)
			}
		})
	}
}

func describe(files map[string]string) string {
	var b strings.Builder
	for _, name := range []string{"sheets-pamphlet.pdf", "sheets-pamphlet-booklet.pdf", "sheets-reader.pdf", "sheets-reader-booklet.pdf", "sheets-ebook.epub", "sheets-web.html"} {
		if s, ok := files[name]; ok {
			fmt.Fprintf(&b, "  %s: %s\n", name, s)
		}
	}
	if len(files) != strings.Count(b.String(), "\n") {
		fmt.Fprintf(&b, "  (and others: %v)\n", files)
	}
	return b.String()
}

// TestPageListMarkedOnce: two e-books taking their page list from one
// print edition share one layout of it.
func TestPageListMarkedOnce(t *testing.T) {
	reg, marked := testRegistry()
	dir := writeBook(t, editionsYAML+"  ebook2:\n    formats: [epub]\n    epub: {page-list: pamphlet}\n")
	if _, err := Build(dir, reg, Options{OutDir: filepath.Join(dir, "out"), Getenv: env(map[string]string{"SOURCE_DATE_EPOCH": "1"})}); err != nil {
		t.Fatal(err)
	}
	if n := marked.Load(); n != 1 {
		t.Errorf("the pamphlet was laid out %d times to mark pages, want once", n)
	}
}

func TestBuildEditionUsageErrors(t *testing.T) {
	reg, _ := testRegistry()
	tests := []struct {
		name     string
		manifest string
		opt      Options
		usage    bool
		want     string
	}{
		{"unknown edition", editionsYAML, Options{Editions: []string{"pamflet"}}, true,
			`unknown edition "pamflet"; the book's editions are pamphlet, reader, ebook, web`},
		{"--edition without editions", "chapters: [a.md]\n", Options{Editions: []string{"reader"}}, true,
			`--edition reader: the book declares no editions`},
		{"unknown imposition", editionsYAML, Options{Impose: "saddle"}, true,
			`unknown imposition "saddle"; use --impose booklet (or none)`},
		{"no edition in the format", "chapters: [a.md]\neditions:\n  a: {formats: [pdf]}\n  b: {formats: [epub]}\n", Options{Formats: []string{"html"}}, true,
			`no edition is made in html; the editions make a (pdf); b (epub)`},
		{"unknown format in an edition", "chapters: [a.md]\neditions:\n  a: {formats: [pfd]}\n", Options{}, false,
			`book.yaml:3:3: edition "a": unknown format "pfd"; samizdat writes booklet, epub, html, pdf`},
		{"two editions, one file", "chapters: [a.md]\nslug: s\neditions:\n  x: {formats: [pdf], impose: booklet}\n  x-booklet: {formats: [pdf]}\n", Options{}, false,
			`book.yaml:5:3: x/booklet and x-booklet/pdf would both be written to s-x-booklet.pdf: rename an edition`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeBook(t, tt.manifest)
			_, err := Build(dir, reg, Options{OutDir: filepath.Join(dir, "out"), Formats: tt.opt.Formats, Editions: tt.opt.Editions, Impose: tt.opt.Impose, Getenv: env(map[string]string{"SOURCE_DATE_EPOCH": "1"})})
			var usage *UsageError
			if err == nil || errors.As(err, &usage) != tt.usage {
				t.Fatalf("error = %v (%T), want usage error %v", err, err, tt.usage)
			}
			if got := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""); got != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", got, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Errorf("a failed build made the output folder")
			}
		})
	}
}

// TestDefaultFormatsLeaveOutTheBooklet: a book that is not imposed makes
// no booklet, even though "every format" includes the booklet renderer.
func TestDefaultFormatsLeaveOutTheBooklet(t *testing.T) {
	reg, _ := testRegistry()
	for _, tt := range []struct {
		manifest string
		opt      Options
		want     string
	}{
		{"chapters: [a.md]\nslug: s\n", Options{}, "epub html pdf"},
		{"chapters: [a.md]\nslug: s\nimpose: booklet\n", Options{}, "epub html pdf booklet"},
		{"chapters: [a.md]\nslug: s\n", Options{Impose: "booklet", Formats: []string{"pdf"}}, "pdf booklet"},
		{"chapters: [a.md]\nslug: s\n", Options{Formats: []string{"booklet"}}, "booklet"},
	} {
		dir := writeBook(t, tt.manifest)
		rep, err := Build(dir, reg, Options{OutDir: filepath.Join(dir, "out"), Formats: tt.opt.Formats, Impose: tt.opt.Impose, Getenv: env(map[string]string{"SOURCE_DATE_EPOCH": "1"})})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, o := range rep.Outputs {
			got = append(got, o.Format)
			if o.Format == "booklet" && filepath.Base(o.Path) != "s-booklet.pdf" {
				t.Errorf("booklet written to %s", o.Path)
			}
			if o.Format == "booklet" {
				data, _ := os.ReadFile(o.Path)
				if !strings.Contains(string(data), "impose=booklet/2") {
					t.Errorf("the booklet was rendered without imposition: %s", data)
				}
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q %+v: outputs %v, want %s", tt.manifest, tt.opt, got, tt.want)
		}
	}
}
