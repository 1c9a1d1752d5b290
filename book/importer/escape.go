package importer

import (
	"strings"
	"unicode"

	"samizdat/internal/lazyregexp"
)

var (
	// lineStartRE matches what would begin a Markdown block at the start
	// of a line: an ATX heading, a quotation, a list item, a setext
	// underline or thematic break, an ordered list number, a definition.
	lineStartRE   = lazyregexp.New(`^(?:#{1,6}(?:\s|$)|>|[-+*:](?:\s|$)|=+\s*$|-+\s*$|\d{1,9}[.)](?:\s|$))`)
	entityRE      = lazyregexp.New(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	citationKeyRE = lazyregexp.New(`^[\p{L}\p{N}_{]`)
)

// escapeLine makes one line of plain text safe to put in a Markdown
// paragraph: it reads back as exactly the same characters, with no
// emphasis, link, citation, raw HTML or block structure that the
// original did not have. Only what would be misread is escaped, so the
// manuscript stays readable to an editor.
func escapeLine(s string) string {
	out := escapeInline(s)
	if lineStartRE().MatchString(out) {
		out = escapeBlockStart(out)
	}
	return out
}

// escapeInline escapes what would be misread inside a line.
func escapeInline(s string) string {
	var b strings.Builder
	rs := []rune(s)
	opens := bracketsToEscape(rs)
	// ahead is the text after position i, at most a few runes: enough for
	// an entity or a citation key's start, and linear however long the line.
	ahead := func(i, n int) string { return string(rs[i:min(i+n, len(rs))]) }
	for i, r := range rs {
		prev, next := rune(' '), rune(' ')
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case '\\':
			if i+1 == len(rs) || isASCIIPunct(next) {
				b.WriteByte('\\')
			}
		case '*', '`', '~':
			b.WriteByte('\\')
		case '_':
			if !isWordRune(prev) || !isWordRune(next) {
				b.WriteByte('\\')
			}
		case '<':
			if unicode.IsLetter(next) || next == '/' || next == '!' || next == '?' {
				b.WriteByte('\\')
			}
		case '&':
			// "\&" does not survive the reader's entity handling; the
			// entity for '&' does.
			if entityRE().MatchString(ahead(i, 40)) {
				b.WriteString("&amp;")
				continue
			}
		case '@':
			if !isWordRune(prev) && citationKeyRE().MatchString(ahead(i+1, 2)) {
				b.WriteByte('\\')
			}
		case '[':
			if opens[i] {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeBlockStart escapes the character that would open a block.
func escapeBlockStart(s string) string {
	if s[0] >= '0' && s[0] <= '9' {
		i := strings.IndexAny(s, ".)")
		return s[:i] + `\` + s[i:]
	}
	return `\` + s
}

// bracketsToEscape marks each '[' in rs that would open a link, a
// footnote reference or a citation: "[text](" and "[text][", "[^…]",
// brackets holding an @key, and "[label]:" (a link definition). One pass
// pairs the brackets, so a line full of them costs no more than its length.
func bracketsToEscape(rs []rune) map[int]bool {
	out := map[int]bool{}
	var stack []int
	ats := make([]int, len(rs)+1) // ats[i] counts the '@' before i
	for i, r := range rs {
		ats[i+1] = ats[i]
		if r == '@' {
			ats[i+1]++
		}
	}
	for i, r := range rs {
		switch r {
		case '[':
			stack = append(stack, i)
		case ']':
			if len(stack) == 0 {
				continue
			}
			open := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			inner := open + 1
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if inner < len(rs) && rs[inner] == '^' || ats[i]-ats[inner] > 0 || next == '(' || next == '[' || next == ':' {
				out[open] = true
			}
		}
	}
	for _, open := range stack { // never closed
		if open+1 < len(rs) && rs[open+1] == '^' {
			out[open] = true
		}
	}
	return out
}

func isASCIIPunct(r rune) bool {
	return r < 0x80 && unicode.IsPunct(r) || strings.ContainsRune("$+<=>^`|~", r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// escapeHeading escapes a heading's text, including a closing run of '#'
// that an ATX heading would drop and braces that would be attributes.
func escapeHeading(s string) string {
	// "{…}" at a heading's end would be read as its attributes.
	out := strings.ReplaceAll(escapeInline(s), "{", `\{`)
	if strings.HasSuffix(out, "#") {
		i := strings.LastIndexFunc(out, func(r rune) bool { return r != '#' })
		out = out[:i+1] + `\` + out[i+1:]
	}
	return out
}
