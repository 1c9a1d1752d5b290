package epub

import (
	"bytes"
	"net/url"
	"path"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// TestDocuments checks every content document of every variant and
// stress book: well-formed, lang and xml:lang on the root, the
// stylesheet linked, no HTML entities.
func TestDocuments(t *testing.T) {
	for _, v := range append(variants(), stressVariants()...) {
		t.Run(v.name, func(t *testing.T) {
			data, _ := renderBook(t, v.book())
			f := unpack(t, data)
			for _, name := range f.xhtml() {
				s := f.content[name]
				root := parseXML(t, name, s)
				html := root.kids[0]
				if html.name != "html" || html.attrs["lang"] == "" || html.attrs["lang"] != html.attrs["xml:lang"] {
					t.Errorf("%s: root %s lang=%q xml:lang=%q", name, html.name, html.attrs["lang"], html.attrs["xml:lang"])
				}
				if strings.Contains(s, "&#") || strings.Contains(s, "&nbsp;") {
					t.Errorf("%s: contains character references", name)
				}
				if len(root.all("link")) != 1 {
					t.Errorf("%s: stylesheet not linked once", name)
				}
			}
		})
	}
}

// TestChapterLanguage checks that a chapter's own language overrides the
// book's on its document, and that the book's default is "en".
func TestChapterLanguage(t *testing.T) {
	f := unpack(t, mustRender(t, sampleFull()))
	tests := []struct{ file, lang string }{
		{"OEBPS/text/a-letter.xhtml", "de"},
		{"OEBPS/text/the-press.xhtml", "en"},
		{"OEBPS/text/nav.xhtml", "en"},
	}
	for _, tt := range tests {
		html := parseXML(t, tt.file, f.must(t, tt.file)).kids[0]
		if html.attrs["lang"] != tt.lang {
			t.Errorf("%s: lang %q; want %q", tt.file, html.attrs["lang"], tt.lang)
		}
	}
	b := pamphlet()
	b.Meta.Lang = ""
	f = unpack(t, mustRender(t, b))
	if !strings.Contains(f.must(t, opfPath), "<dc:language>en</dc:language>") {
		t.Errorf("a book without a language is not marked en")
	}
}

func mustRender(t *testing.T, b *book.Book) []byte {
	t.Helper()
	data, _ := renderBook(t, b)
	return data
}

// TestLinksResolve follows every relative href and src in every content
// document and the NCX to an existing file and id.
func TestLinksResolve(t *testing.T) {
	for _, v := range append(variants(), stressVariants()...) {
		t.Run(v.name, func(t *testing.T) {
			f := unpack(t, mustRender(t, v.book()))
			ids := map[string]map[string]bool{}
			trees := map[string]*element{}
			for _, name := range f.xhtml() {
				trees[name] = parseXML(t, name, f.content[name])
				ids[name] = map[string]bool{}
				for _, e := range trees[name].all("") {
					if id := e.attrs["id"]; id != "" {
						if ids[name][id] {
							t.Errorf("%s: id %q used twice", name, id)
						}
						ids[name][id] = true
					}
				}
			}
			check := func(from, ref string) {
				u, err := url.Parse(ref)
				if err != nil || u.Scheme != "" {
					return
				}
				file := from
				if u.Path != "" {
					file = path.Join(path.Dir(from), u.Path)
				}
				if _, ok := f.content[file]; !ok {
					t.Errorf("%s: link %q: no file %s", from, ref, file)
					return
				}
				if u.Fragment != "" && !ids[file][u.Fragment] {
					t.Errorf("%s: link %q: no id %q in %s", from, ref, u.Fragment, file)
				}
			}
			for name, tree := range trees {
				for _, e := range tree.all("") {
					for _, attr := range []string{"href", "src"} {
						if ref, ok := e.attrs[attr]; ok {
							check(name, ref)
						}
					}
				}
			}
			ncx := parseXML(t, "toc.ncx", f.must(t, opfDir+ncxHref))
			for _, c := range ncx.all("content") {
				check(opfDir+ncxHref, c.attrs["src"])
			}
		})
	}
}

// TestInternalLinks checks that #id links point into the right file.
func TestInternalLinks(t *testing.T) {
	f := unpack(t, mustRender(t, sampleFull()))
	press := f.must(t, "OEBPS/text/the-press.xhtml")
	if !strings.Contains(press, `<a href="#further-reading">further reading</a>`) {
		t.Errorf("same-file link not written as a fragment")
	}
	reader := f.must(t, "OEBPS/text/the-reader.xhtml")
	if !strings.Contains(reader, `<a href="the-press.xhtml#licensing">licensing</a>`) {
		t.Errorf("cross-file link not resolved to the-press.xhtml#licensing")
	}
}

// TestUnresolvableLinks checks that links EPUB cannot follow become text
// with a warning instead of broken links.
func TestUnresolvableLinks(t *testing.T) {
	b := pamphlet()
	ch := b.Parts[0].Chapters[0]
	ch.Blocks = append(ch.Blocks, booktest.P(
		&book.Link{URL: "#nowhere", Inlines: []book.Inline{booktest.T("lost")}},
		booktest.T(" and "),
		&book.Link{URL: "other.md", Inlines: []book.Inline{booktest.T("elsewhere")}},
	))
	data, warnings := renderBook(t, b)
	doc := unpack(t, data).must(t, "OEBPS/text/pamphlet.xhtml")
	if !strings.Contains(doc, "<p>lost and elsewhere</p>") {
		t.Errorf("unresolvable links not written as plain text")
	}
	if len(warnings) != 2 {
		t.Errorf("warnings = %q; want two", warnings)
	}
}

// TestChapterTextPresent checks that the text of every paragraph, item,
// cell and note of every division reaches some content document.
func TestChapterTextPresent(t *testing.T) {
	for _, v := range append(variants(), stressVariants()...) {
		t.Run(v.name, func(t *testing.T) {
			b := v.book()
			f := unpack(t, mustRender(t, b))
			var all strings.Builder
			for _, name := range f.xhtml() {
				all.WriteString(normSpace(parseXML(t, name, f.content[name]).readingText()))
				all.WriteByte('\n')
			}
			text := all.String()
			var want []string
			collect := func(blocks []book.Block) {
				book.WalkBlocks(blocks, func(bl book.Block) bool {
					for _, ins := range book.BlockInlines(bl) {
						if s := normSpace(book.PlainText(ins)); s != "" {
							want = append(want, s)
						}
					}
					if c, ok := bl.(*book.CodeBlock); ok {
						want = append(want, normSpace(c.Text))
					}
					return true
				})
			}
			for _, ch := range b.AllChapters() {
				if s := normSpace(book.PlainText(ch.Title)); s != "" {
					want = append(want, s)
				}
				collect(ch.Blocks)
				for _, n := range ch.Notes {
					collect(n.Blocks)
				}
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("text %q is missing", w)
				}
			}
		})
	}
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestEscaping checks that markup characters are escaped and typographic
// characters written as they are.
func TestEscaping(t *testing.T) {
	doc := unpack(t, mustRender(t, pamphlet())).must(t, "OEBPS/text/pamphlet.xhtml")
	for _, want := range []string{
		"<p>Short works travel far &amp; fast; &lt;small&gt; ones further.</p>",
		"<p>“Quoted”, she said — and left.</p>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %s", want)
		}
	}
}

// TestBlocks checks the markup of block types that EPUBCheck accepts in
// several forms, where the form matters to readers.
func TestBlocks(t *testing.T) {
	doc := unpack(t, mustRender(t, booktest.Sample())).must(t, "OEBPS/text/the-press.xhtml")
	for _, want := range []string{
		`<h2 id="licensing">Licensing</h2>`,
		`<ol start="3">`,
		`<hr class="section-break"/>`,
		"<pre><code class=\"language-sh\">samizdat build manuscripts/handbook\nls _build</code></pre>",
		`<th scope="col" class="align-right">Pages</th>`,
		`<td class="align-right">48</td>`,
		`<img src="../images/gradient.png" alt="A grey gradient" width="120" height="60"/>`,
		`<figcaption>A grey gradient</figcaption>`,
		`<s>seized</s>`,
		`<code>samizdat build</code>`,
		`<a href="https://example.org/press">the archive</a>`,
		`<br/>After a hard line break: Ελευθερία, свобода.`,
		`<span class="citation">[@mill1859, 23]</span>`,
		`<dt>Samizdat</dt>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %s", want)
		}
	}
	letter := unpack(t, mustRender(t, booktest.Sample())).must(t, "OEBPS/text/a-letter.xhtml")
	for _, want := range []string{
		`<p class="byline">Ada Quill</p>`,
		`<p class="article-source"><cite>The Coastal Review</cite>, <time datetime="1921-03-04">1921-03-04</time></p>`,
	} {
		if !strings.Contains(letter, want) {
			t.Errorf("byline: missing %s", want)
		}
	}
}

// TestFonts checks font embedding both ways.
func TestFonts(t *testing.T) {
	on := unpack(t, mustRender(t, sampleFull()))
	opf := on.must(t, opfPath)
	css := on.must(t, opfDir+cssHref)
	for _, style := range []string{"Regular", "Italic", "Bold", "BoldItalic"} {
		name := "fonts/GentiumBookPlus-" + style + ".ttf"
		if _, ok := on.content[opfDir+name]; !ok {
			t.Errorf("%s not in the EPUB", name)
		}
		if !strings.Contains(opf, `href="`+name+`" media-type="font/ttf"`) {
			t.Errorf("%s not in the manifest as font/ttf", name)
		}
		if !strings.Contains(css, `url("../`+name+`")`) {
			t.Errorf("%s has no @font-face", name)
		}
	}
	if !strings.Contains(on.must(t, opfDir+"fonts/OFL.txt"), "SIL OPEN FONT LICENSE") {
		t.Errorf("the licence is not shipped")
	}
	if !strings.Contains(opf, `href="fonts/OFL.txt" media-type="text/plain"`) {
		t.Errorf("the licence is not in the manifest")
	}

	off := unpack(t, mustRender(t, booktest.Sample()))
	for name := range off.content {
		if strings.Contains(name, "fonts/") {
			t.Errorf("%s present without EmbedFonts", name)
		}
	}
	if strings.Contains(off.must(t, opfDir+cssHref), "@font-face") {
		t.Errorf("@font-face without EmbedFonts")
	}
}

// TestModifiedDate checks dcterms:modified, also for a zero build date.
func TestModifiedDate(t *testing.T) {
	opf := unpack(t, mustRender(t, booktest.Sample())).must(t, opfPath)
	if !strings.Contains(opf, `<meta property="dcterms:modified">2026-11-02T10:30:00Z</meta>`) {
		t.Errorf("dcterms:modified is not the build date")
	}
	var buf bytes.Buffer
	if err := New().Render(&buf, booktest.Sample(), renderOptionsZero()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(unpack(t, buf.Bytes()).must(t, opfPath), `<meta property="dcterms:modified">1980-01-01T00:00:00Z</meta>`) {
		t.Errorf("a zero build date does not fall back to the ZIP epoch")
	}
}

// TestAwkwardBook checks how edge cases come out: clashing and invalid
// ids, warnings, images with one base name, an untitled chapter.
func TestAwkwardBook(t *testing.T) {
	data, warnings := renderBook(t, awkward())
	f := unpack(t, data)
	for _, name := range []string{
		"OEBPS/text/nav.xhtml", "OEBPS/text/nav-2.xhtml", "OEBPS/text/cover.xhtml", "OEBPS/text/cover-2.xhtml",
		"OEBPS/text/1999.xhtml", "OEBPS/text/title-page.xhtml", "OEBPS/images/a/pic.png", "OEBPS/images/b/pic.png",
		"OEBPS/images/cover.png",
	} {
		if _, ok := f.content[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	ch := f.must(t, "OEBPS/text/nav-2.xhtml")
	for _, want := range []string{
		`<a href="https://example.org/?a=1&amp;b=2" title="say &quot;hi&quot;">a link with a note</a><a href="#n2" id="ref-n2-1"`,
		`id="ref-n2-2"`,
		`<aside id="lost-note" class="footnote" epub:type="footnote" role="doc-footnote">`,
		`<h2 id="deep-heading" class="unnumbered odd-class">Too deep</h2>`,
		`<a href="cover-2.xhtml">to the chapter called cover</a>`,
		`<a href="#deep-heading">to the deep heading</a>`,
		`<p class="quote-source"><span class="citation">[@anon]</span></p>`,
		`<img src="../images/a/pic.png" alt="Caption as alt"`,
		"<pre><code>&lt;tag&gt; &amp; \"quotes\"\n\n  indented</code></pre>",
	} {
		if !strings.Contains(ch, want) {
			t.Errorf("missing %s", want)
		}
	}
	untitled := f.must(t, "OEBPS/text/1999.xhtml")
	if !strings.Contains(untitled, `<section id="x1999" class="chapter" epub:type="chapter" role="doc-chapter" aria-label="Chapitre 3">`) {
		t.Errorf("untitled chapter is not labelled")
	}
	want := []string{"not listed with its chapter's notes", "not a W3C date"}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q; want %d", warnings, len(want))
	}
	for i, w := range want {
		if !strings.Contains(warnings[i], w) {
			t.Errorf("warning %q; want one about %q", warnings[i], w)
		}
	}
}

// TestDerivedIdentifierInPackage checks a book without an identifier: the
// package and the NCX carry the same derived UUID, and the copyright page
// shows no identifier.
func TestDerivedIdentifierInPackage(t *testing.T) {
	f := unpack(t, mustRender(t, pamphlet()))
	opf := parseXML(t, "opf", f.must(t, opfPath))
	var uid string
	for _, e := range opf.all("identifier") {
		if e.attrs["id"] == "uid" {
			uid = e.textContent()
		}
	}
	if !uuidURN.MatchString(uid) {
		t.Fatalf("unique identifier %q is not a derived UUID", uid)
	}
	if !strings.Contains(f.must(t, opfDir+ncxHref), `<meta name="dtb:uid" content="`+uid+`"/>`) {
		t.Errorf("the NCX's dtb:uid differs from %s", uid)
	}
	again := unpack(t, mustRender(t, pamphlet())).must(t, opfPath)
	if !strings.Contains(again, uid) {
		t.Errorf("the derived identifier changed between renders")
	}
}

// TestCreators checks creators with roles and sort names.
func TestCreators(t *testing.T) {
	b := pamphlet()
	b.Meta.Authors = []book.Person{{Name: "Ann Onymous"}, {Name: "Tess Translator", Role: "trl", FileAs: "Translator, T."}}
	opf := unpack(t, mustRender(t, b)).must(t, opfPath)
	for _, want := range []string{
		`<dc:creator id="creator-1">Ann Onymous</dc:creator>`,
		`<meta refines="#creator-1" property="role" scheme="marc:relators">aut</meta>`,
		`<meta refines="#creator-1" property="file-as">Onymous, Ann</meta>`,
		`<dc:creator id="creator-2">Tess Translator</dc:creator>`,
		`<meta refines="#creator-2" property="role" scheme="marc:relators">trl</meta>`,
		`<meta refines="#creator-2" property="file-as">Translator, T.</meta>`,
		`<dc:language>en-GB</dc:language>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("missing %s", want)
		}
	}
}

// TestHeadingLevels checks that section headings descend one level at a
// time, whatever levels the manuscript skips.
func TestHeadingLevels(t *testing.T) {
	b := pamphlet()
	ch := b.Parts[0].Chapters[0]
	for i, lvl := range []int{4, 2, 5, 6, 3, 1} {
		ch.Blocks = append(ch.Blocks, &book.Heading{Level: lvl, Inlines: []book.Inline{booktest.T("H" + strconv.Itoa(i))}})
	}
	doc := parseXML(t, "pamphlet", unpack(t, mustRender(t, b)).must(t, "OEBPS/text/pamphlet.xhtml"))
	var got []string
	for _, e := range doc.all("") {
		if len(e.name) == 2 && e.name[0] == 'h' && e.name != "hr" {
			got = append(got, e.name)
		}
	}
	if want := "h1 h2 h2 h3 h4 h3 h2"; strings.Join(got, " ") != want {
		t.Errorf("headings %s; want %s", strings.Join(got, " "), want)
	}
}
