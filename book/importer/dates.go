package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"samizdat/internal/lazyregexp"
)

// months maps month names and their usual abbreviations to numbers.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true, "thurs": true,
	"friday": true, "fri": true, "saturday": true, "sat": true, "sunday": true, "sun": true,
}

var (
	isoDateRE  = lazyregexp.New(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$`)
	isoStampRE = lazyregexp.New(`^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}`)
	numericRE  = lazyregexp.New(`^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*([/.\-])\s*(\d{2}|\d{4})$`)
	// timeRE is a time of day after a date ("26/04/2010 14:32", ", at
	// 2.30pm"), which a date line may carry and the front matter drops.
	timeRE = lazyregexp.New(`(?i)^(?:\s*[,|@-]?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|utc|gmt))?|\s*[,|@-]?\s*(?:at\s+)?\d{1,2}\s*[ap]\.?m\.?)$`)
	wordRE = lazyregexp.New(`[\p{L}]+\.?|\d+(?:st|nd|rd|th)?|[,]`)
)

// maxDateLen is longer than any date written out with its weekday and
// time, and keeps the search for a time of day cheap.
const maxDateLen = 80

// dateError says why a date could not be read and how to write it.
type dateError struct{ value, why string }

func (e *dateError) Error() string {
	msg := fmt.Sprintf("cannot read the date %q", e.value)
	if e.why != "" {
		msg += " (" + e.why + ")"
	}
	return msg + ": write it as DD/MM/YYYY, YYYY-MM-DD or 26 April 2010"
}

// parseDate reads a date in the forms published articles use — ISO 8601
// (2010-04-26, with or without a time), numeric day first (26/04/2010,
// 26.04.10), or written out (26 April 2010, Monday 26th April 2010, April
// 26, 2010, April 2010) — and returns it in ISO 8601 at the precision
// given (2010-04-26, 2010-04 or 2010). A numeric date is read day first,
// as the articles' own form writes it, unless only month first makes
// sense (04/26/2010).
func parseDate(s string) (string, error) {
	v := strings.TrimSpace(s)
	if len(v) > maxDateLen {
		return "", &dateError{value: v[:maxDateLen] + "…", why: "too long for a date"}
	}
	if m := isoStampRE().FindStringSubmatch(v); m != nil {
		return ymd(s, atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := isoDateRE().FindStringSubmatch(v); m != nil {
		switch {
		case m[2] == "":
			return m[1], nil
		case m[3] == "":
			return ym(s, atoi(m[1]), atoi(m[2]))
		}
		return ymd(s, atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	v = stripTime(v)
	if m := numericRE().FindStringSubmatch(v); m != nil {
		if m[2] != m[4] {
			return "", &dateError{value: s, why: "mixed separators"}
		}
		d, mo, y := atoi(m[1]), atoi(m[3]), fullYear(m[5])
		if mo > 12 && d <= 12 {
			d, mo = mo, d
		}
		return ymd(s, y, mo, d)
	}
	return writtenDate(s, v)
}

// stripTime removes a time of day after the year.
func stripTime(v string) string {
	for i := range v {
		if i > 0 && timeRE().MatchString(v[i:]) {
			return strings.TrimSpace(v[:i])
		}
	}
	return v
}

// writtenDate reads a date with the month in words.
func writtenDate(orig, v string) (string, error) {
	var day, month, year int
	for _, w := range wordRE().FindAllString(v, -1) {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch {
		case w == ",", lw == "of", lw == "the":
		case weekdays[lw] && day == 0 && month == 0:
		case months[lw] != 0 && month == 0:
			month = months[lw]
		case w[0] >= '0' && w[0] <= '9':
			n := atoi(strings.TrimRight(w, "stndrh"))
			switch {
			case len(strings.TrimRight(w, "stndrh")) == 4 && year == 0:
				year = n
			case day == 0 && year == 0 && len(w) <= 4:
				day = n
			default:
				return "", &dateError{value: orig}
			}
		default:
			return "", &dateError{value: orig, why: fmt.Sprintf("%q is not part of a date", w)}
		}
	}
	if covered := wordRE().ReplaceAllString(v, ""); strings.TrimSpace(strings.Trim(covered, " -")) != "" {
		return "", &dateError{value: orig}
	}
	switch {
	case month == 0 || year == 0:
		return "", &dateError{value: orig}
	case day == 0:
		return ym(orig, year, month)
	}
	return ymd(orig, year, month, day)
}

func ym(orig string, y, m int) (string, error) {
	if m < 1 || m > 12 {
		return "", &dateError{value: orig, why: "there is no month " + strconv.Itoa(m)}
	}
	return fmt.Sprintf("%04d-%02d", y, m), nil
}

// ymd checks that the day exists in its month and formats the date.
func ymd(orig string, y, m, d int) (string, error) {
	if m < 1 || m > 12 {
		return "", &dateError{value: orig, why: "there is no month " + strconv.Itoa(m)}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d {
		return "", &dateError{value: orig, why: fmt.Sprintf("%s has no day %d", time.Month(m), d)}
	}
	return t.Format("2006-01-02"), nil
}

// fullYear reads a two- or four-digit year; two digits mean 1950–2049.
func fullYear(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		if y < 50 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// looksLikeDate reports whether a whole line is a date and nothing else,
// so that a bare date under the title is taken as the publication date.
func looksLikeDate(line string) bool {
	_, err := parseDate(line)
	return err == nil && strings.ContainsAny(line, "0123456789")
}
