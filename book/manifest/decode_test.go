package manifest

import (
	"strings"
	"testing"

	"samizdat/book"
)

func TestDecodeManifest(t *testing.T) {
	src := `title: The Handbook
subtitle: A Guide
author:
  - Mara Vell
  - name: Jonas Brand
    file-as: Brand, Jonas
    role: edt
subject: printing
parts:
  - title: One
    chapters: [a.md, b.md]
front-matter: [title-page, {preface: preface.md}]
notes: {scope: book, placement: chapter-end}
pdf: {page-size: a6}
`
	var m Manifest
	if err := Decode("book.yaml", []byte(src), 1, &m); err != nil {
		t.Fatal(err)
	}
	if m.Title != "The Handbook" || len(m.Author) != 2 || m.Author[1].FileAs != "Brand, Jonas" || m.Author[1].Role != "edt" {
		t.Errorf("metadata = %+v", m.Metadata)
	}
	if len(m.Subject) != 1 || m.Subject[0] != "printing" {
		t.Errorf("subject = %v", m.Subject)
	}
	if len(m.Parts) != 1 || m.Parts[0].Chapters[1].Value != "b.md" || m.Parts[0].Chapters[1].Line != 11 {
		t.Errorf("parts = %+v", m.Parts)
	}
	if m.FrontMatter[1].Kind.Value != "preface" || m.FrontMatter[1].File.Value != "preface.md" {
		t.Errorf("front matter = %+v", m.FrontMatter)
	}
	if m.Notes.Placement.Value != "chapter-end" || m.PDF.PageSize.Value != "a6" {
		t.Errorf("settings = %+v %+v", m.Notes, m.PDF)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src string
		first     int
		want      string
	}{
		{"unknown key", "title: x\ntitel: y\n", 1, "book.yaml:2:1: unknown key \"titel\" (did you mean \"title\"?)"},
		{"unknown nested key", "notes:\n  scope: book\n  placment: x\n", 1, "book.yaml:3:3: unknown key \"placment\" (did you mean \"placement\"?)"},
		{"unknown key in part", "parts:\n  - title: x\n    chapter: [a.md]\n", 1, "book.yaml:3:5: unknown key \"chapter\" (did you mean \"chapters\"?)"},
		{"unknown person key", "author:\n  - name: x\n    fileas: y\n", 1, "book.yaml:3:5: unknown key \"fileas\" (did you mean \"file-as\"?)"},
		{"front matter offset", "title: x\nbad: [\n", 2, "book.yaml:3:1: YAML: did not find expected node content"},
		{"syntax", "title: [unclosed\n", 1, "book.yaml:1:1: YAML: did not find expected ',' or ']'"},
		{"tabs", "title: x\n\tsubtitle: y\n", 1, "book.yaml:2"},
		{"not a mapping", "- a\n- b\n", 1, "book.yaml:1:1: expected a mapping"},
		{"wrong type", "epub:\n  embed-fonts: maybe\n", 1, "book.yaml:2:16: YAML: cannot unmarshal !!str `maybe` into bool"},
		{"author without name", "author:\n  - role: edt\n", 1, "book.yaml:2:5: an author needs a name"},
		{"duplicate key", "title: a\ntitle: b\n", 1, "book.yaml:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Manifest
			err := Decode("book.yaml", []byte(tt.src), tt.first, &m)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"title", "subtitle", "author", "chapters"}
	for word, want := range map[string]string{"titel": "title", "autor": "author", "chapter": "chapters", "zzzzzz": ""} {
		if got := nearest(word, keys); got != want {
			t.Errorf("nearest(%q) = %q, want %q", word, got, want)
		}
	}
}

func errorsOf(err error) []*book.Error { return book.Errors(err) }
