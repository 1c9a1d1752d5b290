package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteShape says how a paragraph stands to quotation marks.
type quoteShape int

const (
	// notQuoted: the paragraph does not open with a quotation mark, or
	// the quotation it opens closes before its end.
	notQuoted quoteShape = iota
	// quotedWhole: wholly enclosed in quotation marks.
	quotedWhole
	// quotedOpen: opens a quotation that is still open at its end — in
	// the old convention, a quotation that goes on in the next paragraph,
	// which opens with a quotation mark again.
	quotedOpen
)

// shapeOf finds the shape of paragraph p by pairing its quotation marks.
// Curly marks say which way they face; a straight mark opens when it
// follows a space, a bracket or a dash (or starts the text) and closes
// otherwise, so that quotations nested in straight marks pair correctly.
func shapeOf(p string) quoteShape {
	p = strings.TrimSpace(p)
	if !strings.HasPrefix(p, `"`) && !strings.HasPrefix(p, "“") {
		return notQuoted
	}
	depth := 0
	prev := ' '
	for i, r := range p {
		switch {
		case r == '“' || r == '"' && opens(prev):
			depth++
		case r == '”' || r == '"':
			depth--
			if depth <= 0 {
				if i+utf8.RuneLen(r) == len(p) {
					return quotedWhole
				}
				return notQuoted
			}
		}
		prev = r
	}
	return quotedOpen
}

// opens reports whether a straight quotation mark after prev opens a
// quotation.
func opens(prev rune) bool {
	return unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev)
}

// unquote strips the opening mark of a quoted paragraph and, when it is
// wholly quoted, the closing mark.
func unquote(p string, shape quoteShape) string {
	p = strings.TrimSpace(p)
	_, n := utf8.DecodeRuneInString(p)
	p = p[n:]
	if shape == quotedWhole {
		_, n := utf8.DecodeLastRuneInString(p)
		p = p[:len(p)-n]
	}
	return strings.TrimSpace(p)
}

// quoteGroups finds the quotations among paragraphs: a run of consecutive
// quoted paragraphs that ends with one whose quotation closes. It returns,
// for each paragraph index that starts a quotation, how many paragraphs
// the quotation takes, and the indexes of paragraphs that open a
// quotation that never closes.
func quoteGroups(shapes []quoteShape, quotable []bool) (groups map[int]int, unclosed []int) {
	groups = map[int]int{}
	for i := 0; i < len(shapes); {
		if !quotable[i] || shapes[i] == notQuoted {
			i++
			continue
		}
		j, lastClosed := i, -1
		for j < len(shapes) && quotable[j] && shapes[j] != notQuoted {
			if shapes[j] == quotedWhole {
				lastClosed = j
			}
			j++
		}
		start := i
		if lastClosed >= 0 {
			groups[i] = lastClosed - i + 1
			start = lastClosed + 1
		}
		for k := start; k < j; k++ {
			unclosed = append(unclosed, k)
		}
		i = j
	}
	return groups, unclosed
}
