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
// A Hyphenator is built once per language and then only read, so one
// value may be shared by goroutines.
package hyphen

import (
	"fmt"
	"strconv"
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
	// patterns maps a pattern's letters ("ach", ".ad") to its values:
	// one digit before each letter and one after the last.
	patterns map[string][]uint8
	// maxRunes is the longest pattern, in letters.
	maxRunes int
	// exceptions maps a lower-case word to its hyphen positions.
	exceptions map[string][]int
}

// Parse reads a TeX pattern file: the patterns of its \patterns{…} and
// the words of its \hyphenation{…} exception list, with % comments. The
// hyphenmins come from the file's hyph-utf8 header, 2 and 3 when it has
// none. name is used in error messages.
func Parse(name string, src []byte) (*Hyphenator, error) {
	h := &Hyphenator{patterns: map[string][]uint8{}, exceptions: map[string][]int{}, LeftMin: 2, RightMin: 3}
	h.readMins(string(src))
	text := stripComments(string(src))
	pats, ok := group(text, `\patterns`)
	if !ok {
		return nil, fmt.Errorf("hyphen: %s has no \\patterns{…}", name)
	}
	for _, p := range strings.Fields(pats) {
		if err := h.addPattern(p); err != nil {
			return nil, fmt.Errorf("hyphen: %s: %w", name, err)
		}
	}
	if len(h.patterns) == 0 {
		return nil, fmt.Errorf("hyphen: %s has no patterns", name)
	}
	if exc, ok := group(text, `\hyphenation`); ok {
		h.AddExceptions(strings.Fields(exc)...)
	}
	return h, nil
}

// stripComments removes TeX comments: from an unescaped % to the line's
// end.
func stripComments(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.Lines(s) {
		if i := strings.IndexByte(line, '%'); i >= 0 && (i == 0 || line[i-1] != '\\') {
			b.WriteString(line[:i])
			b.WriteByte('\n')
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// group returns the text between the braces that follow cmd.
func group(text, cmd string) (string, bool) {
	i := strings.Index(text, cmd+"{")
	if i < 0 {
		return "", false
	}
	rest := text[i+len(cmd)+1:]
	j := strings.IndexByte(rest, '}')
	if j < 0 {
		return "", false
	}
	return rest[:j], true
}

// readMins reads the header's "hyphenmins" entry: the typesetting values
// when given, else the generation values.
func (h *Hyphenator) readMins(src string) {
	i := strings.Index(src, "% hyphenmins:")
	if i < 0 {
		return
	}
	section := ""
	for line := range strings.Lines(src[i+len("% hyphenmins:"):]) {
		line = strings.TrimSpace(strings.TrimPrefix(line, "%"))
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		switch key {
		case "generation", "typesetting":
			if section == "typesetting" {
				return
			}
			section = key
		case "":
			if section != "" {
				return
			}
		case "left", "right":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				continue
			}
			if key == "left" {
				h.LeftMin = n
			} else {
				h.RightMin = n
			}
		default:
			return
		}
	}
}

// addPattern adds one pattern such as ".ach4" or "a1b2c".
func (h *Hyphenator) addPattern(p string) error {
	var letters strings.Builder
	values := []uint8{0}
	for _, r := range p {
		if r >= '0' && r <= '9' {
			values[len(values)-1] = uint8(r - '0')
			continue
		}
		letters.WriteRune(unicode.ToLower(r))
		values = append(values, 0)
	}
	key := letters.String()
	if key == "" {
		return fmt.Errorf("pattern %q has no letters", p)
	}
	h.patterns[key] = values
	h.maxRunes = max(h.maxRunes, len(values)-1)
	return nil
}

// AddExceptions adds words hyphenated by hand ("as-so-ciate"); a word
// written without hyphens is never hyphenated. Later entries for the same
// word replace earlier ones, so a book's own list overrides the
// language's.
func (h *Hyphenator) AddExceptions(words ...string) {
	for _, w := range words {
		var plain strings.Builder
		var at []int
		n := 0
		for _, r := range w {
			if r == '-' {
				at = append(at, n)
				continue
			}
			plain.WriteRune(unicode.ToLower(r))
			n++
		}
		if n > 0 {
			h.exceptions[plain.String()] = at
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
	// One rune for one rune, so that points index the word as given.
	lower := strings.Map(unicode.ToLower, word)
	if at, ok := h.exceptions[lower]; ok {
		return h.trim(at, n)
	}
	// Offsets of each rune of ".word." so that every substring is a
	// slice of one string and map lookups allocate nothing.
	dotted := "." + lower + "."
	offs := make([]int, 0, n+3)
	for i := range dotted {
		offs = append(offs, i)
	}
	offs = append(offs, len(dotted))
	runes := len(offs) - 1
	values := make([]uint8, runes+1)
	for i := 0; i < runes; i++ {
		for j := i + 1; j <= runes && j-i <= h.maxRunes; j++ {
			v, ok := h.patterns[dotted[offs[i]:offs[j]]]
			if !ok {
				continue
			}
			for k, x := range v {
				if x > values[i+k] {
					values[i+k] = x
				}
			}
		}
	}
	var at []int
	// values[k+1] lies between rune k-1 and rune k of the word (the
	// leading dot shifts positions by one).
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
	k := 0
	for i, r := range []rune(word) {
		if k < len(at) && at[k] == i {
			b.WriteByte('-')
			k++
		}
		b.WriteRune(r)
	}
	return b.String()
}
