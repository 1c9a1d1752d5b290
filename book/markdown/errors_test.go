package markdown

import (
	"fmt"
	"strings"
	"testing"

	"samizdat/book"
)

// TestBadInput is the table of manuscript problems and the exact message
// each must produce.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"undefined footnote", "Text with a note.[^nope]\n", "ch.md:1:18: footnote reference [^nope] has no definition: add a line \"[^nope]: …\""},
		{"invalid UTF-8", "Good line.\nBad \xff byte.\n", "ch.md:2:5: invalid UTF-8 (byte 0xff): save the file as UTF-8"},
		{"NUL byte", "abc\x00def\n", "ch.md:1:4: NUL byte in text: the file looks binary, not Markdown"},
		{"unclosed front matter", "---\ntitle: x\n\nText.\n", "ch.md:1:1: front matter opened with --- is never closed: end it with a line of ---"},
		{"front matter YAML", "---\ntitle: [x\n---\nText.\n", "ch.md:2:1: YAML: did not find expected ',' or ']'"},
		{"front matter unknown key", "---\ntitle: x\nauthr: y\n---\n", "ch.md:3:1: unknown key \"authr\" (did you mean \"author\"?)"},
		{"raw HTML image", "Look: <img src=\"x.png\">\n", "ch.md:1:7: raw HTML <img>: write images in Markdown, ![description](file.png), so that samizdat can check and embed them"},
		{"raw HTML javascript link", "<p><a href=\"javascript:alert(1)\">x</a></p>\n", "ch.md:1:1: link to \"javascript:alert(1)\": the javascript: scheme is not allowed in a book"},
		{"javascript link", "[x](javascript:alert(1))\n", "ch.md:1:2: link to \"javascript:alert(1)\": the javascript: scheme is not allowed in a book"},
		{"missing image", "![A map](missing.png)\n", "ch.md:1:1: image \"missing.png\" not found"},
		{"note in note", "A[^a]\n\n[^a]: B[^b]\n[^b]: C\n", "ch.md:3:7: footnote [^b] is referenced inside a footnote: notes cannot have notes"},
		{"nesting too deep", "# Deep\n\n" + strings.Repeat("> ", 10000) + "x\n", "ch.md:3:1: quotations and lists are nested more than 32 deep here"},
		{"huge paragraph", "# Long\n\n" + strings.Repeat("word ", 300_000) + "\n", "ch.md:3:1: a paragraph of 1 MB: is the file missing the blank lines between its paragraphs? (samizdat takes paragraphs up to 1 MB)"},
		{"too many notes", "# Notes\n\n" + manyNotes(10_001), "ch.md:3:1: more than 10000 notes in one manuscript: split it into chapters"},
		{"duplicate id", "## One {#x}\n\n## Two {#x}\n", "ch.md:3:1: the id #x is used twice in this book"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("ch.md", []byte(tt.src), Options{FallbackID: "ch", Asset: testAsset})
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if got := strings.Split(err.Error(), "\n")[0]; got != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unused footnote", "Text.\n\n[^lonely]: Never used.\n", "ch.md:3:1: footnote [^lonely] is defined but never referenced"},
		{"image without alt", "![](pic.png)\n", "ch.md:1:1: image \"pic.png\" has no alternative text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("ch.md", []byte(tt.src), Options{FallbackID: "ch", Asset: testAsset})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) != 1 || !strings.HasPrefix(doc.Warnings[0].Error(), tt.want) {
				t.Errorf("warnings = %v, want one starting %q", doc.Warnings, tt.want)
			}
		})
	}
}

func TestCRLFAndBOM(t *testing.T) {
	doc, err := Parse("ch.md", []byte("\xef\xbb\xbf---\r\ntitle: Windows\r\n---\r\n\r\nLine one\r\nline two.\r\n"), Options{FallbackID: "ch"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "Windows" || len(doc.Chapter.Blocks) != 1 {
		t.Fatalf("meta %+v blocks %d", doc.Meta, len(doc.Chapter.Blocks))
	}
}

func TestTitleFromHeadingOrFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, title string
		blocks           int
	}{
		{"heading only", "# On Presses\n\nText.\n", "On Presses", 1},
		{"front matter only", "---\ntitle: On Presses\n---\n\nText.\n", "On Presses", 1},
		{"both, the same", "---\ntitle: On Presses\n---\n\n# On Presses\n\nText.\n", "On Presses", 1},
		{"both, different", "---\ntitle: On Presses\n---\n\n# Part One\n\nText.\n", "On Presses", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("ch.md", []byte(tt.src), Options{FallbackID: "ch"})
			if err != nil {
				t.Fatal(err)
			}
			if got := book.PlainText(doc.Chapter.Title); got != tt.title || len(doc.Chapter.Blocks) != tt.blocks {
				t.Errorf("title %q with %d blocks, want %q with %d", got, len(doc.Chapter.Blocks), tt.title, tt.blocks)
			}
		})
	}
}

// manyNotes writes a paragraph referring to n notes and their definitions.
func manyNotes(n int) string {
	var refs, defs strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&refs, "w[^n%d] ", i)
		fmt.Fprintf(&defs, "[^n%d]: note\n", i)
	}
	return refs.String() + "\n\n" + defs.String()
}

func TestEscapesAndEntities(t *testing.T) {
	tests := map[string]string{
		`\&copy; and &copy;`:     "&copy; and ©",
		`\*not emphasis\*`:       "*not emphasis*",
		`&#x2014; &amp; \\ done`: "— & \\ done",
	}
	for src, want := range tests {
		doc, err := Parse("e.md", []byte(src+"\n"), Options{FallbackID: "e"})
		if err != nil {
			t.Fatal(err)
		}
		if got := book.PlainText(doc.Chapter.Blocks[0].(*book.Paragraph).Inlines); got != want {
			t.Errorf("%q read as %q, want %q", src, got, want)
		}
	}
}

func TestLocators(t *testing.T) {
	tests := []struct{ in, label, locator, suffix string }{
		{"chaps. 3–4", "chapter", "3–4", ""},
		{"secs. 2.1–2.4, passim", "section", "2.1–2.4", "passim"},
		{"paras. 12, 14", "paragraph", "12, 14", ""},
		{"14.34", "page", "14.34", ""},
		{"pp. 823–25, emphasis added", "page", "823–25", "emphasis added"},
		{"vol. ii", "volume", "ii", ""},
		{"emphasis mine", "", "", "emphasis mine"},
	}
	for _, tt := range tests {
		label, loc, suffix := splitLocator(tt.in)
		if label != tt.label || loc != tt.locator || suffix != tt.suffix {
			t.Errorf("splitLocator(%q) = %q, %q, %q; want %q, %q, %q", tt.in, label, loc, suffix, tt.label, tt.locator, tt.suffix)
		}
	}
}
