package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/typography"
	"samizdat/internal/golden"
)

// TestGolden reads each testdata/*.md and compares the model dump, after
// typography, with its .golden file.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test manuscripts: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(filepath.Base(f), src, Options{FallbackID: "chapter", Asset: testAsset})
			if err != nil {
				t.Fatal(err)
			}
			typography.Chapter(doc.Chapter, typography.StyleFor(doc.Meta.Lang))
			var got bytes.Buffer
			book.Dump(&got, doc.Chapter)
			for _, w := range doc.Warnings {
				got.WriteString("warning: " + w.Error() + "\n")
			}
			golden.Check(t, strings.TrimSuffix(f, ".md")+".golden", got.Bytes())
		})
	}
}

func testAsset(ref string, pos book.Pos) (*book.Asset, error) {
	if strings.Contains(ref, "missing") {
		return nil, book.Errorf(pos, "image %q not found", ref)
	}
	return &book.Asset{Name: ref, MediaType: "image/png", Width: 10, Height: 10}, nil
}
