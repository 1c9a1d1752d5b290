package markdown

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"samizdat/book"
	"samizdat/book/typography"
)

// FuzzParse feeds arbitrary manuscripts (front matter included) to the
// reader: it must never panic, and every problem must come back as
// positioned errors.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"---\ntitle: x\n---\n# T\n\ntext[^1]\n\n[^1]: note\n",
		"---\ntitle: [\n---\n",
		"---\n",
		"> > > deep\n> > quote[@k, p. 3]\n",
		"[^a]: self[^a]\n\nref[^a]\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n\nTerm\n: def\n",
		"\xef\xbb\xbf# BOM\r\n\r\ncrlf\r\n",
		"@key [p. 1] and [see @a, 12; -@b, chap. 3, x] and [@x](y)\n",
		"![alt](img.png) <!-- c --> <br> ***\n",
		"a\u200b\u0301\u202e b \"'\" -- --- ...\n",
		"<div onclick=x><p>a <em>b</p><script>c</script></div>\n\nx <a href=\"javascript:y\">z</a> <i>open\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("fuzz.md", src, Options{FallbackID: "fuzz", Asset: testAsset})
		if err != nil {
			for _, e := range book.Errors(err) {
				if e.Pos.File != "fuzz.md" {
					t.Fatalf("error without the file's position: %v", e)
				}
			}
			return
		}
		typography.Chapter(doc.Chapter, typography.StyleFor(doc.Meta.Lang))
		book.Dump(io.Discard, doc.Chapter)
	})
}

// FuzzCitation checks the citation syntax parser on arbitrary bracket
// contents and locators.
func FuzzCitation(f *testing.F) {
	for _, s := range []string{"@a", "see @a, 12; @b, chap. 3", "-@a, pp. 823–25, emphasis added", "@{a b}, vol. ii", "@a,", "@", "x @a y @b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, ok := parseItems(s)
		if ok && len(items) == 0 {
			t.Fatal("a citation without items")
		}
		splitLocator(s)
		if _, err := Parse("c.md", []byte("["+s+"] and @"+s+"\n"), Options{FallbackID: "c"}); err != nil {
			_ = book.Errors(err)
		}
	})
}
