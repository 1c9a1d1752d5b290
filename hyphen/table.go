package hyphen

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// patternTable holds a language's patterns as they are written in its
// pattern file (".ach4", "a1b2c"): an open-addressing hash table whose
// entries point at the patterns in the file's text, which the table
// keeps. It is built in one pass over the file, with no copy of the
// patterns and no allocation per pattern, because a build loads the
// patterns anew each time and would otherwise spend more on reading
// them than on hyphenating a book's words. A pattern's letters are the
// key, read by skipping its digits; its digits are its values, read
// only when a word contains it.
type patternTable struct {
	// text holds the patterns, each ended by white space, a } or the
	// text's end.
	text string
	// slots is the hash table, a power of two long and at most three
	// quarters full: 0 when empty, else where a pattern begins in text,
	// plus one, in the high 32 bits and its key's tag (see tagOf) in the
	// low 32.
	slots []uint64
	// shift turns a tag into its home slot: tag >> shift.
	shift uint
	// prefixes is a Bloom filter with one hash (the tag's low bits) of
	// the patterns' keys and of every run of letters that begins one
	// (".a", ".ac" for ".ach4"): a substring of a word whose bit is
	// clear begins no pattern, so Points looks no further along the
	// word. It has 8 bits for each slot.
	prefixes []uint64
	// count is how many slots are full.
	count int
	// maxRunes is the longest pattern, in letters.
	maxRunes int
}

// The hash of a pattern's letters is 64-bit FNV-1a over their UTF-8
// bytes, so that a word's substrings can be hashed a byte at a time as
// they grow.
const (
	hashSeed  = 14695981039346656037
	hashPrime = 1099511628211
)

// hashByte extends the hash h of some letters by the byte c.
func hashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * hashPrime }

// tagOf scrambles a hash (Fibonacci hashing) into the 32 bits that a
// slot keeps: its top bits choose the home slot, and all of them reject
// most other keys before their letters are compared.
func tagOf(h uint64) uint32 { return uint32((h * 0x9e3779b97f4a7c15) >> 32) }

// newPatternTable returns an empty table over text, with room for about
// n patterns before it grows. The text must be shorter than 4 GB, for
// a slot keeps where a pattern begins in 32 bits.
func newPatternTable(text string, n int) *patternTable {
	bits := uint(4)
	for 3<<bits < 4*n {
		bits++
	}
	return &patternTable{text: text, slots: make([]uint64, 1<<bits), shift: 32 - bits, prefixes: make([]uint64, 1<<bits/8)}
}

// add adds the pattern text[start:end], replacing an earlier pattern
// with the same letters as TeX does. It reports false, adding nothing,
// when the table cannot read the pattern from the text as it stands:
// when a letter is not in lower case, the UTF-8 is not valid or the
// pattern does not end at white space (see lowerPatterns).
func (t *patternTable) add(start, end int, lower *lowerRunes) (ok bool, err error) {
	if end < len(t.text) && !endsPattern(t.text[end]) {
		return false, nil
	}
	if 4*(t.count+1) > 3*len(t.slots) {
		t.grow() // before the pattern's prefixes are marked
	}
	p := t.text[start:end]
	h := uint64(hashSeed)
	runes := 0
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c >= '0' && c <= '9':
			i++
			continue
		case c < utf8.RuneSelf:
			if c >= 'A' && c <= 'Z' {
				return false, nil
			}
			h = hashByte(h, c)
			i++
			t.markPrefix(tagOf(h))
		default:
			// Two-byte runes (Latin, Greek and Cyrillic letters) are
			// decoded here; others by utf8.
			var r rune
			size := 2
			if c >= 0xc2 && c < 0xe0 && i+1 < len(p) && p[i+1]&0xc0 == 0x80 {
				r = rune(c&0x1f)<<6 | rune(p[i+1]&0x3f)
			} else {
				r, size = utf8.DecodeRuneInString(p[i:])
			}
			if r == utf8.RuneError && size == 1 || lower[r&63] != r && !lower.learn(r) {
				return false, nil
			}
			for end := i + size; i < end; i++ {
				h = hashByte(h, p[i])
			}
			t.markPrefix(tagOf(h))
		}
		runes++
	}
	if runes == 0 {
		return true, fmt.Errorf("pattern %q has no letters", p)
	}
	t.maxRunes = max(t.maxRunes, runes)
	tag := tagOf(h)
	entry := uint64(start+1)<<32 | uint64(tag)
	mask := len(t.slots) - 1
	for i := int(tag >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = entry
			t.count++
			return true, nil
		}
		if uint32(s) == tag && sameLetters(t.pattern(s), p) {
			t.slots[i] = entry
			return true, nil
		}
	}
}

// lowerRunes remembers runes beyond ASCII that are in lower case, as
// unicode.ToLower has it, each r at r&63: a pattern file uses a few
// dozen letters many thousand times, and the case tables take a search.
type lowerRunes [64]rune

// learn reports whether r is in lower case, remembering it if so.
func (c *lowerRunes) learn(r rune) bool {
	if unicode.ToLower(r) != r {
		return false
	}
	c[r&63] = r
	return true
}

// endsPattern reports whether c ends a pattern in the table's text.
func endsPattern(c byte) bool { return isASCIISpace(c) || c == '}' }

// markPrefix sets the bit of prefixes for a tag.
func (t *patternTable) markPrefix(tag uint32) {
	i := tag & uint32(len(t.prefixes)*64-1)
	t.prefixes[i/64] |= 1 << (i % 64)
}

// mayBegin reports whether the letters of a tag may begin a pattern.
func (t *patternTable) mayBegin(tag uint32) bool {
	i := tag & uint32(len(t.prefixes)*64-1)
	return t.prefixes[i/64]&(1<<(i%64)) != 0
}

// grow doubles the table. A slot's tag is enough to place it anew; the
// prefix filter, doubled too, is filled again from the patterns.
func (t *patternTable) grow() {
	old := t.slots
	t.slots = make([]uint64, 2*len(old))
	t.prefixes = make([]uint64, 2*len(t.prefixes))
	t.shift--
	mask := len(t.slots) - 1
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := int(uint32(s) >> t.shift)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		h := uint64(hashSeed)
		p := t.pattern(s)
		for j := 0; j < len(p); j++ {
			if c := p[j]; c < '0' || c > '9' {
				h = hashByte(h, c)
				if j+1 == len(p) || p[j+1]&0xc0 != 0x80 {
					t.markPrefix(tagOf(h))
				}
			}
		}
	}
}

// pattern returns the pattern of a full slot, digits and all.
func (t *patternTable) pattern(slot uint64) string {
	p := t.text[slot>>32-1:]
	for i := 0; i < len(p); i++ {
		if endsPattern(p[i]) {
			return p[:i]
		}
	}
	return p
}

// lookup returns the pattern whose letters are key, given key's tag.
func (t *patternTable) lookup(key []byte, tag uint32) (string, bool) {
	mask := len(t.slots) - 1
	for i := int(tag >> t.shift); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return "", false
		}
		if uint32(s) == tag {
			if p := t.pattern(s); lettersAre(p, key) {
				return p, true
			}
		}
	}
}

// lettersAre reports whether pattern p, its digits skipped, is key.
func lettersAre(p string, key []byte) bool {
	k := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= '0' && c <= '9' {
			continue
		}
		if k == len(key) || key[k] != c {
			return false
		}
		k++
	}
	return k == len(key)
}

// sameLetters reports whether patterns p and q have the same letters.
func sameLetters(p, q string) bool {
	i, j := 0, 0
	for {
		for i < len(p) && p[i] >= '0' && p[i] <= '9' {
			i++
		}
		for j < len(q) && q[j] >= '0' && q[j] <= '9' {
			j++
		}
		if i == len(p) || j == len(q) {
			return i == len(p) && j == len(q)
		}
		if p[i] != q[j] {
			return false
		}
		i++
		j++
	}
}

// raise raises values to pattern p's values where they are higher: the
// digit before p's first letter applies to values[0], the one after its
// k-th letter to values[k]. Of several digits in a row, the last counts.
func raise(values []uint8, p string) {
	k := 0
	var v uint8
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c&0xc0 != 0x80: // a letter begins
			values[k] = max(values[k], v)
			v = 0
			k++
		}
	}
	values[k] = max(values[k], v)
}
