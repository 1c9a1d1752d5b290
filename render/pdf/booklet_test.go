package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/internal/tooltest"
	"samizdat/render"
)

// leafBook makes a book of chapters one page each, titled "Leaf" and
// without a digit in their text, so that a page's only number is its
// folio; with back, a one-page colophon follows as back matter.
func leafBook(chapters int, back bool, size string, imp book.Imposition) *book.Book {
	T := booktest.T
	var chs []*book.Chapter
	for i := 1; i <= chapters; i++ {
		chs = append(chs, &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("leaf-%d", i), Title: []book.Inline{T("Leaf")},
			Blocks: []book.Block{booktest.P(T("A short page of a booklet, to be printed, folded and read back."))}})
	}
	b := &book.Book{
		Meta:   book.Metadata{Title: "Leaves", Lang: "en"},
		Parts:  []*book.Part{{ID: "body", Chapters: chs}},
		Output: book.OutputSettings{PageSize: size, Impose: imp},
	}
	if back {
		b.Back = []*book.Chapter{{Kind: book.KindColophon, ID: "colophon", Title: []book.Inline{T("Colophon")},
			Blocks: []book.Block{booktest.P(T("Set for the imposition tests."))}}}
	}
	return b
}

// renderTo renders b with r into a file in dir and returns its path.
func renderTo(t *testing.T, r render.Renderer, b *book.Book, dir, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(&buf, b, render.Options{Date: testDate()}); err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// boxWord is a word as pdftotext -bbox reads it, with its box.
type boxWord struct {
	x0, y0, x1, y1 float64
	text           string
}

// boxPage is a page's size and words.
type boxPage struct {
	w, h  float64
	words []boxWord
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// readBoxes reads every page's words with their boxes.
func readBoxes(t *testing.T, path string) []boxPage {
	t.Helper()
	out := tooltest.Run(t, "pdftotext", "-bbox", path, "-")
	var pages []boxPage
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("pdftotext -bbox: %v", err)
		}
		return f
	}
	for _, line := range strings.Split(out, "\n") {
		if m := bboxPage.FindStringSubmatch(line); m != nil {
			pages = append(pages, boxPage{w: num(m[1]), h: num(m[2])})
			continue
		}
		if m := bboxWord.FindStringSubmatch(line); m != nil && len(pages) > 0 {
			p := &pages[len(pages)-1]
			p.words = append(p.words, boxWord{num(m[1]), num(m[2]), num(m[3]), num(m[4]), html.UnescapeString(m[5])})
		}
	}
	return pages
}

// cell is one page's place on a sheet side.
type cell struct {
	Rect
	words []boxWord
}

// cells cuts a sheet side into rows × 2 page places at its centre lines
// and sorts its words into them by their centres.
func cells(p boxPage, rows int) [][2]cell {
	out := make([][2]cell, rows)
	for r := range out {
		for c := range 2 {
			out[r][c].Rect = Rect{X: float64(c) * p.w / 2, Y: float64(r) * p.h / float64(rows), W: p.w / 2, H: p.h / float64(rows)}
		}
	}
	for _, w := range p.words {
		c := min(int((w.x0+w.x1)/2/(p.w/2)), 1)
		r := min(int((w.y0+w.y1)/2/(p.h/float64(rows))), rows-1)
		out[r][c].words = append(out[r][c].words, w)
	}
	return out
}

// folioLabel reads a page place as the leaf book prints it: "" when
// nothing is printed there, else the folio at the page's foot — the one
// word of digits, in the lowest fifth of the place — with " colophon"
// added on the colophon's page.
func folioLabel(c cell) (string, error) {
	if len(c.words) == 0 {
		return "", nil
	}
	folio, colophon := "", false
	for _, w := range c.words {
		if w.text == "Colophon" {
			colophon = true
		}
		if _, err := strconv.Atoi(w.text); err != nil {
			continue
		}
		if folio != "" {
			return "", fmt.Errorf("two numbers, %s and %s", folio, w.text)
		}
		if w.y0 < c.Y+0.8*c.H {
			return "", fmt.Errorf("number %s at y %.1f, above the foot of the page place %+v", w.text, w.y0, c.Rect)
		}
		folio = w.text
	}
	if folio == "" {
		return "", fmt.Errorf("no folio among %d words", len(c.words))
	}
	if colophon {
		folio += " colophon"
	}
	return folio, nil
}

// readSides reads the printed sides of a sheet file, each place labelled
// by label.
func readSides(t *testing.T, pages []boxPage, rows int, label func(cell) (string, error)) []printedSide {
	t.Helper()
	var sides []printedSide
	for i, p := range pages {
		var side printedSide
		for r, row := range cells(p, rows) {
			var pair [2]string
			for c := range 2 {
				s, err := label(row[c])
				if err != nil {
					t.Fatalf("sheet side %d, row %d, %s half: %v", i+1, r+1, []string{"left", "right"}[c], err)
				}
				pair[c] = s
			}
			side = append(side, pair)
		}
		sides = append(sides, side)
	}
	return sides
}

// sheetSize reads the first page's size from pdfinfo.
func sheetSize(t *testing.T, path string) Size {
	t.Helper()
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(tooltest.Run(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo %s: no page size", path)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	return Size{w, h}
}

// TestBookletReadBack prints leaf books of 4 to 64 pages as booklets,
// reads every sheet side back with pdftotext, and checks that folding
// the printout gives the folios 1 … n in order, with the blank pages
// that pad the count to a multiple of four before the colophon (or at
// the end without one) and the colophon's folio running on after them.
func TestBookletReadBack(t *testing.T) {
	tooltest.Require(t, "pdftotext")
	tooltest.Require(t, "pdfinfo")
	tooltest.Require(t, "qpdf")
	a4, a5 := Size{595.28, 841.89}, Size{419.53, 595.28}
	for _, tc := range []struct {
		name     string
		chapters int
		back     bool
		size     string
		imp      book.Imposition
		pages    int
		sheet    Size
		copies   int
	}{
		{"4-a6", 2, true, "a6", book.Imposition{}, 4, Size{a5.Height, a5.Width}, 1},
		{"8-a5", 5, true, "a5", book.Imposition{}, 8, Size{a4.Height, a4.Width}, 1},
		{"12-a6-no-back-matter", 11, false, "a6", book.Imposition{}, 12, Size{a5.Height, a5.Width}, 1},
		{"16-letter-half", 13, true, "5.5x8.5in", book.Imposition{}, 16, Size{792, 612}, 1},
		{"28-a6", 25, true, "a6", book.Imposition{}, 28, Size{a5.Height, a5.Width}, 1},
		{"64-a6", 61, true, "a6", book.Imposition{}, 64, Size{a5.Height, a5.Width}, 1},
		{"64-a6-signatures-of-4", 61, true, "a6", book.Imposition{Signature: 4}, 64, Size{a5.Height, a5.Width}, 1},
		{"28-a6-signatures-of-3", 27, false, "a6", book.Imposition{Signature: 3}, 28, Size{a5.Height, a5.Width}, 1},
		{"16-a6-4-up-double", 14, true, "a6", book.Imposition{Up: 4}, 16, a4, 2},
		{"28-a6-4-up-cut-stack", 26, true, "a6", book.Imposition{Up: 4, FourUp: FourUpCutStack}, 28, a4, 1},
		{"64-a6-4-up-cut-stack-signatures-of-2", 61, true, "a6", book.Imposition{Up: 4, FourUp: FourUpCutStack, Signature: 2}, 64, a4, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := renderTo(t, NewBooklet(), leafBook(tc.chapters, tc.back, tc.size, tc.imp), dir, "booklet.pdf")
			tooltest.Run(t, "qpdf", "--check", path)
			if got := sheetSize(t, path); math.Abs(got.Width-tc.sheet.Width) > 0.01 || math.Abs(got.Height-tc.sheet.Height) > 0.01 {
				t.Errorf("sheet %.2f × %.2f pt, want %.2f × %.2f", got.Width, got.Height, tc.sheet.Width, tc.sheet.Height)
			}
			rows := 1
			if tc.imp.Up == 4 {
				rows = 2
			}
			sides := readSides(t, readBoxes(t, path), rows, folioLabel)
			copies, err := foldSheets(sides, tc.imp.FourUp, tc.imp.Signature, flipVertical)
			if err != nil {
				t.Fatal(err)
			}
			// The leaves read 1 … chapters, then blanks, then the colophon
			// with the next folios.
			body := tc.chapters
			content := body
			if tc.back {
				content++
			}
			var want []string
			for p := 1; p <= tc.pages; p++ {
				switch {
				case p <= body:
					want = append(want, strconv.Itoa(p))
				case p <= body+tc.pages-content:
					want = append(want, "")
				default:
					want = append(want, strconv.Itoa(p)+" colophon")
				}
			}
			if len(copies) != tc.copies {
				t.Fatalf("%d copies, want %d", len(copies), tc.copies)
			}
			for i, c := range copies {
				if !slices.Equal(c, want) {
					t.Errorf("copy %d, folded, reads\n%q\nwant\n%q", i+1, c, want)
				}
			}
		})
	}
}

// TestBookletMatchesPDF imposes the sample pamphlet and a sample book
// and checks, page by page, that the folded booklet reads exactly as the
// PDF the pdf renderer makes of the same edition — which is padded the
// same way, so that its folios are the booklet's — and that the blanks
// stand before the back matter, whose folios run on across them.
func TestBookletMatchesPDF(t *testing.T) {
	tooltest.Require(t, "pdftotext")
	for _, tc := range []struct {
		name string
		book func(testing.TB) *book.Book
		imp  book.Imposition
		// checkBlanks checks the padding before the back matter, whose
		// first page opens with backTitle.
		checkBlanks bool
		backTitle   string
	}{
		{"pamphlet-a6", manuscript("pamphlet", "a6"), book.Imposition{Layout: "booklet"}, true, "Bibliography"},
		{"pamphlet-a5", manuscript("pamphlet", "a5"), book.Imposition{Layout: "booklet", Signature: 2}, true, "Bibliography"},
		{"pamphlet-a6-4-up-cut-stack", manuscript("pamphlet", "a6"), book.Imposition{Layout: "booklet", Up: 4, FourUp: FourUpCutStack}, true, "Bibliography"},
		{"sample-a6", func(testing.TB) *book.Book { b := booktest.Sample(); b.Output.PageSize = "a6"; return b }, book.Imposition{Layout: "booklet"}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := tc.book(t)
			b.Output.Impose = tc.imp
			dir := t.TempDir()
			flat := readBoxes(t, renderTo(t, New(), b, dir, "flat.pdf"))
			sheets := readBoxes(t, renderTo(t, NewBooklet(), b, dir, "booklet.pdf"))
			if len(flat)%4 != 0 {
				t.Fatalf("the edition's PDF has %d pages, not a multiple of four", len(flat))
			}
			rows := 1
			if tc.imp.Up == 4 {
				rows = 2
			}
			// Each page place is labelled by a key to its words.
			placed := map[string][]boxWord{}
			label := func(c cell) (string, error) {
				if len(c.words) == 0 {
					return "", nil
				}
				key := strconv.Itoa(len(placed) + 1)
				placed[key] = c.words
				return key, nil
			}
			copies, err := foldSheets(readSides(t, sheets, rows, label), tc.imp.FourUp, tc.imp.Signature, flipVertical)
			if err != nil {
				t.Fatal(err)
			}
			read := copies[0]
			if len(read) != len(flat) {
				t.Fatalf("the booklet folds to %d pages, the PDF has %d", len(read), len(flat))
			}
			var blanks []int
			for i, p := range flat {
				if err := sameWords(placed[read[i]], p.words); err != nil {
					t.Errorf("page %d of the folded booklet is not the PDF's page %d: %v", i+1, i+1, err)
				}
				if len(p.words) == 0 {
					blanks = append(blanks, i+1)
				}
			}
			if !tc.checkBlanks {
				return
			}
			// The same edition without imposition is not padded: the
			// padding is what makes its page count a multiple of four.
			plain := *b
			plain.Output.Impose = book.Imposition{}
			unpadded := readBoxes(t, renderTo(t, New(), &plain, dir, "unpadded.pdf"))
			// The PDF's own blanks are versos before rectos that open a
			// division; the padding is the run of blanks just before the
			// back matter.
			back := slices.IndexFunc(flat, func(p boxPage) bool {
				return len(p.words) > 0 && p.words[0].text == tc.backTitle
			})
			if back < 0 {
				t.Fatalf("no page opens with %q", tc.backTitle)
			}
			run := 0
			for back-run-1 >= 0 && len(flat[back-run-1].words) == 0 {
				run++
			}
			before := 0
			if i := len(unpadded) - (len(flat) - back); i >= 0 {
				for i-before-1 >= 0 && len(unpadded[i-before-1].words) == 0 {
					before++
				}
			}
			if want := before + padding(len(unpadded)); run != want || len(flat) != len(unpadded)+padding(len(unpadded)) {
				t.Errorf("%d blank pages before the back matter (page %d of %d), want %d (%d pages unpadded); blank pages: %v", run, back+1, len(flat), want, len(unpadded), blanks)
			}
			// Folios run on: the back matter's first folio is the last
			// body folio plus the blanks and one.
			last, first := footFolio(flat[back-run-1]), footFolio(flat[back])
			if last == 0 || first != last+run+1 {
				t.Errorf("last body folio %d, first back matter folio %d, with %d blanks between", last, first, run)
			}
		})
	}
}

// sameWords reports how the words read in a page's place on a sheet
// differ from the words of the page as the PDF has it: every word must be
// there, at the same place relative to the page's corner.
func sameWords(got []boxWord, want []boxWord) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d words, want %d", len(got), len(want))
	}
	if len(got) == 0 {
		return nil
	}
	corner := func(ws []boxWord) (x, y float64) {
		x, y = math.Inf(1), math.Inf(1)
		for _, w := range ws {
			x, y = min(x, w.x0), min(y, w.y0)
		}
		return x, y
	}
	gx, gy := corner(got)
	wx, wy := corner(want)
	used := make([]bool, len(want))
	for _, g := range got {
		found := false
		for i, w := range want {
			if !used[i] && w.text == g.text && math.Abs((g.x0-gx)-(w.x0-wx)) < 0.05 && math.Abs((g.y0-gy)-(w.y0-wy)) < 0.05 {
				used[i], found = true, true
				break
			}
		}
		if !found {
			return fmt.Errorf("%q at (%.2f, %.2f) from the page's text corner is not on the PDF's page", g.text, g.x0-gx, g.y0-gy)
		}
	}
	return nil
}

// footFolio returns the number printed lowest on a page or at its head:
// the folio, or 0.
func footFolio(p boxPage) int {
	best, y := 0, -1.0
	for _, w := range p.words {
		n, err := strconv.Atoi(w.text)
		if err != nil {
			continue
		}
		if w.y0 < 0.12*p.h || w.y0 > y {
			best, y = n, w.y0
			if w.y0 < 0.12*p.h {
				return best
			}
		}
	}
	return best
}

// TestBookletCreep measures the folios of a four-sheet booklet printed
// with creep compensation: on every sheet they stand nearer the fold
// than on the outer sheet by half the paper's thickness per sheet.
func TestBookletCreep(t *testing.T) {
	tooltest.Require(t, "pdftotext")
	const paper = 2.0
	b := leafBook(16, false, "a6", book.Imposition{Paper: paper})
	pages := readBoxes(t, renderTo(t, NewBooklet(), b, t.TempDir(), "creep.pdf"))
	if len(pages) != 8 {
		t.Fatalf("%d sheet sides, want 8", len(pages))
	}
	centre := func(c cell) float64 {
		for _, w := range c.words {
			if _, err := strconv.Atoi(w.text); err == nil {
				return (w.x0 + w.x1) / 2
			}
		}
		t.Fatalf("no folio in %+v", c.Rect)
		return 0
	}
	outer := cells(pages[0], 1)[0]
	for i, p := range pages {
		depth := i / 2
		side := cells(p, 1)[0]
		shift := float64(depth) * paper / 2
		// Left pages move right, toward the fold; right pages left.
		if got := centre(side[0]) - centre(outer[0]); math.Abs(got-shift) > 0.1 {
			t.Errorf("side %d: left folio %.2f pt from the outer sheet's, want %.2f", i+1, got, shift)
		}
		if got := centre(outer[1]) - centre(side[1]); math.Abs(got-shift) > 0.1 {
			t.Errorf("side %d: right folio %.2f pt from the outer sheet's, want %.2f", i+1, got, shift)
		}
	}
}

// grayImage is a page rendered by pdftoppm in grey levels.
type grayImage struct {
	w, h int
	pix  []byte
	dpi  float64
}

// renderGray renders page 1 of a PDF at dpi with pdftoppm.
func renderGray(t *testing.T, path string, dpi int) grayImage {
	t.Helper()
	prog := tooltest.Require(t, "pdftoppm")
	out, err := exec.Command(prog, "-r", strconv.Itoa(dpi), "-gray", "-f", "1", "-l", "1", path).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	var w, h, maxv int
	var hdr int
	for i, fields := 0, 0; i < len(out) && fields < 4; i++ {
		// P5 W H MAX, separated by single white-space characters.
		if out[i] == ' ' || out[i] == '\n' {
			fields++
			if fields == 4 {
				hdr = i + 1
			}
		}
	}
	f := strings.Fields(string(out[:hdr]))
	if len(f) == 4 && f[0] == "P5" {
		w, _ = strconv.Atoi(f[1])
		h, _ = strconv.Atoi(f[2])
		maxv, _ = strconv.Atoi(f[3])
	}
	if maxv != 255 || w*h == 0 || len(out)-hdr != w*h {
		t.Fatalf("pdftoppm: unreadable image (header %q)", out[:hdr])
	}
	return grayImage{w, h, out[hdr:], float64(dpi)}
}

// inked counts the pixels darker than paper outside the rectangle r (in
// points).
func (g grayImage) inked(r Rect) int {
	s := g.dpi / 72
	n := 0
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			px, py := (float64(x)+0.5)/s, (float64(y)+0.5)/s
			inside := px > r.X-1 && px < r.Right()+1 && py > r.Y-1 && py < r.Bottom()+1
			if !inside && g.pix[y*g.w+x] < 200 {
				n++
			}
		}
	}
	return n
}

// TestBookletCropMarks checks that crop marks are drawn outside the trim
// when asked, and that nothing is drawn there when not.
func TestBookletCropMarks(t *testing.T) {
	for _, tc := range []struct {
		imp   book.Imposition
		marks bool
	}{
		{book.Imposition{CropMarks: true}, true},
		{book.Imposition{CropMarks: true, Bleed: 8.5}, true},
		{book.Imposition{Bleed: 8.5}, false},
	} {
		t.Run(fmt.Sprintf("marks-%v-bleed-%g", tc.imp.CropMarks, tc.imp.Bleed), func(t *testing.T) {
			b := leafBook(4, false, "a6", tc.imp)
			path := renderTo(t, NewBooklet(), b, t.TempDir(), "marks.pdf")
			img := renderGray(t, path, 144)
			imp, _ := CheckImposition(tc.imp)
			g := newSheetGeometry(Size{297.64, 419.53}, imp)
			if got := sheetSize(t, path); math.Abs(got.Width-g.Width) > 0.01 || math.Abs(got.Height-g.Height) > 0.01 {
				t.Errorf("sheet %.2f × %.2f, want %.2f × %.2f", got.Width, got.Height, g.Width, g.Height)
			}
			n := img.inked(g.trim(0))
			// Ten marks of 7 pt at 2 px a point are some 140 pixels.
			if tc.marks && n < 80 {
				t.Errorf("%d inked pixels outside the trim, want the crop marks", n)
			}
			if !tc.marks && n != 0 {
				t.Errorf("%d inked pixels outside the trim without crop marks", n)
			}
		})
	}
}

// TestBookletReproducible renders a booklet twice.
func TestBookletReproducible(t *testing.T) {
	b := leafBook(9, true, "a6", book.Imposition{Up: 4, FourUp: FourUpCutStack, Paper: 0.3, CropMarks: true, Bleed: 3})
	var one, two bytes.Buffer
	for _, buf := range []*bytes.Buffer{&one, &two} {
		if err := NewBooklet().Render(buf, b, render.Options{Date: testDate()}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two renders of one booklet differ")
	}
	if !bytes.Contains(one.Bytes(), []byte("/Duplex /DuplexFlipLongEdge")) {
		t.Error("a 4-up sheet file does not ask for long-edge duplex")
	}
}

// TestBookletErrors checks that a bad imposition or bad margins stop the
// render with a message, at the imposition's position when there is one.
func TestBookletErrors(t *testing.T) {
	pos := book.Pos{File: "book.yaml", Line: 12, Col: 5}
	b := leafBook(3, false, "a6", book.Imposition{Layout: "booklet", Up: 8, Pos: pos})
	err := NewBooklet().Render(&bytes.Buffer{}, b, render.Options{})
	var be *book.Error
	if !errors.As(err, &be) || be.Pos != pos || !strings.Contains(err.Error(), "up: 8") {
		t.Errorf("up: 8 gave %v, want a book.Error at %s", err, pos)
	}
	b = leafBook(3, false, "a6", book.Imposition{})
	b.Output.Margins = book.Margins{Inner: 150, Outer: 100}
	if err := NewBooklet().Render(&bytes.Buffer{}, b, render.Options{}); err == nil || !strings.Contains(err.Error(), "margins leave a text area") {
		t.Errorf("margins wider than the page gave %v", err)
	}
}

// TestMargins checks that margins given in the book replace the derived
// ones field by field, on rectos and versos.
func TestMargins(t *testing.T) {
	sz := Size{297.64, 419.53}
	derived := newGeometry(sz)
	for _, tc := range []struct {
		m                         book.Margins
		top, bottom, inner, outer float64
	}{
		{book.Margins{}, derived.top, derived.bottom, derived.inner, derived.outer},
		{book.Margins{Inner: 34}, derived.top, derived.bottom, 34, derived.outer},
		{book.Margins{Top: 20, Bottom: 30, Inner: 25, Outer: 40}, 20, 30, 25, 40},
	} {
		b := leafBook(2, false, "a6", book.Imposition{})
		b.Output.Margins = tc.m
		doc, _ := mustLayout(t, b)
		for _, pg := range doc.Pages {
			left := tc.outer
			if pg.Number%2 == 1 {
				left = tc.inner
			}
			want := Rect{X: left, Y: tc.top, W: sz.Width - tc.inner - tc.outer, H: sz.Height - tc.top - tc.bottom}
			if math.Abs(pg.Area.X-want.X)+math.Abs(pg.Area.Y-want.Y)+math.Abs(pg.Area.W-want.W)+math.Abs(pg.Area.H-want.H) > 1e-9 {
				t.Errorf("margins %+v, page %d: text area %+v, want %+v", tc.m, pg.Number, pg.Area, want)
			}
		}
	}
}
