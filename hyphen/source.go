package hyphen

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads the TeX of a pattern file in place, without a copy of
// the file stripped of its comments: a % begins a comment to the line's
// end unless it is the line's first % and follows a backslash (then the
// whole line is text), and a group is the text from cmd{ to the next }
// that is not in a comment.

// findGroup returns the offset just after the first open (`\patterns{`)
// in src that is not in a comment, or -1.
func findGroup(src, open string) int {
	for from := 0; ; {
		i := strings.Index(src[from:], open)
		if i < 0 {
			return -1
		}
		i += from
		lineStart := strings.LastIndexByte(src[:i], '\n') + 1
		if end := i + len(open); end <= textEnd(src, lineStart) {
			return end
		}
		from = i + 1
	}
}

// textEnd returns where the text of the line that starts at lineStart
// ends: at its comment, else after its newline.
func textEnd(src string, lineStart int) int {
	line := src[lineStart:]
	if nl := strings.IndexByte(line, '\n'); nl >= 0 {
		line = line[:nl+1]
	}
	if i := strings.IndexByte(line, '%'); i >= 0 && (i == 0 || line[i-1] != '\\') {
		return lineStart + i
	}
	return lineStart + len(line)
}

// groupWords reads the words of a group, separated by white space as
// strings.Fields separates them, leaving out comments.
type groupWords struct {
	src string
	pos int
	// percent is whether the current line has had its first %, which
	// then was escaped: a later % on the line is text.
	percent bool
	// closed is whether the group ended at a }, not at the file's end.
	closed bool
}

// newGroupWords reads the group whose text begins at src[start:], as
// findGroup returns it.
func newGroupWords(src string, start int) groupWords {
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	return groupWords{src: src, pos: start, percent: strings.IndexByte(src[lineStart:start], '%') >= 0}
}

// next returns the offsets of the group's next word; ok is false at the
// group's end.
func (g *groupWords) next() (start, end int, ok bool) {
	src, i := g.src, g.pos
	// Between words.
	for ; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			g.percent = false
			continue
		}
		if isASCIISpace(c) {
			continue
		}
		if c == '}' {
			g.closed = true
			g.pos = len(src)
			return 0, 0, false
		}
		if c == '%' {
			if !g.comment(i) {
				g.percent = true
				break
			}
			nl := strings.IndexByte(src[i:], '\n')
			if nl < 0 {
				i = len(src)
				break
			}
			i += nl - 1
			continue
		}
		if c >= utf8.RuneSelf && maySpace(c) {
			if n := spaceRune(src[i:]); n > 0 {
				i += n - 1
				continue
			}
		}
		break
	}
	if i >= len(src) {
		g.pos = len(src)
		return 0, 0, false
	}
	// In a word. A byte of a letter beyond ASCII never ends one, so
	// only the bytes that may begin a space need decoding.
	start = i
	for ; i < len(src); i++ {
		c := src[i]
		if c < 64 && wordEnds>>c&1 != 0 || c == '}' {
			if c != '%' || g.comment(i) {
				break
			}
			g.percent = true
		}
		if c >= utf8.RuneSelf && maySpace(c) && spaceRune(src[i:]) > 0 {
			break
		}
	}
	g.pos = i
	return start, i, true
}

// wordEnds has a bit for each byte below 64 that may end a word: white
// space and %.
const wordEnds = 1<<'\t' | 1<<'\n' | 1<<'\v' | 1<<'\f' | 1<<'\r' | 1<<' ' | 1<<'%'

// maySpace reports whether c may begin a white space rune beyond ASCII
// (U+0085, U+00A0, U+1680, U+2000…U+3000): their UTF-8 begins with one
// of four bytes, which spares decoding any other rune.
func maySpace(c byte) bool { return c == 0xc2 || c-0xe1 < 3 }

// spaceRune returns the length of the white space rune that s begins
// with, or 0.
func spaceRune(s string) int {
	if r, size := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		return size
	}
	return 0
}

// comment reports whether the % at src[i] begins a comment.
func (g *groupWords) comment(i int) bool {
	return !g.percent && (i == 0 || g.src[i-1] != '\\')
}

// isASCIISpace reports whether c is white space to strings.Fields.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// readMins reads the header's "hyphenmins" entry: the typesetting values
// when given, else the generation values.
func (h *Hyphenator) readMins(src string) {
	i := strings.Index(src, "% hyphenmins:")
	if i < 0 {
		return
	}
	section := ""
	for line := range strings.Lines(src[i+len("% hyphenmins:"):]) {
		line = strings.TrimSpace(strings.TrimPrefix(line, "%"))
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		switch key {
		case "generation", "typesetting":
			if section == "typesetting" {
				return
			}
			section = key
		case "":
			if section != "" {
				return
			}
		case "left", "right":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				continue
			}
			if key == "left" {
				h.LeftMin = n
			} else {
				h.RightMin = n
			}
		default:
			return
		}
	}
}
