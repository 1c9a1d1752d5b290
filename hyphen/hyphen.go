// Package hyphen finds the places where a word may be hyphenated, with
// Frank Liang's algorithm (Word Hy-phen-a-tion by Com-put-er, 1983) and the
// TeX patterns of the hyph-utf8 project.
//
// The pattern files in patterns/ are shipped unmodified, with their
// copyright and licence headers, as Debian's texlive-lang-* packages
// install them: American and British English, German (reformed
// spelling), French, Spanish and Russian. Each file's own header gives
// the smallest number of letters to keep before and after a hyphen
// (its "hyphenmins"), which this package honours.
//
// Loading a language reads its embedded pattern file in place, into a
// hash table that points at the patterns in the file's text (see
// patternTable), so that a build pays a fraction of a millisecond for
// it. A Hyphenator is built once per language and then only read, so
// one value may be shared by goroutines.
package hyphen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hyphenator hyphenates the words of one language.
type Hyphenator struct {
	// Tag is the pattern set's language tag ("en-us", "de-1996").
	Tag string
	// LeftMin and RightMin are the fewest letters left before and after
	// a hyphen.
	LeftMin, RightMin int
	// patterns are the language's patterns (".ach4", "a1b2c"), looked
	// up by their letters.
	patterns patternTable
	// exceptions maps a lower-case word to its hyphen positions.
	exceptions map[string][]int
}

// AddExceptions adds words hyphenated by hand ("as-so-ciate"); a word
// written without hyphens is never hyphenated. Later entries for the same
// word replace earlier ones, so a book's own list overrides the
// language's.
func (h *Hyphenator) AddExceptions(words ...string) {
	if h.exceptions == nil {
		h.exceptions = make(map[string][]int, len(words))
	}
	// The words' letters share one string and their points one array,
	// rather than a string and a slice for each word.
	size, hyphens := 0, 0
	for _, w := range words {
		size += len(w)
		hyphens += strings.Count(w, "-")
	}
	var letters strings.Builder
	letters.Grow(size)
	points := make([]int, 0, hyphens)
	for _, w := range words {
		start, first := letters.Len(), len(points)
		n := 0
		for _, r := range w {
			switch {
			case r == '-':
				points = append(points, n)
				continue
			case r < utf8.RuneSelf && (r < 'A' || r > 'Z'):
				letters.WriteByte(byte(r))
			default:
				letters.WriteRune(unicode.ToLower(r))
			}
			n++
		}
		if n > 0 {
			h.exceptions[letters.String()[start:]] = points[first:len(points):len(points)]
		}
	}
}

// Points returns where word may be hyphenated: each point k means a
// hyphen may go between the word's runes k-1 and k. The word is taken as
// letters only (the caller splits off punctuation); exceptions come
// first, then the patterns, and no point leaves fewer than LeftMin runes
// before or RightMin after it.
func (h *Hyphenator) Points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < h.LeftMin+h.RightMin {
		return nil
	}
	// The word in lower case between dots, which patterns match at its
	// ends, and a value for each gap between its runes; both on the
	// stack for most words. Lower case is one rune for one rune, so
	// that points index the word as given, and an invalid byte becomes
	// U+FFFD, as strings.Map has it.
	var dottedBuf [64]byte
	dotted := append(dottedBuf[:0], '.')
	for _, r := range word {
		if r < utf8.RuneSelf && (r < 'A' || r > 'Z') {
			dotted = append(dotted, byte(r))
			continue
		}
		dotted = utf8.AppendRune(dotted, unicode.ToLower(r))
	}
	if at, ok := h.exceptions[string(dotted[1:])]; ok {
		return h.trim(at, n)
	}
	dotted = append(dotted, '.')
	var valuesBuf [64]uint8
	values := valuesBuf[:0]
	values = append(values, make([]uint8, n+3)...)
	t := &h.patterns
	// Every substring of up to maxRunes runes that may begin a pattern,
	// hashed as it grows.
	for i, start := 0, 0; start < len(dotted); i++ {
		hash := uint64(hashSeed)
		end := start
		for runes := 0; end < len(dotted) && runes < t.maxRunes; runes++ {
			hash = hashByte(hash, dotted[end])
			end++
			for end < len(dotted) && dotted[end]&0xc0 == 0x80 {
				hash = hashByte(hash, dotted[end])
				end++
			}
			tag := tagOf(hash)
			if !t.mayBegin(tag) {
				break
			}
			if p, ok := t.lookup(dotted[start:end], tag); ok {
				raise(values[i:], p)
			}
		}
		start++
		for start < len(dotted) && dotted[start]&0xc0 == 0x80 {
			start++
		}
	}
	// values[k+1] lies between rune k-1 and rune k of the word (the
	// leading dot shifts positions by one).
	odd := 0
	for k := h.LeftMin; k <= n-h.RightMin; k++ {
		odd += int(values[k+1] % 2)
	}
	if odd == 0 {
		return nil
	}
	at := make([]int, 0, odd)
	for k := h.LeftMin; k <= n-h.RightMin; k++ {
		if values[k+1]%2 == 1 {
			at = append(at, k)
		}
	}
	return at
}

// trim drops the points of an exception that the hyphenmins forbid.
func (h *Hyphenator) trim(at []int, n int) []int {
	var out []int
	for _, k := range at {
		if k >= h.LeftMin && k <= n-h.RightMin {
			out = append(out, k)
		}
	}
	return out
}

// Hyphenate returns word with a hyphen at each of its points, for
// reading and testing ("hy-phen-ation").
func (h *Hyphenator) Hyphenate(word string) string {
	at := h.Points(word)
	var b strings.Builder
	b.Grow(len(word) + len(at))
	i, k := 0, 0
	for _, r := range word {
		if k < len(at) && at[k] == i {
			b.WriteByte('-')
			k++
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}
