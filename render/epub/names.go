package epub

import (
	"strconv"
	"strings"
	"unicode"
)

// nameSet hands out unique names (file names, manifest ids). Names are
// compared case-folded, since some file systems and readers fold case.
type nameSet struct {
	taken map[string]bool
}

func newNameSet() *nameSet { return &nameSet{taken: map[string]bool{}} }

// reserve marks a name as used without handing it out.
func (s *nameSet) reserve(name string) { s.taken[strings.ToLower(name)] = true }

// take returns name, or name-2, name-3 … when it is already used.
func (s *nameSet) take(name string) string {
	cand := name
	for n := 2; s.taken[strings.ToLower(cand)]; n++ {
		cand = name + "-" + strconv.Itoa(n)
	}
	s.reserve(cand)
	return cand
}

// safeName turns an id into a portable file name stem: ASCII letters,
// digits, '-' and '_' only (EPUBCheck warns about spaces and many
// punctuation marks in file names). An id that leaves nothing uses
// fallback, made safe the same way (and possibly empty).
func safeName(id, fallback string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		if fallback == "" {
			return ""
		}
		return safeName(fallback, "")
	}
	return s
}

// ncName turns s into an XML NCName for manifest ids: it must start with a
// letter or underscore and hold no colon.
func ncName(s string) string {
	s = safeName(s, "x")
	if s == "" {
		s = "x"
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		s = "x" + s
	}
	return s
}

// xmlID makes a model id usable as an XHTML id attribute and fragment:
// HTML forbids spaces in ids, and XML tools expect an NCName (a letter or
// underscore first, then letters, digits, '-', '_' and '.'). Ids that
// already qualify, which the readers produce, are kept as they are, so
// that links written by hand still match.
func xmlID(s string) string {
	if s == "" {
		return "x"
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r):
			b.WriteRune(r)
		case r == '-' || r == '.' || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc):
			if i == 0 {
				b.WriteByte('x')
			}
			b.WriteRune(r)
		default:
			if i == 0 {
				b.WriteByte('x')
			}
			b.WriteByte('-')
		}
	}
	return b.String()
}
