package cite

import (
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Bibliography formats the entries as a sorted bibliography (or, in the
// author-date style, a reference list): one Text per entry, with the
// 3-em dash in place of the names repeated from the entry before.
func Bibliography(entries []*Entry, style Style) []Text {
	sorted := sortEntries(entries, style)
	var suffixes map[*Entry]string
	if style == AuthorDate {
		suffixes = yearSuffixes(entries)
	}
	out := make([]Text, 0, len(sorted))
	prevNames := ""
	for _, e := range sorted {
		r := newRendering(e, "", "")
		var names, rest Text
		if style == AuthorDate {
			names, rest = r.referenceAD(suffixes[e])
		} else {
			names, rest = r.bibEntry()
		}
		shown := names
		if s := names.String(); s != "" && s == prevNames {
			shown = plain("———")
		}
		prevNames = names.String()
		out = append(out, punctuate(concat(shown, rest, plain("."))))
	}
	return out
}

// sortEntries orders entries as the style's bibliography does: by the
// names (or the title of a work without them), then the title, the genre
// and the date in the notes style; the names, the date and the title in
// the author-date style.
func sortEntries(entries []*Entry, style Style) []*Entry {
	type keyed struct {
		e    *Entry
		keys []string
	}
	list := make([]keyed, len(entries))
	for i, e := range entries {
		list[i] = keyed{e, sortKeys(e, style)}
	}
	col := collate.New(language.Und, collate.IgnoreCase, collate.Loose)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].keys, list[j].keys
		for k := range a {
			switch {
			case a[k] == b[k]:
				continue
			case a[k] == "":
				return false // a missing key sorts last
			case b[k] == "":
				return true
			}
			if c := col.CompareString(a[k], b[k]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	out := make([]*Entry, len(list))
	for i, k := range list {
		out[i] = k.e
	}
	return out
}

// sortKeys returns an entry's sort keys, as plain text.
func sortKeys(e *Entry, style Style) []string {
	names := sortNames.format(firstNames(e)).String()
	if names == "" {
		names = e.Var("title").String()
	}
	date := dateKey(e.Dates["issued"])
	if style == AuthorDate {
		return []string{names, date, e.Var("title").String()}
	}
	return []string{names, e.Var("title").String(), e.Var("genre").String(), date}
}

// firstNames returns the author, else the editor, else the translator.
func firstNames(e *Entry) []Name {
	for _, role := range []string{"author", "editor", "translator"} {
		if names := e.Names[role]; len(names) > 0 {
			return names
		}
	}
	return nil
}

// dateKey makes a date sortable as text.
func dateKey(d Date) string {
	if d.IsZero() || d.Literal != "" {
		return d.Literal
	}
	p := d.From
	month := p.Month
	if p.Season > 0 {
		month = 12 + p.Season // as CSL-JSON writes seasons, after the months
	}
	return strings.Join([]string{pad(p.Year+10000, 5), pad(month, 2), pad(p.Day, 2)}, "-")
}

func pad(n, width int) string {
	s := itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// yearSuffixes gives the works of one author in one year the letters a,
// b, c … in the order of the reference list, as the author-date system
// requires ("Emerson 1841a").
func yearSuffixes(cited []*Entry) map[*Entry]string {
	groups := map[string][]*Entry{}
	for _, e := range sortEntries(uniqueEntries(cited), AuthorDate) {
		r := newRendering(e, "", "")
		key := r.authorAD().String() + "|" + r.dateInText("").String()
		groups[key] = append(groups[key], e)
	}
	out := map[*Entry]string{}
	for _, es := range groups {
		if len(es) < 2 {
			continue
		}
		for i, e := range es {
			if i < 26 {
				out[e] = string(rune('a' + i))
			}
		}
	}
	return out
}

// uniqueEntries drops repeated entries, keeping the first.
func uniqueEntries(es []*Entry) []*Entry {
	seen := map[*Entry]bool{}
	var out []*Entry
	for _, e := range es {
		if e != nil && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
