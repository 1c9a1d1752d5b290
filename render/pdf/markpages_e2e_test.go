package pdf

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/internal/tooltest"
	"samizdat/render"
	"samizdat/render/epub"
)

// TestMarkedEPUBMatchesPrint builds the pamphlet's PDF — as its pamphlet
// edition (A6, set up for the booklet), at A5, with notes at chapter
// ends and at the book's end — and an EPUB from each marked copy, reads
// the PDF back with pdftotext page by page, and checks that every page
// with body text has a marker in the EPUB and that the EPUB's text right
// after each marker is the text that page's body begins with. The EPUB
// must pass EPUBCheck with its page-list.
func TestMarkedEPUBMatchesPrint(t *testing.T) {
	tooltest.Require(t, "pdftotext")
	placed := func(size string, p book.NotePlacement) func(testing.TB) *book.Book {
		return func(t testing.TB) *book.Book {
			b := manuscript("pamphlet", size)(t)
			b.Notes.Placement = p
			return b
		}
	}
	cases := []layoutCase{
		{"edition", edition("pamphlet", "pamphlet")},
		{"a5", manuscript("pamphlet", "a5")},
		{"a6-chapter-end", placed("a6", book.PlaceChapterEnd)},
		{"a6-book-end", placed("a6", book.PlaceBookEnd)},
	}
	for _, c := range cases {
		t.Run("pamphlet-"+c.name, func(t *testing.T) {
			t.Parallel()
			checkMarkedEPUB(t, c.book(t))
		})
	}
}

// checkMarkedEPUB renders b as a PDF and its marked copy as an EPUB and
// compares them page by page.
func checkMarkedEPUB(t *testing.T, b *book.Book) {
	t.Helper()
	pdftotext := tooltest.Require(t, "pdftotext")
	opt := render.Options{Date: testDate()}
	pdfPath := writeTemp(t, "pamphlet.pdf", renderBook(t, b))
	marked, err := New().MarkPages(b, opt)
	if err != nil {
		t.Fatalf("MarkPages: %v", err)
	}
	var eb bytes.Buffer
	if err := epub.New().Render(&eb, marked, opt); err != nil {
		t.Fatalf("EPUB: %v", err)
	}
	epubPath := writeTemp(t, "pamphlet.epub", eb.Bytes())
	if src := `<dc:source id="page-source">` + html.EscapeString(b.Meta.Identifier) + "</dc:source>"; b.Meta.Identifier != "" && !bytes.Contains(epubFile(t, eb.Bytes(), "OEBPS/content.opf"), []byte(src)) {
		t.Errorf("the package document does not name the print edition: no %s", src)
	}

	doc, _ := mustLayout(t, b)
	pages := strings.Split(run(t, pdftotext, "-enc", "UTF-8", pdfPath, "-"), "\f")
	if len(pages) < len(doc.Pages) {
		t.Fatalf("pdftotext read %d pages, the layout has %d", len(pages), len(doc.Pages))
	}
	byFolio := map[string]int{}
	for i, pg := range doc.Pages {
		byFolio[pg.Folio] = i
	}

	markers := epubMarkers(t, eb.Bytes())
	var labels []string
	for _, m := range markers {
		labels = append(labels, m.label)
		i, ok := byFolio[m.label]
		if !ok {
			t.Errorf("marker %q: the PDF has no page of that number", m.label)
			continue
		}
		body := stripHeadings(stripFurniture(pages[i], doc.Pages[i]), b)
		if err := startsAlike(body, m.text, 0); err != nil {
			t.Errorf("page %s: %v", m.label, err)
		}
	}
	// The EPUB may order divisions differently (notes at the book's end
	// go before the other back matter there), so the markers are
	// compared in the order of the pages they name.
	slices.SortStableFunc(labels, func(a, b string) int { return byFolio[a] - byFolio[b] })
	if want := bodyFolios(doc, b); !slices.Equal(labels, want) {
		t.Errorf("EPUB markers by page:\n got %q\nwant %q (the PDF's pages with body text)", labels, want)
	}
	t.Logf("%d PDF pages, %d markers", len(doc.Pages), len(markers))
	tooltest.EPUBCheck(t, epubPath)
}

// epubMarker is a page break marker in an EPUB and the text after it.
type epubMarker struct {
	label, text string
}

// pageBreakTag matches a page break marker as the EPUB writes it.
var pageBreakTag = regexp.MustCompile(`<span epub:type="pagebreak" role="doc-pagebreak" id="[^"]*" aria-label="([^"]*)"/>`)

// epubMarkers returns the page break markers of an EPUB in reading order
// (the spine's order) with the text that follows each in its document.
func epubMarkers(t *testing.T, data []byte) []epubMarker {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(b)
	}
	var out []epubMarker
	idref := regexp.MustCompile(`<itemref idref="([^"]*)"`)
	item := regexp.MustCompile(`<item id="([^"]*)" href="([^"]*)"`)
	hrefs := map[string]string{}
	for _, m := range item.FindAllStringSubmatch(files["OEBPS/content.opf"], -1) {
		hrefs[m[1]] = m[2]
	}
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, m := range idref.FindAllStringSubmatch(files["OEBPS/content.opf"], -1) {
		doc := files["OEBPS/"+hrefs[m[1]]]
		for _, loc := range pageBreakTag.FindAllStringSubmatchIndex(doc, -1) {
			rest := doc[loc[1]:min(len(doc), loc[1]+3000)]
			text := html.UnescapeString(tags.ReplaceAllString(rest, " "))
			out = append(out, epubMarker{label: html.UnescapeString(doc[loc[2]:loc[3]]), text: text})
		}
	}
	return out
}

// epubFile returns one file of an EPUB.
func epubFile(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// stripFurniture removes from the front of a page's text, as pdftotext
// reads it, what is not body text: the running head and folio, titles
// and bylines (the layout says which runs those are).
func stripFurniture(text string, pg *Page) string {
	var drop [][]string
	for _, x := range pg.Texts {
		switch x.Role {
		case RoleRunningHead, RoleFolio, RoleTitle:
			if w := words(x.Text); len(w) > 0 {
				drop = append(drop, w)
			}
		}
	}
	ws := words(text)
	for again := true; again; {
		again = false
		for _, d := range drop {
			if len(ws) >= len(d) && slices.Equal(ws[:len(d)], d) {
				ws = ws[len(d):]
				again = true
			}
		}
	}
	return strings.Join(ws, " ")
}
