package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// writeTree creates files (path → content) under a new temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadManifestBook(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"book.yaml": `title: "A Book's Title"
author: [Ann Author]
lang: en
slug: my-book
front-matter: [title-page, {preface: preface.md}, contents]
parts:
  - title: First
    chapters: [ch/one.md]
  - title: Second
    chapters: [ch/two.md]
back-matter: [notes, {colophon: colophon.md}]
`,
		"preface.md":  "Why this book.\n",
		"colophon.md": "# Colophon\n\nSet in Gentium.\n",
		"ch/one.md": `---
author: Bea Writer
date: 1921-03-04
source: The Coastal Review
---
# One

See [the other chapter](two.md) and [its lamp](two.md#lamp).[^a]

![A gradient](../img/g.png)

[^a]: A note.
`,
		"ch/two.md": "# Two\n\n## The Lamp {#lamp}\n\nText.[^b] Back to [one](#one).\n\n[^b]: Another note.\n",
		"img/g.png": string(booktest.PNG(8, 4)),
	})
	res, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Book
	if b.Meta.Title != "A Book’s Title" || b.Slug != "my-book" {
		t.Errorf("title %q slug %q", b.Meta.Title, b.Slug)
	}
	var kinds []string
	for _, ch := range b.AllChapters() {
		kinds = append(kinds, ch.Kind.String()+":"+ch.ID)
	}
	want := "title-page:title-page preface:preface contents:contents chapter:one chapter:two notes:notes colophon:colophon"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("divisions =\n  %s\nwant\n  %s", got, want)
	}
	if b.Notes.Placement != book.PlaceBookEnd {
		t.Error("listing notes in back-matter should place notes at the book's end")
	}
	one := b.Parts[0].Chapters[0]
	if one.Byline == nil || one.Byline.Authors[0].Name != "Bea Writer" || one.Byline.Source != "The Coastal Review" {
		t.Errorf("byline = %+v", one.Byline)
	}
	var urls []string
	book.WalkInlines(one.Blocks[0].(*book.Paragraph).Inlines, func(in book.Inline) {
		if l, ok := in.(*book.Link); ok {
			urls = append(urls, l.URL)
		}
	})
	if strings.Join(urls, " ") != "#two #lamp" {
		t.Errorf("links between manuscripts resolved to %v", urls)
	}
	if len(b.Assets) != 1 || b.Assets[0].Name != "img/g.png" || b.Assets[0].Width != 8 {
		t.Errorf("assets = %+v", b.Assets)
	}
	two := b.Parts[1].Chapters[0]
	if one.Notes[0].Number != 1 || two.Notes[0].Number != 1 {
		t.Error("notes should be numbered per chapter by default")
	}
	if len(b.Inputs) != 6 {
		t.Errorf("inputs = %v, want book.yaml, 4 manuscripts and the image", b.Inputs)
	}
}

func TestLoadSingleFile(t *testing.T) {
	dir := writeTree(t, map[string]string{"essay.md": "---\ntitle: On Presses\nauthor: [A, B]\nnotes: {scope: book}\npdf: {page-size: a6}\n---\n\nText.\n"})
	res, err := Load(filepath.Join(dir, "essay.md"))
	if err != nil {
		t.Fatal(err)
	}
	b := res.Book
	if b.Slug != "essay" || b.Meta.Title != "On Presses" || len(b.Meta.Authors) != 2 || b.Output.PageSize != "a6" || b.Notes.Scope != book.ScopeBook {
		t.Errorf("book = %+v", b)
	}
	if len(b.BodyChapters()) != 1 || book.PlainText(b.BodyChapters()[0].Title) != "On Presses" {
		t.Errorf("chapter title = %q", book.PlainText(b.BodyChapters()[0].Title))
	}
	if b.BodyChapters()[0].Byline != nil {
		t.Error("a pamphlet's own author is not a chapter byline")
	}
}

func TestLoadFolderWithoutManifest(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"b.md":      "---\nauthor: Second Author\n---\n# Beta\n",
		"a.md":      "---\nauthor: First Author\n---\n# Alpha\n",
		"notes.txt": "not a chapter",
	})
	res, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, ch := range res.Book.BodyChapters() {
		titles = append(titles, book.PlainText(ch.Title))
	}
	if strings.Join(titles, ",") != "Alpha,Beta" {
		t.Errorf("chapters = %v, want name order", titles)
	}
	if len(res.Book.Meta.Authors) != 2 {
		t.Errorf("authors = %v", res.Book.Meta.Authors)
	}
}

// TestBadInput is the table of broken books and the exact first message
// each must produce. The path in each message is relative to the book
// folder (the test strips the temporary folder's name).
func TestBadInput(t *testing.T) {
	ch := "# Chapter\n\nText.\n"
	tests := []struct {
		name  string
		files map[string]string
		path  string // what to load, relative to the tree; "" is the folder
		want  string
	}{
		{"unknown manifest key", map[string]string{"book.yaml": "title: x\ntitel: y\nchapters: [a.md]\n", "a.md": ch},
			"", `book.yaml:2:1: unknown key "titel" (did you mean "title"?)`},
		{"missing chapter file", map[string]string{"book.yaml": "chapters:\n  - a.md\n  - missing.md\n", "a.md": ch},
			"", `book.yaml:3:5: file "missing.md" not found`},
		{"chapter listed twice", map[string]string{"book.yaml": "chapters: [a.md, ./a.md]\n", "a.md": ch},
			"", `book.yaml:1:18: chapter "./a.md" is listed twice (first at line 1)`},
		{"folder as chapter", map[string]string{"book.yaml": "chapters: [sub]\n", "sub/x.md": ch},
			"", `book.yaml:1:12: "sub" is a folder, not a file`},
		{"chapter outside folder", map[string]string{"book.yaml": "chapters: [../x.md]\n"},
			"", `book.yaml:1:12: "../x.md" is outside the book folder (build with --allow-outside to allow it)`},
		{"absolute chapter path", map[string]string{"book.yaml": "chapters: [/etc/passwd]\n"},
			"", `book.yaml:1:12: "/etc/passwd" is an absolute path: name files relative to the book folder (or build with --allow-outside)`},
		{"no chapters", map[string]string{"book.yaml": "title: x\n"},
			"", `book.yaml:1:1: book.yaml lists no chapters: add a chapters: list of manuscript files`},
		{"chapters and parts", map[string]string{"book.yaml": "chapters: [a.md]\nparts:\n  - chapters: [a.md]\n", "a.md": ch},
			"", `book.yaml:3:16: book.yaml has both chapters: and parts:; list chapters under the parts`},
		{"YAML syntax", map[string]string{"book.yaml": "title: [x\nchapters: [a.md]\n", "a.md": ch},
			"", `book.yaml:1:1: YAML: did not find expected ',' or ']'`},
		{"unknown page", map[string]string{"book.yaml": "chapters: [a.md]\nfront-matter: [title-pgae]\n", "a.md": ch},
			"", `book.yaml:2:16: unknown page "title-pgae" here; use one of contents, copyright, dedication, epigraph, half-title, preface, title-page (did you mean "title-page"?)`},
		{"page without its file", map[string]string{"book.yaml": "chapters: [a.md]\nfront-matter: [preface]\n", "a.md": ch},
			"", `book.yaml:2:16: page "preface" needs its text: write {preface: preface.md}`},
		{"bad notes placement", map[string]string{"book.yaml": "chapters: [a.md]\nnotes: {placement: foot-notes}\n", "a.md": ch},
			"", `book.yaml:2:20: unknown notes placement "foot-notes"; use one of footnotes, chapter-end, book-end (did you mean "footnotes"?)`},
		{"footnote without definition", map[string]string{"book.yaml": "chapters: [a.md]\n", "a.md": "# A\n\nText.[^x]\n"},
			"", `a.md:3:6: footnote reference [^x] has no definition: add a line "[^x]: …"`},
		{"invalid UTF-8", map[string]string{"book.yaml": "chapters: [a.md]\n", "a.md": "# A\n\nCaf\xe9\n"},
			"", `a.md:3:4: invalid UTF-8 (byte 0xe9): save the file as UTF-8`},
		{"missing image", map[string]string{"a.md": "# A\n\n![Map](map.png)\n"},
			"a.md", `a.md:3:1: file "map.png" not found`},
		{"unreadable image", map[string]string{"a.md": "# A\n\n![Map](map.png)\n", "map.png": "this is not a picture"},
			"a.md", `a.md:3:1: image "map.png" is not a readable PNG or JPEG (image: unknown format)`},
		{"truncated image", map[string]string{"a.md": "# A\n\n![Map](map.png)\n", "map.png": booktest.PNGHeader(10, 10)},
			"a.md", `a.md:3:1: image "map.png" is damaged: unexpected EOF`},
		{"image bomb", map[string]string{"a.md": "# A\n\n![Map](map.png)\n", "map.png": booktest.PNGHeader(100000, 100000)},
			"a.md", `a.md:3:1: image "map.png" declares 100000×100000 pixels, more than samizdat accepts (100 million)`},
		{"GIF image", map[string]string{"a.md": "# A\n\n![Map](map.gif)\n", "map.gif": booktest.GIF()},
			"a.md", `a.md:3:1: image "map.gif" is a GIF image: use PNG or JPEG, which every e-reader and PDF viewer shows`},
		{"remote image", map[string]string{"a.md": "# A\n\n![Map](https://example.org/map.png)\n"},
			"a.md", `a.md:3:1: image "https://example.org/map.png" is not a local file: samizdat reads no network while building; save the image in the book folder`},
		{"link to missing anchor", map[string]string{"a.md": "# A\n\nSee [there](#nowhere).\n"},
			"a.md", `a.md:3:6: link to #nowhere: no heading or chapter has that id`},
		{"link to a file outside the book", map[string]string{"a.md": "# A\n\nSee [notes](notes.txt).\n"},
			"a.md", `a.md:3:6: link to "notes.txt": not part of the book: link to a chapter's .md file, a #heading or a web address`},
		{"empty folder", map[string]string{"readme.txt": "x"},
			"", `: no book.yaml and no Markdown files (.md) in this folder`},
		{"not markdown", map[string]string{"a.txt": "x"},
			"a.txt", `a.txt: not a Markdown manuscript (.md) or a book folder`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			_, err := Load(filepath.Join(dir, tt.path))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			got := strings.Split(err.Error(), "\n")[0]
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, dir, "")
			if got != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestSymlinkOutOfBookRefused(t *testing.T) {
	outside := writeTree(t, map[string]string{"secret.md": "# Secret\n"})
	dir := writeTree(t, map[string]string{"book.yaml": "chapters: [link.md]\n"})
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Skip("symbolic links not supported here:", err)
	}
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), `"link.md" is a link to a file outside the book folder (build with --allow-outside to allow it)`) {
		t.Fatalf("error = %v", err)
	}
	if _, err := LoadWith(dir, Options{AllowOutside: true}); err != nil {
		t.Fatalf("with AllowOutside: %v", err)
	}
}

func TestPrintSettingsAndExtraMetadata(t *testing.T) {
	dir := writeTree(t, map[string]string{"essay.md": "---\ntitle: T\npdf: {recto-chapters: true}\nhyphenation: {exceptions: [sam-iz-dat, Gentium]}\nextra:\n  Issue: \"42\"\n  Photo credit: The Archive\n---\n\nText.\n"})
	res, err := Load(filepath.Join(dir, "essay.md"))
	if err != nil {
		t.Fatal(err)
	}
	b := res.Book
	if !b.Output.RectoChapters || strings.Join(b.Output.HyphenExceptions, ",") != "sam-iz-dat,Gentium" {
		t.Errorf("output settings = %+v", b.Output)
	}
	if len(b.Meta.Extra) != 2 || b.Meta.Extra[0] != (book.KeyValue{Key: "Issue", Value: "42"}) || b.Meta.Extra[1].Key != "Photo credit" {
		t.Errorf("extra = %+v", b.Meta.Extra)
	}
}
