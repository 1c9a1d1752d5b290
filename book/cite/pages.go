package cite

import (
	"strconv"
	"strings"

	"samizdat/internal/lazyregexp"
)

// rangeRE matches one page range: two numbers (with an optional letter)
// joined by a hyphen, an en dash or a doubled hyphen.
var rangeRE = lazyregexp.New(`([0-9A-Za-z]+)\s*(?:--|-|–|—)\s*([0-9A-Za-z]+)`)

var digitsRE = lazyregexp.New(`^[0-9]+$`)

// pageRange writes page ranges as Chicago abbreviates them (CSL's
// page-range-format="chicago"): "823–25", "101–8", "100–104",
// "1496–1504", with an en dash. With onlyNumeric set (locators), a range
// whose ends do not start with digits ("xii-xv") is left exactly as
// written, as citeproc does; otherwise a range of ends that are not plain
// numbers ("55a-57") gets an en dash but no abbreviation.
func pageRange(s string, onlyNumeric bool) string {
	return rangeRE().ReplaceAllStringFunc(s, func(m string) string {
		sub := rangeRE().FindStringSubmatch(m)
		first, last := sub[1], sub[2]
		if !digitsRE().MatchString(first) || !digitsRE().MatchString(last) {
			if onlyNumeric && !(startsWithDigit(first) && startsWithDigit(last)) {
				return m
			}
			return first + "–" + last
		}
		return first + "–" + chicagoLast(first, last)
	})
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// chicagoLast abbreviates the second number of a range after the first.
func chicagoLast(first, last string) string {
	f, err1 := strconv.Atoi(first)
	l, err2 := strconv.Atoi(last)
	if err1 != nil || err2 != nil {
		return last
	}
	// "321–28" means 328: expand a shortened second number first.
	if len(last) < len(first) {
		full := first[:len(first)-len(last)] + last
		if n, err := strconv.Atoi(full); err == nil && n > f {
			l, last = n, full
		}
	}
	if l <= f || len(last) != len(first) || f < 100 || f%100 == 0 {
		return last
	}
	changed := 0
	for i := range first {
		if first[i] != last[i] {
			changed = len(first) - i
			break
		}
	}
	if f%100 < 10 {
		return last[len(last)-max(changed, 1):]
	}
	if len(first) == 4 && changed >= 3 {
		return last
	}
	return last[len(last)-max(changed, 2):]
}

// locatorTerm is the short English term for a locator label, singular
// and plural; pages have none in Chicago's notes.
var locatorTerms = map[string][2]string{
	"page":      {"p.", "pp."},
	"chapter":   {"chap.", "chaps."},
	"section":   {"sec.", "secs."},
	"paragraph": {"para.", "paras."},
	"line":      {"l.", "ll."},
	"note":      {"n.", "nn."},
	"volume":    {"vol.", "vols."},
	"book":      {"bk.", "bks."},
	"figure":    {"fig.", "figs."},
	"column":    {"col.", "cols."},
	"folio":     {"fol.", "fols."},
	"number":    {"no.", "nos."},
	"part":      {"pt.", "pts."},
	"verse":     {"v.", "vv."},
	"opus":      {"op.", "opp."},
	"sub-verbo": {"s.v.", "s.vv."},
}

// locatorLabel returns the short term for label, plural when the locator
// names more than one ("3–4", "1, 5").
func locatorLabel(label, locator string) string {
	t, ok := locatorTerms[label]
	if !ok {
		return label
	}
	if strings.ContainsAny(locator, "-–—,&") {
		return t[1]
	}
	return t[0]
}

// formatLocator writes a locator's value, abbreviating page-style ranges.
func formatLocator(locator string) string {
	return pageRange(locator, true)
}
