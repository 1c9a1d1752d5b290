package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/internal/golden"
)

// fixtures lists the article fixtures of one form.
func fixtures(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures match %s: %v", pattern, err)
	}
	return files
}

// report is what the golden .log files hold: the counts and every
// warning, so that a change in what the importer recognises shows up in
// review even when the Markdown does not change.
func report(a *Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "words: %d\nheadings: %d\nquotations: %d\nimages: %d\n", a.Stats.Words, a.Stats.Headings, a.Stats.Quotations, a.Stats.Images)
	for _, w := range a.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}

// TestGolden converts every fixture and compares the manuscript and the
// report with the golden files beside it (go test -update rewrites them);
// converting twice must give the same bytes.
func TestGolden(t *testing.T) {
	files := append(fixtures(t, "text/*.txt"), fixtures(t, "html/*.html")...)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Import(filepath.ToSlash(file), data, Options{})
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			again, err := Import(filepath.ToSlash(file), data, Options{})
			if err != nil || string(again.Manuscript()) != string(a.Manuscript()) || report(again) != report(a) {
				t.Errorf("a second import differs from the first (%v)", err)
			}
			stem := strings.TrimSuffix(file, filepath.Ext(file))
			golden.Check(t, stem+".md.golden", a.Manuscript())
			golden.Check(t, stem+".log.golden", []byte(report(a)))
		})
	}
}
