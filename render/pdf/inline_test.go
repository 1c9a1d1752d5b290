package pdf

import (
	"strings"
	"testing"

	"samizdat/book"
)

// TestPunctBreak lists where code and web addresses may break: the text
// with a "|" at every place punctBreak allows.
func TestPunctBreak(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.gutenberg.org/ebooks/34901", "https://|www|.gutenberg|.org|/ebooks|/34901"},
		{"[Gutenberg](https://x.org/)", "[Gutenberg]|(https://|x.org|/)"},
		{"02-commands.md#cmd-check", "02-commands|.md|#cmd-check"},
		{"freely.[^n]", "freely|.[^n]"},
		{"a.b", "a.b"},
		{"key=value&x=1", "key|=value|&x|=1"},
		{"snake_case_name", "snake|_case|_name"},
		{"pdf: {page-size}", "pdf: {page-size}"},
		{"f(x)", "f(x)"},
		{"print(value)", "print|(value)"},
	}
	for _, tt := range tests {
		var b strings.Builder
		start := 0
		for i := range tt.in {
			if i > start {
				if k := punctBreak(tt.in, start, i); k > start {
					b.WriteString(tt.in[start:k] + "|")
					start = k
				}
			}
			if isSpace(rune(tt.in[i])) {
				b.WriteString(tt.in[start : i+1])
				start = i + 1
			}
		}
		b.WriteString(tt.in[start:])
		if got := b.String(); got != tt.want {
			t.Errorf("%q breaks as %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCodeBreaksKeepLinesTight sets, at A5, the handbook's sentence
// whose long web address in code left a line with gaping spaces: with
// breaks at the address's punctuation no line stretches its spaces past
// twice their width.
func TestCodeBreaksKeepLinesTight(t *testing.T) {
	T := func(s string) book.Inline { return &book.Text{Text: s} }
	para := &book.Paragraph{Inlines: []book.Inline{
		T("a web address, such as "), &book.Code{Text: "[Gutenberg](https://www.gutenberg.org/ebooks/34901)"},
		T("; another chapter, by its file name, with or without a heading id: "),
		&book.Code{Text: "[Commands](02-commands.md)"}, T(" or "), &book.Code{Text: "[checking](02-commands.md#cmd-check)"}, T("."),
	}}
	b := &book.Book{Meta: book.Metadata{Title: "Links", Lang: "en"},
		Parts:  []*book.Part{{Chapters: []*book.Chapter{{Kind: book.KindChapter, ID: "c", Title: []book.Inline{T("Links")}, Blocks: []book.Block{para}}}}},
		Output: book.OutputSettings{PageSize: "a5"}}
	doc, _ := mustLayout(t, b)
	fs := mustFaces(t)
	sz, _ := ParsePageSize("a5")
	ts := newTypesetter(b, fs, sz, Settings{})
	space := ts.width(FontRegular, " ", ts.geo.size)
	lines := 0
	for _, pg := range doc.Pages {
		var body []Text
		for _, tx := range pg.Texts {
			if tx.Role == RoleBody {
				body = append(body, tx)
			}
		}
		for i := 1; i < len(body); i++ {
			a, c := body[i-1], body[i]
			if c.Y != a.Y {
				lines++
				continue
			}
			if gap := c.X - (a.X + a.Width); gap > 2*space {
				t.Errorf("a gap of %.1f pt (a space is %.1f) between %q and %q", gap, space, a.Text, c.Text)
			}
		}
	}
	if lines < 3 {
		t.Fatalf("the paragraph made %d lines; the test needs a narrow measure", lines+1)
	}
}

// TestFit shortens running heads: the result fits, ends in an ellipsis
// when cut, and is the longest cut that fits.
func TestFit(t *testing.T) {
	fs := mustFaces(t)
	sz, _ := ParsePageSize("a5")
	ts := newTypesetter(&book.Book{}, fs, sz, Settings{})
	long := strings.Repeat("Sheets Passed Hand to Hand ", 200)
	for _, width := range []float64{0.5, 20, 100, 250} {
		got := ts.fit(FontItalic, long, 9, width)
		w := ts.width(FontItalic, got, 9)
		switch {
		case width < 1 && got != "":
			t.Errorf("width %v: %q, want nothing", width, got)
		case width >= 1 && (w > width || !strings.HasSuffix(got, "…")):
			t.Errorf("width %v: %q is %.1f wide", width, got, w)
		case width >= 1:
			n := len([]rune(got)) - 1 // without the ellipsis
			if longer := strings.TrimRight(string([]rune(long)[:n+1]), " ") + "…"; ts.width(FontItalic, longer, 9) <= width && longer != got {
				t.Errorf("width %v: %q fits, but so does the longer %q", width, got, longer)
			}
		}
	}
	if got := ts.fit(FontItalic, "Short", 9, 250); got != "Short" {
		t.Errorf("a title that fits became %q", got)
	}
}
