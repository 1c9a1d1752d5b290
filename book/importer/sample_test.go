package importer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/importer"
	"samizdat/book/markdown"
)

// samplePath is the real article users gave as the form of their
// plain-text dumps, kept beside the repository (never copied into it).
var samplePath = filepath.Join("..", "..", "..", "shared", "samples", "article-plaintext.txt")

// readSample reads the shared sample: CI has it beside the clone and
// fails without it; a developer's machine without it skips.
func readSample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		if os.Getenv("SAMIZDAT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("the shared sample article is required (SAMIZDAT_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skipf("the shared sample article is not beside the repository (%v); set SAMIZDAT_REQUIRE_TOOLS=1 to make this a failure", err)
	}
	return data
}

// headerValue is the value of the sample's "Key: value" line; the
// expected results are read from the sample itself, so that none of its
// text is copied here.
func headerValue(t *testing.T, src, key string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `:\s*(.+?)\s*$`).FindStringSubmatch(src)
	if m == nil {
		t.Fatalf("the sample has no %q line", key)
	}
	return m[1]
}

// TestSharedSample imports the shared sample and checks that its title,
// author, date, category, five headings and four quotations are
// recognised, that the caption fused to its first paragraph is split off,
// that no paragraph is lost, and that it builds to a valid EPUB and PDF.
func TestSharedSample(t *testing.T) {
	data := readSample(t)
	src := strings.ReplaceAll(string(data), "\r\n", "\n")
	a, err := importer.Import(samplePath, data, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := a.Meta
	lines := strings.Split(src, "\n")
	var d, mo, y int
	if _, err := fmt.Sscanf(headerValue(t, src, "Published"), "%d/%d/%d", &d, &mo, &y); err != nil {
		t.Fatal(err)
	}
	if m.Title != strings.TrimSpace(lines[0]) {
		t.Errorf("title = %q, want the first line", m.Title)
	}
	if len(m.Authors) != 1 || m.Authors[0] != headerValue(t, src, "Written by") {
		t.Errorf("authors = %q, want the Written by: line's", m.Authors)
	}
	if want := fmt.Sprintf("%04d-%02d-%02d", y, mo, d); m.Date != want {
		t.Errorf("date = %q, want %q", m.Date, want)
	}
	if len(m.Subjects) != 1 || m.Subjects[0] != headerValue(t, src, "Originally listed under") {
		t.Errorf("subjects = %q, want the category", m.Subjects)
	}
	if a.Stats.Headings != 5 || a.Stats.Quotations != 4 {
		t.Errorf("found %d headings and %d quotations, want 5 and 4", a.Stats.Headings, a.Stats.Quotations)
	}

	doc, err := markdown.Parse("sample.md", a.Manuscript(), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := 0
	for _, b := range doc.Chapter.Blocks {
		switch b := b.(type) {
		case *book.Heading:
			h := book.PlainText(b.Inlines)
			if !strings.Contains(src, "\n\n"+h+"\n\n") {
				t.Errorf("heading %q is not a line standing alone in the sample", h)
			}
		case *book.BlockQuote:
			for _, qb := range b.Blocks {
				p := book.PlainText(qb.(*book.Paragraph).Inlines)
				if !strings.Contains(src, "\n\""+p) {
					t.Errorf("quoted paragraph %.40q… does not open with a quotation mark in the sample", p)
				}
				paragraphs++
			}
			last := book.PlainText(b.Blocks[len(b.Blocks)-1].(*book.Paragraph).Inlines)
			if !strings.Contains(src, last+"\"\n") && !strings.HasSuffix(src, last+"\"") {
				t.Errorf("quotation ending %.40q… does not close with a quotation mark in the sample", last)
			}
		case *book.Paragraph:
			paragraphs++
		}
	}
	// Every block of the sample after its title and metadata lines is a
	// paragraph, a heading or a quoted paragraph of the manuscript.
	blocks := strings.Split(strings.TrimSpace(src), "\n\n")[1:]
	metaLine := regexp.MustCompile(`^[A-Z][\w ]{0,40}: \S`)
	for len(blocks) > 0 && allLines(blocks[0], metaLine) {
		blocks = blocks[1:]
	}
	if got := paragraphs + a.Stats.Headings; got != len(blocks) {
		t.Errorf("the manuscript holds %d paragraphs and headings, the sample %d blocks of text", got, len(blocks))
	}

	caption := regexp.MustCompile(`<!-- image caption: (.+?) -->`).FindSubmatch(a.Manuscript())
	first := book.PlainText(doc.Chapter.Blocks[0].(*book.Paragraph).Inlines)
	if caption == nil || !strings.Contains(src, "\n"+string(caption[1])+first+"\n") {
		t.Errorf("the fused caption was not split off the first paragraph (caption %q)", caption)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, "image caption") {
		t.Errorf("warnings = %v, want only the caption's", a.Warnings)
	}

	buildManuscript(t, t.TempDir(), "sample", a.Manuscript(), true)
}

func allLines(block string, re *regexp.Regexp) bool {
	for _, l := range strings.Split(block, "\n") {
		if !re.MatchString(l) {
			return false
		}
	}
	return true
}
