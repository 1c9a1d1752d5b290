package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/fonts"
	"samizdat/internal/readback"
	"samizdat/internal/tooltest"
	"samizdat/render"
)

// renderBook renders b and returns the PDF's bytes.
func renderBook(t *testing.T, b *book.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New().Render(&buf, b, render.Options{Date: testDate()}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// writeTemp writes data to a file in the test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a program and returns its standard output, failing the test
// when it fails.
func run(t *testing.T, prog string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(prog, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(prog), strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

func TestRendererIdentity(t *testing.T) {
	r := New()
	if r.Name() != "pdf" || r.Extension() != ".pdf" {
		t.Errorf("Name, Extension = %q, %q", r.Name(), r.Extension())
	}
}

func TestRenderIsByteIdentical(t *testing.T) {
	for _, c := range []layoutCase{layoutCases()[0], layoutCases()[4]} {
		t.Run(c.name, func(t *testing.T) {
			a, b := renderBook(t, c.book(t)), renderBook(t, c.book(t))
			if !bytes.Equal(a, b) {
				t.Fatalf("two renders differ (%d and %d bytes)", len(a), len(b))
			}
			if bytes.Contains(a, []byte("/ID")) {
				t.Error("the PDF carries a document ID")
			}
			if !bytes.Contains(a, []byte("D:20260304050607")) {
				t.Error("the PDF's dates are not the build date")
			}
		})
	}
}

func TestRenderLeavesSharedFontsAlone(t *testing.T) {
	fam, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	before := make([][]byte, len(fam.Faces))
	for i, f := range fam.Faces {
		before[i] = bytes.Clone(f.Data)
	}
	renderOnce := func() []byte {
		var buf bytes.Buffer
		if err := New().Render(&buf, stressBook(book.PlaceFootnotes, "a5"), render.Options{Date: testDate(), Fonts: fam}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first, second := renderOnce(), renderOnce()
	for i, f := range fam.Faces {
		if !bytes.Equal(f.Data, before[i]) {
			t.Errorf("rendering changed the bytes of %s", f.FileName)
		}
	}
	if !bytes.Equal(first, second) {
		t.Error("two renders with one font family differ")
	}
}

func TestUnknownPageSizeIsAnError(t *testing.T) {
	b := booktest.Sample()
	b.Output.PageSize = "quarto"
	err := New().Render(&bytes.Buffer{}, b, render.Options{Date: testDate()})
	if err == nil || !strings.Contains(err.Error(), `"quarto"`) {
		t.Fatalf("Render error = %v, want one naming \"quarto\"", err)
	}
}

func TestQpdfAcceptsEveryLayout(t *testing.T) {
	qpdf := tooltest.Require(t, "qpdf")
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			path := writeTemp(t, c.name+".pdf", renderBook(t, c.book(t)))
			out := run(t, qpdf, "--check", path)
			if !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

func TestFontsAreEmbedded(t *testing.T) {
	pdffonts := tooltest.Require(t, "pdffonts")
	path := writeTemp(t, "sample.pdf", renderBook(t, booktest.Sample()))
	out := run(t, pdffonts, path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID: emb is fifth from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	// Only the faces the pages set are embedded.
	doc, err := Layout(booktest.Sample(), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := mustFaces(t)
	_, runes := setTexts(doc.Pages, fs, nil)
	want := 0
	for _, set := range runes {
		if len(set) > 0 {
			want++
		}
	}
	if want < 4 {
		t.Fatalf("the sample sets %d faces; it should use at least regular, italic, bold and mono", want)
	}
	if got := len(lines) - 2; got != want {
		t.Errorf("pdffonts lists %d fonts, want %d:\n%s", got, want, out)
	}
}

func TestOnlyUsedFacesAreEmbedded(t *testing.T) {
	pdffonts := tooltest.Require(t, "pdffonts")
	b := &book.Book{Meta: book.Metadata{Title: "Plain", Lang: "en"}, Parts: []*book.Part{{Chapters: []*book.Chapter{{
		ID: "one", Title: []book.Inline{&book.Text{Text: "One"}},
		Blocks: []book.Block{&book.Paragraph{Inlines: []book.Inline{&book.Text{Text: "Nothing here is set in italic, bold or code."}}}},
	}}}}}
	out := run(t, pdffonts, writeTemp(t, "plain.pdf", renderBook(t, b)))
	// The regular face's PostScript name is the family's, with a
	// subset tag in front.
	if !regexp.MustCompile(`(?m)^[A-Z]{6}\+GentiumBookPlus `).MatchString(out) {
		t.Errorf("the regular face is not embedded as a subset:\n%s", out)
	}
	for _, unused := range []string{"-Bold", "-Italic", "GoMono"} {
		if strings.Contains(out, unused) {
			t.Errorf("a face the book never sets (%s) is embedded:\n%s", unused, out)
		}
	}
}

func TestPdfInfo(t *testing.T) {
	pdfinfo := tooltest.Require(t, "pdfinfo")
	path := writeTemp(t, "sample.pdf", renderBook(t, booktest.Sample()))
	out := run(t, pdfinfo, path)
	for _, want := range []string{
		"Title:           A Sample Book",
		"Author:          Mara Vell and Jonas Brand",
		"Subject:         A book that uses every element of the samizdat model.",
		"Keywords:        Printing, Pamphlets",
		"Creator:         samizdat",
		"Page size:       419.53 x 595.28 pts",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

// squeeze removes all white space, so that text compares whatever the
// line breaks and spacing pdftotext reconstructs.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// plain returns the text of inlines as the PDF shows it, note references
// as their numbers.
func plain(ins []book.Inline) string { return readback.Text(ins) }

// blockTexts returns the paragraph, heading and quotation texts of blocks
// in reading order.
func blockTexts(bs []book.Block) []string {
	var out []string
	for _, bl := range bs {
		switch n := bl.(type) {
		case *book.Paragraph:
			out = append(out, plain(n.Inlines))
		case *book.Heading:
			out = append(out, plain(n.Inlines))
		case *book.BlockQuote:
			out = append(out, blockTexts(withSource(n.Blocks, n.Source))...)
		case *book.List:
			for _, it := range n.Items {
				out = append(out, blockTexts(it.Blocks)...)
			}
		case *book.DefinitionList:
			for _, d := range n.Items {
				out = append(out, plain(d.Term))
				for _, def := range d.Defs {
					out = append(out, blockTexts(def)...)
				}
			}
		case *book.Figure:
			out = append(out, plain(n.Caption))
		}
	}
	return out
}

// inOrder checks that every one of want occurs in text, each after the
// one before.
func inOrder(t *testing.T, what, text string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		w = squeeze(w)
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s: %q not found after offset %d (in the whole text: %v)", what, w, at, strings.Contains(text, w))
			continue
		}
		at += i + len(w)
	}
}

func TestPdftotextHasAllTextInOrder(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	b := booktest.Sample()
	path := writeTemp(t, "sample.pdf", renderBook(t, b))
	// Crop to the text areas of rectos and versos, which leaves out
	// running heads and folios.
	sz, err := ParsePageSize(b.Output.PageSize)
	if err != nil {
		t.Fatal(err)
	}
	g := newGeometry(sz)
	edge := min(g.inner, g.outer)
	crop := []string{"-x", fmt.Sprint(int(edge) - 1), "-y", fmt.Sprint(int(g.top) - 1),
		"-W", fmt.Sprint(int(g.Width-2*edge) + 2), "-H", fmt.Sprint(int(g.areaHeight()) + 2)}
	text := squeeze(run(t, pdftotext, append(append([]string{}, crop...), path, "-")...))
	// List bullets are drawn, not part of any paragraph's text.
	text = strings.ReplaceAll(text, "•", "")

	var body, notes []string
	for _, ch := range b.Front {
		body = append(body, book.PlainText(ch.Title))
		body = append(body, blockTexts(ch.Blocks)...)
	}
	for _, p := range b.Parts {
		body = append(body, book.PlainText(p.Title))
		for _, ch := range p.Chapters {
			body = append(body, book.PlainText(ch.Title))
			body = append(body, blockTexts(ch.Blocks)...)
			for _, n := range ch.Notes {
				notes = append(notes, strconv.Itoa(n.Number)+strings.Join(blockTexts(n.Blocks), ""))
			}
		}
	}
	for _, ch := range b.Back {
		body = append(body, book.PlainText(ch.Title))
		body = append(body, blockTexts(ch.Blocks)...)
	}
	inOrder(t, "notes", text, notes)
	// The body read without the notes that interrupt it at page feet.
	bodyText := text
	for _, n := range notes {
		bodyText = strings.Replace(bodyText, squeeze(n), "", 1)
	}
	inOrder(t, "body", bodyText, body)
}

func TestOutlineListsPartsChaptersAndSections(t *testing.T) {
	qpdf := tooltest.Require(t, "qpdf")
	path := writeTemp(t, "sample.pdf", renderBook(t, booktest.Sample()))
	var got struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, qpdf, "--json", "--json-key=outlines", path)), &got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	var walk func([]outline, string)
	walk = func(os []outline, indent string) {
		for _, o := range os {
			lines = append(lines, indent+o.Title)
			walk(o.Kids, indent+"  ")
		}
	}
	walk(got.Outlines, "")
	want := []string{
		"Contents", "Preface",
		"Part One: Making", "  The Free Press", "    Licensing", "    Further reading", "  The Reader",
		"Part Two: Sending", "  A Letter from the Coast",
		"Colophon",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// outline is an entry of qpdf's JSON outline.
type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}
