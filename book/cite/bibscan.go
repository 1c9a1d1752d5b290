package cite

import (
	"strconv"
	"strings"
	"unicode"

	"samizdat/book"
)

// BibTeX files are read here, by samizdat's own scanner: it finds where
// each entry starts, checks the syntax, expands @string macros and joins
// the parts of a value, and reports every problem at its own line and
// column. (A parser library did the reading until it was found to stop
// the whole program, with log.Fatalf, on a word it could not look up;
// the scanner had been written to check files before it saw them, and
// reads every field the same way, so it replaced it.)

// bibLoc is where an entry is written, and its fields as the scanner
// read them.
type bibLoc struct {
	typ, key string
	pos      book.Pos
	fields   map[string]bibField
}

// bibField is a field value as written: its text, with macros expanded
// and parts joined.
type bibField struct {
	value string
}

// bibMonths are the macros BibTeX predefines, in lower case.
var bibMonths = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

type bibScanner struct {
	file   string
	data   []byte
	src    []rune
	offs   []int // byte offset of each rune
	i      int
	macros map[string]string
	locs   []bibLoc
	// valueEnd is where the last value read ended, before any space.
	valueEnd int
	lines    *lineIndex
}

// scanBibTeX checks a BibTeX file and returns where its entries are.
func scanBibTeX(file string, data []byte) ([]bibLoc, error) {
	s := &bibScanner{file: file, data: data, macros: map[string]string{}, lines: newLineIndex(file, data)}
	for m, n := range bibMonths {
		s.macros[m] = monthNames[n]
	}
	for off, r := range string(data) {
		s.src = append(s.src, r)
		s.offs = append(s.offs, off)
	}
	for {
		for s.i < len(s.src) && s.src[s.i] != '@' {
			s.i++
		}
		if s.i >= len(s.src) {
			return s.locs, nil
		}
		if err := s.entry(); err != nil {
			return nil, err
		}
	}
}

func (s *bibScanner) pos(i int) book.Pos {
	off := len(s.data)
	if i < len(s.offs) {
		off = s.offs[i]
	}
	return s.lines.pos(off)
}

func (s *bibScanner) errorf(i int, format string, args ...any) *book.Error {
	return book.Errorf(s.pos(i), format, args...)
}

func (s *bibScanner) skipSpace() {
	for s.i < len(s.src) && unicode.IsSpace(s.src[s.i]) {
		s.i++
	}
}

// ident reads a type, key, field or macro name.
func (s *bibScanner) ident(allowed string) string {
	start := s.i
	for s.i < len(s.src) && (unicode.IsLetter(s.src[s.i]) || unicode.IsDigit(s.src[s.i]) || strings.ContainsRune(allowed, s.src[s.i])) {
		s.i++
	}
	return string(s.src[start:s.i])
}

// bareRune reports the characters of a bare word: a macro name or a
// number.
func bareRune(r rune) bool {
	return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
		strings.ContainsRune("äöüßéêçñÁÉÍÓÚáéíóúàèìòùâêîôûãõñÄÖÜ", r) || strings.ContainsRune("-_:./+", r)
}

// bare reads a bare word.
func (s *bibScanner) bare() string {
	start := s.i
	for s.i < len(s.src) && bareRune(s.src[s.i]) {
		s.i++
	}
	return string(s.src[start:s.i])
}

// entry reads one @type{…} at s.i.
func (s *bibScanner) entry() error {
	at := s.i
	s.i++
	typ := strings.ToLower(s.ident(""))
	if typ == "" {
		return s.errorf(at, "BibTeX: @ must be followed by an entry type such as @book")
	}
	s.skipSpace()
	if s.i >= len(s.src) || s.src[s.i] != '{' && s.src[s.i] != '(' {
		return s.errorf(s.i, "BibTeX: expected { after @%s", typ)
	}
	open := s.src[s.i]
	closer := '}'
	if open == '(' {
		closer = ')'
	}
	s.i++
	switch typ {
	case "comment":
		return s.skipGroup(at, open, closer)
	case "preamble":
		if _, err := s.value(); err != nil {
			return err
		}
		return s.expectClose(at, closer)
	case "string":
		s.skipSpace()
		start := s.i
		name := s.bare()
		if name == "" {
			return s.errorf(start, "BibTeX: @string needs a name = value")
		}
		s.skipSpace()
		if s.i >= len(s.src) || s.src[s.i] != '=' {
			return s.errorf(s.i, "BibTeX: expected = after @string name %q", name)
		}
		s.i++
		v, err := s.value()
		if err != nil {
			return err
		}
		s.macros[name] = v.value
		return s.expectClose(at, closer)
	}
	s.skipSpace()
	keyAt := s.i
	key := s.ident("-_:./+")
	if key == "" {
		return s.errorf(keyAt, "BibTeX: @%s needs a citation key (letters, digits and - _ : . / +)", typ)
	}
	loc := bibLoc{typ, key, s.pos(at), map[string]bibField{}}
	s.skipSpace()
	if s.i < len(s.src) && s.src[s.i] == closer {
		s.i++
		s.locs = append(s.locs, loc)
		return nil
	}
	if s.i >= len(s.src) || s.src[s.i] != ',' {
		return s.errorf(s.i, "BibTeX: expected a comma after the key %q (keys are letters, digits and - _ : . / +)", key)
	}
	s.i++
	for {
		s.skipSpace()
		if s.i >= len(s.src) {
			return s.errorf(at, "BibTeX: the entry %q is never closed", key)
		}
		if s.src[s.i] == closer {
			s.i++
			s.locs = append(s.locs, loc)
			return nil
		}
		fieldAt := s.i
		field := s.ident("-_:.+")
		if field == "" {
			return s.errorf(s.i, "BibTeX: expected a field name in entry %q, found %q", key, string(s.src[s.i]))
		}
		s.skipSpace()
		if s.i >= len(s.src) || s.src[s.i] != '=' {
			return s.errorf(fieldAt, "BibTeX: expected = after the field %s in entry %q", field, key)
		}
		s.i++
		v, err := s.value()
		if err != nil {
			return err
		}
		loc.fields[strings.ToLower(field)] = v
		end := s.valueEnd
		s.skipSpace()
		if s.i < len(s.src) && s.src[s.i] == ',' {
			s.i++
			continue
		}
		if s.i < len(s.src) && s.src[s.i] == closer {
			continue
		}
		if s.i >= len(s.src) {
			return s.errorf(at, "BibTeX: the entry %q is never closed: a closing brace is missing", key)
		}
		return s.errorf(end, "BibTeX: expected a comma or the end of entry %q after the field %s", key, field)
	}
}

// value reads a field value: braced or quoted parts, numbers and macros,
// joined by #.
func (s *bibScanner) value() (bibField, error) {
	var out bibField
	var b strings.Builder
	for {
		s.skipSpace()
		if s.i >= len(s.src) {
			return out, s.errorf(s.i, "BibTeX: the file ends inside a field value")
		}
		start := s.i
		switch c := s.src[s.i]; {
		case c == '{':
			s.i++
			if err := s.skipGroup(start, '{', '}'); err != nil {
				return out, err
			}
			b.WriteString(string(s.src[start+1 : s.i-1]))
		case c == '"':
			s.i++
			depth := 0
			for s.i < len(s.src) && !(s.src[s.i] == '"' && depth == 0) {
				switch s.src[s.i] {
				case '{':
					depth++
				case '}':
					depth--
				case '@':
					if depth == 0 {
						return out, s.errorf(s.i, "BibTeX: @ inside a quoted value: write it in braces")
					}
				}
				s.i++
			}
			if s.i >= len(s.src) {
				return out, s.errorf(start, "BibTeX: this quoted value is never closed")
			}
			s.i++
			b.WriteString(string(s.src[start+1 : s.i-1]))
		case bareRune(c):
			word := s.bare()
			if unicode.IsDigit(c) {
				if _, err := strconv.Atoi(word); err != nil {
					return out, s.errorf(start, "BibTeX: %q is not a number: put the value in braces, {%s}", word, word)
				}
				b.WriteString(word)
				break
			}
			v, ok := s.macros[word]
			if !ok {
				err := s.errorf(start, "BibTeX: %q is not defined: put the value in braces, {%s}, or define it with @string", word, word)
				for name := range s.macros {
					if strings.EqualFold(name, word) {
						err.Hint = "@string names are matched with their capitals: write " + name
					}
				}
				return out, err
			}
			b.WriteString(v)
		default:
			return out, s.errorf(start, "BibTeX: expected a value in braces or quotes, found %q", string(c))
		}
		s.valueEnd = s.i
		s.skipSpace()
		if s.i < len(s.src) && s.src[s.i] == '#' {
			s.i++
			continue
		}
		out.value = b.String()
		return out, nil
	}
}

// skipGroup skips to the closer matching an opened brace, refusing an @
// inside: most often it is the next entry, after a brace left open, and
// the error then points at the right place.
func (s *bibScanner) skipGroup(at int, open, closer rune) error {
	depth := 1
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case open:
			depth++
		case closer:
			depth--
			if depth == 0 {
				s.i++
				return nil
			}
		case '\\':
			// A backslash keeps the next character from ending or
			// starting anything, but a brace: BibTeX counts a brace
			// after a backslash as any other, so that {\} is not a
			// value.
			if s.i+1 < len(s.src) && s.src[s.i+1] != open && s.src[s.i+1] != closer {
				s.i++
			}
		case '@':
			if open == '{' && closer == '}' && s.i > 0 && s.src[s.i-1] != '\\' {
				return s.errorf(s.i, "BibTeX: @ inside braces: write \\@ or remove it")
			}
		}
		s.i++
	}
	return s.errorf(at, "BibTeX: this brace is never closed")
}

// expectClose expects the closing brace or parenthesis of an entry.
func (s *bibScanner) expectClose(at int, closer rune) error {
	s.skipSpace()
	if s.i < len(s.src) && s.src[s.i] == closer {
		s.i++
		return nil
	}
	return s.errorf(at, "BibTeX: this entry is never closed")
}
