package readback

import (
	"fmt"
	"strings"
	"unicode"
)

// Stream is rendered text split into pages (pdftotext separates pages
// with form feeds), normalised, with each character's page remembered.
type Stream struct {
	chars []rune
	page  []int
}

// NewStream normalises text whose pages are separated by '\f'.
func NewStream(text string) *Stream {
	s := &Stream{}
	for p, page := range strings.Split(text, "\f") {
		for _, r := range page {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				s.chars = append(s.chars, unicode.ToLower(r))
				s.page = append(s.page, p)
			}
		}
	}
	return s
}

// InOrder checks that each text appears in the stream after the one
// before it. A text must be contiguous within a page; where it runs onto
// the next page, whatever stands between (footnotes, folio, running head)
// is skipped. It returns the first text not found, with the place the
// search reached.
func (s *Stream) InOrder(items []Item) error {
	at := 0
	for i, it := range items {
		texts := it.Cells
		if texts == nil {
			texts = []string{it.Text}
		}
		end := at
		for _, t := range texts {
			e, ok := s.find([]rune(Normalize(t)), at)
			if !ok {
				return fmt.Errorf("text %d of %d not found in order: %q (search began on page %d)", i+1, len(items), clip(t), s.pageAt(at)+1)
			}
			end = max(end, e)
		}
		at = end
	}
	return nil
}

// minBeforeBreak is how many characters of a text must match before the
// match may continue on a later page.
const minBeforeBreak = 8

// find looks for want starting at or after from; it returns the position
// just after the match.
func (s *Stream) find(want []rune, from int) (int, bool) {
	if len(want) == 0 {
		return from, true
	}
	for start := from; start < len(s.chars); start++ {
		if s.chars[start] != want[0] {
			continue
		}
		if end, ok := s.matchAt(want, start); ok {
			return end, true
		}
	}
	return 0, false
}

// matchAt matches want at pos, allowing the match to resume on a later
// page (only the next one or two) when it breaks off.
func (s *Stream) matchAt(want []rune, pos int) (int, bool) {
	i := 0
	for i < len(want) {
		if pos < len(s.chars) && s.chars[pos] == want[i] {
			pos++
			i++
			continue
		}
		// Broken off: continue on a following page, where the rest of the
		// text must start (after the running head) with at least a few
		// characters matching. A match that breaks off within its first
		// characters is a false start, not a page break.
		if i < minBeforeBreak {
			return 0, false
		}
		resumed := false
		page := s.pageAt(pos - 1)
		for q := pos; q < len(s.chars) && s.page[q] <= page+2; q++ {
			if s.page[q] == page || s.chars[q] != want[i] {
				continue
			}
			n := min(12, len(want)-i)
			if q+n <= len(s.chars) && string(s.chars[q:q+n]) == string(want[i:i+n]) {
				pos, resumed = q, true
				break
			}
		}
		if !resumed {
			return 0, false
		}
	}
	return pos, true
}

func (s *Stream) pageAt(pos int) int {
	if pos < 0 || len(s.page) == 0 {
		return 0
	}
	return s.page[min(pos, len(s.page)-1)]
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
