package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// object stands for an inline that is not text (code, an image, a note
// reference) when quotes look at their neighbours: it counts as a letter.
const object = '\uFFFC'

// Smarten typographs a run of text pieces that read as one passage (the
// text nodes of one paragraph, in order). Quotes decide between opening and
// closing by looking across piece boundaries, so `"*word*"` curls
// correctly. A piece equal to "\uFFFC" is a placeholder for a non-text
// inline; it is returned unchanged.
func Smarten(pieces []string, st Style) []string {
	// All pieces as one rune slice, so marks can look across pieces; ends
	// records where each piece stops. Sized up front: a 20 MB paragraph
	// must not cost gigabytes in append growth.
	n := 0
	for _, p := range pieces {
		n += utf8.RuneCountInString(p)
	}
	all := make([]rune, 0, n)
	ends := make([]int, len(pieces))
	for i, p := range pieces {
		for _, r := range p {
			all = append(all, r)
		}
		ends[i] = len(all)
	}
	out := make([]buffer, len(pieces))
	for i, p := range pieces {
		out[i] = make(buffer, 0, len(p))
	}
	at := func(i int) rune {
		if i < 0 || i >= len(all) {
			return ' '
		}
		return all[i]
	}
	cur := 0 // the piece holding rune i
	same := func(i, j int) bool { return j < ends[cur] }
	// Open quotations, so that a mark whose neighbours leave it ambiguous
	// closes what is open instead of opening again.
	doubleOpen, singleOpen := false, false
	for i := 0; i < len(all); i++ {
		for i >= ends[cur] {
			cur++
		}
		r, w := all[i], &out[cur]
		switch {
		case r == '-' && same(i, i+2) && all[i+1] == '-' && all[i+2] == '-':
			w.WriteRune('—')
			i += 2
		case r == '-' && same(i, i+1) && all[i+1] == '-':
			w.WriteRune('–')
			i++
		case r == '-' && unicode.IsSpace(at(i-1)) && i > 0 && (at(i+1) == ' ' || at(i+1) == '\n'):
			// A spaced hyphen is a spaced en dash; the space before it
			// becomes unbreakable so the dash never starts a line.
			trimSpaceBefore(w)
			w.WriteString(nbsp + "–")
		case r == '.' && same(i, i+2) && all[i+1] == '.' && all[i+2] == '.':
			w.WriteRune('…')
			i += 2
		case r == '"' && st.InnerSpace != "":
			// Languages with spaced marks: authors often type the spaces
			// themselves (" bonjour "), so the space decides nothing.
			closing := doubleOpen && (unicode.IsSpace(at(i+1)) || strings.ContainsRune(".,;:!?)…", at(i+1)))
			if !closing && (unicode.IsSpace(at(i-1)) || isOpeningMark(at(i-1)) || strings.ContainsRune("([{—–", at(i-1))) {
				doubleOpen = true
				w.WriteString(st.Open + st.InnerSpace)
				for i+1 < len(all) && all[i+1] == ' ' && same(i, i+1) {
					i++
				}
			} else {
				doubleOpen = false
				trimSpaceBefore(w)
				w.WriteString(st.InnerSpace + st.Close)
			}
		case r == '"':
			if opens(at(i-1), at(i+1)) {
				w.WriteString(st.Open)
			} else {
				w.WriteString(st.Close)
			}
		case r == '\'':
			w.WriteString(single(at(i-1), at(i+1), st, &singleOpen))
		case st.FrenchSpacing && strings.ContainsRune(";!?:", r) && endsWord(all, i) && !continuesWord(at(i+1)):
			trimSpaceBefore(w)
			if r == ':' {
				w.WriteString(nbsp)
			} else {
				w.WriteString(narrowNbsp)
			}
			w.WriteRune(r)
		default:
			w.WriteRune(r)
		}
	}
	res := make([]string, len(pieces))
	for i := range out {
		res[i] = string(out[i])
	}
	return res
}

// opens reports whether a double quote between prev and next opens a
// quotation: at the start, after a space, an opening bracket or a dash.
func opens(prev, next rune) bool {
	if unicode.IsSpace(next) {
		return false
	}
	return unicode.IsSpace(prev) || strings.ContainsRune("([{<—–-/\u00a0\u202f", prev) || isOpeningMark(prev)
}

func isOpeningMark(r rune) bool { return strings.ContainsRune("“‘„‚«‹", r) }

// single curls a straight single quote: an apostrophe inside a word and
// before a year ('90s), else an opening quote, else the closing mark of an
// open quotation, else an apostrophe ending a word (the workers' hall).
func single(prev, next rune, st Style, open *bool) string {
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == object }
	switch {
	case word(prev) && word(next):
		return "’"
	case (unicode.IsSpace(prev) || strings.ContainsRune("([{—–", prev)) && unicode.IsDigit(next):
		return "’"
	case opens(prev, next):
		*open = true
		return st.OpenSingle
	case *open:
		*open = false
		return st.CloseSingle
	}
	return "’"
}

// endsWord reports whether the mark at i follows a word, directly or
// after one typed space ("Quoi?" and "Quoi ?").
func endsWord(all []rune, i int) bool {
	j := i - 1
	if j >= 0 && all[j] == ' ' {
		j--
	}
	if j < 0 {
		return false
	}
	r := all[j]
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == object || strings.ContainsRune("»”’)…\"'", r)
}

// continuesWord reports whether r after a colon shows it is not
// punctuation but part of a token such as a URL or a time (http://, 10:30).
func continuesWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/'
}

// buffer collects a piece's output; unlike strings.Builder it can drop
// what it just wrote, which trimSpaceBefore needs.
type buffer []byte

func (b *buffer) WriteString(s string) { *b = append(*b, s...) }
func (b *buffer) WriteRune(r rune)     { *b = utf8.AppendRune(*b, r) }

// trimSpaceBefore drops the plain spaces the writer just wrote, so that
// an unbreakable one can take their place.
func trimSpaceBefore(w *buffer) {
	for len(*w) > 0 && (*w)[len(*w)-1] == ' ' {
		*w = (*w)[:len(*w)-1]
	}
}
