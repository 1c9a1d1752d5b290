// Package pdf renders a book as a print PDF: front matter, parts and
// chapters on pages of the manifest's size, with running heads, folios,
// footnotes at the page foot (or notes at chapter or book end), a linked
// contents, bookmarks and embedded, subset fonts.
//
// The work is in two steps, as in Typst. Layout turns the book into plain
// data — pages of positioned text runs, rules, images, links and anchors —
// and knows nothing of the PDF writer; draw writes those pages with fpdf.
// Lines are broken greedily and justified; the breaker sits behind the
// lineBreaker interface so that a Knuth–Plass breaker can replace it.
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
	sz, err := ParsePageSize(b.Output.PageSize)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	fs, err := loadFaces(opt.Fonts)
	if err != nil {
		return err
	}
	doc, err := layout(b, fs, sz, opt, settingsFor(b, r.Settings))
	if err != nil {
		return err
	}
	return draw(w, doc, fs, b.Meta, opt.Date)
}

// The renderer implements render.Renderer.
var _ render.Renderer = (*Renderer)(nil)
