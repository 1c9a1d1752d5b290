package epub

import (
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// TestAccessibilityMetadata checks the schema.org metadata derived from
// the book's images: none, all with alternative text, some without.
func TestAccessibilityMetadata(t *testing.T) {
	lackingAlt := func() *book.Book {
		b := sampleNoImages()
		ch := b.Parts[0].Chapters[0]
		a := &book.Asset{Name: "images/x.png", MediaType: "image/png", Data: booktest.PNG(4, 4), Width: 4, Height: 4}
		ch.Blocks = append(ch.Blocks, booktest.P(&book.Image{Asset: a}, booktest.T(" unexplained.")))
		return b
	}
	const (
		modeText   = `<meta property="schema:accessMode">textual</meta>`
		modeVisual = `<meta property="schema:accessMode">visual</meta>`
		suffText   = `<meta property="schema:accessModeSufficient">textual</meta>`
		suffBoth   = `<meta property="schema:accessModeSufficient">textual,visual</meta>`
		altText    = `<meta property="schema:accessibilityFeature">alternativeText</meta>`
		conforms   = `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>`
		hazard     = `<meta property="schema:accessibilityHazard">none</meta>`
		toc        = `<meta property="schema:accessibilityFeature">tableOfContents</meta>`
		summary    = `property="schema:accessibilitySummary" xml:lang="en">`
	)
	tests := []struct {
		name      string
		book      func() *book.Book
		has, lack []string
	}{
		{"no images", sampleNoImages, []string{modeText, suffText, conforms, hazard, toc, summary, "no images other than the cover"},
			[]string{modeVisual, suffBoth, altText}},
		{"images with alt", booktest.Sample, []string{modeText, modeVisual, suffText, suffBoth, altText, conforms, "Every image has a text alternative"}, nil},
		{"image without alt", lackingAlt, []string{modeText, modeVisual, suffBoth, "does not claim WCAG conformance"},
			[]string{suffText, altText, conforms}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, _ := renderBook(t, tt.book())
			opf := unpack(t, data).must(t, opfPath)
			for _, s := range tt.has {
				if !strings.Contains(opf, s) {
					t.Errorf("missing %s", s)
				}
			}
			for _, s := range tt.lack {
				if strings.Contains(opf, s) {
					t.Errorf("has %s", s)
				}
			}
		})
	}
}

// TestNoImagesMetadata checks that a book without images in its text
// lists only the cover among its images.
func TestNoImagesMetadata(t *testing.T) {
	opf := unpack(t, mustRender(t, sampleNoImages())).must(t, opfPath)
	if n := strings.Count(opf, `<item id="img-`); n != 1 || !strings.Contains(opf, `properties="cover-image"`) {
		t.Errorf("%d image items; want only the cover", n)
	}
}

// TestARIARoles checks the DPUB-ARIA roles on divisions, notes and the
// title page, which assistive technology uses to move around a book.
func TestARIARoles(t *testing.T) {
	f := unpack(t, mustRender(t, sampleBookEndWithDivision()))
	tests := []struct{ file, want string }{
		{"the-press.xhtml", `epub:type="chapter" role="doc-chapter"`},
		{"the-press.xhtml", `epub:type="noteref" role="doc-noteref"`},
		{"notes.xhtml", `epub:type="endnotes" role="doc-endnotes"`},
		{"notes.xhtml", `role="doc-backlink"`},
		{"bibliography.xhtml", `epub:type="bibliography" role="doc-bibliography"`},
		{"epigraph.xhtml", `epub:type="epigraph" role="doc-epigraph"`},
		{"dedication.xhtml", `epub:type="dedication" role="doc-dedication"`},
		{"preface.xhtml", `epub:type="preface" role="doc-preface"`},
		{"colophon.xhtml", `epub:type="colophon" role="doc-colophon"`},
		{"part-1.xhtml", `epub:type="part" role="doc-part"`},
		{"nav.xhtml", `epub:type="toc" role="doc-toc"`},
		{"cover.xhtml", `role="doc-cover"`},
	}
	for _, tt := range tests {
		if doc := f.must(t, "OEBPS/text/"+tt.file); !strings.Contains(doc, tt.want) {
			t.Errorf("%s lacks %s", tt.file, tt.want)
		}
	}
	b := booktest.Sample()
	b.Meta.Subtitle = "A Sampler"
	if doc := unpack(t, mustRender(t, b)).must(t, "OEBPS/text/title-page.xhtml"); !strings.Contains(doc, `epub:type="subtitle" role="doc-subtitle"`) {
		t.Errorf("the subtitle has no doc-subtitle role")
	}
	footnotes := unpack(t, mustRender(t, booktest.Sample())).must(t, "OEBPS/text/the-press.xhtml")
	if !strings.Contains(footnotes, `epub:type="footnote" role="doc-footnote"`) {
		t.Errorf("footnotes lack doc-footnote")
	}
}
