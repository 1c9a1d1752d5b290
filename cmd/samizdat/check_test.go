package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// checkFindings runs check --json on a book and decodes the findings.
func checkFindings(t *testing.T, path string) (int, checkJSON) {
	t.Helper()
	code, stdout, stderr := samizdat(t, "check", "--json", path)
	var rep checkJSON
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("check --json %s: not JSON: %v\n%s\n%s", path, err, stdout, stderr)
	}
	return code, rep
}

type checkJSON struct {
	OK       bool             `json:"ok"`
	Chapters int              `json:"chapters"`
	Errors   []jsonDiagnostic `json:"errors"`
	Warnings []jsonDiagnostic `json:"warnings"`
}

// TestCheckFindsPlantedProblems runs check on a book with one of every
// problem it reports about quotations, citations and sources planted in
// it (book/cite/testdata/planted): each must be found at its place, and
// nothing else.
func TestCheckFindsPlantedProblems(t *testing.T) {
	dir := filepath.Join("..", "..", "book", "cite", "testdata", "planted")
	code, rep := checkFindings(t, dir)
	type want struct {
		severity, file string
		line, col      int
		message        string
	}
	wants := []want{
		{"error", "broken.bib", 10, 25, `BibTeX: expected a comma or the end of entry "paine1776" after the field title`},
		{"warning", "chapter.md", 9, 1, "block quotation without a source"},
		{"error", "chapter.md", 11, 65, "citation key @mil1859 is not in the sources"},
		{"warning", "chapter.md", 13, 39, "citation of the book @milton1644 gives no page or other locator"},
		{"error", "chapter.md", 17, 33, "citation key @paine1776 is not in the sources"},
		{"warning", "sources.json", 5, 3, "source @mill1859 is never cited"},
		{"warning", "sources.json", 13, 3, "source key @milton1644 is used twice"},
		{"warning", "sources.yaml", 2, 3, "source @wollstonecraft1792 is never cited"},
	}
	found := func(w want) bool {
		list := rep.Warnings
		if w.severity == "error" {
			list = rep.Errors
		}
		for _, d := range list {
			if filepath.Base(d.File) == w.file && d.Line == w.line && d.Col == w.col && strings.HasPrefix(d.Message, w.message) {
				return true
			}
		}
		return false
	}
	for _, w := range wants {
		if !found(w) {
			t.Errorf("not reported: %s:%d:%d: %s: %s", w.file, w.line, w.col, w.severity, w.message)
		}
	}
	if len(rep.Errors)+len(rep.Warnings) != len(wants) {
		t.Errorf("%d errors and %d warnings, want %d findings: %+v", len(rep.Errors), len(rep.Warnings), len(wants), rep)
	}
	if code != exitContent || rep.OK {
		t.Errorf("exit %d, ok %v; want 1 and false", code, rep.OK)
	}
	for _, e := range rep.Errors {
		if e.Message == "citation key @mil1859 is not in the sources" && !strings.Contains(e.Hint, "did you mean @mill1859?") {
			t.Errorf("hint = %q, want the nearest key", e.Hint)
		}
	}
}

// TestCheckCleanBooks: the sample books and the citation fixture have
// nothing to report.
func TestCheckCleanBooks(t *testing.T) {
	for _, dir := range []string{
		filepath.Join("..", "..", "manuscripts", "handbook"),
		filepath.Join("..", "..", "manuscripts", "pamphlet"),
		filepath.Join("..", "..", "book", "cite", "testdata", "fixture"),
	} {
		code, rep := checkFindings(t, dir)
		if code != 0 || !rep.OK || len(rep.Errors) > 0 || len(rep.Warnings) > 0 {
			t.Errorf("%s: exit %d, findings %+v", dir, code, rep)
		}
	}
}

// TestCheckAndBuildWarnings: a book with warnings only checks and builds
// with exit status 0, both printing the warnings; a missing key fails
// both.
func TestCheckAndBuildWarnings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "essay.md"), "---\ntitle: E\nreferences:\n- {id: a, type: book, title: A, issued: 1900}\n- {id: b, type: book, title: B, issued: 1901}\n---\n\n> Unsourced.\n\nText [@a].\n")
	code, stdout, stderr := samizdat(t, "check", filepath.Join(dir, "essay.md"))
	if code != 0 || !strings.Contains(stderr, "essay.md:8:1: warning: block quotation without a source") ||
		!strings.Contains(stderr, "essay.md:5:3: warning: source @b is never cited") || !strings.Contains(stdout, "0 errors, 2 warnings") {
		t.Errorf("check: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	code, _, stderr = samizdat(t, "build", filepath.Join(dir, "essay.md"), "--format", "html", "-q")
	if code != 0 || !strings.Contains(stderr, "essay.md:8:1: warning: block quotation without a source") {
		t.Errorf("build: exit %d\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(dir, "essay.md"), "---\ntitle: E\nreferences:\n- {id: a, type: book, title: A, issued: 1900}\n---\n\n> Unsourced.\n\nText [@b].\n")
	code, _, stderr = samizdat(t, "build", filepath.Join(dir, "essay.md"), "--format", "html", "-q")
	if code != 1 || !strings.Contains(stderr, "essay.md:9:6: error: citation key @b is not in the sources") ||
		!strings.Contains(stderr, "essay.md:7:1: warning: block quotation without a source") {
		t.Errorf("build with a missing key: exit %d\n%s", code, stderr)
	}
}
