package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// buildDate is the build date every test renders with.
func buildDate() time.Time { return time.Date(2026, 11, 2, 10, 30, 0, 0, time.UTC) }

// renderBook renders b and returns the EPUB and the warnings given.
func renderBook(t *testing.T, b *book.Book) ([]byte, []string) {
	t.Helper()
	var warnings []string
	opt := render.Options{Date: buildDate(), Warn: func(pos book.Pos, msg string) {
		warnings = append(warnings, pos.String()+": "+msg)
	}}
	var buf bytes.Buffer
	if err := New().Render(&buf, b, opt); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes(), warnings
}

// epubFiles is an unpacked EPUB: its entries in archive order and their
// contents.
type epubFiles struct {
	order   []*zip.File
	content map[string]string
}

func unpack(t *testing.T, data []byte) *epubFiles {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	f := &epubFiles{order: zr.File, content: map[string]string{}}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatalf("opening %s: %v", zf.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("reading %s: %v", zf.Name, err)
		}
		f.content[zf.Name] = string(b)
	}
	return f
}

// xhtml returns the names of the content documents.
func (f *epubFiles) xhtml() []string {
	var out []string
	for _, zf := range f.order {
		if strings.HasSuffix(zf.Name, ".xhtml") {
			out = append(out, zf.Name)
		}
	}
	return out
}

// must returns a file's content or fails the test.
func (f *epubFiles) must(t *testing.T, name string) string {
	t.Helper()
	s, ok := f.content[name]
	if !ok {
		t.Fatalf("no %s in the EPUB", name)
	}
	return s
}

// element is a parsed XML element with its attributes by local name
// (prefixed with "epub:" or "xml:" for those namespaces).
type element struct {
	name  string
	attrs map[string]string
	text  string // character data before the first child
	tail  string // character data after the element, up to the next sibling
	kids  []*element
}

// parseXML parses a document into a tree, failing on malformed XML.
func parseXML(t *testing.T, name, s string) *element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.Entity = map[string]string{}
	root := &element{name: "#document"}
	stack := []*element{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := &element{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				key := a.Name.Local
				switch a.Name.Space {
				case "http://www.idpf.org/2007/ops":
					key = "epub:" + key
				case "http://www.w3.org/XML/1998/namespace", "xml":
					key = "xml:" + key
				}
				e.attrs[key] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top := stack[len(stack)-1]
			if n := len(top.kids); n > 0 {
				top.kids[n-1].tail += string(tk)
			} else {
				top.text += string(tk)
			}
		}
	}
	return root
}

// all returns every element named name (any name when empty) under e.
func (e *element) all(name string) []*element {
	var out []*element
	for _, k := range e.kids {
		if name == "" || k.name == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// textContent is all character data under e.
func (e *element) textContent() string {
	s := e.text
	for _, k := range e.kids {
		s += k.textContent() + k.tail
	}
	return s
}

// readingText is the text a reader reads under e: note numbers are left
// out, line breaks read as spaces and images as their alternative text,
// as book.PlainText does. Elements'
// character data is joined in document order.
func (e *element) readingText() string {
	var b strings.Builder
	var walk func(*element)
	walk = func(e *element) {
		b.WriteString(e.text)
		for _, k := range e.kids {
			switch {
			case k.name == "br":
				b.WriteByte(' ')
			case k.name == "img":
				b.WriteString(k.attrs["alt"])
			case k.attrs["class"] == "noteref" || k.attrs["class"] == "note-number":
			default:
				walk(k)
			}
			b.WriteString(k.tail)
		}
	}
	walk(e)
	return b.String()
}

// Variants of the sample book, each exercising one setting.

func sampleChapterEnd() *book.Book {
	b := booktest.Sample()
	b.Notes.Placement = book.PlaceChapterEnd
	return b
}

func sampleBookEnd() *book.Book {
	b := booktest.Sample()
	b.Notes.Placement = book.PlaceBookEnd
	return b
}

// sampleBookEndWithDivision has an explicit notes division before the
// colophon, and a bibliography.
func sampleBookEndWithDivision() *book.Book {
	b := booktest.Sample()
	b.Notes.Placement = book.PlaceBookEnd
	b.Back = append([]*book.Chapter{
		{Kind: book.KindNotes, ID: "notes"},
		{Kind: book.KindBibliography, ID: "bibliography", Title: []book.Inline{booktest.T("Works Cited")},
			Blocks: []book.Block{
				booktest.P(booktest.T("Mill, John Stuart. "), &book.Emph{Inlines: []book.Inline{booktest.T("On Liberty")}}, booktest.T(". London: John W. Parker, 1859.")),
				booktest.P(booktest.T("Milton, John. "), &book.Emph{Inlines: []book.Inline{booktest.T("Areopagitica")}}, booktest.T(". London, 1644.")),
			}},
	}, b.Back...)
	return b
}

func sampleBookScope() *book.Book {
	b := booktest.Sample()
	b.Notes.Scope = book.ScopeBook
	book.NumberNotes(b)
	return b
}

func sampleBookScopeChapterEnd() *book.Book {
	b := sampleBookScope()
	b.Notes.Placement = book.PlaceChapterEnd
	return b
}

// sampleNoParts puts every chapter into one untitled part.
func sampleNoParts() *book.Book {
	b := booktest.Sample()
	var chs []*book.Chapter
	for _, p := range b.Parts {
		chs = append(chs, p.Chapters...)
	}
	b.Parts = []*book.Part{{Chapters: chs}}
	return b
}

// pamphlet is one chapter, no front or back matter, no notes, no images.
func pamphlet() *book.Book {
	b := &book.Book{
		Meta: book.Metadata{Title: "A Short Pamphlet", Authors: []book.Person{{Name: "Ann Onymous"}}, Lang: "en-GB"},
		Parts: []*book.Part{{Chapters: []*book.Chapter{{
			Kind: book.KindChapter, ID: "pamphlet", Title: []book.Inline{booktest.T("On Pamphlets")},
			Blocks: []book.Block{
				booktest.P(booktest.T("Short works travel far & fast; <small> ones further.")),
				booktest.P(booktest.T("“Quoted”, she said — and left.")),
			},
		}}}},
		Slug: "pamphlet",
	}
	book.NumberNotes(b)
	return b
}

// sampleNoImages drops the figure and the book's assets.
func sampleNoImages() *book.Book {
	b := booktest.Sample()
	b.Assets = nil
	for _, ch := range b.BodyChapters() {
		var keep []book.Block
		for _, bl := range ch.Blocks {
			if _, fig := bl.(*book.Figure); !fig {
				keep = append(keep, bl)
			}
		}
		ch.Blocks = keep
	}
	return b
}

// sampleFull adds a cover, embedded fonts, a chapter in another language,
// a cross-chapter link and a plain ISBN.
func sampleFull() *book.Book {
	b := booktest.Sample()
	b.Meta.CoverImage = &book.Asset{Name: "cover.png", MediaType: "image/png", Data: booktest.PNG(60, 90), Width: 60, Height: 90}
	b.Output.EmbedFonts = true
	b.Meta.Identifier = "978-0-00-000000-2"
	b.Meta.Series, b.Meta.SeriesPosition = "Hand Press Pamphlets", "3"
	ch2 := b.Parts[0].Chapters[1]
	ch2.Blocks = append(ch2.Blocks, booktest.P(booktest.T("Back to "), &book.Link{URL: "#licensing", Inlines: []book.Inline{booktest.T("licensing")}}, booktest.T(".")))
	b.Parts[1].Chapters[0].Lang = "de"
	return b
}

// renderOptionsZero are options without a build date.
func renderOptionsZero() render.Options { return render.Options{} }

// awkward is a book made of edge cases: ids that clash with the
// renderer's own names or are not valid XML ids, an untitled chapter, a
// note in a chapter title, a note reference inside a link, a note missing
// from its chapter's list, images with one base name, a quotation ending
// in a list, odd headings and tables, and a language per chapter.
func awkward() *book.Book {
	T, P := booktest.T, booktest.P
	imgA := &book.Asset{Name: "a/pic.png", MediaType: "image/png", Data: booktest.PNG(10, 10), Width: 10, Height: 10}
	imgB := &book.Asset{Name: "b/pic.png", Data: booktest.PNG(20, 10), Width: 20, Height: 10}
	n1 := &book.Note{ID: "n1", Blocks: []book.Block{P(T("Note on the title."))}, Refs: 1}
	n2 := &book.Note{ID: "n2", Blocks: []book.Block{&book.CodeBlock{Text: "a note that starts with code"}}, Refs: 2}
	orphan := &book.Note{ID: "lost note", Blocks: []book.Block{P(T("A note no chapter lists."))}, Refs: 1}
	nav := &book.Chapter{
		Kind: book.KindChapter, ID: "nav",
		Title: []book.Inline{T("Odd "), &book.Emph{Inlines: []book.Inline{T("Titles")}}, &book.NoteRef{Note: n1, Index: 1}},
		Blocks: []book.Block{
			P(&book.Link{URL: "https://example.org/?a=1&b=2", Title: `say "hi"`, Inlines: []book.Inline{T("a link with a note"), &book.NoteRef{Note: n2, Index: 1}}}, T(" and "), &book.NoteRef{Note: n2, Index: 2}, &book.NoteRef{Note: orphan, Index: 1}),
			&book.BlockQuote{Blocks: []book.Block{P(T("Quoted list:")), &book.List{Items: []book.ListItem{{Blocks: []book.Block{P(T("one"))}}, {}}}},
				Source: &book.Citation{Raw: "[@anon]", Items: []book.CiteItem{{Key: "anon"}}}},
			&book.Heading{Level: 7, ID: "deep heading", Classes: []string{"unnumbered", "odd class!"}, Inlines: []book.Inline{T("Too deep")}},
			&book.Table{Head: [][]book.Inline{{T("A")}, {T("B")}, {T("C")}}, Rows: [][][]book.Inline{{{T("1")}}, {{T("1")}, {T("2")}, {T("3")}}}},
			&book.Figure{Image: &book.Image{Asset: imgA}, Caption: []book.Inline{T("Caption as alt")}},
			P(&book.Image{Asset: imgB, Alt: "inline image", Title: "B"}, T(" inline.")),
			&book.CodeBlock{Text: "<tag> & \"quotes\"\n\n  indented\n"},
			&book.List{Ordered: true, Start: 1, Items: []book.ListItem{{Blocks: []book.Block{P(T("loose")), P(T("second paragraph"))}}}},
			P(&book.Link{URL: "#cover", Inlines: []book.Inline{T("to the chapter called cover")}}, T(", "), &book.Link{URL: "#deep heading", Inlines: []book.Inline{T("to the deep heading")}}),
		},
		Notes: []*book.Note{n1, n2},
	}
	cover := &book.Chapter{Kind: book.KindChapter, ID: "cover", Lang: "el", Title: []book.Inline{T("Εξώφυλλο")},
		Blocks: []book.Block{P(T("Ελληνικό κείμενο."))}}
	untitled := &book.Chapter{Kind: book.KindChapter, ID: "1999", Blocks: []book.Block{P(T("An untitled chapter."))}}
	b := &book.Book{
		Meta: book.Metadata{Title: "Odd & Ends", Lang: "fr", Date: "spring 2026",
			CoverImage: &book.Asset{Name: "cover.jpg", MediaType: "image/png", Data: booktest.PNG(30, 40), Width: 30, Height: 40}},
		Front:  []*book.Chapter{{Kind: book.KindTitlePage, ID: "title page"}, {Kind: book.KindContents, ID: "contents"}},
		Parts:  []*book.Part{{Chapters: []*book.Chapter{nav, cover, untitled}}},
		Back:   []*book.Chapter{{Kind: book.KindColophon, ID: "colophon", Blocks: []book.Block{P(T("Made by hand."))}}},
		Assets: []*book.Asset{imgA, imgB},
	}
	book.NumberNotes(b)
	orphan.Number = 3
	return b
}
