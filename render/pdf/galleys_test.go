package pdf

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// manyChapters is a book of chapters in several languages, with notes,
// and characters the font lacks in more than one chapter: enough
// divisions for several goroutines, and warnings that must come out once
// and in order.
func manyChapters() *book.Book {
	b := &book.Book{Meta: book.Metadata{Title: "Many Chapters", Lang: "en"}}
	part := &book.Part{}
	langs := []string{"en", "de", "xx-unknown", "fr", "en", "zz-other"}
	for i := range 14 {
		note := &book.Note{ID: fmt.Sprintf("n%d", i), Number: i + 1, Blocks: []book.Block{booktest.P(booktest.T("A note on chapter " + fmt.Sprint(i+1) + "."))}, Refs: 1}
		ch := &book.Chapter{
			ID: fmt.Sprintf("ch%d", i), Lang: langs[i%len(langs)],
			Title:  []book.Inline{booktest.T(fmt.Sprintf("Chapter %d", i+1))},
			Source: book.Pos{File: fmt.Sprintf("ch%d.md", i), Line: 1, Col: 1},
			Notes:  []*book.Note{note},
		}
		for j := range 12 {
			text := strings.Repeat("Every copy that left the room was read by more people than anyone could count, and some of them copied it out by hand. ", 2+j%3)
			ins := []book.Inline{booktest.T(text)}
			if j == 3 && i%4 != 1 {
				ins = append(ins, booktest.T(" 一"))
			}
			if j == 5 {
				ins = append(ins, &book.NoteRef{Note: note})
			}
			ch.Blocks = append(ch.Blocks, &book.Paragraph{Inlines: ins, Pos: book.Pos{File: ch.Source.File, Line: j + 3, Col: 1}})
		}
		part.Chapters = append(part.Chapters, ch)
	}
	b.Parts = []*book.Part{part}
	return b
}

func TestLayoutIsTheSameOnAnyNumberOfProcessors(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for name, mk := range map[string]func() *book.Book{"sample": booktest.Sample, "many chapters": manyChapters} {
		t.Run(name, func(t *testing.T) {
			var wantPDF []byte
			var wantWarns []string
			for _, procs := range []int{1, 2, 5} {
				runtime.GOMAXPROCS(procs)
				var warns []string
				var buf bytes.Buffer
				opt := render.Options{Date: testDate(), Warn: func(pos book.Pos, msg string) { warns = append(warns, pos.String()+": "+msg) }}
				if err := New().Render(&buf, mk(), opt); err != nil {
					t.Fatal(err)
				}
				if wantPDF == nil {
					wantPDF, wantWarns = buf.Bytes(), warns
					continue
				}
				if !bytes.Equal(buf.Bytes(), wantPDF) {
					t.Errorf("%d processors give other bytes than 1", procs)
				}
				if !slices.Equal(warns, wantWarns) {
					t.Errorf("%d processors warn\n%s\nwhere 1 warns\n%s", procs, strings.Join(warns, "\n"), strings.Join(wantWarns, "\n"))
				}
			}
			if name == "many chapters" {
				glyph := 0
				for _, w := range wantWarns {
					if strings.Contains(w, "U+4E00") {
						glyph++
						if !strings.HasPrefix(w, "ch0.md:") {
							t.Errorf("the missing glyph is first warned about at %s, want ch0.md", w)
						}
					}
				}
				if glyph != 1 {
					t.Errorf("%d warnings about U+4E00, want 1:\n%s", glyph, strings.Join(wantWarns, "\n"))
				}
			}
		})
	}
}
