// Package skeleton writes a new book folder for `samizdat init`: a
// manifest with every setting present and explained, a first chapter that
// shows the Markdown samizdat reads, a sources file, a .gitignore and a CI
// workflow that builds, verifies and releases the book.
package skeleton

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"samizdat/book"
)

//go:embed templates
var templates embed.FS

// Templates are the kinds of book init can start.
var Templates = []string{"pamphlet", "book", "collection"}

type person struct{ Name, FileAs, Role string }

type part struct {
	Title    string
	Chapters []string
}

// settings fill book.yaml.tmpl.
type settings struct {
	Title, Subtitle, Description, Publisher, Slug, PageSize string
	// Impose is "booklet" for a pamphlet, to fold and staple, else "none".
	Impose                string
	Authors               []person
	Front, Back, Chapters []string
	Parts                 []part
}

// Write creates the book folder dir from the named template and returns
// the files it wrote, relative to dir. It refuses a folder that already
// has files, so that nothing of the user's is overwritten.
func Write(dir, kind, title string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s already exists and is not empty: init writes only into a new or empty folder", dir)
	}
	base := filepath.Base(filepath.Clean(dir))
	if title == "" {
		title = book.TitleFromName(base)
	}
	s := settings{
		Title: title, Subtitle: "A subtitle, or leave it empty", Publisher: "Your Press",
		Description: "What the book is about, in a sentence or two; e-book shops show it.",
		Slug:        book.Slug(base, true, "book"), PageSize: "a5", Impose: "none",
		Authors: []person{{Name: "Your Name", FileAs: "Name, Your", Role: "aut"}},
		Back:    []string{"bibliography", "{colophon: colophon.md}"},
	}
	files := map[string]string{
		"chapters/01-first-chapter.md":   "common/first-chapter.md",
		"colophon.md":                    "common/colophon.md",
		"sources.yaml":                   "common/sources.yaml",
		".gitignore":                     "common/gitignore",
		".github/workflows/samizdat.yml": "common/workflow.yml",
	}
	switch kind {
	case "pamphlet":
		s.PageSize, s.Impose = "a6", "booklet"
		s.Front = []string{"title-page", "copyright"}
		s.Chapters = []string{"chapters/01-first-chapter.md"}
	case "book":
		s.Front = []string{"half-title", "title-page", "copyright", "contents", "{preface: preface.md}"}
		s.Parts = []part{{"Part One", []string{"chapters/01-first-chapter.md"}}, {"Part Two", []string{"chapters/02-second-chapter.md"}}}
		files["preface.md"] = "book/preface.md"
		files["chapters/02-second-chapter.md"] = "book/second-chapter.md"
	case "collection":
		s.Authors = []person{{Name: "Editor's Name", FileAs: "Name, Editor's", Role: "edt"}}
		s.Front = []string{"title-page", "copyright", "contents"}
		s.Chapters = []string{"chapters/01-first-chapter.md", "chapters/02-second-article.md"}
		files["chapters/02-second-article.md"] = "collection/second-article.md"
	default:
		return nil, fmt.Errorf("unknown template %q; use one of %s", kind, strings.Join(Templates, ", "))
	}
	out := map[string][]byte{}
	for name, src := range files {
		data, err := templates.ReadFile("templates/" + src)
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	if kind == "collection" {
		out["chapters/01-first-chapter.md"] = append([]byte("---\ntitle: A First Article\nauthor: First Author\ndate: 1920-11-02\nsource: First published in The Northern Weekly\n---\n\n"),
			bytes.Replace(out["chapters/01-first-chapter.md"], []byte("# A First Chapter\n\n"), nil, 1)...)
	}
	manifest, err := renderManifest(s)
	if err != nil {
		return nil, err
	}
	out["book.yaml"] = manifest
	return writeFiles(dir, out)
}

func renderManifest(s settings) ([]byte, error) {
	src, err := templates.ReadFile("templates/common/book.yaml.tmpl")
	if err != nil {
		return nil, err
	}
	t, err := template.New("book.yaml").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeFiles writes the files in name order and returns their names.
func writeFiles(dir string, files map[string][]byte) ([]string, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return nil, err
		}
	}
	return names, nil
}
