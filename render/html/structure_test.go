package html

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// variants are the sample book and the variations every renderer must
// handle: each note placement and scope, no parts, no images, embedded
// fonts, and front matter without a title page.
func variants() []struct {
	name string
	book func() *book.Book
} {
	return []struct {
		name string
		book func() *book.Book
	}{
		{"sample", booktest.Sample},
		{"chapter-end", func() *book.Book {
			b := booktest.Sample()
			b.Notes.Placement = book.PlaceChapterEnd
			return b
		}},
		{"book-end", func() *book.Book {
			b := booktest.Sample()
			b.Notes.Placement = book.PlaceBookEnd
			b.Back = append([]*book.Chapter{{Kind: book.KindNotes, ID: "notes"}}, b.Back...)
			return b
		}},
		{"book-end-without-division", func() *book.Book {
			b := booktest.Sample()
			b.Notes.Placement = book.PlaceBookEnd
			return b
		}},
		{"book-scope", func() *book.Book {
			b := booktest.Sample()
			b.Notes.Scope = book.ScopeBook
			b.Notes.Placement = book.PlaceChapterEnd
			book.NumberNotes(b)
			return b
		}},
		{"no-parts", func() *book.Book {
			b := booktest.Sample()
			b.Parts = []*book.Part{{Chapters: b.BodyChapters()}}
			return b
		}},
		{"no-images", func() *book.Book {
			b := booktest.Sample()
			for _, ch := range b.AllChapters() {
				ch.Blocks = slices.DeleteFunc(ch.Blocks, func(bl book.Block) bool {
					_, fig := bl.(*book.Figure)
					return fig
				})
			}
			b.Assets = nil
			return b
		}},
		{"embed-fonts", func() *book.Book {
			b := booktest.Sample()
			b.Output.EmbedFonts = true
			return b
		}},
		{"no-front-matter", func() *book.Book {
			b := booktest.Sample()
			b.Front = nil
			return b
		}},
	}
}

// renderBook renders b and returns the page and the warnings given.
func renderBook(t *testing.T, b *book.Book) ([]byte, []string) {
	t.Helper()
	var warnings []string
	opt := render.Options{Warn: func(pos book.Pos, msg string) { warnings = append(warnings, pos.String()+": "+msg) }}
	var buf bytes.Buffer
	if err := New().Render(&buf, b, opt); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes(), warnings
}

func TestStructure(t *testing.T) {
	for _, v := range variants() {
		t.Run(v.name, func(t *testing.T) {
			b := v.book()
			out, warnings := renderBook(t, b)
			if len(warnings) > 0 {
				t.Errorf("unexpected warnings: %q", warnings)
			}
			checkPage(t, b, out)
		})
	}
}

// checkPage asserts what must hold of every rendered page.
func checkPage(t *testing.T, b *book.Book, out []byte) *node {
	t.Helper()
	if !bytes.HasPrefix(out, []byte("<!DOCTYPE html>\n<html ")) {
		t.Fatalf("page does not start with the HTML5 doctype: %.60q", out)
	}
	doc, err := parsePage(out)
	if err != nil {
		t.Fatalf("page is not well-formed (polyglot) markup: %v", err)
	}
	html := doc.elements()[0]
	if html.name != "html" || html.attr("lang") != b.Meta.Lang || html.attr("xmlns") == "" {
		t.Errorf("root = <%s lang=%q xmlns=%q>, want <html lang=%q> with the XHTML namespace", html.name, html.attr("lang"), html.attr("xmlns"), b.Meta.Lang)
	}
	checkHead(t, b, html)
	checkSafe(t, doc)
	ids := checkIDs(t, doc)
	checkChapters(t, b, doc, ids)
	checkNotes(t, b, doc, ids)
	for _, img := range doc.tag("img") {
		if !strings.HasPrefix(img.attr("src"), "data:image/") {
			t.Errorf("image source %.40q is not an inline data: URI", img.attr("src"))
		}
		if _, ok := img.attrs["alt"]; !ok {
			t.Errorf("image without alt attribute")
		}
	}
	return doc
}

func checkHead(t *testing.T, b *book.Book, html *node) {
	t.Helper()
	heads := html.tag("head")
	if len(heads) != 1 {
		t.Fatalf("%d head elements", len(heads))
	}
	head := heads[0]
	if len(head.withAttr("charset", "utf-8")) != 1 {
		t.Errorf("no <meta charset=utf-8>")
	}
	metas := map[string]string{}
	for _, m := range head.tag("meta") {
		if name := m.attr("name"); name != "" {
			metas[name] = m.attr("content")
		}
	}
	if !strings.HasPrefix(metas["viewport"], "width=device-width") {
		t.Errorf("viewport = %q", metas["viewport"])
	}
	if metas["author"] != "Mara Vell, Jonas Brand" || metas["description"] != b.Meta.Description {
		t.Errorf("author/description metas = %q / %q", metas["author"], metas["description"])
	}
	if titles := head.tag("title"); len(titles) != 1 || titles[0].textContent() != b.Meta.Title+": "+b.Meta.Subtitle {
		t.Errorf("title element wrong: %v", titles)
	}
	if styles := head.tag("style"); len(styles) != 1 || !strings.Contains(styles[0].textContent(), "hyphens: auto") {
		t.Errorf("want one inline stylesheet, found %d", len(styles))
	}
	if links := head.tag("link"); len(links) > 0 {
		t.Errorf("page refers to %d external resources", len(links))
	}
}

// checkSafe asserts that the page runs nothing: no script, no event
// handler attributes, no javascript: URLs.
func checkSafe(t *testing.T, doc *node) {
	t.Helper()
	for _, n := range doc.all(func(*node) bool { return true }) {
		if n.name == "script" || n.name == "iframe" || n.name == "object" || n.name == "embed" {
			t.Errorf("page contains <%s>", n.name)
		}
		for k, v := range n.attrs {
			if strings.HasPrefix(k, "on") {
				t.Errorf("<%s> has event handler %s", n.name, k)
			}
			if k == "href" || k == "src" {
				if s, _ := urlScheme(v); s == "javascript" || s == "vbscript" || (k == "href" && s == "data") {
					t.Errorf("<%s %s=%q> can run code", n.name, k, v)
				}
			}
		}
	}
}

// checkIDs asserts that ids are unique and every internal link has a
// target; it returns the elements by id.
func checkIDs(t *testing.T, doc *node) map[string]*node {
	t.Helper()
	ids := map[string]*node{}
	for _, n := range doc.all(func(x *node) bool { return x.attr("id") != "" }) {
		id := n.attr("id")
		if _, dup := ids[id]; dup {
			t.Errorf("id %q used twice", id)
		}
		ids[id] = n
	}
	for _, a := range doc.tag("a") {
		if href, ok := strings.CutPrefix(a.attr("href"), "#"); ok && ids[href] == nil {
			t.Errorf("link to #%s has no target", href)
		}
	}
	return ids
}

// checkChapters asserts that every chapter is in the page in reading
// order with its title and headings, and that the contents link to every
// part, chapter and level-2 heading.
func checkChapters(t *testing.T, b *book.Book, doc *node, ids map[string]*node) {
	t.Helper()
	var got, want []string
	for _, s := range doc.withAttr("role", "doc-chapter") {
		got = append(got, s.attr("id"))
	}
	for _, ch := range b.BodyChapters() {
		want = append(want, ch.ID)
		sec := ids[ch.ID]
		if sec == nil {
			continue
		}
		if h1 := sec.tag("h1"); len(h1) == 0 || h1[0].textContent() != book.PlainText(ch.Title) {
			t.Errorf("chapter %s has no h1 %q", ch.ID, book.PlainText(ch.Title))
		}
		if ch.Byline != nil {
			if bl := sec.all(func(x *node) bool { return x.hasClass("byline") }); len(bl) != 1 || !strings.Contains(bl[0].textContent(), ch.Byline.Authors[0].Name) {
				t.Errorf("chapter %s: byline missing", ch.ID)
			}
		}
		book.WalkBlocks(ch.Blocks, func(bl book.Block) bool {
			if h, ok := bl.(*book.Heading); ok {
				if el := ids[h.ID]; el == nil || el.name != "h"+strconv.Itoa(h.Level) || el.ancestor(func(x *node) bool { return x == sec }) == nil {
					t.Errorf("heading %s missing from chapter %s", h.ID, ch.ID)
				}
			}
			return true
		})
	}
	if !slices.Equal(got, want) {
		t.Errorf("chapters in page = %v, want %v", got, want)
	}
	parts := doc.withAttr("role", "doc-part")
	hasTOC := false
	for _, ch := range b.Front {
		hasTOC = hasTOC || ch.Kind == book.KindContents
	}
	if !hasTOC {
		return
	}
	navs := doc.withAttr("role", "doc-toc")
	if len(navs) != 1 || navs[0].name != "nav" {
		t.Fatalf("want one <nav role=doc-toc>, found %d", len(navs))
	}
	linked := map[string]bool{}
	for _, a := range navs[0].tag("a") {
		linked[strings.TrimPrefix(a.attr("href"), "#")] = true
	}
	for _, p := range b.Parts {
		if len(p.Title) > 0 && !linked[p.ID] {
			t.Errorf("contents do not link to part %s", p.ID)
		}
	}
	if len(parts) != len(b.Parts) && len(b.Parts[0].Title) > 0 {
		t.Errorf("%d part sections for %d parts", len(parts), len(b.Parts))
	}
	for _, ch := range b.BodyChapters() {
		if !linked[ch.ID] {
			t.Errorf("contents do not link to chapter %s", ch.ID)
		}
		for _, bl := range ch.Blocks {
			if h, ok := bl.(*book.Heading); ok && h.Level == 2 && !linked[h.ID] {
				t.Errorf("contents do not link to heading %s", h.ID)
			}
		}
	}
}

// checkNotes asserts that every note reference links to its note, every
// note links back to each of its references, and the notes stand where
// the book's placement says.
func checkNotes(t *testing.T, b *book.Book, doc *node, ids map[string]*node) {
	t.Helper()
	refs := doc.withAttr("role", "doc-noteref")
	for _, a := range refs {
		note := ids[strings.TrimPrefix(a.attr("href"), "#")]
		if note == nil || a.attr("id") == "" {
			t.Errorf("note reference %q without target or id", a.attr("href"))
			continue
		}
		back := false
		for _, bl := range note.withAttr("role", "doc-backlink") {
			back = back || bl.attr("href") == "#"+a.attr("id")
		}
		if !back {
			t.Errorf("note %s has no link back to reference %s", note.attr("id"), a.attr("id"))
		}
	}
	for _, bl := range doc.withAttr("role", "doc-backlink") {
		if target := ids[strings.TrimPrefix(bl.attr("href"), "#")]; target == nil || target.attr("role") != "doc-noteref" {
			t.Errorf("back-link %q does not lead to a note reference", bl.attr("href"))
		}
	}
	total := 0
	for _, ch := range b.AllChapters() {
		for _, n := range ch.Notes {
			total += n.Refs
			el := ids["fn-"+n.ID]
			if el == nil {
				t.Errorf("note %s missing", n.ID)
				continue
			}
			if !strings.Contains(el.textContent(), book.PlainText(n.Blocks[0].(*book.Paragraph).Inlines)) {
				t.Errorf("note %s lacks its text", n.ID)
			}
			checkPlacement(t, b, ch, n, el)
		}
	}
	if len(refs) != total {
		t.Errorf("%d note references in the page, want %d", len(refs), total)
	}
}

// checkPlacement asserts that note n of chapter ch, shown as el, stands
// where the book's note placement says.
func checkPlacement(t *testing.T, b *book.Book, ch *book.Chapter, n *book.Note, el *node) {
	t.Helper()
	inChapter := el.ancestor(func(x *node) bool { return x.attr("id") == ch.ID }) != nil
	switch b.Notes.Placement {
	case book.PlaceFootnotes:
		if el.name != "aside" || el.attr("role") != "doc-footnote" || !inChapter {
			t.Errorf("footnote %s is <%s role=%q>, in its chapter: %v", n.ID, el.name, el.attr("role"), inChapter)
		}
		if !strings.HasPrefix(strings.TrimSpace(el.textContent()), strconv.Itoa(n.Number)) {
			t.Errorf("footnote %s does not start with its number %d", n.ID, n.Number)
		}
	case book.PlaceChapterEnd, book.PlaceBookEnd:
		list := el.ancestor(func(x *node) bool { return x.attr("role") == "doc-endnotes" })
		if el.name != "li" || el.attr("value") != strconv.Itoa(n.Number) || list == nil {
			t.Errorf("endnote %s is <%s value=%q> in %v", n.ID, el.name, el.attr("value"), list)
		}
		if wantIn := b.Notes.Placement == book.PlaceChapterEnd; inChapter != wantIn {
			t.Errorf("endnote %s in its chapter: %v, want %v", n.ID, inChapter, wantIn)
		}
		if b.Notes.Placement == book.PlaceBookEnd {
			group := el.ancestor(func(x *node) bool { return x.hasClass("notes-chapter") })
			if group == nil || len(group.withAttr("href", "#"+ch.ID)) != 1 || !list.hasClass("notes") {
				t.Errorf("endnote %s not grouped under a link to chapter %s", n.ID, ch.ID)
			}
		}
	}
}
