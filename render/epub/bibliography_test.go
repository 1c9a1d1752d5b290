package epub

import (
	"strings"
	"testing"

	"samizdat/book"
)

// TestBibliography checks the bibliography division as the citation
// transform leaves it: its title, one paragraph per entry set like any
// other text, in a section marked as a bibliography, with a hanging
// indent in the stylesheet.
func TestBibliography(t *testing.T) {
	data, warnings := renderBook(t, sampleBookEndWithDivision())
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	f := unpack(t, data)
	doc := parseXML(t, "bibliography", f.must(t, "OEBPS/text/bibliography.xhtml"))
	var sec *element
	for _, s := range doc.all("section") {
		if s.attrs["epub:type"] == "bibliography" {
			sec = s
		}
	}
	if sec == nil || sec.attrs["role"] != "doc-bibliography" || sec.attrs["class"] != "bibliography" {
		t.Fatalf("no bibliography section with role doc-bibliography")
	}
	if h := sec.all("h1"); len(h) != 1 || h[0].textContent() != "Works Cited" {
		t.Errorf("bibliography heading %v", h)
	}
	ps := sec.all("p")
	if len(ps) != 2 {
		t.Fatalf("%d entries; want 2", len(ps))
	}
	if got := ps[0].textContent(); got != "Mill, John Stuart. On Liberty. London: John W. Parker, 1859." {
		t.Errorf("first entry %q", got)
	}
	if em := ps[1].all("em"); len(em) != 1 || em[0].textContent() != "Areopagitica" {
		t.Errorf("second entry lost its emphasis")
	}
	if s := f.must(t, opfDir+cssHref); !strings.Contains(s, ".bibliography p {\n\tmargin: 0 0 0.4em 2em;\n\ttext-indent: -2em;") {
		t.Errorf("no hanging indent for bibliography entries")
	}
}

// TestEmptyBibliography checks that a bibliography without entries is
// left out, from the spine, the contents and the landmarks, with a
// warning at its source.
func TestEmptyBibliography(t *testing.T) {
	b := sampleBookEndWithDivision()
	for _, ch := range b.Back {
		if ch.Kind == book.KindBibliography {
			ch.Blocks = nil
			ch.Source = book.Pos{File: "book.yaml", Line: 9, Col: 3}
		}
	}
	data, warnings := renderBook(t, b)
	if len(warnings) != 1 || warnings[0] != "book.yaml:9:3: the bibliography has no entries (no work is cited); it is left out" {
		t.Errorf("warnings %q", warnings)
	}
	f := unpack(t, data)
	for name, s := range f.content {
		if strings.Contains(name, "bibliography") || strings.Contains(s, "bibliography.xhtml") {
			t.Errorf("%s: the empty bibliography is still there", name)
		}
	}
}
