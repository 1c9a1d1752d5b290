package pdf

import (
	"strconv"
	"strings"
)

// render turns a filled page into its final content: the body from the
// top of the text area (fills sharing out what is left), the notes at the
// foot under a short rule, and the running head or folio.
func (p *paginator) render(pb *pageBuild) *Page {
	g := p.geo
	pg := &Page{Width: g.Width, Height: g.Height, Area: g.area(pb.number), Number: pb.number}
	pg.Folio = p.folio(pb.number, pb.style.matter)
	a := pg.Area
	notesH := pb.notesHeight(p.sep)
	left := a.H - pb.used - notesH
	y := a.Y
	texts, flow := 2, 0
	for _, list := range [][]*entry{pb.body, pb.carried, pb.own} {
		for _, e := range list {
			texts += len(e.Texts)
			if e.flow.lines > 0 {
				flow++
			}
		}
	}
	pg.Texts = p.ts.texts(texts)
	pg.flow = make([]flowLine, 0, flow)
	for _, e := range pb.body {
		switch e.kind {
		case entryFill:
			if pb.fills > 0 && left > 0 {
				y += left * e.weight / pb.fills
			}
		case entryBox:
			pg.add(&e.Content, a.X, y)
			if e.number != nil {
				n := *e.number
				n.right += a.X
				n.base += y
				p.numbers = append(p.numbers, placedNumber{pg, n})
			}
			if e.flow.lines > 0 {
				pg.flow = append(pg.flow, e.flow)
			}
			y += e.height
		default:
			y += e.height
		}
	}
	if notesH > 0 {
		top := a.Bottom() - notesH
		ry := top + 0.45*p.sep
		pg.Rules = append(pg.Rules, Rule{X1: a.X, Y1: ry, X2: a.X + 0.3*a.W, Y2: ry, Thickness: 0.4})
		ny := top + p.sep
		for _, list := range [][]*entry{pb.carried, pb.own} {
			for _, e := range list {
				if e.kind == entryBox {
					pg.add(&e.Content, a.X, ny)
				}
				ny += e.height
			}
		}
	}
	p.furniture(pg, pb)
	return pg
}

// folio returns the printed number of physical page n: lower-case roman
// numerals in the front matter, arabic from 1 at the first page after it.
func (p *paginator) folio(n int, m matter) string {
	if m == matterFront {
		return roman(n)
	}
	if p.firstBody == 0 {
		p.firstBody = n
	}
	return strconv.Itoa(n - p.firstBody + 1)
}

// furniture adds the running head and folio. Pages after a division's
// opening carry a head line — the folio at the outer edge, the book's
// title centred on versos and the division's title on rectos; opening
// pages and front matter with folios have the folio centred at the foot.
func (p *paginator) furniture(pg *Page, pb *pageBuild) {
	st := pb.style
	size := p.geo.size * 0.85
	a := pg.Area
	fw := p.ts.width(FontRegular, pg.Folio, size)
	folio := Text{Font: FontRegular, Size: size, Text: pg.Folio, Width: fw, Role: RoleFolio}
	if st.heads && !pb.opening {
		y := a.Y - 1.2*p.geo.leading
		recto := pg.Number%2 == 1
		head := p.ts.book.Meta.Title
		if recto || head == "" {
			head = st.title
		}
		head = p.ts.fit(FontItalic, head, size, a.W-2*(fw+size))
		hw := p.ts.width(FontItalic, head, size)
		folio.Y = y
		folio.X = a.X
		if recto {
			folio.X = a.Right() - fw
		}
		pg.Texts = append(pg.Texts, folio)
		if head != "" {
			pg.Texts = append(pg.Texts, Text{X: a.X + (a.W-hw)/2, Y: y, Font: FontItalic, Size: size, Text: head, Width: hw, Role: RoleRunningHead})
		}
		return
	}
	if st.folios {
		folio.X = a.X + (a.W-fw)/2
		folio.Y = a.Bottom() + 0.5*p.geo.bottom
		pg.Texts = append(pg.Texts, folio)
	}
}

// fit shortens s with an ellipsis until it is no wider than width. The
// cut is found by halving, since a running head is fitted on every page
// and a title may be as long as a paragraph: trying one rune fewer at a
// time made a long title's pages quadratic in its length.
func (ts *typesetter) fit(f Font, s string, size, width float64) string {
	if ts.width(f, s, size) <= width {
		return s
	}
	rs := []rune(s)
	cut := func(n int) string { return strings.TrimRight(string(rs[:n]), " ") + "…" }
	// The longest prefix that fits with its ellipsis: lo fits (or is 0),
	// hi does not.
	lo, hi := 0, len(rs)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if ts.width(f, cut(mid), size) <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return ""
	}
	return cut(lo)
}

// roman writes n in lower-case roman numerals.
func roman(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
