package cite

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// describe writes an entry's variables one per line, for comparing two
// readers' results. Quotation marks are written as straight ones: pandoc's
// CSL JSON writes a quotation inside a title with double marks whatever
// its level, and the title is set in double marks anyway, where inner
// quotations become single ones.
var closingQuote = regexp.MustCompile(`’([^\pL]|$)`)

func describe(e *Entry) []string {
	out := []string{"type=" + e.Type, "lang=" + e.Lang}
	quotes := strings.NewReplacer("“", `"`, "”", `"`, "‘", `"`)
	for k, v := range e.Vars {
		out = append(out, k+"="+closingQuote.ReplaceAllString(quotes.Replace(v.Marked()), `"$1`))
	}
	for k, ns := range e.Names {
		out = append(out, fmt.Sprintf("%s=%+v", k, ns))
	}
	for k, d := range e.Dates {
		out = append(out, fmt.Sprintf("%s=%+v", k, d))
	}
	sort.Strings(out)
	return out
}

// TestBibTeXAsPandocReadsIt reads the fixture's BibTeX file and compares
// every entry with pandoc's own conversion of it to CSL JSON
// (golden/sources.bib.json, made by regenerate.sh): types, names split
// into their parts, TeX accents, sentence-cased titles, dates, places.
func TestBibTeXAsPandocReadsIt(t *testing.T) {
	bib, err := os.ReadFile(filepath.Join("testdata", "fixture", "sources.bib"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadBibTeX("sources.bib", bib)
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(filepath.Join("testdata", "golden", "sources.bib.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadCSLJSON("sources.bib.json", js)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, pandoc has %d", len(got), len(want))
	}
	wantByKey := map[string]*Entry{}
	for _, e := range want {
		wantByKey[e.Key] = e
	}
	for _, g := range got {
		w := wantByKey[g.Key]
		if w == nil {
			t.Errorf("%s: not in pandoc's conversion", g.Key)
			continue
		}
		gd, wd := describe(g), describe(w)
		if strings.Join(gd, "\n") != strings.Join(wd, "\n") {
			t.Errorf("%s:\n  samizdat: %s\n  pandoc:   %s", g.Key, strings.Join(gd, "\n            "), strings.Join(wd, "\n            "))
		}
	}
}
