package epub

import (
	"slices"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// samplePaged is the sample with print page breaks where MarkPages would
// put them — at a paragraph's start, inside one, in a heading, a list
// item and emphasis — among them a page number printed twice, one with
// characters an id cannot hold, one without a number, and a heading whose
// id is what a page break's would be.
func samplePaged() *book.Book {
	b := booktest.Sample()
	b.Meta.PageSource = "ISBN 978-0-306-40615-7"
	pb := func(l string) book.Inline { return &book.PageBreak{Label: l} }
	pre := b.Front[len(b.Front)-1]
	pre.Blocks[0] = booktest.P(pb("v"), &book.Text{Text: "This preface is short."})
	ch := b.Parts[0].Chapters[0]
	for i, bl := range ch.Blocks {
		switch n := bl.(type) {
		case *book.Heading:
			if n.ID == "licensing" {
				n.Inlines = append([]book.Inline{pb("2")}, n.Inlines...)
			}
		case *book.List:
			it := n.Items[0].Blocks[0].(*book.Paragraph)
			it.Inlines = append([]book.Inline{&book.Emph{Inlines: []book.Inline{pb("3")}}}, it.Inlines...)
		case *book.Paragraph:
			if i == 0 {
				n.Inlines = append([]book.Inline{pb("1"), pb("")}, n.Inlines...)
			}
		}
	}
	ch.Blocks = append(ch.Blocks, &book.Heading{Level: 3, ID: "page-4", Inlines: []book.Inline{&book.Text{Text: "Page four"}}},
		booktest.P(&book.Text{Text: "Twice "}, pb("4"), &book.Text{Text: "and again "}, pb("4"), &book.Text{Text: "then "}, pb("x 1<&\n")))
	return b
}

// TestPageList checks the page break markers, the page-list navigation
// and the metadata of a book with print page numbers.
func TestPageList(t *testing.T) {
	data, warnings := renderBook(t, samplePaged())
	f := unpack(t, data)
	type marker struct{ file, id, label string }
	var markers []marker
	ids := map[string]bool{}
	for _, name := range f.xhtml() {
		doc := parseXML(t, name, f.content[name])
		for _, e := range doc.all("") {
			if id := e.attrs["id"]; id != "" {
				if ids[id] {
					t.Errorf("id %q is used twice", id)
				}
				ids[id] = true
			}
			if e.attrs["role"] != "doc-pagebreak" {
				continue
			}
			if e.name != "span" || e.attrs["epub:type"] != "pagebreak" || e.textContent() != "" {
				t.Errorf("%s: page break %s: want an empty span with epub:type pagebreak, got <%s epub:type=%q>%s", name, e.attrs["id"], e.name, e.attrs["epub:type"], e.textContent())
			}
			markers = append(markers, marker{strings.TrimPrefix(name, opfDir+textDir), e.attrs["id"], e.attrs["aria-label"]})
		}
	}
	want := []marker{
		{"preface.xhtml", "page-v", "v"},
		{"the-press.xhtml", "page-1", "1"},
		{"the-press.xhtml", "page-2", "2"},
		{"the-press.xhtml", "page-3", "3"},
		{"the-press.xhtml", "page-4-2", "4"},
		{"the-press.xhtml", "page-4-3", "4"},
		{"the-press.xhtml", "page-x-1--", "x 1<&"},
	}
	if !slices.Equal(markers, want) {
		t.Errorf("page break markers:\n got %v\nwant %v", markers, want)
	}
	if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, "without a page number") }) {
		t.Errorf("no warning for the page break without a number; warnings: %q", warnings)
	}

	nav := parseXML(t, "nav", f.must(t, opfDir+textDir+navFile))
	var list []marker
	for _, n := range nav.all("nav") {
		if n.attrs["epub:type"] != "page-list" {
			continue
		}
		if _, hidden := n.attrs["hidden"]; !hidden {
			t.Errorf("the page-list is not hidden")
		}
		for _, a := range n.all("a") {
			file, id, _ := strings.Cut(a.attrs["href"], "#")
			list = append(list, marker{file, id, a.textContent()})
		}
	}
	if !slices.Equal(list, want) {
		t.Errorf("page-list:\n got %v\nwant %v", list, want)
	}

	opf := f.must(t, opfPath)
	for _, w := range []string{
		`<dc:source id="page-source">urn:isbn:9780306406157</dc:source>`,
		`<meta refines="#page-source" property="source-of">pagination</meta>`,
		`<meta property="schema:accessibilityFeature">printPageNumbers</meta>`,
		`<meta property="schema:accessibilityFeature">pageNavigation</meta>`,
	} {
		if !strings.Contains(opf, w) {
			t.Errorf("the package document lacks %s", w)
		}
	}
	runEpubcheck(t, "paged", data)
}

// TestNoPageList checks that a book without page breaks has no page-list
// and claims no page numbers.
func TestNoPageList(t *testing.T) {
	f := unpack(t, mustRender(t, booktest.Sample()))
	for _, name := range []string{opfPath, opfDir + textDir + navFile} {
		s := f.must(t, name)
		for _, w := range []string{"page-list", "printPageNumbers", "pageNavigation", "source-of", "pagebreak"} {
			if strings.Contains(s, w) {
				t.Errorf("%s mentions %s in a book without page breaks", name, w)
			}
		}
	}
}
