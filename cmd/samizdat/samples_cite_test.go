package main

import (
	"archive/zip"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/cite"
	"samizdat/book/load"
	"samizdat/internal/build"
	"samizdat/internal/readback"
	"samizdat/internal/tooltest"
	"samizdat/render/formats"
)

// TestPamphletCitations: the sample pamphlet cites at least ten sources of
// several types, in block quotations and in running text, and its EPUB
// and PDF show every citation note and every bibliography entry.
func TestPamphletCitations(t *testing.T) {
	dir := filepath.Join("..", "..", "manuscripts", "pamphlet")
	res, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Book
	keys, types := map[string]bool{}, map[string]bool{}
	inQuote, inText := 0, 0
	for _, ch := range b.BodyChapters() {
		book.WalkBlocks(ch.Blocks, func(bl book.Block) bool {
			if q, ok := bl.(*book.BlockQuote); ok {
				if _, ok := q.Source.(*book.Citation); ok {
					inQuote++
				}
			}
			if p, ok := bl.(*book.Paragraph); ok {
				for _, in := range p.Inlines {
					if _, ok := in.(*book.Citation); ok {
						inText++
					}
				}
			}
			return true
		})
	}
	cite.EachCitation(b, func(_ *book.Chapter, c *book.Citation) {
		for _, it := range c.Items {
			keys[it.Key] = true
		}
	})
	var bib *book.Chapter
	for _, div := range b.Back {
		if div.Kind == book.KindBibliography {
			bib = div
		}
	}
	if bib == nil {
		t.Fatal("the pamphlet has no bibliography")
	}
	entries, err := cite.ReadCSLYAML("sources.yaml", mustRead(t, filepath.Join(dir, "sources.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if keys[e.Key] {
			types[e.Type] = true
		}
	}
	if len(keys) < 10 || len(types) < 5 || inQuote < 5 || inText < 3 {
		t.Errorf("%d sources of %d types cited, %d as quotations' sources and %d in running text; want at least 10, 5, 5 and 3",
			len(keys), len(types), inQuote, inText)
	}
	if len(bib.Blocks) != len(keys) {
		t.Errorf("the bibliography has %d entries for %d works cited", len(bib.Blocks), len(keys))
	}

	// What the outputs must show: every citation note and every entry.
	var notes, entriesText []string
	for _, ch := range b.BodyChapters() {
		for _, n := range ch.Notes {
			if strings.Contains(n.ID, "-cite-") {
				notes = append(notes, plainBlocks(n.Blocks))
			}
		}
	}
	for _, bl := range bib.Blocks {
		entriesText = append(entriesText, plainBlocks([]book.Block{bl}))
	}

	out := t.TempDir()
	env := map[string]string{"SOURCE_DATE_EPOCH": "1764028800"}
	rep, err := build.Build(dir, formats.Registry(), build.Options{OutDir: out, Formats: []string{"epub", "pdf"}, Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range rep.Outputs {
		var text string
		switch o.Format {
		case "epub":
			text = epubText(t, o.Path)
		case "pdf":
			tooltest.Require(t, "pdftotext")
			text = tooltest.Run(t, "pdftotext", "-enc", "UTF-8", o.Path, "-")
		default: // the booklet holds the PDF's pages in folding order
			continue
		}
		s := readback.NewStream(text)
		var want []readback.Item
		for _, n := range notes {
			want = append(want, readback.Item{Text: n})
		}
		if err := s.InOrder(want); err != nil {
			t.Errorf("%s notes: %v", o.Format, err)
		}
		want = nil
		for _, e := range entriesText {
			want = append(want, readback.Item{Text: e})
		}
		if err := readback.NewStream(text).InOrder(want); err != nil {
			t.Errorf("%s bibliography: %v", o.Format, err)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func plainBlocks(bs []book.Block) string {
	var parts []string
	for _, bl := range bs {
		for _, ins := range book.BlockInlines(bl) {
			parts = append(parts, book.PlainText(ins))
		}
	}
	return strings.Join(parts, " ")
}

// epubText is the text of an EPUB's documents in spine order, tags
// removed, a form feed between documents.
func epubText(t *testing.T, file string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]string{}
	opf := ""
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = string(data)
		if strings.HasSuffix(f.Name, ".opf") {
			opf = f.Name
		}
	}
	hrefs := map[string]string{}
	for _, m := range regexp.MustCompile(`<item [^>]*id="([^"]+)"[^>]*href="([^"]+)"`).FindAllStringSubmatch(files[opf], -1) {
		hrefs[m[1]] = path.Join(path.Dir(opf), m[2])
	}
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<itemref [^>]*idref="([^"]+)"`).FindAllStringSubmatch(files[opf], -1) {
		b.WriteString(htmlText(files[hrefs[m[1]]]))
		b.WriteString("\f")
	}
	return b.String()
}
