package cite

import (
	"fmt"
	"strconv"
	"strings"
)

// Date is a CSL date: a day, month or year, or a range of them, or a
// season, possibly uncertain; or a literal text such as "forthcoming".
type Date struct {
	From, To DatePart
	// Range says whether To is set.
	Range bool
	// Circa marks an uncertain date, shown as "[1776?]".
	Circa   bool
	Literal string
}

// DatePart is one end of a date. Zero fields are unknown; Season is 1 to
// 4 for spring, summer, autumn and winter.
type DatePart struct {
	Year, Month, Day, Season int
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return d.From == (DatePart{}) && d.Literal == "" }

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var seasonNames = [...]string{"", "Spring", "Summer", "Autumn", "Winter"}

// yearText writes a year; years before the common era get "BC".
func yearText(y int) string {
	if y <= 0 {
		return strconv.Itoa(1-y) + "BC"
	}
	return strconv.Itoa(y)
}

// textForm renders the date as CSL's English "text" form: "December 15,
// 1890", "June 1919", "1996", "Spring 1862", with ranges collapsed the way
// citeproc does ("May 1–3, 1890").
func (d Date) textForm() string {
	if d.Literal != "" {
		return d.Literal
	}
	one := func(p DatePart, year bool) string {
		var parts []string
		switch {
		case p.Season > 0 && p.Season < len(seasonNames):
			parts = append(parts, seasonNames[p.Season])
		case p.Month > 0 && p.Month < len(monthNames):
			m := monthNames[p.Month]
			if p.Day > 0 {
				m += " " + strconv.Itoa(p.Day)
				if year {
					m += ","
				}
			}
			parts = append(parts, m)
		}
		if year && p.Year != 0 {
			parts = append(parts, yearText(p.Year))
		}
		return strings.Join(parts, " ")
	}
	if !d.Range || d.To == d.From {
		return d.wrapCirca(one(d.From, true))
	}
	f, t := d.From, d.To
	switch {
	case f.Year == t.Year && f.Month == t.Month && f.Month > 0 && f.Day > 0 && t.Day > 0:
		return d.wrapCirca(fmt.Sprintf("%s %d–%d, %s", monthNames[f.Month], f.Day, t.Day, yearText(f.Year)))
	case f.Year == t.Year && (f.Month > 0 || f.Season > 0):
		return d.wrapCirca(one(f, false) + "–" + one(t, true))
	}
	return d.wrapCirca(one(f, true) + "–" + one(t, true))
}

// yearForm renders only the year (or the range of years), as CSL's
// numeric form with date-parts="year".
func (d Date) yearForm() string {
	if d.Literal != "" {
		return d.Literal
	}
	if d.From.Year == 0 {
		return ""
	}
	s := yearText(d.From.Year)
	if d.Range && d.To.Year != 0 && d.To.Year != d.From.Year {
		s += "–" + yearText(d.To.Year)
	}
	return s
}

// wrapCirca marks an uncertain date.
func (d Date) wrapCirca(s string) string {
	if d.Circa && s != "" {
		return "[" + s + "?]"
	}
	return s
}

// parseEDTF reads a date as pandoc accepts it in YAML and BibLaTeX:
// "1996", "1890-12-15", "1862-08", "1790/1792", "1776?", "1776~", with
// "21" for spring to "24" for winter in the month place. ok is false for
// text that is not a date, which callers keep as a literal.
func parseEDTF(s string) (d Date, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return d, false
	}
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "~") || strings.HasSuffix(s, "%") {
		d.Circa = true
		s = strings.TrimRight(s, "?~%")
	}
	from, to, isRange := strings.Cut(s, "/")
	if d.From, ok = parseEDTFPart(from); !ok {
		return Date{}, false
	}
	if isRange {
		if d.To, ok = parseEDTFPart(to); !ok {
			return Date{}, false
		}
		d.Range = true
	}
	return d, true
}

func parseEDTFPart(s string) (DatePart, bool) {
	var p DatePart
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	fields := strings.Split(s, "-")
	if len(fields) > 3 || fields[0] == "" {
		return p, false
	}
	nums := make([]int, len(fields))
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return p, false
		}
		nums[i] = n
	}
	p.Year = nums[0]
	if neg {
		p.Year = -p.Year
	}
	if len(nums) > 1 {
		switch m := nums[1]; {
		case m >= 1 && m <= 12:
			p.Month = m
		case m >= 21 && m <= 24:
			p.Season = m - 20
		default:
			return p, false
		}
	}
	if len(nums) > 2 {
		if nums[2] < 1 || nums[2] > 31 || p.Month == 0 {
			return p, false
		}
		p.Day = nums[2]
	}
	return p, true
}

// dateFromParts builds a date from CSL-JSON's date-parts: one or two
// arrays of year, month and day. Months 13 to 16 are seasons.
func dateFromParts(parts [][]int) (Date, bool) {
	var d Date
	if len(parts) == 0 || len(parts) > 2 {
		return d, false
	}
	for i, ps := range parts {
		if len(ps) == 0 || len(ps) > 3 {
			return d, false
		}
		p := DatePart{Year: ps[0]}
		if len(ps) > 1 {
			switch m := ps[1]; {
			case m >= 1 && m <= 12:
				p.Month = m
			case m >= 13 && m <= 16:
				p.Season = m - 12
			case m >= 21 && m <= 24:
				p.Season = m - 20
			default:
				return d, false
			}
		}
		if len(ps) > 2 {
			if ps[2] < 1 || ps[2] > 31 {
				return d, false
			}
			p.Day = ps[2]
		}
		if i == 0 {
			d.From = p
		} else {
			d.To, d.Range = p, true
		}
	}
	return d, true
}

func itoa(n int) string { return strconv.Itoa(n) }
