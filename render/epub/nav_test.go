package epub

import (
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// TestLandmarks checks the landmarks of several variants.
func TestLandmarks(t *testing.T) {
	tests := []struct {
		name string
		book func() *book.Book
		want []string // epub:type → href
	}{
		{"sample", booktest.Sample, []string{"cover cover.xhtml", "titlepage title-page.xhtml", "toc nav.xhtml#toc", "bodymatter part-1.xhtml"}},
		{"full", sampleFull, []string{"cover cover.xhtml", "titlepage title-page.xhtml", "toc nav.xhtml#toc", "bodymatter part-1.xhtml"}},
		{"no-parts", sampleNoParts, []string{"cover cover.xhtml", "titlepage title-page.xhtml", "toc nav.xhtml#toc", "bodymatter the-press.xhtml"}},
		{"book-end", sampleBookEndWithDivision, []string{"cover cover.xhtml", "titlepage title-page.xhtml", "toc nav.xhtml#toc", "bodymatter part-1.xhtml", "endnotes notes.xhtml", "bibliography bibliography.xhtml"}},
		{"pamphlet", pamphlet, []string{"cover cover.xhtml", "toc nav.xhtml#toc", "bodymatter pamphlet.xhtml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := unpack(t, mustRender(t, tt.book()))
			nav := parseXML(t, "nav", f.must(t, "OEBPS/text/nav.xhtml"))
			var got []string
			for _, n := range nav.all("nav") {
				if n.attrs["epub:type"] != "landmarks" {
					continue
				}
				for _, a := range n.all("a") {
					got = append(got, a.attrs["epub:type"]+" "+a.attrs["href"])
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("landmarks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSpine checks the reading order and what is linear.
func TestSpine(t *testing.T) {
	tests := []struct {
		name string
		book func() *book.Book
		want string
	}{
		{"sample", booktest.Sample, "cover half-title title-page copyright dedication epigraph nav preface part-1 the-press the-reader part-2 a-letter colophon"},
		{"full", sampleFull, "cover half-title title-page copyright dedication epigraph nav preface part-1 the-press the-reader part-2 a-letter colophon"},
		{"book-end", sampleBookEnd, "cover half-title title-page copyright dedication epigraph nav preface part-1 the-press the-reader part-2 a-letter notes colophon"},
		{"no-parts", sampleNoParts, "cover half-title title-page copyright dedication epigraph nav preface the-press the-reader a-letter colophon"},
		{"pamphlet", pamphlet, "cover pamphlet nav(no)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opf := parseXML(t, "opf", unpack(t, mustRender(t, tt.book())).must(t, opfPath))
			var got []string
			for _, ir := range opf.all("itemref") {
				s := ir.attrs["idref"]
				if ir.attrs["linear"] == "no" {
					s += "(no)"
				}
				got = append(got, s)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("spine %s\nwant  %s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

// TestTableOfContents checks the nesting of the contents: parts, then
// chapters, then level-2 headings; without parts chapters are top level.
// The NCX holds the same entries.
func TestTableOfContents(t *testing.T) {
	tests := []struct {
		name string
		book func() *book.Book
		want string
	}{
		{"sample", booktest.Sample, "title-page copyright dedication epigraph preface part-1[the-press[the-press#licensing the-press#further-reading] the-reader] part-2[a-letter] colophon"},
		{"no-parts", sampleNoParts, "title-page copyright dedication epigraph preface the-press[the-press#licensing the-press#further-reading] the-reader a-letter colophon"},
		{"book-end", sampleBookEndWithDivision, "title-page copyright dedication epigraph preface part-1[the-press[the-press#licensing the-press#further-reading] the-reader] part-2[a-letter] notes bibliography colophon"},
		{"pamphlet", pamphlet, "pamphlet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := unpack(t, mustRender(t, tt.book()))
			nav := parseXML(t, "nav", f.must(t, "OEBPS/text/nav.xhtml"))
			var toc *element
			for _, n := range nav.all("nav") {
				if n.attrs["epub:type"] == "toc" {
					toc = n
				}
			}
			if toc == nil {
				t.Fatal("no toc nav")
			}
			var ol *element
			for _, k := range toc.kids {
				if k.name == "ol" {
					ol = k
				}
			}
			if got := outline(ol, "li", "a", "href", "ol", ".xhtml"); got != tt.want {
				t.Errorf("toc   %s\nwant  %s", got, tt.want)
			}
			ncx := parseXML(t, "ncx", f.must(t, opfDir+ncxHref))
			var navMap *element
			for _, e := range ncx.all("navMap") {
				navMap = e
			}
			if got := outline(navMap, "navPoint", "content", "src", "navPoint", ".xhtml"); got != tt.want {
				t.Errorf("ncx   %s\nwant  %s", got, tt.want)
			}
			for i, np := range ncx.all("navPoint") {
				if np.attrs["playOrder"] != strconv.Itoa(i+1) {
					t.Errorf("navPoint %d has playOrder %s", i+1, np.attrs["playOrder"])
				}
			}
		})
	}
}

// outline renders a nested list as "a b[c d]" from the link targets, for
// both the nav's ol/li and the NCX's navPoints.
func outline(list *element, item, link, attr, sub, strip string) string {
	var parts []string
	for _, it := range list.kids {
		if it.name != item {
			continue
		}
		s := ""
		var children *element
		for _, k := range it.kids {
			switch {
			case k.name == link:
				s = strings.TrimPrefix(strings.Replace(k.attrs[attr], strip, "", 1), textDir)
			case k.name == "navLabel":
			case k.name == sub && sub == "ol":
				children = k
			}
		}
		if sub == "navPoint" {
			children = &element{}
			for _, k := range it.kids {
				if k.name == "navPoint" {
					children.kids = append(children.kids, k)
				}
			}
		}
		if children != nil && len(children.kids) > 0 {
			s += "[" + outline(children, item, link, attr, sub, strip) + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
