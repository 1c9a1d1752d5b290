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
	out := append([]string(nil), pieces...)
	var s smartener
	s.run(out, st)
	return out
}

// smartener typographs passages in place. Most prose has nothing to
// change, so a piece is copied into buf only from its first change on;
// until then its output is its own input, and a passage without a mark
// to curl or a dash to set allocates nothing. One smartener serves many
// passages, reusing its buffers.
type smartener struct {
	st     Style
	pieces []string
	cur    int // the piece being read
	// buf is the output of the current piece once dirty; before that the
	// output is the piece's input up to where the reading stands.
	buf   []byte
	dirty bool
	// eager makes every piece dirty from its start, so that the output is
	// always built in buf; tests compare it with the lazy reading.
	eager bool
	// changed holds the pieces' new texts until the passage is read, since
	// marks look back at the input of the pieces before them.
	changed []change
	// Open quotations, so that a mark whose neighbours leave it ambiguous
	// closes what is open instead of opening again.
	doubleOpen, singleOpen bool
}

// change is a piece's new text.
type change struct {
	piece int
	text  string
}

// run typographs pieces in place.
func (s *smartener) run(pieces []string, st Style) {
	// The passage is read as runes: an invalid byte reads as U+FFFD, and
	// is written as one.
	for i, p := range pieces {
		if !utf8.ValidString(p) {
			pieces[i] = string([]rune(p))
		}
	}
	s.st, s.pieces, s.changed = st, pieces, s.changed[:0]
	s.doubleOpen, s.singleOpen = false, false
	// Every rule starts at one of these bytes; text between them is
	// copied as it stands.
	marks := "-.\"'"
	if st.FrenchSpacing {
		marks = "-.\"';!?:"
	}
	for pi, p := range pieces {
		s.cur, s.buf, s.dirty = pi, s.buf[:0], s.eager
		for k := 0; k < len(p); {
			m := strings.IndexAny(p[k:], marks)
			if m < 0 {
				s.keep(p[k:])
				break
			}
			s.keep(p[k : k+m])
			k = s.mark(pi, k+m)
		}
		if s.dirty {
			s.changed = append(s.changed, change{pi, string(s.buf)})
		}
	}
	for _, c := range s.changed {
		pieces[c.piece] = c.text
	}
	s.pieces = nil
}

// mark typographs the ASCII mark at byte k of piece pi and returns where
// the reading goes on.
func (s *smartener) mark(pi, k int) int {
	p, st := s.pieces[pi], s.st
	c := p[k]
	switch {
	case c == '-' && k+2 < len(p) && p[k+1] == '-' && p[k+2] == '-':
		s.write(k, "—")
		return k + 3
	case c == '-' && k+1 < len(p) && p[k+1] == '-':
		s.write(k, "–")
		return k + 2
	case c == '-' && s.spacedHyphen(pi, k):
		// A spaced hyphen is a spaced en dash; the space before it
		// becomes unbreakable so the dash never starts a line.
		s.trimSpaceBefore(k)
		s.write(k, nbsp+"–")
	case c == '.' && k+2 < len(p) && p[k+1] == '.' && p[k+2] == '.':
		s.write(k, "…")
		return k + 3
	case c == '"' && st.InnerSpace != "":
		// Languages with spaced marks: authors often type the spaces
		// themselves (" bonjour "), so the space decides nothing.
		prev, next := s.before(pi, k), s.after(pi, k+1)
		closing := s.doubleOpen && (unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)…", next))
		if !closing && (unicode.IsSpace(prev) || isOpeningMark(prev) || strings.ContainsRune("([{—–", prev)) {
			s.doubleOpen = true
			s.write(k, st.Open+st.InnerSpace)
			for k+1 < len(p) && p[k+1] == ' ' {
				k++
			}
		} else {
			s.doubleOpen = false
			s.trimSpaceBefore(k)
			s.write(k, st.InnerSpace+st.Close)
		}
	case c == '"':
		if opens(s.before(pi, k), s.after(pi, k+1)) {
			s.write(k, st.Open)
		} else {
			s.write(k, st.Close)
		}
	case c == '\'':
		s.write(k, single(s.before(pi, k), s.after(pi, k+1), st, &s.singleOpen))
	case st.FrenchSpacing && strings.IndexByte(";!?:", c) >= 0 && s.endsWord(pi, k) && !continuesWord(s.after(pi, k+1)):
		s.trimSpaceBefore(k)
		if c == ':' {
			s.write(k, nbsp)
		} else {
			s.write(k, narrowNbsp)
		}
		s.keep(p[k : k+1])
	default:
		s.keep(p[k : k+1])
	}
	return k + 1
}

// keep copies input that stays as it is to the output.
func (s *smartener) keep(text string) {
	if s.dirty {
		s.buf = append(s.buf, text...)
	}
}

// write puts text in the output in place of input starting at byte k of
// the current piece.
func (s *smartener) write(k int, text string) {
	s.dirtyAt(k)
	s.buf = append(s.buf, text...)
}

// dirtyAt starts the current piece's output in buf, with its input up to
// byte k, the output so far.
func (s *smartener) dirtyAt(k int) {
	if !s.dirty {
		s.buf = append(s.buf[:0], s.pieces[s.cur][:k]...)
		s.dirty = true
	}
}

// trimSpaceBefore drops the plain spaces the current piece's output ends
// with before byte k, so that an unbreakable one can take their place.
func (s *smartener) trimSpaceBefore(k int) {
	s.dirtyAt(k)
	for len(s.buf) > 0 && s.buf[len(s.buf)-1] == ' ' {
		s.buf = s.buf[:len(s.buf)-1]
	}
}

// spacedHyphen reports whether the hyphen at byte k of piece pi stands
// between a space and a space or line end (the end of the passage counts
// as a space).
func (s *smartener) spacedHyphen(pi, k int) bool {
	prev, _, _, ok := s.runeBefore(pi, k)
	if !ok || !unicode.IsSpace(prev) {
		return false
	}
	next := s.after(pi, k+1)
	return next == ' ' || next == '\n'
}

// endsWord reports whether the mark at byte k of piece pi follows a word,
// directly or after one typed space ("Quoi?" and "Quoi ?").
func (s *smartener) endsWord(pi, k int) bool {
	r, pi, k, ok := s.runeBefore(pi, k)
	if ok && r == ' ' {
		r, _, _, ok = s.runeBefore(pi, k)
	}
	if !ok {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == object || strings.ContainsRune("»”’)…\"'", r)
}

// before is the rune of the passage before byte k of piece pi; the start
// of the passage reads as a space.
func (s *smartener) before(pi, k int) rune {
	r, _, _, _ := s.runeBefore(pi, k)
	return r
}

// runeBefore finds the rune of the passage before byte k of piece pi,
// reading the input across piece boundaries, and where it starts; ok is
// false (and r a space) at the start of the passage.
func (s *smartener) runeBefore(pi, k int) (r rune, rpi, rk int, ok bool) {
	for k == 0 {
		if pi == 0 {
			return ' ', 0, 0, false
		}
		pi--
		k = len(s.pieces[pi])
	}
	r, n := utf8.DecodeLastRuneInString(s.pieces[pi][:k])
	return r, pi, k - n, true
}

// after is the rune of the passage at byte k of piece pi, or the first of
// the pieces after it; the end of the passage reads as a space.
func (s *smartener) after(pi, k int) rune {
	for k >= len(s.pieces[pi]) {
		pi++
		if pi == len(s.pieces) {
			return ' '
		}
		k = 0
	}
	r, _ := utf8.DecodeRuneInString(s.pieces[pi][k:])
	return r
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

// continuesWord reports whether r after a colon shows it is not
// punctuation but part of a token such as a URL or a time (http://, 10:30).
func continuesWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/'
}
