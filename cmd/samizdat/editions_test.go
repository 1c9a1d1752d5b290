package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"samizdat/internal/build"
	"samizdat/internal/tooltest"
)

// TestSamplePamphletEditions is issue #7's one command: building the
// sample pamphlet makes its A6 PDF and the A6 booklet imposed on A4, the
// A5 reader's PDF, the EPUB carrying the pamphlet's page numbers and the
// web page — and the EPUB passes EPUBCheck.
func TestSamplePamphletEditions(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := samizdat(t, "build", "../../manuscripts/pamphlet", "-o", out, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, stderr, stdout)
	}
	var rep struct {
		Outputs  []build.Output `json:"outputs"`
		Warnings []any          `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v in:\n%s", err, stdout)
	}
	var got []string
	paths := map[string]string{}
	for _, o := range rep.Outputs {
		got = append(got, o.Edition+"/"+o.Format+"="+filepath.Base(o.Path))
		paths[o.Edition+"/"+o.Format] = o.Path
	}
	want := "pamphlet/pdf=pamphlet-pamphlet.pdf pamphlet/booklet=pamphlet-pamphlet-booklet.pdf reader/pdf=pamphlet-reader.pdf ebook/epub=pamphlet-ebook.epub web/html=pamphlet-web.html"
	if strings.Join(got, " ") != want {
		t.Fatalf("outputs:\n  %s\nwant\n  %s", strings.Join(got, " "), want)
	}
	if len(rep.Warnings) > 0 {
		t.Errorf("warnings: %v", rep.Warnings)
	}

	tooltest.Require(t, "pdfinfo")
	const a6w, a6h = 297.64, 419.53
	pamphletPages := checkPageSize(t, paths["pamphlet/pdf"], a6w, a6h)
	checkPageSize(t, paths["reader/pdf"], 419.53, 595.28)
	// Four A6 pages to a sheet side, two copies of one booklet spread:
	// an A4 sheet, either way up, a side for every two pages.
	sides := checkPageSize(t, paths["pamphlet/booklet"], 595.28, 841.89)
	if padded := (pamphletPages + 3) / 4 * 4; sides != padded/2 {
		t.Errorf("the booklet has %d sheet sides for %d pages, want %d", sides, pamphletPages, padded/2)
	}

	labels, pageList := epubPageBreaks(t, paths["ebook/epub"])
	if len(labels) < 10 || !pageList {
		t.Fatalf("the EPUB has %d page breaks and page-list nav %v; want the pamphlet's pages", len(labels), pageList)
	}
	last := 0
	for _, l := range labels {
		n, err := strconv.Atoi(l)
		if err != nil || n <= last || n > pamphletPages {
			t.Fatalf("page labels %v: want rising page numbers within the pamphlet's %d pages", labels, pamphletPages)
		}
		last = n
	}
	tooltest.EPUBCheck(t, paths["ebook/epub"])
}

var pageSizeRE = regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`)
var pagesRE = regexp.MustCompile(`Pages:\s+(\d+)`)

// checkPageSize checks a PDF's page size (either orientation) with
// pdfinfo and returns its number of pages.
func checkPageSize(t *testing.T, path string, w, h float64) int {
	t.Helper()
	info := tooltest.Run(t, "pdfinfo", path)
	m, n := pageSizeRE.FindStringSubmatch(info), pagesRE.FindStringSubmatch(info)
	if m == nil || n == nil {
		t.Fatalf("pdfinfo %s:\n%s", path, info)
	}
	gw, _ := strconv.ParseFloat(m[1], 64)
	gh, _ := strconv.ParseFloat(m[2], 64)
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.5 }
	if !(near(gw, w) && near(gh, h)) && !(near(gw, h) && near(gh, w)) {
		t.Errorf("%s: pages %.2f × %.2f pt, want %.2f × %.2f", filepath.Base(path), gw, gh, w, h)
	}
	pages, _ := strconv.Atoi(n[1])
	return pages
}

var pageBreakRE = regexp.MustCompile(`<[^>]*epub:type="pagebreak"[^>]*>`)
var ariaLabelRE = regexp.MustCompile(`aria-label="([^"]*)"`)

// epubPageBreaks returns the page labels of an EPUB's page breaks in
// spine order, and whether its navigation has a page list.
func epubPageBreaks(t *testing.T, path string) (labels []string, pageList bool) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	docs := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		docs[f.Name] = string(data)
		if strings.Contains(string(data), `epub:type="page-list"`) {
			pageList = true
		}
	}
	for _, doc := range spineDocs(docs) {
		for _, tag := range pageBreakRE.FindAllString(doc, -1) {
			if m := ariaLabelRE.FindStringSubmatch(tag); m != nil {
				labels = append(labels, m[1])
			}
		}
	}
	return labels, pageList
}

// spineDocs returns the EPUB's documents in spine order.
func spineDocs(files map[string]string) []string {
	opf := ""
	for name := range files {
		if strings.HasSuffix(name, ".opf") {
			opf = name
		}
	}
	hrefs := map[string]string{}
	for _, m := range regexp.MustCompile(`<item [^>]*id="([^"]+)"[^>]*href="([^"]+)"`).FindAllStringSubmatch(files[opf], -1) {
		hrefs[m[1]] = filepath.ToSlash(filepath.Join(filepath.Dir(opf), m[2]))
	}
	var out []string
	for _, m := range regexp.MustCompile(`<itemref [^>]*idref="([^"]+)"`).FindAllStringSubmatch(files[opf], -1) {
		out = append(out, files[hrefs[m[1]]])
	}
	return out
}

// TestEditionFlags: --edition builds the editions it names, an unknown
// one is a usage error listing the book's, and --impose adds a booklet.
func TestEditionFlags(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "book")
	writeFile(t, filepath.Join(dir, "book.yaml"), "title: T\nslug: t\nchapters: [a.md]\neditions:\n  print: {formats: [pdf]}\n  ebook: {formats: [epub], epub: {page-list: print}}\n")
	writeFile(t, filepath.Join(dir, "a.md"), "# A\n\n"+strings.Repeat("A sentence of the chapter. ", 200)+"\n")
	tests := []struct {
		args   []string
		code   int
		stdout []string // file names written, in order
		stderr string
	}{
		{[]string{"--edition", "ebook"}, 0, []string{"t-ebook.epub"}, ""},
		{[]string{"--edition", "print", "--impose", "booklet"}, 0, []string{"t-print.pdf", "t-print-booklet.pdf"}, ""},
		{[]string{}, 0, []string{"t-print.pdf", "t-ebook.epub"}, ""},
		{[]string{"--edition", "reader"}, 2, nil, `samizdat: unknown edition "reader"; the book's editions are print, ebook`},
		{[]string{"--impose", "perfect"}, 2, nil, `samizdat: unknown imposition "perfect"; use --impose booklet (or none)`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out := t.TempDir()
			code, stdout, stderr := samizdat(t, append([]string{"build", dir, "-o", out}, tt.args...)...)
			if code != tt.code || !strings.HasPrefix(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			var wrote []string
			for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
				if f := strings.Fields(line); len(f) > 1 && f[0] == "wrote" {
					wrote = append(wrote, filepath.Base(f[1]))
				}
			}
			if strings.Join(wrote, " ") != strings.Join(tt.stdout, " ") {
				t.Errorf("wrote %v, want %v", wrote, tt.stdout)
			}
		})
	}
}

// TestCheckEditions: check finds what would stop a build of an edition,
// without building it.
func TestCheckEditions(t *testing.T) {
	for _, tt := range []struct {
		yaml, want string
	}{
		{"editions:\n  print: {formats: [pdf, docx]}\n", `book.yaml:3:3: error: edition "print": unknown format "docx"`},
		{"editions:\n  print: {formats: [epub]}\n  ebook: {epub: {page-list: print}}\n", `book.yaml:4:29: error: page-list: names edition "print", which makes no PDF`},
	} {
		dir := filepath.Join(t.TempDir(), "book")
		writeFile(t, filepath.Join(dir, "book.yaml"), "chapters: [a.md]\n"+tt.yaml)
		writeFile(t, filepath.Join(dir, "a.md"), chapter)
		code, _, stderr := samizdat(t, "check", dir)
		if code != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and %q", code, stderr, tt.want)
		}
	}
}
