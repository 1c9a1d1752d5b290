package cite

import (
	"strconv"
	"strings"
)

// rendering is one formatting of one entry: the entry, the citation's
// locator, and the name variables already shown in place of a missing
// author, which CSL then leaves out of the rest of the output.
type rendering struct {
	e       *Entry
	locator string
	label   string
	// used holds the name variables substituted for the author.
	used map[string]bool
	// disambiguate asks for the date in a short note, when two works
	// would otherwise read the same.
	disambiguate bool
}

func newRendering(e *Entry, label, locator string) *rendering {
	if locator != "" && label == "" {
		label = "page"
	}
	return &rendering{e: e, locator: locator, label: label, used: map[string]bool{}}
}

// v returns a text variable.
func (r *rendering) v(name string) Text { return r.e.Var(name) }

// has reports whether any of the variables is set.
func (r *rendering) has(names ...string) bool { return r.e.Has(names...) }

// is reports whether the entry's type is one of types.
func (r *rendering) is(types ...string) bool { return r.e.Is(types...) }

// names returns a name variable unless it was used as a substitute.
func (r *rendering) names(role string) []Name {
	if r.used[role] {
		return nil
	}
	return r.e.Names[role]
}

// chapterLike are the types that are parts of a larger work.
var chapterLike = []string{"chapter", "entry-dictionary", "entry-encyclopedia", "paper-conference"}

// titled sets a title variable in title case when the work is in English.
func (r *rendering) titled(name string) Text {
	t := r.v(name)
	if r.e.english() {
		return titleCase(t)
	}
	return t
}

// shortTitle is the title's short form: title-short, else the title.
func (r *rendering) shortTitle() Text {
	if t := r.v("title-short"); !t.Empty() {
		if r.e.english() {
			return titleCase(t)
		}
		return t
	}
	return r.titled("title")
}

// isNumeric reports whether a variable is a number, as CSL's
// is-numeric test does ("17", "2nd" count; "Spring" does not).
func isNumeric(t Text) bool {
	s := strings.TrimSpace(t.String())
	if s == "" {
		return false
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && (i == len(s) || isOrdinalSuffix(s[i:]))
}

func isOrdinalSuffix(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// ordinal writes an English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.
func ordinal(s string) string {
	s = strings.TrimSpace(s)
	digits := strings.TrimRightFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(digits)
	if err != nil {
		return s
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return digits + suffix
}

// issued is CSL's "issued" macro shared by the notes and the
// bibliography: the year alone for books and chapters, the full date for
// articles, letters and web pages; "n.d." when there is no date and the
// work cannot be dated by its access date.
func (r *rendering) issued() Text {
	d, ok := r.e.Dates["issued"]
	switch {
	case ok && !d.IsZero():
		if r.is("book", "bill", "chapter", "legislation", "motion_picture", "paper-conference", "song", "thesis") {
			y := d.yearForm()
			if d.Circa && d.Literal == "" && y != "" {
				y = "[" + y + "?]"
			}
			return plain(y)
		}
		return plain(d.textForm())
	case r.has("status"):
		return r.v("status")
	case r.has("accessed") && r.has("URL"):
		return nil
	}
	return plain("n.d.")
}

// originallyPublished is the original publication of a reprint or a
// translation: "1792", "London: J. Johnson, 1792".
func (r *rendering) originallyPublished() Text {
	var year Text
	if d := r.e.Dates["original-date"]; !d.IsZero() {
		y := d.yearForm()
		if d.Circa && d.Literal == "" {
			y = "[" + y + "?]"
		}
		year = plain(y)
	}
	return join(", ", join(": ", r.v("original-publisher-place"), r.v("original-publisher")), year)
}

// publisher is the place and publisher ("London: Jonathan Cape"); a
// thesis names its university, a speech its place.
func (r *rendering) publisher() Text {
	switch {
	case r.is("thesis"):
		return r.v("publisher")
	case r.is("speech"):
		return r.v("event-place")
	}
	return join(": ", r.v("publisher-place"), r.v("publisher"))
}

// collectionTitle is a series and its number.
func (r *rendering) collectionTitle() Text {
	if r.is("article-journal") {
		return nil
	}
	if isNumeric(r.v("collection-number")) {
		return join(" ", r.titled("collection-title"), r.v("collection-number"))
	}
	return join(", ", r.titled("collection-title"), r.v("collection-number"))
}

// collectionTitleJournal is a journal's series ("n.s.").
func (r *rendering) collectionTitleJournal() Text {
	if !r.is("article-journal") {
		return nil
	}
	return join(" ", r.v("collection-title"), r.v("collection-number"))
}

// locatorsNewspaper is a newspaper's edition and section.
func (r *rendering) locatorsNewspaper() Text {
	if !r.is("article-newspaper") {
		return nil
	}
	var ed, sec Text
	if e := r.v("edition"); !e.Empty() {
		ed = join(" ", e, plain("ed."))
	}
	if s := r.v("section"); !s.Empty() {
		sec = join(" ", plain("sec."), s)
	}
	return join(", ", ed, sec)
}

// page is the page variable with its range abbreviated.
func (r *rendering) page() Text {
	p := r.v("page")
	if p.Empty() {
		return nil
	}
	return plain(pageRange(p.String(), false))
}

// locatorText is the citation's locator with its range abbreviated.
func (r *rendering) locatorText() Text {
	if r.locator == "" {
		return nil
	}
	return plain(formatLocator(r.locator))
}

// labelText is the locator's label, except for pages, which Chicago
// leaves unlabelled.
func (r *rendering) labelText() Text {
	if r.locator == "" || r.label == "page" {
		return nil
	}
	return plain(locatorLabel(r.label, r.locator))
}

// url is the DOI as an address, else the URL, as a link.
func (r *rendering) url() Text {
	if doi := r.v("DOI").String(); doi != "" {
		u := "https://doi.org/" + doi
		return link(plain(u), u)
	}
	if u := r.v("URL").String(); u != "" {
		return link(plain(u), u)
	}
	return nil
}

// accessed is the date a web page was read, shown only when the page
// has no date of its own.
func (r *rendering) accessed(term string) Text {
	if r.has("issued") {
		return nil
	}
	d := r.e.Dates["accessed"]
	if d.IsZero() {
		return nil
	}
	return join(" ", plain(term), plain(d.textForm()))
}

// archived says whether the archive macros apply to the type.
func (r *rendering) archived() bool {
	return r.is("graphic", "report") || !r.is("article-journal", "bill", "book", "chapter", "legal_case", "legislation", "motion_picture", "paper-conference")
}
