package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book/booktest"
)

// brokenBook is one entry of the catalogue: a book folder's files, what
// to build (the folder, or a file in it), and the exact first line the
// command must print. $BOOK stands for the book folder.
type brokenBook struct {
	name  string
	files map[string]string
	path  string
	want  string
	// hint, when set, must follow on a line of its own.
	hint string
}

const chapter = "# Chapter\n\nText.\n"

func manifestWith(extra string) map[string]string {
	return map[string]string{"book.yaml": "title: T\nchapters: [a.md]\n" + extra, "a.md": chapter}
}

func notesManuscript(n int) string {
	var refs, defs strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&refs, "w[^n%d] ", i)
		if i%100 == 99 {
			refs.WriteString("\n\n") // a paragraph of 100 references
		}
		fmt.Fprintf(&defs, "[^n%d]: note\n", i)
	}
	return "# Notes\n\n" + refs.String() + "\n\n" + defs.String()
}

func catalogue() []brokenBook {
	img := func(name, data string) map[string]string {
		return map[string]string{"essay.md": "# E\n\n![A picture](" + name + ")\n", name: data}
	}
	md := func(src string) map[string]string { return map[string]string{"essay.md": src} }
	return []brokenBook{
		{"malformed YAML", map[string]string{"book.yaml": "title: [T\nchapters: [a.md]\n", "a.md": chapter}, "", "$BOOK/book.yaml:1:1: error: YAML: did not find expected ',' or ']'", ""},
		{"front matter never closes", md("---\ntitle: T\n\nText.\n"), "essay.md", "$BOOK/essay.md:1:1: error: front matter opened with --- is never closed: end it with a line of ---", ""},
		{"tabs in YAML", map[string]string{"book.yaml": "title: T\n\tchapters: [a.md]\n", "a.md": chapter}, "", "$BOOK/book.yaml:2:2: error: YAML: found a tab character that violates indentation", ""},
		{"unknown manifest key", manifestWith("subtittle: S\n"), "", `$BOOK/book.yaml:3:1: error: unknown key "subtittle"`, `hint: did you mean "subtitle"?`},
		{"unknown front matter key", md("---\ntitle: T\nauther: A\n---\nText.\n"), "essay.md", `$BOOK/essay.md:3:1: error: unknown key "auther"`, `hint: did you mean "author"?`},
		{"wrong type", manifestWith("epub:\n  embed-fonts: maybe\n"), "", "$BOOK/book.yaml:4:16: error: YAML: cannot unmarshal !!str `maybe` into bool", ""},
		{"author without a name", manifestWith("author:\n  - role: edt\n"), "", "$BOOK/book.yaml:4:5: error: an author needs a name", ""},
		{"chapter listed twice", map[string]string{"book.yaml": "chapters: [a.md, a.md]\n", "a.md": chapter}, "", `$BOOK/book.yaml:1:18: error: chapter "a.md" is listed twice (first at line 1)`, ""},
		{"missing chapter file", map[string]string{"book.yaml": "chapters: [a.md, b.md]\n", "a.md": chapter}, "", `$BOOK/book.yaml:1:18: error: file "b.md" not found`, ""},
		{"directory for a chapter", map[string]string{"book.yaml": "chapters: [sub]\n", "sub/a.md": chapter}, "", `$BOOK/book.yaml:1:12: error: "sub" is a folder, not a file`, ""},
		{"chapter outside the folder", map[string]string{"book.yaml": "chapters: [../a.md]\n"}, "", `$BOOK/book.yaml:1:12: error: "../a.md" is outside the book folder (build with --allow-outside to allow it)`, ""},
		{"absolute chapter path", map[string]string{"book.yaml": "chapters: [/etc/hostname]\n"}, "", `$BOOK/book.yaml:1:12: error: "/etc/hostname" is an absolute path: name files relative to the book folder (or build with --allow-outside)`, ""},
		{"chapters and parts", map[string]string{"book.yaml": "chapters: [a.md]\nparts:\n  - chapters: [a.md]\n", "a.md": chapter}, "", "$BOOK/book.yaml:3:16: error: book.yaml has both chapters: and parts:; list chapters under the parts", ""},
		{"no chapters", map[string]string{"book.yaml": "title: T\n"}, "", "$BOOK/book.yaml:1:1: error: book.yaml lists no chapters: add a chapters: list of manuscript files", ""},
		{"unknown page", manifestWith("front-matter: [title-page, copyrite]\n"), "", `$BOOK/book.yaml:3:28: error: unknown page "copyrite" here; use one of contents, copyright, dedication, epigraph, half-title, preface, title-page`, `hint: did you mean "copyright"?`},
		{"page without its text", manifestWith("front-matter: [dedication]\n"), "", `$BOOK/book.yaml:3:16: error: page "dedication" needs its text: write {dedication: dedication.md}`, ""},
		{"generated page with a file", manifestWith("front-matter: [{contents: toc.md}]\n"), "", `$BOOK/book.yaml:3:17: error: page "contents" is made from the book's metadata and takes no file`, ""},
		{"page listed twice", manifestWith("front-matter: [contents, contents]\n"), "", `$BOOK/book.yaml:3:26: error: page "contents" is listed twice`, ""},
		{"unknown notes placement", manifestWith("notes: {placement: margin}\n"), "", `$BOOK/book.yaml:3:20: error: unknown notes placement "margin"; use one of footnotes, chapter-end, book-end`, ""},
		{"unknown notes scope", manifestWith("notes: {scope: part}\n"), "", `$BOOK/book.yaml:3:16: error: unknown notes scope "part"; use one of chapter, book`, ""},
		{"unknown edition key", manifestWith("editions:\n  ebook:\n    format: [epub]\n"), "", `$BOOK/book.yaml:5:5: error: unknown key "format"`, `hint: did you mean "formats"?`},
		{"edition declared twice", manifestWith("editions:\n  ebook: {}\n  ebook: {}\n"), "", `$BOOK/book.yaml:5:3: error: edition "ebook" is declared twice (first at line 4)`, ""},
		{"edition name not a file-name word", manifestWith("editions:\n  Large Print: {}\n"), "", `$BOOK/book.yaml:4:3: error: edition name "Large Print" must be lower-case letters, digits and hyphens: it names the edition's files (SLUG-Large Print.pdf)`, `hint: did you mean "large-print"?`},
		{"page list from an unknown edition", manifestWith("editions:\n  pamphlet: {formats: [pdf]}\n  ebook: {epub: {page-list: pamflet}}\n"), "", `$BOOK/book.yaml:5:29: error: page-list: names edition "pamflet", which the book does not declare; its editions are pamphlet, ebook`, `hint: did you mean "pamphlet"?`},
		{"page list from an edition without a PDF", manifestWith("editions:\n  web: {formats: [html]}\n  ebook: {epub: {page-list: web}}\n"), "", `$BOOK/book.yaml:5:29: error: page-list: names edition "web", which makes no PDF (formats: html): the page numbers come from a printed edition`, ""},
		{"page list without editions", manifestWith("epub: {page-list: pamphlet}\n"), "", `$BOOK/book.yaml:3:19: error: page-list: names edition "pamphlet", but the book declares no editions`, ""},
		{"edition sets the notes' scope", manifestWith("editions:\n  ebook: {notes: {scope: book}}\n"), "", `$BOOK/book.yaml:4:26: error: edition "ebook" sets notes scope: note numbers run the same way in every edition; set scope: at the top of book.yaml`, ""},
		{"unknown format in an edition", manifestWith("editions:\n  ebook: {formats: [epbu]}\n"), "", `$BOOK/book.yaml:4:3: error: edition "ebook": unknown format "epbu"; samizdat writes`, ""},
		{"unknown imposition", manifestWith("impose: saddle-stitch\n"), "", `$BOOK/book.yaml:3:9: error: unknown imposition "saddle-stitch"; use one of booklet, none`, ""},
		{"length without a unit", manifestWith("pdf: {margins: {inner: 12}}\n"), "", "$BOOK/book.yaml:3:24: error: length 12 needs a unit: write 12mm, 12pt or 12in", ""},
		{"four-up without four pages up", manifestWith("impose: {four-up: cut-stack}\n"), "", "$BOOK/book.yaml:3:19: error: four-up: arranges four pages on a sheet side; it needs up: 4", ""},
		{"paper thicker than paper", manifestWith("impose: {paper: 2mm}\n"), "", "$BOOK/book.yaml:3:17: error: paper: 2mm is not one sheet's thickness: give it as 0.1mm (office paper) up to 1mm", ""},
		{"invalid UTF-8", md("# E\n\nLatin-1 caf\xe9.\n"), "essay.md", "$BOOK/essay.md:3:12: error: invalid UTF-8 (byte 0xe9): save the file as UTF-8", ""},
		{"NUL byte", md("# E\n\nA\x00B\n"), "essay.md", "$BOOK/essay.md:3:2: error: NUL byte in text: the file looks binary, not Markdown", ""},
		{"binary file named .md", md(booktest.PNGString(4, 4)), "essay.md", "$BOOK/essay.md:1:1: error: invalid UTF-8 (byte 0x89): save the file as UTF-8", ""},
		{"20 MB paragraph", md("# E\n\n" + strings.Repeat("lorem ", 3_500_000) + "\n"), "essay.md", "$BOOK/essay.md:3:1: error: a paragraph of 20 MB: is the file missing the blank lines between its paragraphs? (samizdat takes paragraphs up to 1 MB)", ""},
		{"10,000 nested quotations", md("# E\n\n" + strings.Repeat("> ", 10_000) + "deep\n"), "essay.md", "$BOOK/essay.md:3:1: error: quotations and lists are nested more than 32 deep here", ""},
		{"100,000 footnotes", md(notesManuscript(100_000)), "essay.md", "$BOOK/essay.md:203:1: error: more than 10000 notes in one manuscript: split it into chapters", ""},
		{"footnote references itself", md("# E\n\nText.[^a]\n\n[^a]: See[^a].\n"), "essay.md", "$BOOK/essay.md:5:7: error: footnote [^a] is referenced inside a footnote: notes cannot have notes", ""},
		{"footnote without definition", md("# E\n\nText.[^gone]\n"), "essay.md", `$BOOK/essay.md:3:6: error: footnote reference [^gone] has no definition: add a line "[^gone]: …"`, ""},
		{"empty footnote", md("# E\n\nText.[^a]\n\n[^a]:\n"), "essay.md", "$BOOK/essay.md:5:1: error: footnote [^a] is empty", ""},
		{"id used twice", md("# E\n\n## A {#x}\n\n## B {#x}\n"), "essay.md", "$BOOK/essay.md:5:1: error: the id #x is used twice in this book", ""},
		{"raw HTML image", md("# E\n\nSee <img src=\"x.png\"> here.\n"), "essay.md", "$BOOK/essay.md:3:5: error: raw HTML <img>: write images in Markdown, ![description](file.png), so that samizdat can check and embed them", ""},
		{"javascript link", md("# E\n\n[click](javascript:alert(1))\n"), "essay.md", `$BOOK/essay.md:3:2: error: link to "javascript:alert(1)": the javascript: scheme is not allowed in a book`, ""},
		{"link to a missing anchor", md("# E\n\nSee [there](#nowhere).\n"), "essay.md", "$BOOK/essay.md:3:6: error: link to #nowhere: no heading or chapter has that id", ""},
		{"link to a file outside the book", md("# E\n\nSee [notes](notes.txt).\n"), "essay.md", `$BOOK/essay.md:3:6: error: link to "notes.txt": not part of the book: link to a chapter's .md file, a #heading or a web address`, ""},
		{"missing image", md("# E\n\n![A map](map.png)\n"), "essay.md", `$BOOK/essay.md:3:1: error: file "map.png" not found`, ""},
		{"truncated image", img("pic.png", booktest.PNGHeader(10, 10)), "essay.md", `$BOOK/essay.md:3:1: error: image "pic.png" is damaged: unexpected EOF`, ""},
		{"PNG bomb", img("pic.png", booktest.PNGHeader(200_000, 200_000)), "essay.md", `$BOOK/essay.md:3:1: error: image "pic.png" declares 200000×200000 pixels, more than samizdat accepts (100 million)`, ""},
		{"not an image", img("pic.png", "<svg/>"), "essay.md", `$BOOK/essay.md:3:1: error: image "pic.png" is not a readable PNG or JPEG (image: unknown format)`, ""},
		{"GIF image", img("pic.gif", booktest.GIF()), "essay.md", `$BOOK/essay.md:3:1: error: image "pic.gif" is a GIF image: use PNG or JPEG, which every e-reader and PDF viewer shows`, ""},
		{"remote image", md("# E\n\n![A map](https://example.org/map.png)\n"), "essay.md", `$BOOK/essay.md:3:1: error: image "https://example.org/map.png" is not a local file: samizdat reads no network while building; save the image in the book folder`, ""},
		{"cover image missing", manifestWith("cover-image: cover.jpg\n"), "", `$BOOK/book.yaml:3:14: error: file "cover.jpg" not found`, ""},
		{"cover image corrupt", map[string]string{"book.yaml": "chapters: [a.md]\ncover-image: cover.jpg\n", "a.md": chapter, "cover.jpg": "\xff\xd8\xff\xe0 not really"}, "", `$BOOK/book.yaml:2:14: error: image "cover.jpg" is`, ""},
		{"empty folder", map[string]string{"notes.txt": "x"}, "", "$BOOK: error: no book.yaml and no Markdown files (.md) in this folder", ""},
		{"not a manuscript", map[string]string{"essay.txt": "x"}, "essay.txt", "$BOOK/essay.txt: error: not a Markdown manuscript (.md) or a book folder", ""},
	}
}

// TestCatalogue builds every broken book through the command: each must
// fail with its exact message and exit status 1, and leave the outputs of
// an earlier build untouched with no temporary file beside them.
func TestCatalogue(t *testing.T) {
	cases := catalogue()
	if len(cases) < 40 {
		t.Fatalf("the catalogue has %d cases, want at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "book")
			for name, content := range c.files {
				writeFile(t, filepath.Join(dir, name), content)
			}
			outs := previousOutputs(t, dir)
			code, _, stderr := samizdat(t, "build", filepath.Join(dir, c.path))
			first := strings.ReplaceAll(strings.SplitN(stderr, "\n", 2)[0], dir, "$BOOK")
			if code != 1 || !strings.HasPrefix(first, c.want) {
				t.Errorf("exit %d, first line:\n  %s\nwant exit 1 and\n  %s", code, first, c.want)
			}
			if c.hint != "" && !strings.Contains(stderr, "\n  "+c.hint+"\n") {
				t.Errorf("no line %q in:\n%s", c.hint, stderr)
			}
			checkOutputsIntact(t, outs)
		})
	}
}

// previousOutputs writes stand-ins for an earlier build's outputs.
func previousOutputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	outs := map[string]string{}
	for _, name := range []string{"book.epub", "book.pdf", "book.html", "essay.epub", "essay.pdf", "essay.html"} {
		p := filepath.Join(dir, "_build", name)
		outs[p] = "previous " + name
		writeFile(t, p, outs[p])
	}
	return outs
}

func checkOutputsIntact(t *testing.T, outs map[string]string) {
	t.Helper()
	for p, want := range outs {
		if got, err := os.ReadFile(p); err != nil || string(got) != want {
			t.Errorf("%s was changed by a failed build", filepath.Base(p))
		}
		entries, _ := os.ReadDir(filepath.Dir(p))
		if len(entries) != len(outs) {
			t.Errorf("the output folder holds %d files after a failed build, want %d", len(entries), len(outs))
			return
		}
	}
}

// TestInputsThatMustWork are inputs that look odd but are valid.
func TestInputsThatMustWork(t *testing.T) {
	for name, src := range map[string]string{
		"byte order mark":  "\xef\xbb\xbf---\ntitle: BOM\n---\n\nText.\n",
		"CRLF line ends":   "---\r\ntitle: CRLF\r\n---\r\n\r\nLine one\r\nline two.[^n]\r\n\r\n[^n]: A note.\r\n",
		"empty manuscript": "",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "essay.md"), src)
			if code, _, stderr := samizdat(t, "build", filepath.Join(dir, "essay.md"), "--format", "epub,html"); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
		})
	}
}

// TestDiskFull runs a build whose process may write only a few kilobytes
// (ulimit -f), as on a full disk: the command must fail with the write
// error and leave the earlier outputs and no temporary file.
func TestDiskFull(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to set a file size limit")
	}
	dir := filepath.Join(t.TempDir(), "book")
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	outs := previousOutputs(t, dir)
	cmd := exec.Command(sh, "-c", `ulimit -f 16; exec "$0" "$@"`, os.Args[0], "build", filepath.Join(dir, "essay.md"))
	cmd.Env = append(os.Environ(), childMarker+"=1", "SOURCE_DATE_EPOCH=1764028800")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	exit, _ := err.(*exec.ExitError)
	if exit == nil || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "file too large") {
		t.Fatalf("err %v, stderr:\n%s\nwant exit 1 and a write error", err, stderr.String())
	}
	checkOutputsIntact(t, outs)
}

// TestOutputPathTaken makes one output's name a folder: the rename fails
// and the other outputs of the earlier build stay as they were.
func TestOutputPathTaken(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "book")
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	outs := previousOutputs(t, dir)
	delete(outs, filepath.Join(dir, "_build", "essay.pdf"))
	os.Remove(filepath.Join(dir, "_build", "essay.pdf"))
	writeFile(t, filepath.Join(dir, "_build", "essay.pdf", "keep"), "x")
	outs[filepath.Join(dir, "_build", "essay.pdf", "keep")] = "x"
	code, _, stderr := samizdat(t, "build", filepath.Join(dir, "essay.md"))
	if code != 1 || !strings.Contains(stderr, "essay.pdf") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for p, want := range outs {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Errorf("%s changed", p)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "_build"))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
