package pdf

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/book/load"
	"samizdat/render"
)

// testDate is the build date of every test render.
func testDate() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }

// vocabulary is the words of the generated stress book.
const vocabulary = `the press village sheet mill door printing came late and quietly notice
	pasted second louder third seized admired reading archive setting command liberty know utter argue
	freely according conscience above all liberties reader holds lamp coast wind keeps presses cold
	pamphlet broadside folded stapled self-published passed hand typesetter compositor galley forme
	chase quoin ink roller platen tympan frisket — long-suffering, unremarkable; “quoted” words.`

// prose returns n words of deterministic filler text.
func prose(r *rand.Rand, n int) string {
	words := strings.Fields(vocabulary)
	out := make([]string, n)
	for i := range out {
		out[i] = words[r.IntN(len(words))]
	}
	rs := []rune(strings.Join(out, " "))
	return strings.ToUpper(string(rs[:1])) + string(rs[1:]) + "."
}

// stressBook makes a book that pushes the page builder: long chapters
// with many notes, a note longer than a page, headings everywhere, words
// longer than the measure, wide tables and long code lines.
func stressBook(placement book.NotePlacement, pageSize string) *book.Book {
	r := rand.New(rand.NewPCG(1, 2))
	T := booktest.T
	var chapters []*book.Chapter
	for c := 1; c <= 3; c++ {
		ch := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("ch%d", c), Title: []book.Inline{T(fmt.Sprintf("Chapter %d: %s", c, prose(r, 3)))},
			Source: book.Pos{File: fmt.Sprintf("ch%d.md", c), Line: 1}}
		noteN := 0
		newNote := func(words int) *book.Note {
			noteN++
			n := &book.Note{ID: fmt.Sprintf("ch%d-n%d", c, noteN), Refs: 1}
			for words > 0 {
				k := min(words, 60)
				n.Blocks = append(n.Blocks, booktest.P(T(prose(r, k))))
				words -= k
			}
			ch.Notes = append(ch.Notes, n)
			return n
		}
		for i := 0; i < 40; i++ {
			if i%6 == 5 {
				ch.Blocks = append(ch.Blocks, &book.Heading{Level: 2 + i%3, ID: fmt.Sprintf("h-%d-%d", c, i), Inlines: []book.Inline{T(prose(r, 2+r.IntN(8)))}})
			}
			ins := []book.Inline{T(prose(r, 20+r.IntN(90)))}
			if i%3 == 0 {
				words := 10 + r.IntN(40)
				if c == 2 && i == 9 {
					words = 1200 // longer than any page
				}
				ins = append(ins, &book.NoteRef{Note: newNote(words), Index: 1}, T(" "+prose(r, 5+r.IntN(30))))
			}
			if i%7 == 3 {
				ins = append(ins, T(" Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft"+
					"unterbeamtengesellschaftshauptbetriebswerkbauunterbeamten ends it."))
			}
			if i%11 == 4 {
				ins = append(ins, T(" See "), &book.Link{URL: "https://example.org/a/very/long/path/that/goes/on/and/on/for/ever", Inlines: []book.Inline{T("https://example.org/a/very/long/path/that/goes/on/and/on/for/ever")}}, T("."))
			}
			ch.Blocks = append(ch.Blocks, booktest.P(ins...))
			switch i {
			case 12:
				ch.Blocks = append(ch.Blocks, &book.BlockQuote{Blocks: []book.Block{booktest.P(T(prose(r, 60)))}, Source: &book.NoteRef{Note: newNote(20), Index: 1}})
			case 20:
				ch.Blocks = append(ch.Blocks, &book.CodeBlock{Text: "func main() {\n\tfmt.Println(\"" + strings.Repeat("a very long string ", 8) + "\")\n}\n"})
			case 24:
				row := func(n int) [][]book.Inline {
					var cells [][]book.Inline
					for k := 0; k < 4; k++ {
						cells = append(cells, []book.Inline{T(prose(r, n))})
					}
					return cells
				}
				ch.Blocks = append(ch.Blocks, &book.Table{Head: row(2), Rows: [][][]book.Inline{row(12), row(3), row(20)}})
			case 30:
				ch.Blocks = append(ch.Blocks, &book.List{Ordered: true, Start: 1, Items: []book.ListItem{
					{Blocks: []book.Block{booktest.P(T(prose(r, 40)))}}, {Blocks: []book.Block{booktest.P(T(prose(r, 30)))}},
				}})
			}
		}
		chapters = append(chapters, ch)
	}
	b := &book.Book{
		Meta: book.Metadata{Title: "Stress", Authors: []book.Person{{Name: "A. Tester"}}, Lang: "en"},
		Front: []*book.Chapter{
			{Kind: book.KindHalfTitle, ID: "half-title"},
			{Kind: book.KindTitlePage, ID: "title-page"},
			{Kind: book.KindContents, ID: "contents"},
		},
		Parts:  []*book.Part{{ID: "body", Chapters: chapters}},
		Back:   []*book.Chapter{{Kind: book.KindNotes, ID: "notes"}},
		Notes:  book.NoteSettings{Placement: placement},
		Output: book.OutputSettings{PageSize: pageSize},
	}
	book.NumberNotes(b)
	return b
}

// layoutCase is a book and page size to lay out.
type layoutCase struct {
	name string
	book func(testing.TB) *book.Book
}

// manuscript returns a sample book from manuscripts/, loaded as the
// build loads it, to be laid out at a page size.
func manuscript(name, size string) func(testing.TB) *book.Book {
	return func(t testing.TB) *book.Book {
		t.Helper()
		res, err := load.Load(filepath.Join("..", "..", "manuscripts", name))
		if err != nil {
			t.Fatalf("loading %s: %v", name, err)
		}
		res.Book.Output.PageSize = size
		return res.Book
	}
}

// layoutCases are the books the layout tests run on.
func layoutCases() []layoutCase {
	sample := func(size string, p book.NotePlacement) func(testing.TB) *book.Book {
		return func(testing.TB) *book.Book {
			b := booktest.Sample()
			b.Output.PageSize = size
			b.Notes.Placement = p
			if p == book.PlaceBookEnd {
				b.Back = append([]*book.Chapter{{Kind: book.KindNotes, ID: "notes"}}, b.Back...)
			}
			return b
		}
	}
	stress := func(size string, p book.NotePlacement) func(testing.TB) *book.Book {
		return func(testing.TB) *book.Book { return stressBook(p, size) }
	}
	return []layoutCase{
		{"sample-a5", sample("a5", book.PlaceFootnotes)},
		{"sample-a6", sample("a6", book.PlaceFootnotes)},
		{"sample-a4-chapter-end", sample("a4", book.PlaceChapterEnd)},
		{"sample-letter-book-end", sample("letter", book.PlaceBookEnd)},
		{"stress-a5", stress("a5", book.PlaceFootnotes)},
		{"stress-a6", stress("a6", book.PlaceFootnotes)},
		{"stress-6x9in", stress("6x9in", book.PlaceFootnotes)},
		{"stress-a5-chapter-end", stress("a5", book.PlaceChapterEnd)},
		{"stress-a5-book-end", stress("a5", book.PlaceBookEnd)},
		{"handbook-a5", manuscript("handbook", "a5")},
		{"handbook-a6", manuscript("handbook", "a6")},
		{"pamphlet-a5", manuscript("pamphlet", "a5")},
		{"pamphlet-a6", manuscript("pamphlet", "a6")},
	}
}

// mustLayout lays out a book, failing the test on error, and returns the
// document and the warnings given.
func mustLayout(t *testing.T, b *book.Book) (*Document, []string) {
	t.Helper()
	var warns []string
	doc, err := Layout(b, render.Options{Date: testDate(), Warn: func(p book.Pos, m string) { warns = append(warns, p.String()+": "+m) }})
	if err != nil {
		t.Fatalf("Layout: %v", err)
	}
	return doc, warns
}

// mustFaces loads the default faces and Go Mono.
func mustFaces(t *testing.T) faces {
	t.Helper()
	fs, err := loadFaces(nil)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}
