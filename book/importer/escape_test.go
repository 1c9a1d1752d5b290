package importer

import (
	"math/rand/v2"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/markdown"
)

// readBack parses src as a manuscript and returns its blocks.
func readBack(t *testing.T, src string) []book.Block {
	t.Helper()
	doc, err := markdown.Parse("x.md", []byte(src), markdown.Options{
		Asset: func(ref string, pos book.Pos) (*book.Asset, error) { return &book.Asset{Name: ref}, nil },
	})
	if err != nil {
		t.Fatalf("parsing %q: %v", src, err)
	}
	return doc.Chapter.Blocks
}

// onlyText reports whether every inline is plain text: no emphasis,
// link, citation, note reference or code the original did not have.
func onlyText(ins []book.Inline) bool {
	for _, in := range ins {
		if _, ok := in.(*book.Text); !ok {
			return false
		}
	}
	return true
}

// trickyLines are lines that would turn into Markdown if written as they
// are.
var trickyLines = []string{
	"# not a heading", "## nor this", "> not a quotation", "- not a list", "+ nor this", "* nor this",
	"1. not a numbered list", "1986) a year", "---", "***", "___", "===", ": not a definition",
	"*not emphasis*", "_nor this_", "**nor strong**", "snake_case_word stays", "a * b * c",
	"`not code`", "~~not struck~~", "~200 people", "<br>", "<b>bold</b>", "<http://example.org>", "a < b > c",
	"<!-- not a comment -->", "&amp; &copy; &#169; &#xA9;", "fish & chips",
	"[text](http://example.org)", "[ref][x]", "[x]: http://example.org", "![alt](img.png)",
	"[^1] is not a note", "[^1]: nor a definition", "see [@smith, 12]", "as @smith says", "mail me@example.org",
	`a back\slash`, `ends with a backslash\`, `\*escaped already\*`, `a \\ double`, "[Russian] experiment",
	"[W]hile they lived", "{#id} braces", "heading {.class}", "tab\there", "under_score_", "_start", "end_",
}

func TestEscapeLineReadsBack(t *testing.T) {
	lines := append([]string(nil), trickyLines...)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("*_`~<>&@[]()^!#+-=:|\\{}\"'.12ab ;/?")
	for range 3000 {
		n := 1 + rng.IntN(12)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if s := strings.TrimSpace(string(rs)); s != "" {
			lines = append(lines, s)
		}
	}
	for _, s := range lines {
		contexts := []struct {
			name, src string
		}{
			{"paragraph", escapeLine(s) + "\n"},
			{"quotation", "> " + escapeLine(s) + "\n"},
			{"list item", "- " + escapeLine(s) + "\n"},
			{"heading", "## " + escapeHeading(s) + "\n"},
		}
		for _, c := range contexts {
			blocks := readBack(t, c.src)
			got, ok := soleText(blocks)
			if !ok || got != s {
				t.Errorf("%s %q written as %q reads back as %q (plain text only: %v)", c.name, s, c.src, got, ok)
			}
		}
	}
}

// soleText digs the one paragraph or heading out of blocks and returns
// its text.
func soleText(blocks []book.Block) (string, bool) {
	if len(blocks) != 1 {
		return "", false
	}
	switch b := blocks[0].(type) {
	case *book.Paragraph:
		return book.PlainText(b.Inlines), onlyText(b.Inlines)
	case *book.Heading:
		return book.PlainText(b.Inlines), onlyText(b.Inlines)
	case *book.BlockQuote:
		return soleText(b.Blocks)
	case *book.List:
		if len(b.Items) == 1 {
			return soleText(b.Items[0].Blocks)
		}
	}
	return "", false
}

func TestEscapeLeavesProseAlone(t *testing.T) {
	for _, s := range []string{
		`This "lost revolution" in Germany was decisive.`,
		"Leon Trotsky - as well as tens of thousands of others - fought.",
		"The [Russian] experiment went wrong.",
		"write to info@example.org or call",
		"a snake_case_name and 3 < 4",
	} {
		if got := escapeLine(s); got != s {
			t.Errorf("escapeLine(%q) = %q, want it unchanged", s, got)
		}
	}
}
