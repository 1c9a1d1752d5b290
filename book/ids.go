package book

import (
	"strconv"
	"strings"
	"unicode"
)

// IDs hands out identifiers that are unique in one book, so that chapter,
// heading and note ids never collide across chapters in a single EPUB
// package or HTML page.
type IDs struct {
	used map[string]bool
	// taken lists the ids in the order they were taken.
	taken []string
}

// NewIDs returns an empty set.
func NewIDs() *IDs { return &IDs{used: map[string]bool{}} }

// Claim takes id as given (an explicit {#id}); it reports false when the
// id is already taken.
func (s *IDs) Claim(id string) bool {
	if s.used[id] {
		return false
	}
	s.used[id] = true
	s.taken = append(s.taken, id)
	return true
}

// Taken returns the ids taken so far, in the order they were taken. The
// caller must not change the slice.
func (s *IDs) Taken() []string { return s.taken }

// Unique returns base, or base-1, base-2 … when base is taken, and claims it.
func (s *IDs) Unique(base string) string {
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	s.taken = append(s.taken, id)
	return id
}

// Slug makes an identifier from text the way pandoc does for headings:
// lower case, letters, digits, '_', '-' and '.' kept, spaces become
// hyphens, everything before the first letter dropped. With ascii set,
// letters outside ASCII are dropped too (ids that become file names).
// fallback is returned when nothing is left.
func Slug(text string, ascii bool, fallback string) string {
	var b strings.Builder
	started := false
	for _, r := range strings.ToLower(text) {
		if ascii && r > unicode.MaxASCII {
			continue
		}
		switch {
		case unicode.IsLetter(r):
			started = true
			b.WriteRune(r)
		case !started:
		case unicode.IsDigit(r) || r == '_' || r == '-' || r == '.':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	if s == "" {
		return fallback
	}
	return s
}

// TitleFromName makes a title from a file or folder name, for books that
// have none of their own: "my-essays" becomes "My Essays".
func TitleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r := []rune(w)
		words[i] = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	if len(words) == 0 {
		return "Untitled"
	}
	return strings.Join(words, " ")
}
