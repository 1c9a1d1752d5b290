package pdf

import (
	"fmt"
	"math"

	"samizdat/book"
)

// This file holds the sheet arithmetic of imposition: which pages go on
// which side of which sheet, and where. It knows nothing of fonts or of
// the PDF writer; booklet.go lays the book out and draws the sheets.
//
// A booklet is printed on sheets twice the page size, two pages side by
// side, and folded once down the middle. Sheets folded together make a
// signature: the outermost sheet carries the first two and the last two
// pages of the signature, the innermost the middle four. The sheet file
// gives each sheet's front and then its back, so it is printed
// double-sided turning the sheet about its vertical edge as drawn: for
// the landscape 2-up sheets that is "flip on short edge", for the
// portrait 4-up sheets "flip on long edge" (the file's viewer
// preferences say which, and print dialogues that read them preselect
// it).

// spread is one side of a 2-up sheet: the pages (physical page numbers,
// from 1; 0 for none) on its left and right halves, and the depth of the
// sheet in its signature, 0 for the outermost, which sets its creep.
type spread struct {
	left, right int
	depth       int
}

// blank reports whether the spread carries no page at all.
func (s spread) blank() bool { return s.left == 0 && s.right == 0 }

// saddleStitch returns the sheet sides of a booklet of n pages, n a
// multiple of four, folded in signatures of sig sheets (0 or less: one
// signature of every sheet). Sides come in printing order: each sheet's
// front, then its back; the outermost sheet of a signature first;
// signature after signature. The last signature holds what is left and
// may have fewer sheets.
//
// On sheet k of a signature of m pages starting after page s, the front
// carries pages s+m−2k (left) and s+2k+1 (right), the back s+2k+2 (left)
// and s+m−2k−1 (right): each page's back is the page after it once the
// sheet is turned about its vertical edge.
func saddleStitch(n, sig int) []spread {
	per := n
	if sig > 0 {
		per = 4 * sig
	}
	out := make([]spread, 0, n/2)
	for s := 0; s < n; s += per {
		m := min(per, n-s)
		for k := 0; k < m/4; k++ {
			out = append(out,
				spread{left: s + m - 2*k, right: s + 2*k + 1, depth: k},
				spread{left: s + 2*k + 2, right: s + m - 2*k - 1, depth: k})
		}
	}
	return out
}

// Four-up arrangements: how two booklet sheet sides share one side of a
// sheet four times the page size.
const (
	// FourUpDouble prints every booklet sheet side twice, one copy above
	// the other. Cut each printed sheet across the middle: the two
	// halves are two copies of the same booklet sheet, so one run gives
	// two booklets.
	FourUpDouble = "double"
	// FourUpCutStack prints one booklet on half as many sheets. The
	// booklet's sheets are numbered 1…S from the outermost; with
	// M = ⌈S/2⌉ printed sheets, printed sheet j carries booklet sheet j
	// on its top half and booklet sheet M+j on its bottom half (blank
	// when there is no such sheet). To finish: keep the printed sheets in
	// the order printed, the first on top and fronts up; cut the whole
	// stack across the middle; put the pile of bottom halves under the
	// pile of top halves. The pile then holds booklet sheets 1…S from the
	// top, fronts up (a blank last half-sheet, if any, is waste). Fold it
	// — or each signature of it, taken from the top — with the top face
	// outside.
	FourUpCutStack = "cut-stack"
)

// arrange puts booklet sheet sides on the sides of the sheets printed:
// one spread per sheet side for 2-up; for 4-up two, top and bottom, as
// mode says (see FourUpDouble and FourUpCutStack). The result keeps the
// front-then-back order of sheets.
func arrange(sides []spread, up int, mode string) [][]spread {
	if up != 4 {
		out := make([][]spread, len(sides))
		for i, s := range sides {
			out[i] = []spread{s}
		}
		return out
	}
	if mode != FourUpCutStack {
		out := make([][]spread, len(sides))
		for i, s := range sides {
			out[i] = []spread{s, s}
		}
		return out
	}
	sheets := len(sides) / 2
	m := (sheets + 1) / 2
	side := func(sheet, face int) spread {
		if sheet >= sheets {
			return spread{}
		}
		return sides[2*sheet+face]
	}
	out := make([][]spread, 0, 2*m)
	for j := 0; j < m; j++ {
		for face := 0; face < 2; face++ {
			out = append(out, []spread{side(j, face), side(j+m, face)})
		}
	}
	return out
}

// Limits on imposition values, to catch a value given in the wrong unit
// (millimetres or microns for points).
const (
	maxBleed = 72  // one inch
	maxPaper = 2.8 // a millimetre: card, not paper
)

// CheckImposition returns imp with its defaults filled in (layout "booklet",
// 2-up, "double" when 4-up), or a book.Error at imp.Pos naming what is
// wrong: a layout other than "booklet", pages per side other than 2 or
// 4, an unknown four-up arrangement, a negative, non-finite or
// implausibly large signature, paper thickness or bleed.
func CheckImposition(imp book.Imposition) (book.Imposition, error) {
	bad := func(format string, args ...any) (book.Imposition, error) {
		return imp, book.Errorf(imp.Pos, format, args...)
	}
	switch imp.Layout {
	case "":
		imp.Layout = "booklet"
	case "booklet":
	default:
		return bad("unknown imposition layout %q: the one layout is \"booklet\"", imp.Layout)
	}
	switch imp.Up {
	case 0:
		imp.Up = 2
	case 2, 4:
	default:
		return bad("up: %d pages per sheet side: use 2 (sheets twice the page size) or 4 (four times)", imp.Up)
	}
	switch imp.FourUp {
	case "":
		if imp.Up == 4 {
			imp.FourUp = FourUpDouble
		}
	case FourUpDouble, FourUpCutStack:
	default:
		return bad("unknown four-up arrangement %q: use %q (two copies) or %q (one booklet, cut and stacked)", imp.FourUp, FourUpDouble, FourUpCutStack)
	}
	if imp.Signature < 0 {
		return bad("signature: %d sheets: a signature has at least one sheet (0 folds every sheet together)", imp.Signature)
	}
	for _, f := range []struct {
		name  string
		v     float64
		limit float64
	}{{"paper", imp.Paper, maxPaper}, {"bleed", imp.Bleed, maxBleed}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return bad("%s: %g pt: must be 0 or a positive length", f.name, f.v)
		}
		if f.v > f.limit {
			return bad("%s: %g pt is more than %g pt; lengths are in points (1 mm = 2.835 pt)", f.name, f.v, f.limit)
		}
	}
	return imp, nil
}

// markLength is how far crop marks reach out from the trim (beyond any
// bleed), and so the width of the slug they need around each booklet
// sheet; markGap keeps them clear of the trim itself.
const (
	markLength = 9
	markGap    = 2
	markWidth  = 0.25
)

// sheetGeometry places booklet sheet sides on a printed sheet.
type sheetGeometry struct {
	// page is the trimmed page's size.
	page Size
	// up is 2 or 4: one booklet sheet side per printed side, or two, one
	// above the other.
	up int
	// bleed is how far the area kept for a page's ink reaches past the
	// trim; slug is the room around each trimmed booklet sheet: the
	// bleed, and crop marks when asked.
	bleed, slug float64
	marks       bool
	// paper is the paper's thickness, for creep.
	paper float64
	// Width and Height are the printed sheet's size; origin is where the
	// first block (trimmed sheet with its slug) starts, which is off the
	// corner when a sheet is centred on a standard paper size.
	Size
	origin struct{ x, y float64 }
}

// newSheetGeometry works out the sheet for pages of size page imposed as
// imp (with defaults filled in). A sheet exactly twice (or four times)
// the page size and without slug is made the standard paper size it is
// within one per cent of, the blocks centred: two A5 pages side by side
// are 296 mm wide, a millimetre less than A4, and a printer asked to fit
// that to A4 would scale it.
func newSheetGeometry(page Size, imp book.Imposition) sheetGeometry {
	g := sheetGeometry{page: page, up: imp.Up, bleed: imp.Bleed, slug: imp.Bleed, marks: imp.CropMarks, paper: imp.Paper}
	if g.up != 4 {
		g.up = 2
	}
	if g.marks {
		g.slug += markLength
	}
	rows := float64(g.up / 2)
	g.Width = 2*page.Width + 2*g.slug
	g.Height = rows * (page.Height + 2*g.slug)
	if g.slug == 0 {
		if p, ok := standardPaper(g.Size); ok {
			g.origin.x = (p.Width - g.Width) / 2
			g.origin.y = (p.Height - g.Height) / 2
			g.Size = p
		}
	}
	return g
}

// standardPaper returns the paper size (A3 to A6, US Letter, Legal,
// Tabloid, either way round) that sz is within one per cent of and not
// larger than.
func standardPaper(sz Size) (Size, bool) {
	for _, p := range []Size{{841.89, 1190.55}, {595.28, 841.89}, {419.53, 595.28}, {297.64, 419.53}, {612, 792}, {612, 1008}, {792, 1224}} {
		for _, q := range []Size{p, {p.Height, p.Width}} {
			if sz.Width <= q.Width+0.01 && sz.Height <= q.Height+0.01 && sz.Width >= 0.99*q.Width && sz.Height >= 0.99*q.Height {
				return q, true
			}
		}
	}
	return Size{}, false
}

// trim returns the trim box of the i-th booklet sheet side on a printed
// side, from the top: two pages wide, one page high.
func (g sheetGeometry) trim(i int) Rect {
	blockH := g.page.Height + 2*g.slug
	return Rect{
		X: g.origin.x + g.slug,
		Y: g.origin.y + float64(i)*blockH + g.slug,
		W: 2 * g.page.Width,
		H: g.page.Height,
	}
}

// creep is how far the pages of a sheet at the given depth in its
// signature move toward the fold: half the paper's thickness for every
// sheet folded around it. The outermost sheet does not move; the
// innermost moves most. A sheet's leaves reach further out the deeper it
// lies, by about a thickness a sheet, and each of its two pages takes up
// half of that, so a spread in the middle of a 16-sheet signature of
// 0.1 mm paper moves 0.75 mm a side.
func (g sheetGeometry) creep(depth int) float64 {
	return float64(depth) * g.paper / 2
}

// offsets returns where the left and right pages of a spread at the
// given depth on the i-th block have their top left corners: on the trim
// box, moved toward the fold by the creep.
func (g sheetGeometry) offsets(i, depth int) (left, right struct{ x, y float64 }) {
	t := g.trim(i)
	c := g.creep(depth)
	left.x, left.y = t.X+c, t.Y
	right.x, right.y = t.X+g.page.Width-c, t.Y
	return left, right
}

// cropMarks returns hairline trim marks for the i-th block: at each
// corner of its trim box, one mark in line with each edge, and at the
// top and bottom of the fold, all outside the trim and the bleed.
func (g sheetGeometry) cropMarks(i int) []Rule {
	t := g.trim(i)
	from, to := g.bleed+markGap, g.bleed+markLength
	var out []Rule
	for _, x := range []float64{t.X, t.Right()} {
		for _, y := range []float64{t.Y, t.Bottom()} {
			sx, sy := 1.0, 1.0 // outward from the box
			if x == t.X {
				sx = -1
			}
			if y == t.Y {
				sy = -1
			}
			out = append(out,
				Rule{X1: x + sx*from, Y1: y, X2: x + sx*to, Y2: y, Thickness: markWidth},
				Rule{X1: x, Y1: y + sy*from, X2: x, Y2: y + sy*to, Thickness: markWidth})
		}
	}
	fold := t.X + g.page.Width
	return append(out,
		Rule{X1: fold, Y1: t.Y - from, X2: fold, Y2: t.Y - to, Thickness: markWidth},
		Rule{X1: fold, Y1: t.Bottom() + from, X2: fold, Y2: t.Bottom() + to, Thickness: markWidth})
}

// impose builds the printed sheet sides from laid-out pages: each side a
// page of the sheet's size holding the text, rules and images of its
// pages, moved into place. Links, anchors and outline entries stay
// behind: the sheet file is for printing only. Page numbers in sides
// index pages from 1; 0 leaves a half blank.
func impose(pages []*Page, sides [][]spread, g sheetGeometry) ([]*Page, error) {
	out := make([]*Page, 0, len(sides))
	for n, side := range sides {
		sheet := &Page{Width: g.Width, Height: g.Height, Number: n + 1, Folio: fmt.Sprint(n + 1)}
		sheet.Area = Rect{W: g.Width, H: g.Height}
		for i, s := range side {
			left, right := g.offsets(i, s.depth)
			for _, pl := range []struct {
				page int
				x, y float64
			}{{s.left, left.x, left.y}, {s.right, right.x, right.y}} {
				if pl.page == 0 {
					continue
				}
				if pl.page > len(pages) {
					return nil, fmt.Errorf("pdf: imposing page %d of a document of %d pages", pl.page, len(pages))
				}
				pg := pages[pl.page-1]
				sheet.add(&Content{Texts: pg.Texts, Rules: pg.Rules, Images: pg.Images}, pl.x, pl.y)
			}
			if g.marks && !s.blank() {
				sheet.Rules = append(sheet.Rules, g.cropMarks(i)...)
			}
		}
		out = append(out, sheet)
	}
	return out, nil
}
