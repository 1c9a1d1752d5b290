package html

import (
	"bytes"
	"encoding/base64"
	"errors"
	"regexp"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/fonts"
	"samizdat/render"
)

var _ render.Renderer = (*Renderer)(nil)

func TestNameAndExtension(t *testing.T) {
	r := New()
	if r.Name() != "html" || r.Extension() != ".html" {
		t.Errorf("Name, Extension = %q, %q; want html, .html", r.Name(), r.Extension())
	}
	reg := render.NewRegistry(r)
	if got, ok := reg.Lookup("html"); !ok || got != r {
		t.Errorf("registry lookup of html failed")
	}
}

func TestReproducible(t *testing.T) {
	for _, v := range variants() {
		t.Run(v.name, func(t *testing.T) {
			// Two books built apart, so that nothing depends on pointers.
			first, _ := renderBook(t, v.book())
			second, _ := renderBook(t, v.book())
			if !bytes.Equal(first, second) {
				t.Errorf("two renders differ (%d and %d bytes)", len(first), len(second))
			}
		})
	}
}

// oneChapter returns a book with a single chapter of the given blocks.
func oneChapter(blocks ...book.Block) *book.Book {
	return &book.Book{
		Meta: book.Metadata{Title: "T", Lang: "en"},
		Parts: []*book.Part{{Chapters: []*book.Chapter{{
			Kind: book.KindChapter, ID: "one", Title: []book.Inline{booktest.T("One")},
			Source: book.Pos{File: "one.md", Line: 1}, Blocks: blocks,
		}}}},
	}
}

func TestVariantShapes(t *testing.T) {
	for _, v := range variants() {
		t.Run(v.name, func(t *testing.T) {
			b := v.book()
			out, _ := renderBook(t, b)
			doc, err := parsePage(out)
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			parts, imgs := len(doc.withAttr("role", "doc-part")), len(doc.tag("img"))
			faces := strings.Count(s, "@font-face")
			titles := doc.all(func(x *node) bool { return x.hasClass("title-page") })
			switch v.name {
			case "no-parts":
				if parts != 0 {
					t.Errorf("%d part sections in a book without parts", parts)
				}
			case "no-images":
				if imgs != 0 || strings.Contains(s, "data:image") {
					t.Errorf("%d images in a book without images", imgs)
				}
			case "embed-fonts":
				if faces != 4 {
					t.Errorf("%d @font-face rules, want 4", faces)
				}
			case "no-front-matter":
				if len(titles) != 1 || !strings.Contains(titles[0].textContent(), b.Meta.Title) || len(doc.withAttr("role", "doc-toc")) != 0 {
					t.Errorf("without front matter the page should still start with its title and have no contents")
				}
			default:
				if parts != 2 || imgs != 1 || faces != 0 || len(titles) != 1 || titles[0].attr("id") != "title-page" {
					t.Errorf("parts, images, font faces, title pages = %d, %d, %d, %d; want 2, 1, 0, 1", parts, imgs, faces, len(titles))
				}
			}
		})
	}
}

func TestEscaping(t *testing.T) {
	b := oneChapter(
		booktest.P(booktest.T(`Fish & chips <b>"bold"</b> — ‘quoted’ … Ελευθερία`), &book.Link{URL: "https://example.org/?a=1&b=2", Title: `say "hi"`, Inlines: []book.Inline{booktest.T("x")}}),
		&book.CodeBlock{Lang: `sh"><script>`, Text: "if a < b && c > d { echo \"</pre>\" }\n"},
		booktest.P(booktest.T("bad\x00control\x1bchars and \xff invalid")),
	)
	b.Meta.Title = `A & B <C>`
	out, _ := renderBook(t, b)
	s := string(out)
	for _, want := range []string{
		`Fish &amp; chips &lt;b&gt;&quot;bold&quot;&lt;/b&gt; — ‘quoted’ … Ελευθερία`,
		`href="https://example.org/?a=1&amp;b=2" title="say &quot;hi&quot;"`,
		`<code class="language-shscript">if a &lt; b &amp;&amp; c &gt; d { echo &quot;&lt;/pre&gt;&quot; }`,
		`<title>A &amp; B &lt;C&gt;</title>`,
		"badcontrolchars and \uFFFD invalid",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if m := regexp.MustCompile(`&#|&[a-z]+;`).FindAllString(s, -1); len(m) > 0 {
		for _, e := range m {
			if e != "&amp;" && e != "&lt;" && e != "&gt;" && e != "&quot;" {
				t.Errorf("page uses the entity %q; only & < > \" are escaped", e)
			}
		}
	}
	if strings.Contains(s, "<script") {
		t.Errorf("markup from the text reached the page")
	}
	checkPageBasics(t, out)
}

// checkPageBasics asserts well-formedness, unique ids and resolved links
// for pages of hand-made books that checkPage's sample assumptions do not
// fit.
func checkPageBasics(t *testing.T, out []byte) *node {
	t.Helper()
	doc, err := parsePage(out)
	if err != nil {
		t.Fatalf("page is not well-formed: %v", err)
	}
	checkSafe(t, doc)
	checkIDs(t, doc)
	return doc
}

func TestLinks(t *testing.T) {
	tests := []struct {
		url    string
		href   string // "" when the link must be dropped
		warned bool
	}{
		{"https://example.org/a b", "https://example.org/a%20b", false},
		{"http://example.org", "http://example.org", false},
		{"mailto:ed@example.org", "mailto:ed@example.org", false},
		{"other.html#x", "other.html#x", false},
		{"/root/path", "/root/path", false},
		{"#one", "#one", false},
		{"#sub", "#sub", false},
		{"#nowhere", "", true},
		{"javascript:alert(1)", "", true},
		{"JavaScript:alert(1)", "", true},
		{"  javascript:alert(1)", "", true},
		{"java\tscript:alert(1)", "", true},
		{"java\nscript:alert(1)", "", true},
		{"\x01javascript:alert(1)", "", true},
		{"vbscript:msgbox(1)", "", true},
		{"data:text/html;base64,PHNjcmlwdD4=", "", true},
		{"file:///etc/passwd", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			b := oneChapter(
				&book.Heading{Level: 2, ID: "sub", Inlines: []book.Inline{booktest.T("Sub")}},
				booktest.P(booktest.T("see "), &book.Link{URL: tt.url, Inlines: []book.Inline{booktest.T("the target")}, Pos: book.Pos{File: "one.md", Line: 7, Col: 5}}, booktest.T(".")),
			)
			out, warnings := renderBook(t, b)
			for _, w := range warnings {
				if !strings.HasPrefix(w, "one.md:7:5: ") {
					t.Errorf("warning %q not at the link's position", w)
				}
			}
			doc := checkPageBasics(t, out)
			p := doc.tag("p")
			para := p[len(p)-1]
			if para.textContent() != "see the target." {
				t.Errorf("paragraph text = %q", para.textContent())
			}
			links := para.tag("a")
			switch {
			case tt.href == "" && len(links) != 0:
				t.Errorf("link kept: %v", links[0].attrs)
			case tt.href != "" && (len(links) != 1 || links[0].attr("href") != tt.href):
				t.Errorf("links = %v, want one to %q", links, tt.href)
			}
			if (len(warnings) > 0) != tt.warned {
				t.Errorf("warnings = %q, want warned: %v", warnings, tt.warned)
			}
		})
	}
}

func TestBlockQuoteSource(t *testing.T) {
	out, _ := renderBook(t, booktest.Sample())
	doc := checkPageBasics(t, out)
	var quote *node
	for _, q := range doc.tag("blockquote") {
		if strings.Contains(q.textContent(), "above all liberties") {
			quote = q
		}
	}
	if quote == nil {
		t.Fatal("Milton quotation missing")
	}
	paras := quote.tag("p")
	last := paras[len(paras)-1].elements()
	if len(last) == 0 || !last[len(last)-1].hasClass("noteref") || !strings.HasSuffix(paras[len(paras)-1].textContent(), "above all liberties.2") {
		t.Errorf("the source marker is not at the end of the quotation's last paragraph: %q", paras[len(paras)-1].textContent())
	}
}

func TestEmbedFonts(t *testing.T) {
	fam, err := fonts.Default()
	if err != nil {
		t.Fatal(err)
	}
	b := booktest.Sample()
	b.Output.EmbedFonts = true
	var buf bytes.Buffer
	if err := New().Render(&buf, b, render.Options{Fonts: fam}); err != nil {
		t.Fatal(err)
	}
	css := regexp.MustCompile(`url\("data:font/ttf;base64,([A-Za-z0-9+/=]+)"\) format\("truetype"\)`).FindAllStringSubmatch(buf.String(), -1)
	if len(css) != 4 {
		t.Fatalf("%d embedded faces, want 4", len(css))
	}
	for i, m := range css {
		data, err := base64.StdEncoding.DecodeString(m[1])
		if err != nil || !bytes.Equal(data, fam.Faces[i].Data) {
			t.Errorf("face %d: embedded data differs from %s (%v)", i, fam.Faces[i].FileName, err)
		}
	}
	for _, want := range []string{"font-style: italic;\n  font-weight: 700;", `font-family: "Gentium Book Plus";`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("font rules lack %q", want)
		}
	}
}

func TestImageProblems(t *testing.T) {
	tests := []struct {
		name  string
		asset *book.Asset
	}{
		{"no data", &book.Asset{Name: "images/x.png", MediaType: "image/png"}},
		{"not an image", &book.Asset{Name: "x.html", MediaType: "text/html", Data: []byte("<script>")}},
		{"no asset", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := oneChapter(&book.Figure{Image: &book.Image{Asset: tt.asset, Alt: "the alt text"}, Caption: []book.Inline{booktest.T("Cap")}})
			out, warnings := renderBook(t, b)
			doc := checkPageBasics(t, out)
			if len(doc.tag("img")) != 0 || len(warnings) != 1 {
				t.Errorf("images, warnings = %d, %q; want 0 images and one warning", len(doc.tag("img")), warnings)
			}
			if fig := doc.tag("figure"); len(fig) != 1 || !strings.Contains(fig[0].textContent(), "the alt text") {
				t.Errorf("figure does not show its alternative text")
			}
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	// A heading that takes its chapter's id, and one that takes a note's.
	n := &book.Note{ID: "n1", Number: 1, Refs: 1, Blocks: []book.Block{booktest.P(booktest.T("Note."))}}
	b := oneChapter(
		&book.Heading{Level: 2, ID: "one", Inlines: []book.Inline{booktest.T("Same as chapter")}},
		&book.Heading{Level: 2, ID: "fn-n1", Inlines: []book.Inline{booktest.T("Same as note")}},
		booktest.P(booktest.T("Text."), &book.NoteRef{Note: n, Index: 1}, &book.Link{URL: "#one", Inlines: []book.Inline{booktest.T("up")}}),
	)
	b.Parts[0].Chapters[0].Notes = []*book.Note{n}
	out, warnings := renderBook(t, b)
	doc := checkPageBasics(t, out)
	if len(warnings) != 2 {
		t.Errorf("warnings = %q, want one per renamed id", warnings)
	}
	if a := doc.withAttr("role", "doc-noteref"); len(a) != 1 || a[0].attr("href") != "#fn-n1-2" {
		t.Errorf("note reference does not follow its renamed note")
	}
	if links := doc.withAttr("href", "#one"); len(links) < 1 || links[len(links)-1].textContent() != "up" {
		t.Errorf("link to #one should lead to the chapter, the first holder of the id")
	}
}

func TestLanguage(t *testing.T) {
	b := oneChapter(booktest.P(booktest.T("שלום")))
	b.Meta.Lang = "he"
	b.Parts[0].Chapters[0].Lang = "de"
	out, _ := renderBook(t, b)
	doc := checkPageBasics(t, out)
	html := doc.elements()[0]
	if html.attr("lang") != "he" || html.attr("dir") != "rtl" {
		t.Errorf("html lang, dir = %q, %q", html.attr("lang"), html.attr("dir"))
	}
	if ch := doc.withAttr("id", "one"); len(ch) != 1 || ch[0].attr("lang") != "de" || ch[0].attr("dir") != "" {
		t.Errorf("chapter language not marked")
	}

	b.Meta.Lang = ""
	out, warnings := renderBook(t, b)
	if !bytes.Contains(out, []byte(`lang="und"`)) || len(warnings) != 1 {
		t.Errorf("a book without language should say lang=und and warn; warnings %q", warnings)
	}
}

func TestGeneratedLabels(t *testing.T) {
	b := booktest.Sample()
	b.Meta.Lang = "de"
	b.Notes.Placement = book.PlaceBookEnd
	out, _ := renderBook(t, b)
	doc := checkPageBasics(t, out)
	if nav := doc.withAttr("role", "doc-toc"); len(nav) != 1 || nav[0].tag("h1")[0].textContent() != "Inhalt" {
		t.Errorf("contents heading not in German")
	}
	if notes := doc.withAttr("id", "notes"); len(notes) != 1 || notes[0].tag("h1")[0].textContent() != "Anmerkungen" {
		t.Errorf("notes heading not in German")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := New().Render(failingWriter{}, booktest.Sample(), render.Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Render on a failing writer = %v, want the write error", err)
	}
	if err := New().Render(&bytes.Buffer{}, nil, render.Options{}); err == nil {
		t.Errorf("Render of a nil book succeeded")
	}
}

func TestBibliographyDivision(t *testing.T) {
	b := booktest.Sample()
	bib := &book.Chapter{Kind: book.KindBibliography, ID: "bibliography", Title: []book.Inline{booktest.T("Bibliography")},
		Blocks: []book.Block{booktest.P(booktest.T("Milton, John. "), &book.Emph{Inlines: []book.Inline{booktest.T("Areopagitica")}}, booktest.T(". London, 1644."))}}
	b.Back = append(b.Back, bib)
	var out bytes.Buffer
	if err := New().Render(&out, b, render.Options{}); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, want := range []string{`class="division bibliography" role="doc-bibliography"`, "<em>Areopagitica</em>", ".bibliography p { text-indent: -2em;"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	b.Back[len(b.Back)-1] = &book.Chapter{Kind: book.KindBibliography, ID: "bibliography"}
	var warns []string
	out.Reset()
	if err := New().Render(&out, b, render.Options{Warn: func(_ book.Pos, m string) { warns = append(warns, m) }}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "doc-bibliography") || len(warns) != 1 || !strings.Contains(warns[0], "no entries") {
		t.Errorf("empty bibliography: warnings %q", warns)
	}
}

func TestPageBreaks(t *testing.T) {
	// Print page breaks at a paragraph's start and inside one, in a
	// heading (which the contents repeat without it), and a page number
	// that a heading's id already takes.
	pb := func(l string) book.Inline { return &book.PageBreak{Label: l} }
	b := oneChapter(
		booktest.P(pb("1"), booktest.T("First page, "), pb("2"), booktest.T("second.")),
		&book.Heading{Level: 2, ID: "page-3", Inlines: []book.Inline{pb("3"), booktest.T("Third")}},
	)
	out, _ := renderBook(t, b)
	doc := checkPageBasics(t, out)
	var got []string
	for _, n := range doc.withAttr("role", "doc-pagebreak") {
		got = append(got, n.attr("id")+" "+n.attr("aria-label")+" "+n.textContent())
	}
	want := []string{"page-1 1 ", "page-2 2 ", "page-3-2 3 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("page breaks %q, want %q", got, want)
	}
	if n := strings.Count(string(out), "doc-pagebreak"); n != 3 {
		t.Errorf("%d page breaks in the page, want 3 (the contents repeat none)", n)
	}
}
