package main

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samizdat/book/load"
	"samizdat/internal/build"
	"samizdat/internal/readback"
	"samizdat/internal/tooltest"
	"samizdat/render/formats"
)

// TestSampleBooks builds every book in manuscripts/, every edition of it,
// and judges the outputs with the real tools: EPUBCheck with no warnings,
// qpdf --check, every font embedded (booklets too), and the text of each
// PDF and HTML read back holding every paragraph, heading, quotation and
// note of the manuscript in order.
func TestSampleBooks(t *testing.T) {
	entries, err := os.ReadDir("../../manuscripts")
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join("../../manuscripts", e.Name()))
		}
	}
	if err != nil || len(dirs) < 2 {
		t.Fatalf("want at least two sample books, found %v (%v)", dirs, err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			env := map[string]string{"SOURCE_DATE_EPOCH": "1764028800"}
			rep, err := build.Build(dir, formats.Registry(), build.Options{OutDir: out, Getenv: func(k string) string { return env[k] }})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range rep.Warnings {
				t.Errorf("warning: %v", w)
			}
			res, err := load.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			want := readback.Expect(res.Book)
			if len(want.Body) < 20 {
				t.Fatalf("the sample has only %d blocks", len(want.Body))
			}
			for _, o := range rep.Outputs {
				switch o.Format {
				case "epub":
					tooltest.EPUBCheck(t, o.Path)
				case "booklet": // pages in folding order: their text is not in reading order
					tooltest.Run(t, "qpdf", "--check", o.Path)
					checkFontsEmbedded(t, tooltest.Run(t, "pdffonts", o.Path))
				case "pdf":
					tooltest.Run(t, "qpdf", "--check", o.Path)
					checkFontsEmbedded(t, tooltest.Run(t, "pdffonts", o.Path))
					// -raw reads text in the order it is drawn, which is reading order;
					// the default layout analysis can take the words of a very loose
					// line for columns and read them out of order.
					text := tooltest.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", o.Path, "-")
					checkInOrder(t, "PDF", text, want)
				case "html":
					page, err := os.ReadFile(o.Path)
					if err != nil {
						t.Fatal(err)
					}
					checkInOrder(t, "HTML", htmlText(string(page)), want)
				default:
					t.Errorf("no check for %s", o.Path)
				}
			}
		})
	}
}

func checkInOrder(t *testing.T, format, text string, want readback.Expected) {
	t.Helper()
	s := readback.NewStream(text)
	if err := s.InOrder(want.Body); err != nil {
		t.Errorf("%s body: %v", format, err)
	}
	if err := s.InOrder(want.Notes); err != nil {
		t.Errorf("%s notes: %v", format, err)
	}
}

// checkFontsEmbedded reads pdffonts' table: every font must say emb=yes.
func checkFontsEmbedded(t *testing.T, table string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", table)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

var tagRE = regexp.MustCompile(`(?s)<(style|head)\b.*?</(style|head)>|<[^>]+>`)

// htmlText is the text of an HTML page, tags dropped and entities decoded.
func htmlText(page string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(page, " "))
}
