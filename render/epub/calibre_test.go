package epub

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/internal/readback"
	"samizdat/internal/tooltest"
)

// TestCalibre converts each book to plain text with calibre's
// ebook-convert, an independent EPUB reader, and checks that the text
// holds every paragraph, heading, quotation and note of every chapter in
// order, every division's title, and the text of the front and back
// matter.
func TestCalibre(t *testing.T) {
	conv := tooltest.Require(t, "ebook-convert")
	for _, nb := range toolBooks(t) {
		t.Run(nb.name, func(t *testing.T) {
			t.Parallel() // one calibre process per book
			in := writeEPUB(t, nb.name, nb.book)
			out := filepath.Join(t.TempDir(), nb.name+".txt")
			cmd := exec.Command(conv, in, out)
			// calibre is a Qt program; it must not look for a display.
			cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen", "HOME="+t.TempDir())
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("ebook-convert: %v\n%s", err, msg)
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			// Plain text has no images: an inline image's alternative text
			// is not read back (a figure's caption is).
			dropInlineImageAlt(nb.book)
			want := readback.Expect(nb.book)
			s := readback.NewStream(text)
			if err := s.InOrder(want.Body); err != nil {
				t.Errorf("body: %v", err)
			}
			if err := s.InOrder(want.Notes); err != nil {
				t.Errorf("notes: %v", err)
			}
			norm := readback.Normalize(text)
			chapters := 0
			for _, ch := range nb.book.AllChapters() {
				if ch.Kind == book.KindChapter {
					chapters++
				}
				title := readback.Normalize(book.PlainText(ch.Title))
				if title != "" && !strings.Contains(norm, title) {
					t.Errorf("the title of %s (%s) is missing", ch.ID, book.PlainText(ch.Title))
				}
				// Body chapters were checked in order above; front and back
				// matter with text of its own is checked here.
				if ch.Kind == book.KindChapter || ch.Kind.Generated() && ch.Kind != book.KindBibliography {
					continue
				}
				for _, bl := range ch.Blocks {
					for _, ins := range book.BlockInlines(bl) {
						if w := readback.Normalize(book.PlainText(ins)); !strings.Contains(norm, w) {
							t.Errorf("%s: text %q is missing", ch.ID, book.PlainText(ins))
						}
					}
				}
			}
			if chapters == 0 {
				t.Errorf("the book has no chapters to check")
			}
		})
	}
}

// dropInlineImageAlt clears the alternative text of images inside
// paragraphs, cells and headings, which a plain-text conversion leaves
// out.
func dropInlineImageAlt(b *book.Book) {
	drop := func(blocks []book.Block) {
		book.WalkBlocks(blocks, func(bl book.Block) bool {
			for _, ins := range book.BlockInlines(bl) {
				book.WalkInlines(ins, func(in book.Inline) {
					if im, ok := in.(*book.Image); ok {
						im.Alt = ""
					}
				})
			}
			return true
		})
	}
	for _, ch := range b.AllChapters() {
		drop(ch.Blocks)
		for _, n := range ch.Notes {
			drop(n.Blocks)
		}
	}
}
