package pdf

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
)

// printedSide is what one printed sheet side shows, as read off it: for
// each booklet sheet side on it, from the top, the labels of its left and
// right pages ("" for a blank half).
type printedSide [][2]string

// flipAxis is the axis a duplex printer turns the sheet about between
// its front and its back, as the sheet is drawn in the file.
type flipAxis int

const (
	// flipVertical turns the sheet about its vertical centre line: "flip
	// on short edge" for a landscape sheet, "long edge" for a portrait one.
	flipVertical flipAxis = iota
	// flipHorizontal turns it about its horizontal centre line.
	flipHorizontal
)

// leafFace is a page as it lies on a physical half-sheet: its label and
// whether it reads upright when the sheet is turned about its vertical
// edge, the way a folded booklet's leaves are turned.
type leafFace struct {
	label   string
	upright bool
}

// halfSheet is a physical sheet of two pages' width: its faces, indexed
// by position as seen from the front (0 left, 1 right). The back's
// position 1 lies behind the front's position 1.
type halfSheet struct {
	front, back [2]leafFace
}

// blank reports whether nothing is printed on either face.
func (h halfSheet) blank() bool {
	for _, f := range append(h.front[:], h.back[:]...) {
		if f.label != "" {
			return false
		}
	}
	return true
}

// foldSheets simulates what a reader of the sheet file does with the
// printout: prints the sides double-sided, turning each sheet about
// flip; cuts four-up sheets across the middle and gathers the halves as
// mode says (two piles for "double"; the pile of bottom halves under the
// pile of top halves for "cut-stack", a blank last half thrown away);
// takes each pile from the top, the printed fronts outward, in
// signatures of sig sheets (0: all); folds each signature in half and
// reads it leaf by leaf. It returns the page labels in reading order,
// one list per copy, or an error when a page would read upside down.
// It knows nothing of how the sides were worked out.
func foldSheets(sides []printedSide, mode string, sig int, flip flipAxis) ([][]string, error) {
	if len(sides)%2 != 0 {
		return nil, fmt.Errorf("%d sides: a sheet has two", len(sides))
	}
	rows := len(sides[0])
	piles := make([][]halfSheet, rows)
	for s := 0; s < len(sides); s += 2 {
		front, back := sides[s], sides[s+1]
		if len(front) != rows || len(back) != rows {
			return nil, fmt.Errorf("sheet %d: sides with %d and %d rows, want %d", s/2+1, len(front), len(back), rows)
		}
		pieces := make([]halfSheet, rows)
		for r := 0; r < rows; r++ {
			for c := 0; c < 2; c++ {
				pieces[r].front[c] = leafFace{front[r][c], true}
				switch flip {
				case flipVertical:
					// Left and right swap; top stays top.
					pieces[r].back[1-c] = leafFace{back[r][c], true}
				case flipHorizontal:
					// Top and bottom swap, the image turned upside down.
					pieces[rows-1-r].back[c] = leafFace{back[r][c], false}
				}
			}
		}
		for r := range pieces {
			piles[r] = append(piles[r], pieces[r])
		}
	}
	if rows == 2 && mode == FourUpCutStack {
		pile := append(piles[0], piles[1]...)
		for len(pile) > 0 && pile[len(pile)-1].blank() {
			pile = pile[:len(pile)-1]
		}
		piles = [][]halfSheet{pile}
	}
	var copies [][]string
	for _, pile := range piles {
		var order []string
		per := len(pile)
		if sig > 0 {
			per = sig
		}
		for start := 0; start < len(pile); start += per {
			group := pile[start:min(start+per, len(pile))]
			var faces []leafFace
			for _, h := range group {
				faces = append(faces, h.front[1], h.back[1])
			}
			for k := len(group) - 1; k >= 0; k-- {
				faces = append(faces, group[k].back[0], group[k].front[0])
			}
			for _, f := range faces {
				if !f.upright {
					return nil, fmt.Errorf("page %q reads upside down", f.label)
				}
				order = append(order, f.label)
			}
		}
		copies = append(copies, order)
	}
	return copies, nil
}

// printed turns arranged sheet sides into what they show.
func printed(sides [][]spread) []printedSide {
	label := func(p int) string {
		if p == 0 {
			return ""
		}
		return strconv.Itoa(p)
	}
	out := make([]printedSide, len(sides))
	for i, side := range sides {
		for _, s := range side {
			out[i] = append(out[i], [2]string{label(s.left), label(s.right)})
		}
	}
	return out
}

// countTo returns "1" … "n".
func countTo(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

// pairs lists spreads' (left, right) pages.
func pairs(ss []spread) [][2]int {
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.left, s.right}
	}
	return out
}

// TestSaddleStitchSides checks the sheet sides of small booklets against
// what a folded dummy shows: the outer sheet's front carries the last and
// first pages, its back the second and the second last, and so on inward.
func TestSaddleStitchSides(t *testing.T) {
	for _, tc := range []struct {
		pages, sig int
		want       [][2]int
		depths     []int
	}{
		{4, 0, [][2]int{{4, 1}, {2, 3}}, []int{0, 0}},
		{8, 0, [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}}, []int{0, 0, 1, 1}},
		{12, 0, [][2]int{{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}}, []int{0, 0, 1, 1, 2, 2}},
		{16, 2, [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}, {16, 9}, {10, 15}, {14, 11}, {12, 13}}, []int{0, 0, 1, 1, 0, 0, 1, 1}},
		// A last signature with fewer sheets: 12 pages in signatures of
		// two sheets are one of eight pages and one of four.
		{12, 2, [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}, {12, 9}, {10, 11}}, []int{0, 0, 1, 1, 0, 0}},
		// A signature larger than the booklet is the whole booklet.
		{8, 5, [][2]int{{8, 1}, {2, 7}, {6, 3}, {4, 5}}, []int{0, 0, 1, 1}},
	} {
		t.Run(fmt.Sprintf("%d-pages-sig-%d", tc.pages, tc.sig), func(t *testing.T) {
			got := saddleStitch(tc.pages, tc.sig)
			if !slices.Equal(pairs(got), tc.want) {
				t.Errorf("sides %v, want %v", pairs(got), tc.want)
			}
			var depths []int
			for _, s := range got {
				depths = append(depths, s.depth)
			}
			if !slices.Equal(depths, tc.depths) {
				t.Errorf("depths %v, want %v", depths, tc.depths)
			}
		})
	}
}

// TestSaddleStitchInvariants checks every booklet size the readback tests
// print: each page once; within a signature, the two pages of a side add
// up to the signature's first and last page; fronts carry an odd page on
// the right; sheets deepen by one toward the middle of each signature.
func TestSaddleStitchInvariants(t *testing.T) {
	for _, n := range []int{4, 8, 12, 16, 28, 64} {
		for _, sig := range []int{0, 1, 2, 4, 7} {
			t.Run(fmt.Sprintf("%d-sig-%d", n, sig), func(t *testing.T) {
				sides := saddleStitch(n, sig)
				if len(sides) != n/2 {
					t.Fatalf("%d sides for %d pages, want %d", len(sides), n, n/2)
				}
				seen := make([]int, n+1)
				per := n
				if sig > 0 {
					per = 4 * sig
				}
				for i, s := range sides {
					seen[s.left]++
					seen[s.right]++
					start := (min(s.left, s.right) - 1) / per * per
					last := min(start+per, n)
					if s.left+s.right != start+1+last {
						t.Errorf("side %d %v: pages add up to %d, want %d (signature %d–%d)", i+1, pairs([]spread{s}), s.left+s.right, start+1+last, start+1, last)
					}
					if i%2 == 0 && s.right%2 != 1 {
						t.Errorf("front %d carries page %d on the right, want an odd page", i/2+1, s.right)
					}
					if want := (s.right - start - 1) / 2; i%2 == 0 && s.depth != want {
						t.Errorf("sheet %d depth %d, want %d", i/2+1, s.depth, want)
					}
				}
				for p := 1; p <= n; p++ {
					if seen[p] != 1 {
						t.Errorf("page %d is printed %d times", p, seen[p])
					}
				}
			})
		}
	}
}

// TestFoldSimulation prints, cuts, stacks and folds the sheets of every
// booklet size, 2-up and 4-up, with and without signatures, and reads the
// result: it must be pages 1 … n in order, in every copy made.
func TestFoldSimulation(t *testing.T) {
	for _, n := range []int{4, 8, 12, 16, 28, 64} {
		for _, sig := range []int{0, 1, 3, 4} {
			for _, lay := range []struct {
				up     int
				mode   string
				copies int
			}{{2, "", 1}, {4, FourUpDouble, 2}, {4, FourUpCutStack, 1}} {
				t.Run(fmt.Sprintf("%d-sig-%d-%d-up-%s", n, sig, lay.up, lay.mode), func(t *testing.T) {
					sides := arrange(saddleStitch(n, sig), lay.up, lay.mode)
					copies, err := foldSheets(printed(sides), lay.mode, sig, flipVertical)
					if err != nil {
						t.Fatal(err)
					}
					if len(copies) != lay.copies {
						t.Fatalf("%d copies, want %d", len(copies), lay.copies)
					}
					for i, c := range copies {
						if !slices.Equal(c, countTo(n)) {
							t.Errorf("copy %d reads %v, want 1 … %d", i+1, c, n)
						}
					}
				})
			}
		}
	}
}

// TestFoldSimulationCatchesMistakes shows that the simulation tells a
// wrong imposition or a wrong printer setting from a right one.
func TestFoldSimulationCatchesMistakes(t *testing.T) {
	swapBacks := func(sides []printedSide) []printedSide {
		out := slices.Clone(sides)
		for i := 1; i < len(out); i += 2 {
			out[i] = printedSide{{sides[i][0][1], sides[i][0][0]}}
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		sides []printedSide
		sig   int
		flip  flipAxis
	}{
		{"long-edge-flip-of-a-landscape-sheet", printed(arrange(saddleStitch(16, 0), 2, "")), 0, flipHorizontal},
		{"backs-mirrored", swapBacks(printed(arrange(saddleStitch(16, 0), 2, ""))), 0, flipVertical},
		{"folded-as-one-signature", printed(arrange(saddleStitch(16, 2), 2, "")), 0, flipVertical},
		{"cut-stack-short-edge-flip", printed(arrange(saddleStitch(16, 0), 4, FourUpCutStack)), 0, flipHorizontal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			copies, err := foldSheets(tc.sides, FourUpCutStack, tc.sig, tc.flip)
			if err != nil {
				return // upside down: caught
			}
			for _, c := range copies {
				if slices.Equal(c, countTo(16)) {
					t.Errorf("the simulation reads a wrong printout as right: %v", c)
				}
			}
		})
	}
}

// TestCutStackOrder checks the cut-and-stack arrangement directly: with
// M printed sheets, sheet j carries booklet sheet j on top and M+j below.
func TestCutStackOrder(t *testing.T) {
	for _, n := range []int{4, 8, 12, 28} {
		booklet := saddleStitch(n, 0)
		sheets := n / 4
		m := (sheets + 1) / 2
		got := arrange(booklet, 4, FourUpCutStack)
		if len(got) != 2*m {
			t.Fatalf("%d pages: %d printed sides, want %d", n, len(got), 2*m)
		}
		for j := 0; j < m; j++ {
			for face := 0; face < 2; face++ {
				side := got[2*j+face]
				if side[0] != booklet[2*j+face] {
					t.Errorf("%d pages, printed sheet %d face %d: top %v, want booklet sheet %d", n, j+1, face, side[0], j+1)
				}
				var want spread
				if j+m < sheets {
					want = booklet[2*(j+m)+face]
				}
				if side[1] != want {
					t.Errorf("%d pages, printed sheet %d face %d: bottom %v, want %v", n, j+1, face, side[1], want)
				}
			}
		}
	}
}

// TestCheckImposition checks defaults and that every bad value is an
// error at the imposition's position.
func TestCheckImposition(t *testing.T) {
	pos := book.Pos{File: "book.yaml", Line: 7, Col: 3}
	good := []struct {
		in, want book.Imposition
	}{
		{book.Imposition{}, book.Imposition{Layout: "booklet", Up: 2}},
		{book.Imposition{Layout: "booklet", Up: 4}, book.Imposition{Layout: "booklet", Up: 4, FourUp: FourUpDouble}},
		{book.Imposition{Up: 4, FourUp: FourUpCutStack, Signature: 3, Paper: 0.3, Bleed: 8.5, CropMarks: true},
			book.Imposition{Layout: "booklet", Up: 4, FourUp: FourUpCutStack, Signature: 3, Paper: 0.3, Bleed: 8.5, CropMarks: true}},
	}
	for _, tc := range good {
		got, err := CheckImposition(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("CheckImposition(%+v) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	bad := []struct {
		in   book.Imposition
		want string
	}{
		{book.Imposition{Layout: "perfect"}, `unknown imposition layout "perfect"`},
		{book.Imposition{Up: 3}, "up: 3"},
		{book.Imposition{Up: -2}, "up: -2"},
		{book.Imposition{Up: 4, FourUp: "twice"}, `unknown four-up arrangement "twice"`},
		{book.Imposition{Signature: -1}, "signature: -1"},
		{book.Imposition{Paper: -0.1}, "paper: -0.1 pt"},
		{book.Imposition{Paper: math.NaN()}, "paper: NaN pt"},
		{book.Imposition{Paper: 100}, "paper: 100 pt is more than"},
		{book.Imposition{Bleed: -3}, "bleed: -3 pt"},
		{book.Imposition{Bleed: math.Inf(1)}, "bleed: +Inf pt"},
		{book.Imposition{Bleed: 300}, "bleed: 300 pt is more than"},
	}
	for _, tc := range bad {
		tc.in.Pos = pos
		_, err := CheckImposition(tc.in)
		be, ok := err.(*book.Error)
		if !ok {
			t.Errorf("CheckImposition(%+v) = %v, want a *book.Error", tc.in, err)
			continue
		}
		if be.Pos != pos || !strings.Contains(be.Error(), "book.yaml:7:3: "+tc.want) {
			t.Errorf("CheckImposition(%+v) = %q, want %q at book.yaml:7:3", tc.in, be.Error(), tc.want)
		}
	}
}

// TestSheetSizes checks that sheets are twice (or four times) the page,
// on the standard paper they nearly are, and grow by the bleed and the
// crop marks' slug.
func TestSheetSizes(t *testing.T) {
	a4 := Size{595.28, 841.89}
	for _, tc := range []struct {
		page string
		imp  book.Imposition
		want Size
	}{
		{"a5", book.Imposition{Up: 2}, Size{a4.Height, a4.Width}},
		{"a6", book.Imposition{Up: 2}, Size{595.28, 419.53}},
		{"5.5x8.5in", book.Imposition{Up: 2}, Size{792, 612}},
		{"a6", book.Imposition{Up: 4}, a4},
		{"6x9in", book.Imposition{Up: 2}, Size{12 * 72, 9 * 72}},
		{"a6", book.Imposition{Up: 2, Bleed: 9}, Size{2*297.64 + 18, 419.53 + 18}},
		{"a6", book.Imposition{Up: 2, CropMarks: true}, Size{2*297.64 + 2*markLength, 419.53 + 2*markLength}},
		{"a6", book.Imposition{Up: 4, Bleed: 9, CropMarks: true}, Size{2*297.64 + 2*(9+markLength), 2 * (419.53 + 2*(9+markLength))}},
	} {
		sz, err := ParsePageSize(tc.page)
		if err != nil {
			t.Fatal(err)
		}
		g := newSheetGeometry(sz, tc.imp)
		if math.Abs(g.Width-tc.want.Width) > 0.01 || math.Abs(g.Height-tc.want.Height) > 0.01 {
			t.Errorf("%s %+v: sheet %.2f × %.2f, want %.2f × %.2f", tc.page, tc.imp, g.Width, g.Height, tc.want.Width, tc.want.Height)
		}
		// The trimmed booklet sheets lie centred across the sheet.
		for i := 0; i < tc.imp.Up/2; i++ {
			tr := g.trim(i)
			if math.Abs(tr.X+tr.W/2-g.Width/2) > 0.01 || tr.W != 2*sz.Width || tr.H != sz.Height {
				t.Errorf("%s %+v: trim %d is %+v on a %.2f wide sheet", tc.page, tc.imp, i, tr, g.Width)
			}
		}
	}
}

// TestCreepOffsets checks that pages move toward the fold by half the
// paper's thickness per sheet outside them, and that the outermost sheet
// does not move.
func TestCreepOffsets(t *testing.T) {
	sz := Size{297.64, 419.53}
	g := newSheetGeometry(sz, book.Imposition{Up: 2, Paper: 0.4})
	tr := g.trim(0)
	for _, s := range saddleStitch(32, 0) {
		left, right := g.offsets(0, s.depth)
		shift := 0.2 * float64(s.depth)
		if math.Abs(left.x-(tr.X+shift)) > 1e-9 || math.Abs(right.x-(tr.X+sz.Width-shift)) > 1e-9 {
			t.Errorf("depth %d: pages at %.3f and %.3f, want %.3f and %.3f", s.depth, left.x, right.x, tr.X+shift, tr.X+sz.Width-shift)
		}
	}
	if d := saddleStitch(32, 0)[15].depth; d != 7 {
		t.Errorf("innermost sheet of 32 pages at depth %d, want 7", d)
	}
}

// TestCropMarks checks that the marks lie outside the trim and the bleed,
// inside the sheet, and line up with the trim's corners and the fold.
func TestCropMarks(t *testing.T) {
	sz := Size{297.64, 419.53}
	for _, imp := range []book.Imposition{{Up: 2, CropMarks: true}, {Up: 4, CropMarks: true, Bleed: 8.5}} {
		g := newSheetGeometry(sz, imp)
		for i := 0; i < imp.Up/2; i++ {
			tr := g.trim(i)
			marks := g.cropMarks(i)
			if len(marks) != 10 {
				t.Errorf("%+v block %d: %d marks, want 10 (two at each corner, two at the fold)", imp, i, len(marks))
			}
			aligned := map[float64]int{}
			for _, m := range marks {
				for _, p := range [][2]float64{{m.X1, m.Y1}, {m.X2, m.Y2}} {
					dx := max(tr.X-p[0], p[0]-tr.Right(), 0)
					dy := max(tr.Y-p[1], p[1]-tr.Bottom(), 0)
					if math.Max(dx, dy) < imp.Bleed+markGap-1e-9 {
						t.Errorf("%+v: mark end %v inside the trim or bleed %+v", imp, p, tr)
					}
					if p[0] < 0 || p[1] < 0 || p[0] > g.Width || p[1] > g.Height {
						t.Errorf("%+v: mark end %v off the %.1f × %.1f sheet", imp, p, g.Width, g.Height)
					}
				}
				if m.X1 == m.X2 {
					aligned[m.X1]++
				}
			}
			if aligned[tr.X] != 2 || aligned[tr.Right()] != 2 || aligned[tr.X+sz.Width] != 2 {
				t.Errorf("%+v: vertical marks at %v, want two each at %.2f, %.2f (fold) and %.2f", imp, aligned, tr.X, tr.X+sz.Width, tr.Right())
			}
		}
	}
}
