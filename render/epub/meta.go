package epub

import (
	"strings"
	"time"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// langPattern is the shape of a BCP 47 language tag (language, then
// subtags of up to eight letters or digits).
var langPattern = lazyregexp.New(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// normLang returns a usable language tag: "en" when none is given, '_'
// turned into '-', and "en" with a warning when the tag is malformed.
func (p *plan) normLang(lang string, pos book.Pos) string {
	lang = strings.ReplaceAll(strings.TrimSpace(lang), "_", "-")
	if lang == "" {
		return "en"
	}
	if !langPattern().MatchString(lang) {
		p.opt.Warnf(pos, "language %q is not a BCP 47 tag; using \"en\"", lang)
		return "en"
	}
	return lang
}

// datePattern is the W3C date-time profile EPUB asks of dc:date.
var datePattern = lazyregexp.New(`^(\d{4})(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$`)

// isW3CDate reports whether s is a valid W3CDTF date (YYYY, YYYY-MM,
// YYYY-MM-DD or a full date and time), month and day ranges included.
func isW3CDate(s string) bool {
	if !datePattern().MatchString(s) {
		return false
	}
	layouts := []string{"2006", "2006-01", "2006-01-02"}
	day := s
	if i := strings.IndexByte(s, 'T'); i >= 0 {
		day = s[:i]
	}
	for _, l := range layouts {
		if len(l) == len(day) {
			_, err := time.Parse(l, day)
			return err == nil
		}
	}
	return false
}

// isHTMLDate reports whether s may be a <time> element's datetime: a
// year, year and month, or a full date.
func isHTMLDate(s string) bool {
	return isW3CDate(s) && !strings.Contains(s, "T")
}

// fileAs returns the sorting form of a person's name: the given FileAs,
// or "Last, First Middle" derived from the name ("Martin Luther King Jr."
// becomes "King, Martin Luther, Jr."). Single names and names already
// holding a comma are kept.
func fileAs(p book.Person) string {
	if p.FileAs != "" {
		return p.FileAs
	}
	name := strings.TrimSpace(p.Name)
	if strings.Contains(name, ",") {
		return name
	}
	words := strings.Fields(name)
	suffix := ""
	if n := len(words); n > 2 {
		switch strings.TrimSuffix(words[n-1], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			suffix = ", " + words[n-1]
			words = words[:n-1]
		}
	}
	if len(words) < 2 {
		return name
	}
	last := words[len(words)-1]
	return last + ", " + strings.Join(words[:len(words)-1], " ") + suffix
}

// relator returns a person's MARC relator code, "aut" when none is given
// or the given one is not a three-letter code.
func (p *plan) relator(person book.Person) string {
	r := strings.ToLower(strings.TrimSpace(person.Role))
	if r == "" {
		return "aut"
	}
	if len(r) != 3 || strings.Trim(r, "abcdefghijklmnopqrstuvwxyz") != "" {
		p.opt.Warnf(book.Pos{}, "role %q of %s is not a MARC relator code; using \"aut\"", person.Role, person.Name)
		return "aut"
	}
	return r
}

// rtlLanguage reports whether a language is written right to left in its
// usual script (Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto, Sindhi,
// Uyghur, Dhivehi, Central Kurdish, Syriac, Aramaic, N'Ko).
func rtlLanguage(lang string) bool {
	switch lang {
	case "ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv", "ckb", "syr", "arc", "nqo":
		return true
	}
	return false
}

// rtlScript reports whether an ISO 15924 script code (lower case) names
// a right-to-left script.
func rtlScript(script string) bool {
	switch script {
	case "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "samr", "mand":
		return true
	}
	return false
}

// direction returns "rtl" for a language tag written right to left and
// "" otherwise (left to right, the default, needs no attribute). A script
// subtag decides when there is one ("az-Arab" is right to left, "ug-Latn"
// left to right); else the language does.
func direction(lang string) string {
	parts := strings.Split(strings.ToLower(lang), "-")
	for _, sub := range parts[1:] {
		if len(sub) == 4 && sub[0] >= 'a' && sub[0] <= 'z' {
			if rtlScript(sub) {
				return "rtl"
			}
			return ""
		}
	}
	if rtlLanguage(parts[0]) {
		return "rtl"
	}
	return ""
}

// dirChange returns the dir attribute an element in language inner needs
// inside a context in language outer: empty when both run the same way.
func dirChange(outer, inner string) string {
	if inner == "" {
		return ""
	}
	if d := direction(inner); d != direction(outer) {
		if d == "" {
			return "ltr"
		}
		return d
	}
	return ""
}
