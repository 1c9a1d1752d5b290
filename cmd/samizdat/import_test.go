package main

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samizdat/internal/tooltest"
)

// importFixture is a plain-text fixture of the importer's own.
func importFixture(name string) string {
	return filepath.Join("..", "..", "book", "importer", "testdata", name)
}

// listFiles returns every file under dir, relative to it, in order.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportToFileAndBuild imports a plain-text article to a named
// manuscript, prints its summary and warning, and builds it.
func TestImportToFileAndBuild(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "strike.md")
	code, stdout, stderr := samizdat(t, "import", importFixture("text/01-printers-strike.txt"), "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	wantSummary := out + `: "The printers' strike of 1911 and the lessons of the picket line" — 434 words, 3 headings, 3 quotations, 1 warning`
	if strings.TrimSpace(stdout) != wantSummary {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, wantSummary)
	}
	if !strings.Contains(stderr, "01-printers-strike.txt:8:1: warning: \"Strikers outside the Fenwick works\" looks like an image caption") {
		t.Errorf("stderr:\n%s", stderr)
	}
	golden := readFile(t, importFixture("text/01-printers-strike.md.golden"))
	if readFile(t, out) != golden {
		t.Error("the manuscript differs from the importer's golden file")
	}
	if code, _, stderr := samizdat(t, "build", out, "-o", filepath.Join(dir, "out"), "-q"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if got := listFiles(t, filepath.Join(dir, "out")); strings.Join(got, " ") != "strike.epub strike.html strike.pdf" {
		t.Errorf("built %v", got)
	}
}

// TestImportDefaultNameAndForce writes into the current folder under a
// name made from the title, refuses to replace it, and replaces it with
// --force.
func TestImportDefaultNameAndForce(t *testing.T) {
	src, err := filepath.Abs(importFixture("text/06-minimal.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := samizdat(t, "import", src); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := listFiles(t, "."); strings.Join(got, " ") != "a-night-at-the-reading-room.md" {
		t.Fatalf("wrote %v", got)
	}
	os.WriteFile("a-night-at-the-reading-room.md", []byte("edited by hand\n"), 0o644)
	code, _, stderr := samizdat(t, "import", src)
	if code != 1 || !strings.Contains(stderr, "a-night-at-the-reading-room.md: error: already exists; pass --force to replace it") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if readFile(t, "a-night-at-the-reading-room.md") != "edited by hand\n" {
		t.Error("an existing manuscript was replaced without --force")
	}
	if code, _, stderr := samizdat(t, "import", src, "--force"); code != 0 || strings.HasPrefix(readFile(t, "a-night-at-the-reading-room.md"), "edited") {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
}

const anthology = `# An anthology of articles, collected by hand.
title: Collected Articles   # working title
slug: anthology
chapters:
  - essays/01-first.md
# more to come
`

// TestImportIntoBook imports two articles into a book that keeps its
// chapters in essays/: the manuscripts go there, book.yaml gains them at
// the end of its list with its comments intact, and the book builds to
// an EPUB that EPUBCheck passes and a PDF qpdf accepts. Importing again
// is refused, and with --force does not list the chapters twice.
func TestImportIntoBook(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "book.yaml"), anthology)
	writeFile(t, filepath.Join(dir, "essays", "01-first.md"), "---\ntitle: First\nauthor: A. Writer\n---\n\nThe first essay.\n")
	args := []string{"import", importFixture("text/04-american-date-curly.txt"), importFixture("html/magazine.html"), "--into", dir}
	code, stdout, stderr := samizdat(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	wantYAML := `# An anthology of articles, collected by hand.
title: Collected Articles   # working title
slug: anthology
chapters:
  - essays/01-first.md
  - essays/harbour-workers-win-the-right-to-a-safety-committee.md
  - essays/the-long-afternoon-of-the-mimeograph.md
# more to come
`
	if got := readFile(t, filepath.Join(dir, "book.yaml")); got != wantYAML {
		t.Errorf("book.yaml:\n%s\nwant:\n%s", got, wantYAML)
	}
	if !strings.Contains(stdout, filepath.Join(dir, "book.yaml")+": added 2 manuscripts to its chapters") {
		t.Errorf("stdout:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := samizdat(t, "build", dir, "-o", out, "-q", "--format", "epub,pdf"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	tooltest.EPUBCheck(t, filepath.Join(out, "anthology.epub"))
	tooltest.Run(t, "qpdf", "--check", filepath.Join(out, "anthology.pdf"))

	if code, _, stderr := samizdat(t, args...); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second import: exit %d: %s", code, stderr)
	}
	code, stdout, stderr = samizdat(t, append(args, "--force")...)
	if code != 0 || strings.Contains(stdout, "added") || readFile(t, filepath.Join(dir, "book.yaml")) != wantYAML {
		t.Errorf("--force: exit %d, stdout %s, stderr %s, book.yaml:\n%s", code, stdout, stderr, readFile(t, filepath.Join(dir, "book.yaml")))
	}
}

// TestImportIntoNewFolder makes the folder and its book.yaml.
func TestImportIntoNewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "harbour-news")
	if code, _, stderr := samizdat(t, "import", importFixture("text/04-american-date-curly.txt"), importFixture("html/news-site.html"), "--into", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	yaml := readFile(t, filepath.Join(dir, "book.yaml"))
	if !strings.Contains(yaml, "title: Harbour news\nchapters:\n  - harbour-workers-win-the-right-to-a-safety-committee.md\n  - library-campaigners-occupy-marsh-lane-branch.md\n") {
		t.Errorf("book.yaml:\n%s", yaml)
	}
	if code, _, stderr := samizdat(t, "check", dir); code != 0 {
		t.Errorf("check: exit %d: %s", code, stderr)
	}
}

// TestImportIntoFolderOfManuscripts keeps the manuscripts a folder
// without book.yaml already had (read in name order) when it makes one.
func TestImportIntoFolderOfManuscripts(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "02-second.md"), "# Second\n\nText.\n")
	writeFile(t, filepath.Join(dir, "01-first.md"), "# First\n\nText.\n")
	if code, _, stderr := samizdat(t, "import", importFixture("text/06-minimal.txt"), "--into", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	yaml := readFile(t, filepath.Join(dir, "book.yaml"))
	if !strings.HasSuffix(yaml, "chapters:\n  - 01-first.md\n  - 02-second.md\n  - a-night-at-the-reading-room.md\n") {
		t.Errorf("book.yaml:\n%s", yaml)
	}
}

// TestImportIntoParts appends to the last part of a book with parts.
func TestImportIntoParts(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "book.yaml"), "title: P\nparts:\n  - title: Before\n    chapters: [a.md]\n  - title: After\n    chapters:\n      - b.md\n")
	writeFile(t, filepath.Join(dir, "a.md"), "# A\n\nText.\n")
	writeFile(t, filepath.Join(dir, "b.md"), "# B\n\nText.\n")
	code, stdout, stderr := samizdat(t, "import", importFixture("text/06-minimal.txt"), "--into", dir)
	if code != 0 || !strings.Contains(stdout, `added 1 manuscript to the chapters of its last part, "After"`) {
		t.Fatalf("exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}
	if got := readFile(t, filepath.Join(dir, "book.yaml")); !strings.HasSuffix(got, "      - b.md\n      - a-night-at-the-reading-room.md\n") {
		t.Errorf("book.yaml:\n%s", got)
	}
	if code, _, stderr := samizdat(t, "check", dir); code != 0 {
		t.Errorf("check: exit %d: %s", code, stderr)
	}
}

// TestImportBadInput refuses each kind of bad input with exit status 1
// and a message naming the file (and line), writing nothing and leaving
// an existing output as it was.
func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	writeFile(t, filepath.Join(dir, "binary.txt"), "Title\n\n\x00\x01\x02\x03")
	writeFile(t, filepath.Join(dir, "date.txt"), "A title\n\nWritten by: Jo Bloggs\nPublished: the spring of 1926\n\nText.\n")
	writeFile(t, filepath.Join(dir, "nav.html"), `<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav></body></html>`)
	writeFile(t, filepath.Join(dir, "good.txt"), "A good article\n\nIts text.\n")
	out := filepath.Join(dir, "out.md")
	writeFile(t, out, "the previous manuscript\n")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"empty", []string{filepath.Join(dir, "empty.txt"), "-o", out}, "empty.txt: error: the file is empty"},
		{"binary", []string{filepath.Join(dir, "binary.txt"), "-o", out}, "binary.txt:3:1: error: NUL byte: this looks like a binary file"},
		{"date", []string{filepath.Join(dir, "date.txt"), "-o", out}, `date.txt:4:12: error: cannot read the date "the spring of 1926"`},
		{"no article", []string{filepath.Join(dir, "nav.html"), "-o", out}, "nav.html: error: found no article in this page"},
		{"missing", []string{filepath.Join(dir, "nope.txt"), "-o", out}, "nope.txt: error: no such file"},
		{"folder", []string{dir, "-o", out}, "a folder, not an article"},
		{"one of several", []string{filepath.Join(dir, "good.txt"), filepath.Join(dir, "empty.txt"), "--into", filepath.Join(dir, "book")}, "empty.txt: error: the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := samizdat(t, append([]string{"import"}, tt.args...)...)
			if code != 1 || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and %q", code, stderr, tt.msg)
			}
			if stdout != "" {
				t.Errorf("stdout: %s", stdout)
			}
			if readFile(t, out) != "the previous manuscript\n" {
				t.Error("the existing output was changed")
			}
			if _, err := os.Stat(filepath.Join(dir, "book")); err == nil {
				t.Error("a book folder was made for a failed import")
			}
			for _, f := range listFiles(t, dir) {
				if strings.HasSuffix(f, ".tmp") {
					t.Errorf("temporary file %s left behind", f)
				}
			}
		})
	}
}

func TestImportUsage(t *testing.T) {
	a, b := importFixture("text/06-minimal.txt"), importFixture("text/01-printers-strike.txt")
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{a, b, "-o", "x.md"}, "-o names one manuscript"},
		{[]string{a, "-o", "x.md", "--into", "book"}, "-o and --into cannot be used together"},
		{[]string{a, "--from", "docx"}, `--from: unknown format "docx"`},
		{[]string{a, "-o", "-", "--fetch-images"}, "--fetch-images needs a folder"},
		{nil, "requires at least 1 arg"},
	}
	for _, tt := range tests {
		code, _, stderr := samizdat(t, append([]string{"import"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.msg) {
			t.Errorf("import %v: exit %d, stderr:\n%s\nwant exit 2 and %q", tt.args, code, stderr, tt.msg)
		}
	}
}

// TestImportToStdout writes the manuscript to standard output and the
// summary and warnings to standard error.
func TestImportToStdout(t *testing.T) {
	code, stdout, stderr := samizdat(t, "import", importFixture("text/05-windows-1252.txt"), "-o", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != readFile(t, importFixture("text/05-windows-1252.md.golden")) {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, "warning: the file is not UTF-8") || !strings.Contains(stderr, "standard output: \"The cooperative that printed its own money\"") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// TestImportFromURL fetches a page and its images from a server on
// 127.0.0.1 (no test uses the network): the images are saved under
// images/ beside the manuscript, a GIF converted to PNG, a missing one
// left as a comment with a warning, a picture shown twice saved once, and
// the manuscript builds.
func TestImportFromURL(t *testing.T) {
	pic := image.NewPaletted(image.Rect(0, 0, 30, 20), color.Palette{color.White, color.RGBA{200, 30, 30, 255}})
	pic.SetColorIndex(5, 5, 1)
	var pngData, gifData bytes.Buffer
	png.Encode(&pngData, pic)
	pic.SetColorIndex(9, 9, 1) // a different picture
	gif.Encode(&gifData, pic, nil)
	paragraph := "<p>" + strings.Repeat("The article says a good deal about printing and the people who do it. ", 6) + "</p>"
	pageHTML := `<!DOCTYPE html><html lang="en"><head><title>Fetched article</title>
		<meta property="og:site_name" content="The Test Gazette"></head><body><article>
		<h1>Fetched article</h1>` + paragraph + `
		<figure><img src="/pics/press.png" alt="x"><figcaption>The press</figcaption></figure>` + paragraph + `
		<p><img src="pics/ink.gif" alt="Ink"></p><p><img src="/pics/gone.png" alt="Gone"></p>
		<p><img src="/pics/press-copy.png" alt="Again"></p>
		<p>See <a href="/about">the about page</a>.</p>` + paragraph + `</article></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/news/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageHTML))
	})
	mux.HandleFunc("/pics/press.png", func(w http.ResponseWriter, r *http.Request) { w.Write(pngData.Bytes()) })
	mux.HandleFunc("/pics/press-copy.png", func(w http.ResponseWriter, r *http.Request) { w.Write(pngData.Bytes()) })
	mux.HandleFunc("/news/pics/ink.gif", func(w http.ResponseWriter, r *http.Request) { w.Write(gifData.Bytes()) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	out := filepath.Join(dir, "fetched.md")
	code, stdout, stderr := samizdat(t, "import", srv.URL+"/news/story", "-o", out, "--fetch-images")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := listFiles(t, dir); strings.Join(got, " ") != "fetched.md images/fetched-article-1.png images/fetched-article-2.png" {
		t.Errorf("wrote %v", got)
	}
	md := readFile(t, out)
	for _, s := range []string{
		"source: The Test Gazette", "![The press](images/fetched-article-1.png)", "![Ink](images/fetched-article-2.png)",
		"![Again](images/fetched-article-1.png)", // the same picture is saved once
		"<!-- image: " + srv.URL + "/pics/gone.png — Gone -->", "[the about page](" + srv.URL + "/about)",
		"extra:\n  URL: " + srv.URL + "/news/story",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("manuscript lacks %q:\n%s", s, md)
		}
	}
	if !regexp.MustCompile(`image 3 \(` + regexp.QuoteMeta(srv.URL) + `/pics/gone.png\) not saved: .*404 Not Found`).MatchString(stderr) {
		t.Errorf("stderr:\n%s", stderr)
	}
	if !strings.Contains(stdout, "3 images, 1 warning") {
		t.Errorf("stdout: %s", stdout)
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader([]byte(readFile(t, filepath.Join(dir, "images", "fetched-article-2.png"))))); err != nil || format != "png" || cfg.Width != 30 {
		t.Errorf("the GIF was not converted to PNG: %s %v", format, err)
	}
	if code, _, stderr := samizdat(t, "build", out, "-o", filepath.Join(dir, "out"), "-q", "--format", "pdf"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	tooltest.Run(t, "qpdf", "--check", filepath.Join(dir, "out", "fetched.pdf"))
}

// TestImportSavedPageImages copies the images a browser saved beside a
// page, and only with --fetch-images.
func TestImportSavedPageImages(t *testing.T) {
	dir := t.TempDir()
	var pngData bytes.Buffer
	png.Encode(&pngData, image.NewGray(image.Rect(0, 0, 4, 4)))
	writeFile(t, filepath.Join(dir, "page_files", "photo.png"), pngData.String())
	body := "<p>" + strings.Repeat("A saved article about the reading room and its readers. ", 8) + "</p>"
	writeFile(t, filepath.Join(dir, "page.html"), `<html><head><title>Saved</title></head><body><article>`+body+
		`<p><img src="page_files/photo.png" alt="Photo"></p>`+body+`</article></body></html>`)
	out := filepath.Join(dir, "book", "saved.md")
	if code, _, stderr := samizdat(t, "import", filepath.Join(dir, "page.html"), "-o", out); code != 0 || !strings.Contains(readFile(t, out), "<!-- image: page_files/photo.png — Photo -->") {
		t.Fatalf("without --fetch-images: exit %d: %s\n%s", code, stderr, readFile(t, out))
	}
	if code, _, stderr := samizdat(t, "import", filepath.Join(dir, "page.html"), "-o", out, "--fetch-images"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(readFile(t, out), "![Photo](images/saved-1.png)") || readFile(t, filepath.Join(dir, "book", "images", "saved-1.png")) != pngData.String() {
		t.Errorf("manuscript:\n%s", readFile(t, out))
	}
}

// TestImportSharedSample imports the real article beside the repository
// through the command and checks that samizdat check then points at each
// of its four quotations, which have no source yet.
func TestImportSharedSample(t *testing.T) {
	sample := filepath.Join("..", "..", "..", "shared", "samples", "article-plaintext.txt")
	if _, err := os.Stat(sample); err != nil {
		if os.Getenv("SAMIZDAT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("the shared sample article is required (SAMIZDAT_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skipf("the shared sample article is not beside the repository: %v", err)
	}
	out := filepath.Join(t.TempDir(), "sample.md")
	code, stdout, stderr := samizdat(t, "import", sample, "-o", out)
	if code != 0 || !strings.Contains(stdout, "5 headings, 4 quotations, 1 warning") {
		t.Fatalf("exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}
	code, _, stderr = samizdat(t, "check", out)
	unsourced := regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(out)+`:\d+:1: warning: block quotation without a source`).FindAllString(stderr, -1)
	if code != 0 || len(unsourced) != 4 {
		t.Errorf("check: exit %d, %d quotations listed, want 4:\n%s", code, len(unsourced), stderr)
	}
}
