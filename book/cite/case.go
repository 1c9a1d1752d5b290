package cite

import (
	"strings"
	"unicode"
)

// stopWords stay lower case inside a title: CSL's list, with the name
// particles citeproc adds so that "van" and "de" in a title are left alone.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"down": true, "for": true, "from": true, "in": true, "into": true, "nor": true,
	"of": true, "on": true, "onto": true, "or": true, "over": true, "so": true,
	"the": true, "till": true, "to": true, "up": true, "via": true, "with": true,
	"yet": true, "about": true, "van": true, "von": true, "de": true, "d": true, "l": true,
}

// caseState is where a word stands in a title, after citeproc's case
// transformer.
type caseState int

const (
	atStart caseState = iota
	atSentenceStart
	afterWordEnd
	afterWordChar
	afterSentencePunct
	afterOtherPunct
)

// caseChange changes one word given where it stands; last marks the
// title's last word.
type caseChange func(word string, st caseState, last bool) string

// titleWord is CSL's title case for one word: a word all in lower case
// gets a capital unless it is a stop word inside the title; words with
// capitals, words with letters outside ASCII and one-letter words inside
// the title are left as written.
func titleWord(w string, st caseState, last bool) string {
	switch {
	case mixedCase(w), allUpper(w), !ascii(w):
		return w
	case st == atStart || st == atSentenceStart:
		return capitalize(strings.ToLower(w))
	case st == afterWordEnd && (last || !stopWords[w]) && len(w) > 1:
		return capitalize(strings.ToLower(w))
	}
	return w
}

// sentenceWord is CSL's sentence case for one word, which pandoc applies
// to English BibTeX titles: a capitalized word inside the title loses its
// capital; the first word gets one.
func sentenceWord(w string, st caseState, last bool) string {
	start := st == atStart || st == atSentenceStart
	switch {
	case capitalized(w) && !start:
		return strings.ToLower(w)
	case (capitalized(w) || allLower(w)) && start:
		return capitalize(strings.ToLower(w))
	}
	return w
}

// changeCase applies a word rule to the unprotected runs of t. Words are
// runs of letters and digits; the state tracks sentence starts (after
// ". ", ": ", "? ", "! ") and word ends (spaces, hyphens, slashes, dashes)
// across the protected runs too.
func changeCase(t Text, rule caseChange) Text {
	type word struct{ run, start, end int }
	var words []word
	for i, r := range t {
		rs := []rune(r.S)
		for j := 0; j < len(rs); {
			k := j
			if isWordRune(rs[j]) {
				for k < len(rs) && isWordRune(rs[k]) && asciiClass(rs[k]) == asciiClass(rs[j]) {
					k++
				}
				words = append(words, word{i, j, k})
			} else {
				k++
			}
			j = k
		}
	}
	lastWord := len(words) - 1
	out := make(Text, len(t))
	copy(out, t)
	st := atStart
	wi := 0
	for i, r := range t {
		rs := []rune(r.S)
		var b strings.Builder
		for j := 0; j < len(rs); {
			if wi < len(words) && words[wi].run == i && words[wi].start == j {
				w := string(rs[j:words[wi].end])
				if !r.NoCase {
					w = rule(w, st, wi == lastWord)
				}
				b.WriteString(w)
				st = afterWordChar
				j = words[wi].end
				wi++
				continue
			}
			c := rs[j]
			b.WriteRune(c)
			switch {
			case c == '.' || c == '?' || c == '!' || c == ':':
				st = afterSentencePunct
			case c == '“' || c == '‘':
				// an opening quotation mark leaves the state as it was
			case unicode.IsSpace(c) && st == afterSentencePunct:
				st = atSentenceStart
			case unicode.IsSpace(c) || c == '-' || c == '/' || c == '–' || c == '—':
				st = afterWordEnd
			default:
				st = afterOtherPunct
			}
			j++
		}
		out[i].S = b.String()
	}
	return out
}

// titleCase sets an English title in title case.
func titleCase(t Text) Text { return changeCase(t, titleWord) }

// sentenceCase sets a title in sentence case, protecting braced words.
func sentenceCase(t Text) Text { return changeCase(t, sentenceWord) }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiClass keeps letters outside ASCII in words of their own, as
// citeproc does, so that "Über" is left alone while "formal" is not.
func asciiClass(r rune) bool { return r < 128 }

func mixedCase(w string) bool {
	return strings.IndexFunc(w, unicode.IsUpper) >= 0 && strings.IndexFunc(w, unicode.IsLower) >= 0
}

func allUpper(w string) bool { return strings.IndexFunc(w, unicode.IsLower) < 0 }

func allLower(w string) bool { return strings.IndexFunc(w, unicode.IsUpper) < 0 }

func ascii(w string) bool {
	for _, r := range w {
		if r >= 128 {
			return false
		}
	}
	return true
}

// capitalized reports an initial capital followed by lower case only.
func capitalized(w string) bool {
	rs := []rune(w)
	if len(rs) == 0 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func capitalize(w string) string {
	rs := []rune(w)
	if len(rs) == 0 {
		return w
	}
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}
