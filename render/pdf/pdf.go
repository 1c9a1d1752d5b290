// Package pdf renders a book as a print PDF: front matter, parts and
// chapters on pages of the manifest's size, with running heads, folios,
// footnotes at the page foot (or notes at chapter or book end), a linked
// contents, bookmarks and embedded, subset fonts.
//
// The work is in two steps, as in Typst. Layout turns the book into plain
// data — pages of positioned text runs, rules, images, links and anchors —
// and knows nothing of the PDF writer; draw writes those pages with fpdf.
//
// Layout follows TeX. Inline text becomes a horizontal list of Box, Glue
// and Penalty items (inline.go): words cut into syllables at the
// hyphenation points of Liang's patterns for the chapter's language
// (package hyphen), kerned, with f-ligatures (shaping.go). Paragraphs are
// broken by Knuth and Plass's total-fit method, by badness and demerits
// in fitness classes, in three passes of growing tolerance so that no
// line runs past the measure (knuthplass.go). The lines go into one
// vertical list, the galley (galley.go), which the page builder cuts into
// pages, keeping notes on the page of their first reference, headings
// with what follows and paragraphs' first and last two lines together
// (pages.go).
package pdf

import (
	"fmt"
	"io"

	"samizdat/book"
	"samizdat/render"
)

// Renderer writes books as PDF. It holds only settings; one value may
// render any number of books.
type Renderer struct {
	// Settings are print settings the book model does not carry yet.
	Settings Settings
}

// New returns the PDF renderer.
func New() *Renderer { return &Renderer{} }

// Name returns "pdf", the format's name on the command line.
func (*Renderer) Name() string { return "pdf" }

// Extension returns ".pdf".
func (*Renderer) Extension() string { return ".pdf" }

// Render lays the book out and writes it as a PDF to w. Two renders of
// one book with the same options give the same bytes: the creation and
// modification dates are opt.Date.
func (r *Renderer) Render(w io.Writer, b *book.Book, opt render.Options) error {
	sz, fs, err := prepare(b, opt)
	if err != nil {
		return err
	}
	// The pages' text is written as the paginator finishes them, on
	// another goroutine, and their runs let go: the pages of a long
	// book no longer pile up in memory until they are drawn.
	early := startEarlyTexts(fs)
	doc, err := layoutSeeing(b, fs, sz, opt, settingsFor(b, r.Settings), early)
	early.close()
	if err != nil {
		return err
	}
	return draw(w, doc, fs, b.Meta, opt.Date, early)
}

// prepare reads what every layout of b needs: the page size and the
// faces.
func prepare(b *book.Book, opt render.Options) (Size, faces, error) {
	sz, err := ParsePageSize(b.Output.PageSize)
	if err != nil {
		return Size{}, faces{}, fmt.Errorf("pdf: %w", err)
	}
	fs, err := loadFaces(opt.Fonts)
	return sz, fs, err
}

// The renderer implements render.Renderer.
var _ render.Renderer = (*Renderer)(nil)
