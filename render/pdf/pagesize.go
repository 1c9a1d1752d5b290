package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"samizdat/book"
)

// Size is a page size in points.
type Size struct {
	Width, Height float64
}

// namedSize returns the size of a page size known by name, in points.
func namedSize(name string) (Size, bool) {
	switch name {
	case "a4":
		return Size{595.28, 841.89}, true
	case "a5":
		return Size{419.53, 595.28}, true
	case "a6":
		return Size{297.64, 419.53}, true
	case "letter":
		return Size{612, 792}, true
	}
	return Size{}, false
}

// ParsePageSize reads a page size as written in a manifest: a name ("a5",
// the default when empty, "a4", "a6", "letter") or WIDTHxHEIGHT followed by
// a unit, "mm" or "in" ("148x210mm", "6x9in", "5.5x8.5in"). Anything else
// is an error that names the value and says what is accepted.
func ParsePageSize(s string) (Size, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	if key == "" {
		key = "a5"
	}
	if sz, ok := namedSize(key); ok {
		return sz, nil
	}
	bad := fmt.Errorf("unknown page size %q: use a4, a5, a6, letter or WIDTHxHEIGHT in mm or in (\"148x210mm\", \"6x9in\")", s)
	var unit float64
	switch {
	case strings.HasSuffix(key, "mm"):
		unit, key = 72/25.4, strings.TrimSuffix(key, "mm")
	case strings.HasSuffix(key, "in"):
		unit, key = 72, strings.TrimSuffix(key, "in")
	default:
		return Size{}, bad
	}
	ws, hs, ok := strings.Cut(key, "x")
	if !ok {
		return Size{}, bad
	}
	w, errW := strconv.ParseFloat(strings.TrimSpace(ws), 64)
	h, errH := strconv.ParseFloat(strings.TrimSpace(hs), 64)
	if errW != nil || errH != nil || math.IsNaN(w) || math.IsNaN(h) {
		return Size{}, bad
	}
	sz := Size{Width: w * unit, Height: h * unit}
	// A page smaller than A7 or larger than A2 has no sensible margins.
	if sz.Width < 150 || sz.Height < 200 || sz.Width > 1200 || sz.Height > 1700 {
		return Size{}, fmt.Errorf("page size %q is out of range: width and height must lie between A7 and A2", s)
	}
	return sz, nil
}

// geometry is the page layout derived from the page size: margins and the
// body type size. Margins and type grow with the page so that A6, A5 and
// A4 all get a comfortable measure of 60 to 75 characters.
type geometry struct {
	Size
	inner, outer, top, bottom float64
	// size and leading are the body text's size and line distance.
	size, leading float64
}

// newGeometry works out margins and type size for a page size.
func newGeometry(sz Size) geometry {
	g := geometry{Size: sz}
	g.inner = math.Round(sz.Width * 0.12)
	g.outer = math.Round(sz.Width * 0.16)
	g.top = math.Round(sz.Height * 0.085)
	g.bottom = math.Round(sz.Height * 0.11)
	// 10.5 pt at A5, a little less on smaller pages and more on larger,
	// rounded to quarter points.
	g.size = math.Round(4*10.5*math.Pow(sz.Width/419.53, 0.4)) / 4
	g.leading = math.Round(10*g.size*1.3) / 10
	return g
}

// withMargins returns g with the margins m sets: a zero (or unusable)
// field keeps the margin derived from the page size. The type size stays
// the page size's, so wider margins give a shorter measure, not smaller
// type. Layout checks the margins first (checkMargins); the guard here
// only keeps a bad value from reaching the line breaker by another path.
func (g geometry) withMargins(m book.Margins) geometry {
	if checkMargins(g.Size, m) != nil {
		return g
	}
	set := func(dst *float64, v float64) {
		if v > 0 {
			*dst = v
		}
	}
	set(&g.top, m.Top)
	set(&g.bottom, m.Bottom)
	set(&g.inner, m.Inner)
	set(&g.outer, m.Outer)
	return g
}

// checkMargins reports margins that cannot be used: a negative or
// non-finite field, or margins that leave less than a third of the page's
// width or height for the text.
func checkMargins(sz Size, m book.Margins) error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"top", m.Top}, {"bottom", m.Bottom}, {"inner", m.Inner}, {"outer", m.Outer}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return fmt.Errorf("the %s margin is %g pt: a margin must be a positive length, or 0 for the default", f.name, f.v)
		}
	}
	g := newGeometry(sz)
	pick := func(v, derived float64) float64 {
		if v > 0 {
			return v
		}
		return derived
	}
	w := sz.Width - pick(m.Inner, g.inner) - pick(m.Outer, g.outer)
	h := sz.Height - pick(m.Top, g.top) - pick(m.Bottom, g.bottom)
	if w < sz.Width/3 || h < sz.Height/3 {
		return fmt.Errorf("the margins leave a text area of %.0f × %.0f pt on a %.0f × %.0f pt page: at least a third of the width and of the height must remain", max(w, 0), max(h, 0), sz.Width, sz.Height)
	}
	return nil
}

// measure is the width of the text area.
func (g geometry) measure() float64 { return g.Width - g.inner - g.outer }

// areaHeight is the height of the text area.
func (g geometry) areaHeight() float64 { return g.Height - g.top - g.bottom }

// area returns the text area of physical page n: the inner margin is on
// the left of a recto (odd page) and on the right of a verso.
func (g geometry) area(n int) Rect {
	left := g.outer
	if n%2 == 1 {
		left = g.inner
	}
	return Rect{X: left, Y: g.top, W: g.measure(), H: g.areaHeight()}
}
