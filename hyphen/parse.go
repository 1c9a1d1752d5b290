package hyphen

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads a TeX pattern file: the patterns of its \patterns{…} and
// the words of its \hyphenation{…} exception list, with % comments. The
// hyphenmins come from the file's hyph-utf8 header, 2 and 3 when it has
// none. name is used in error messages.
func Parse(name string, src []byte) (*Hyphenator, error) {
	// The Hyphenator keeps the text, which src's owner may change.
	return parse(name, string(src))
}

// parse is Parse of a text that the Hyphenator may keep: Load's are the
// pattern files embedded in the program, read in place.
func parse(name, src string) (*Hyphenator, error) {
	if uint64(len(src)) >= 1<<32 {
		return nil, fmt.Errorf("hyphen: %s is larger than 4 GB", name)
	}
	h := &Hyphenator{LeftMin: 2, RightMin: 3}
	h.readMins(src)
	start := findGroup(src, `\patterns{`)
	if start < 0 {
		return nil, fmt.Errorf("hyphen: %s has no \\patterns{…}", name)
	}
	t, err := readPatterns(src, start)
	if errors.Is(err, errUnclosed) {
		return nil, fmt.Errorf("hyphen: %s has no \\patterns{…}", name)
	}
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s: %w", name, err)
	}
	if t.count == 0 {
		return nil, fmt.Errorf("hyphen: %s has no patterns", name)
	}
	h.patterns = *t
	if start := findGroup(src, `\hyphenation{`); start >= 0 {
		g := newGroupWords(src, start)
		var words []string
		for s, e, ok := g.next(); ok; s, e, ok = g.next() {
			words = append(words, src[s:e])
		}
		if g.closed {
			h.AddExceptions(words...)
		}
	}
	return h, nil
}

// errUnclosed is a group without its closing brace.
var errUnclosed = errors.New("group has no closing }")

// readPatterns reads the patterns of the group that begins at
// src[start:] into a table over src itself; when some pattern is not
// written as its key (a capital, say), over a copy of the patterns with
// every letter in lower case.
func readPatterns(src string, start int) (*patternTable, error) {
	g := newGroupWords(src, start)
	t := newPatternTable(src, estimatePatterns(src, start))
	var lower lowerRunes
	for s, e, ok := g.next(); ok; s, e, ok = g.next() {
		plain, err := t.add(s, e, &lower)
		if !plain {
			return readLowered(lowerPatterns(src, start))
		}
		if err != nil {
			return nil, firstError(err, &g)
		}
	}
	if !g.closed {
		return nil, errUnclosed
	}
	return t, nil
}

// firstError returns err, a pattern's, unless the group it is in has no
// closing brace: then there is no group to have read a pattern from.
func firstError(err error, g *groupWords) error {
	for _, _, ok := g.next(); ok; _, _, ok = g.next() {
	}
	if !g.closed {
		return errUnclosed
	}
	return err
}

// lowerPatterns returns the patterns of the group that begins at
// src[start:] with their letters in lower case, a pattern to a line, and
// whether the group is closed.
func lowerPatterns(src string, start int) (string, bool) {
	g := newGroupWords(src, start)
	var b strings.Builder
	for s, e, ok := g.next(); ok; s, e, ok = g.next() {
		for _, r := range src[s:e] {
			if r < utf8.RuneSelf && (r < 'A' || r > 'Z') {
				b.WriteByte(byte(r))
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		}
		b.WriteByte('\n')
	}
	return b.String(), g.closed
}

// readLowered reads the patterns lowerPatterns returns.
func readLowered(text string, closed bool) (*patternTable, error) {
	if !closed {
		return nil, errUnclosed
	}
	t := newPatternTable(text, strings.Count(text, "\n"))
	var lower lowerRunes
	for start := 0; start < len(text); {
		end := start + strings.IndexByte(text[start:], '\n')
		if _, err := t.add(start, end, &lower); err != nil {
			return nil, err
		}
		start = end + 1
	}
	return t, nil
}

// estimatePatterns guesses how many patterns the group that begins at
// src[start:] holds, so that the table is made large enough at once,
// and not much larger: most pattern files give a pattern a line, and
// those that give several a line (Spanish) have one in every ten bytes
// or fewer. A wrong guess costs time or memory, never a pattern.
func estimatePatterns(src string, start int) int {
	text := src[start:]
	if end := strings.IndexByte(text, '}'); end >= 0 {
		text = text[:end]
	}
	return max(strings.Count(text, "\n")+1, len(text)/10)
}
