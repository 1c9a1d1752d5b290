package importer

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// starters are words that commonly open a sentence. A fused caption is
// split only before one of them, so that names written in camel case
// (McDonald, YouTube, PowerPoint) are never cut.
var starters = wordSet(`A An The This That These Those There Here It Its
	I We You He She They Our Their His Her My Your One Two Three Some Many Most Much
	Few All Each Every No Not Nor Neither Either Both Any Another Other
	In On At By For From With Without Within Into Onto Of To As After Before Since
	Until During Over Under Between Among Across Against Despite Through Throughout
	Around About Above Below Behind Beyond Near Along Amid Upon Like Unlike
	And But Or So Yet If When While Where Why How What Which Who Whose Whom Whether
	Although Though Because Once Unless Whatever Whenever Wherever However
	Today Yesterday Last Next Now Then Still Even Only Just Also Indeed Perhaps
	Years Days Weeks Months Decades Nearly Almost More Less Such Thousands
	Hundreds Millions Workers People Protesters Police Demonstrators Students`)

// wordSet returns a function that makes the set of the words in s the
// first time it is called: the sets are large, and building them at
// start-up would cost every process that links the importer, including
// each build, which never imports an article.
func wordSet(s string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
		return m
	})
}

// maxCaptionWords bounds the run of words taken for a caption.
const maxCaptionWords = 12

// fusedCaption finds an image caption that a scrape fused to the start of
// a paragraph with no space ("Leon TrotskyThe defeat of …", where "Leon
// Trotsky" captioned a picture): a run of capitalised words whose last is
// joined to a capitalised sentence opener. In the article's first
// paragraph, where a lead picture's caption lands, the caption may be in
// sentence case ("Strikers at the gateThe …"). It returns the caption and
// the paragraph without it, or ok false.
func fusedCaption(p string, first bool) (caption, rest string, ok bool) {
	words := 0
	for i := 0; i < len(p) && words < maxCaptionWords; {
		end := strings.IndexAny(p[i:], " \t\n")
		if end < 0 {
			end = len(p) - i
		}
		token := p[i : i+end]
		r, _ := utf8.DecodeRuneInString(token)
		if (words == 0 || !first) && !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' {
			return "", "", false
		}
		if at := fusePoint(token); at > 0 {
			caption = strings.TrimSpace(p[:i+at])
			if !strings.ContainsFunc(caption, unicode.IsLetter) {
				return "", "", false
			}
			return caption, p[i+at:], true
		}
		if !captionToken(token) {
			return "", "", false
		}
		words++
		i += end
		for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n') {
			i++
		}
	}
	return "", "", false
}

// fusePoint returns the byte offset in token where a sentence opener is
// joined to the end of a caption word — a lower-case letter, digit or
// closing bracket followed by a capital that begins a starter
// word — or 0.
func fusePoint(token string) int {
	var prev rune
	for i, r := range token {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev) || prev == ')') {
			word := token[i:]
			if j := strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }); j >= 0 {
				word = word[:j]
			}
			if starters()[word] {
				return i
			}
		}
		prev = r
	}
	return 0
}

// captionToken reports whether a word can be part of a caption: letters,
// digits and the punctuation of names and dates, no sentence end.
func captionToken(t string) bool {
	if strings.HasSuffix(t, ".") && len(t) > 3 {
		return false // "said." ends a sentence; "St." and "J." do not
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".,:'’-–()/&", r) {
			return false
		}
	}
	return true
}

// commentText makes text safe inside an HTML comment: "--" may not occur
// in one, nor may it end with "-".
func commentText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.TrimRight(s, "-")
}
