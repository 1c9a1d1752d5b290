package pdf

import (
	"io"

	"samizdat/book"
	"samizdat/render"
)

// Booklet writes a book as an imposed sheet file for printing and
// folding: the pages the "pdf" renderer makes, in saddle-stitch order on
// sheets twice (or four times) the page size, as b.Output.Impose asks
// (see CheckImposition and impose.go). It holds only settings.
type Booklet struct {
	// Settings are print settings the book model does not carry, as for
	// Renderer: both renderers lay a book out alike.
	Settings Settings
}

// NewBooklet returns the booklet renderer.
func NewBooklet() *Booklet { return &Booklet{} }

// Name returns "booklet".
func (*Booklet) Name() string { return "booklet" }

// Extension returns "-booklet.pdf": the sheet file is written beside the
// reader's PDF, as SLUG-booklet.pdf.
func (*Booklet) Extension() string { return "-booklet.pdf" }

// Render lays the book out as Renderer does — same page size, margins,
// fonts and settings — with blank pages before the back matter to make a
// multiple of four (Settings.Booklet, which Renderer follows too when the
// book asks for imposition, so both files show the same folios), imposes
// the pages on sheets and writes the sheets as a PDF. A bad imposition
// setting is a book.Error at its position. Two renders of one book give
// the same bytes.
func (r *Booklet) Render(w io.Writer, b *book.Book, opt render.Options) error {
	imp, err := CheckImposition(b.Output.Impose)
	if err != nil {
		return err
	}
	sz, fs, err := prepare(b, opt)
	if err != nil {
		return err
	}
	set := settingsFor(b, r.Settings)
	set.Booklet = true
	doc, err := layout(b, fs, sz, opt, set)
	if err != nil {
		return err
	}
	g := newSheetGeometry(sz, imp)
	sides := saddleStitch(len(doc.Pages), imp.Signature)
	if inner := newGeometry(sz).withMargins(b.Output.Margins).inner; len(sides) > 0 {
		deepest := 0
		for _, s := range sides {
			deepest = max(deepest, s.depth)
		}
		if c := g.creep(deepest); c > inner/2 {
			opt.Warnf(imp.Pos, "creep moves the innermost pages %.1f pt toward the fold, more than half the %.0f pt inner margin: use signatures of fewer sheets", c, inner)
		}
	}
	sheets, err := impose(doc.Pages, arrange(sides, imp.Up, imp.FourUp), g)
	if err != nil {
		return err
	}
	return draw(w, &Document{Pages: sheets, Lang: doc.Lang}, fs, b.Meta, opt.Date, nil, viewerPreferences(imp))
}

// viewerPreferences is the catalogue entry that tells a print dialogue
// how the sheets are to be printed: at their size, not fitted to the
// paper, and double-sided turning about the sheet's vertical edge — the
// short edge of a landscape 2-up sheet, the long edge of a portrait 4-up
// one.
func viewerPreferences(imp book.Imposition) string {
	flip := "/DuplexFlipShortEdge"
	if imp.Up == 4 {
		flip = "/DuplexFlipLongEdge"
	}
	return "/ViewerPreferences << /PrintScaling /None /Duplex " + flip + " >>"
}

// The booklet renderer implements render.Renderer.
var _ render.Renderer = (*Booklet)(nil)
