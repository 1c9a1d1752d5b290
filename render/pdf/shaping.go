package pdf

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"samizdat/book"
	"samizdat/hyphen"
)

// ligatures are the f-ligatures, longest first so that "ffi" becomes one
// glyph rather than "ff" and "i".
var ligatures = [...]struct {
	seq string
	lig rune
}{
	{"ffi", 'ﬃ'}, {"ffl", 'ﬄ'}, {"ff", 'ﬀ'}, {"fi", 'ﬁ'}, {"fl", 'ﬂ'},
}

// ligate replaces f-ligature sequences in s by the ligature glyphs the
// face f has. It is applied to one syllable at a time (see word), so no
// ligature bridges a hyphenation point: Liang's patterns put those at
// syllable and compound boundaries ("shelf-ful", "Auf-lage"), where a
// ligature would join letters that belong to different parts of the
// word. Code and letter-spaced text are never ligated.
func (ts *typesetter) ligate(f Font, s string) string {
	if f == FontMono || !strings.Contains(s, "f") {
		return s
	}
	face := ts.faces[f]
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := false
		for _, l := range ligatures {
			if strings.HasPrefix(s[i:], l.seq) && ts.hasGlyph(f, face.Has, l.lig) {
				b.WriteRune(l.lig)
				i += len(l.seq)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// geminateLigatures reports whether a ligature may join the two f's of
// a word hyphenated between them in the current language. In English,
// French, Spanish and Russian a hyphen between doubled letters splits
// syllables ("of-fice", "ef-fort"), so the word set whole keeps its
// ligature; in German it is as often the joint of a compound
// ("Auf-fahrt", "Schaf-fell"), which takes none, so German words never
// ligate across a hyphenation point.
func (ts *typesetter) geminateLigatures() bool {
	return ts.hyph != nil && !strings.HasPrefix(ts.hyph.Tag, "de")
}

// joinLigature joins two syllables, the first ending in f and the
// second starting with f (or a ligature that starts with one), into the
// ligature the face has for the letters across the join.
func (ts *typesetter) joinLigature(f Font, a, b string) string {
	first, size := utf8.DecodeRuneInString(b)
	var lig rune
	switch first {
	case 'f':
		lig = 'ﬀ'
	case 'ﬁ':
		lig = 'ﬃ'
	case 'ﬂ':
		lig = 'ﬄ'
	}
	if lig == 0 || !strings.HasSuffix(a, "f") || !ts.hasGlyph(f, ts.faces[f].Has, lig) {
		return a + b
	}
	if lig == 'ﬀ' && (strings.HasPrefix(b, "fi") || strings.HasPrefix(b, "fl")) {
		return a + b
	}
	return a[:len(a)-1] + string(lig) + b[size:]
}

// hasGlyph reports whether face f has r, remembering the answer.
func (ts *typesetter) hasGlyph(f Font, has func(rune) bool, r rune) bool {
	if r < 128 {
		known := &ts.ascii[f]
		if known[r] == 0 {
			known[r] = 2
			if has(r) {
				known[r] = 1
			}
		}
		return known[r] == 1
	}
	key := glyphKey{f, r}
	v, ok := ts.glyphs[key]
	if !ok {
		v = has(r)
		ts.glyphs[key] = v
	}
	return v
}

// glyphKey names a character in a face.
type glyphKey struct {
	font Font
	r    rune
}

// unligate spells ligature glyphs out as their letters, for text that is
// read back (the PDF's ActualText) rather than drawn.
func unligate(s string) string {
	if !hasLigature(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if seq := ligatureLetters(r); seq != "" {
			b.WriteString(seq)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ligatureLetters returns the letters of a ligature glyph, or "".
func ligatureLetters(r rune) string {
	for _, l := range ligatures {
		if l.lig == r {
			return l.seq
		}
	}
	return ""
}

// hasLigature reports whether s holds a ligature glyph.
func hasLigature(s string) bool {
	for _, r := range s {
		if r >= 'ﬀ' && r <= 'ﬄ' {
			return true
		}
	}
	return false
}

// hyphenator returns the hyphenator of a language, loading it once per
// typesetter; nil, with a warning, when there are no patterns for it.
func (ts *typesetter) hyphenator(lang string) *hyphen.Hyphenator {
	tag := hyphen.PatternTag(lang)
	if tag == "" {
		if lang != "" {
			ts.warnf(book.Pos{}, "no hyphenation patterns for language %q (samizdat has en, en-GB, de, fr, es and ru); its words are not hyphenated", lang)
		}
		return nil
	}
	h, err := ts.hyphenators.get(tag, ts.settings.HyphenExceptions)
	if err != nil {
		ts.warnf(book.Pos{}, "%v; words are not hyphenated", err)
	}
	return h
}

// patternCache holds the hyphenation patterns a layout has loaded, one
// set per tag, for all the typesetters of the layout: a Hyphenator only
// reads its patterns once it is made, so one can serve several
// goroutines.
type patternCache struct {
	mu   sync.Mutex
	sets map[string]patternSet
}

// patternSet is a loaded pattern set, or why it could not be loaded.
type patternSet struct {
	h   *hyphen.Hyphenator
	err error
}

// get returns the patterns for tag with the book's exceptions added,
// loading them on first use. A set that failed to load gives its error
// to every caller, so that each typesetter warns about it where it
// first needed it.
func (c *patternCache) get(tag string, exceptions []string) (*hyphen.Hyphenator, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.sets[tag]; ok {
		return s.h, s.err
	}
	h, err := hyphen.Load(tag)
	if err == nil {
		h.AddExceptions(exceptions...)
	}
	c.sets[tag] = patternSet{h, err}
	return h, err
}

// hyphenPoints returns the rune offsets in word where it may be
// hyphenated in the current language. Words that are not plain words are
// never hyphenated: those with digits or the punctuation of addresses,
// file names and code (web addresses, "book.yaml", "user@host"), and
// words in capitals (acronyms).
func (ts *typesetter) hyphenPoints(word string) []int {
	h := ts.hyph
	if h == nil || utf8.RuneCountInString(word) < h.LeftMin+h.RightMin {
		return nil
	}
	return wordPoints(h, word)
}

// wordPoints finds the hyphenation points of the letters in word, which
// may carry punctuation before and after ("“Hyphenation,”"). A word with
// digits, or with anything but letters and apostrophes between its first
// and last letter (web addresses, "book.yaml", "user@host"), is left
// whole.
func wordPoints(h *hyphen.Hyphenator, word string) []int {
	rs := []rune(word)
	first, last := -1, -1
	for i, r := range rs {
		if unicode.IsDigit(r) {
			return nil
		}
		if unicode.IsLetter(r) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return nil
	}
	core := rs[first : last+1]
	upper := 0
	for _, r := range core {
		if !unicode.IsLetter(r) && r != '’' && r != '\'' {
			return nil
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper > 1 && upper == countLetters(core) {
		return nil
	}
	at := h.Points(string(core))
	for i := range at {
		at[i] += first
	}
	return at
}

// countLetters counts the letters of rs.
func countLetters(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// unitsOf returns the width of s in face f in font units, kerning
// included, remembering it: words recur, and are measured again when a
// line is set.
func (ts *typesetter) unitsOf(f Font, s string) int {
	m := ts.units[f]
	if u, ok := m[s]; ok {
		return u
	}
	u := ts.faces[f].Units(s)
	m[s] = u
	return u
}
