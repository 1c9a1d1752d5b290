package manifest

import (
	"strings"
	"testing"
)

func TestDecodeCitationKeys(t *testing.T) {
	src := `title: T
bibliography: [a.json, b.bib]
references:
  - id: x
    type: book
citations: {style: short-notes, ibid: true, locators: true, bibliography-per-chapter: true}
`
	var m Manifest
	if err := Decode("book.yaml", []byte(src), 1, &m); err != nil {
		t.Fatal(err)
	}
	if got := m.Bibliography.Values(); strings.Join(got, ",") != "a.json,b.bib" || m.Bibliography[1].Line != 2 || m.Bibliography[1].Col != 24 {
		t.Errorf("bibliography = %+v", m.Bibliography)
	}
	if !m.References.Set() || m.References.Node.Line != 4 || len(m.References.Node.Content) != 1 {
		t.Errorf("references = %+v", m.References)
	}
	c := m.Citations
	if c == nil || c.Style.Value != "short-notes" || !c.Ibid || !c.Locators || !c.BibliographyPerChapter {
		t.Errorf("citations = %+v", c)
	}
	var one Metadata
	if err := Decode("f.md", []byte("bibliography: sources.yaml\n"), 2, &one); err != nil || one.Bibliography[0].Value != "sources.yaml" || one.Bibliography[0].Line != 1 {
		t.Errorf("a single bibliography file: %+v, %v", one.Bibliography, err)
	}
}

func TestDecodeCitationErrors(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"citations: {stlye: notes}\n", `book.yaml:1:13: unknown key "stlye" (did you mean "style"?)`},
		{"citations: {ibid: maybe}\n", "book.yaml:1:19: YAML: cannot unmarshal !!str `maybe` into bool"},
		{"references: {id: x}\n", `book.yaml:1:13: references: must be a list of sources, each starting with "- id: …"`},
		{"bibliography: {a: b}\n", "book.yaml:1:15: expected a file name or a list of file names"},
	} {
		var m Manifest
		err := Decode("book.yaml", []byte(tt.src), 1, &m)
		if err == nil || strings.Split(err.Error(), "\n")[0] != tt.want {
			t.Errorf("%q: error %v, want %s", tt.src, err, tt.want)
		}
	}
}
