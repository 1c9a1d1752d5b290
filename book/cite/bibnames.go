package cite

import (
	"strings"
	"unicode"
)

// splitAnd splits a BibTeX list at the word "and" outside braces.
func splitAnd(v string) []string {
	var parts []string
	depth, start := 0, 0
	rs := []rune(v)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth == 0 && i > 0 && unicode.IsSpace(rs[i-1]) && i+3 < len(rs) &&
			strings.EqualFold(string(rs[i:i+3]), "and") && unicode.IsSpace(rs[i+3]) {
			parts = append(parts, strings.TrimSpace(string(rs[start:i])))
			start = i + 3
			i += 2
		}
	}
	parts = append(parts, strings.TrimSpace(string(rs[start:])))
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// bibWord is one word of a name: its TeX and its text.
type bibWord struct {
	tex, text string
}

// splitWords splits a name part into words at spaces and ties (~)
// outside braces.
func splitWords(s string) []bibWord {
	var out []bibWord
	for _, w := range splitOutsideBraces(s, func(r rune) bool { return unicode.IsSpace(r) || r == '~' }) {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, bibWord{w, strings.TrimSpace(latexPlain(w))})
		}
	}
	return out
}

// splitCommas splits a name at commas outside braces.
func splitCommas(s string) []string {
	return splitOutsideBraces(s, func(r rune) bool { return r == ',' })
}

// splitOutsideBraces cuts s at every rune sep accepts that stands outside
// braces, dropping those runes; the pieces are as written, empty ones
// included.
func splitOutsideBraces(s string, sep func(rune) bool) []string {
	var out []string
	depth, start := 0, 0
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '{':
			depth++
		case r == '}':
			depth--
		case depth == 0 && sep(r):
			out = append(out, string(rs[start:i]))
			start = i + 1
		}
	}
	return append(out, string(rs[start:]))
}

// capitalizedWord says whether a name word starts with a capital, as
// BibLaTeX decides between the "von" part and the last name; a word in
// braces counts as capitalized.
func capitalizedWord(w bibWord) bool {
	if strings.HasPrefix(w.tex, "{") && !strings.HasPrefix(w.tex, "{\\") {
		return true
	}
	for _, r := range w.text {
		switch {
		case unicode.IsUpper(r):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return true
}

func texts(ws []bibWord) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, w.text)
	}
	return strings.Join(parts, " ")
}

// readBibNames reads a BibTeX name list: "Last, First and First von Last and
// {Corporate Name}". It follows BibLaTeX's rules as pandoc applies them:
// the "von" words before the last name become a dropping particle.
func readBibNames(v string) []Name {
	var out []Name
	for _, part := range splitAnd(v) {
		if n := bibName(part); !n.IsZero() {
			out = append(out, n)
		}
	}
	return out
}

// bibName reads one name.
func bibName(s string) Name {
	s = strings.TrimSpace(s)
	if s == "others" {
		return Name{Literal: "others"}
	}
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && balancedOuter(s) {
		return Name{Literal: strings.TrimSpace(latexPlain(s[1 : len(s)-1]))}
	}
	s = spaceAfterInitials(s)
	commas := splitCommas(s)
	var first, vonLast, jr []bibWord
	switch len(commas) {
	case 1:
		words := splitWords(commas[0])
		i := 0
		for i < len(words) && capitalizedWord(words[i]) {
			i++
		}
		if i == len(words) && i > 0 {
			first, vonLast = words[:i-1], words[i-1:]
		} else {
			first, vonLast = words[:i], words[i:]
		}
	case 2:
		vonLast, first = splitWords(commas[0]), splitWords(commas[1])
	default:
		vonLast, jr, first = splitWords(commas[0]), splitWords(commas[1]), splitWords(commas[2])
	}
	var von, last []bibWord
	k := 0
	for k < len(vonLast) && !capitalizedWord(vonLast[k]) {
		k++
	}
	if k == len(vonLast) && k > 0 {
		von, last = vonLast[:k-1], vonLast[k-1:]
	} else {
		von, last = vonLast[:k], vonLast[k:]
	}
	return Name{
		Given:            texts(first),
		DroppingParticle: texts(von),
		Family:           texts(last),
		Suffix:           texts(jr),
	}
}

// balancedOuter reports whether the braces around s enclose all of it.
func balancedOuter(s string) bool {
	depth := 0
	for i, r := range s {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		}
	}
	return depth == 0
}

// spaceAfterInitials writes "J.G. Smith" as "J. G. Smith".
func spaceAfterInitials(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		b.WriteRune(r)
		if r == '.' && i > 0 && i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i+1]) &&
			(i == 1 || !unicode.IsLetter(rs[i-2])) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
