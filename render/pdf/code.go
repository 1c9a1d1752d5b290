package pdf

import (
	"strings"

	"samizdat/book"
)

// codeKeep is the most lines a code block may have and still be kept
// whole on one page; longer blocks keep their first two and last two
// lines together, as paragraphs do.
const codeKeep = 8

// code sets a code block line by line in the monospaced face, spaces
// kept, indented by an em. A line longer than the measure wraps at its
// last space that fits (at the measure when it has none), and its
// continuation is indented by two more characters, so that it reads as
// one line of code.
func (ts *typesetter) code(c *book.CodeBlock, e env) []entry {
	size := e.size * codeScale
	leading := size * 1.3
	left, width := e.left+e.em(), e.width-e.em()
	hang := ts.width(FontMono, "  ", size)
	base := baselineIn(size, leading)
	text := strings.TrimSuffix(c.Text, "\n")
	var out []entry
	for _, line := range strings.Split(text, "\n") {
		line = expandTabs(strings.TrimRight(line, "\r"))
		ts.checkGlyphs(c.Pos, FontMono, line)
		for i, piece := range ts.wrapCode(line, size, width, width-hang) {
			x := left
			if i > 0 {
				x += hang
			}
			var ct Content
			if strings.TrimSpace(piece) != "" {
				ct.Texts = []Text{{X: x, Y: base, Font: FontMono, Size: size, Text: piece, Width: ts.width(FontMono, piece, size), Role: e.role}}
			}
			out = append(out, lineBox(ct, nil, leading, base))
		}
	}
	if len(out) <= codeKeep {
		keepAll(out[:len(out)-1])
		return out
	}
	out[0].keep = true
	out[len(out)-2].keep = true
	return out
}

// expandTabs replaces tabs by spaces to the next multiple of four.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// wrapCode cuts a line of code into pieces, the first no wider than
// first and the others no wider than rest. Each piece ends at the last
// space that fits, when there is one in its second half (the space is
// dropped, as at any line break), else at the last character that fits.
func (ts *typesetter) wrapCode(s string, size, first, rest float64) []string {
	if ts.width(FontMono, s, size) <= first+eps {
		return []string{s}
	}
	var out []string
	rs := []rune(s)
	limit := first
	for from := 0; from < len(rs); {
		k := from + 1
		for k < len(rs) && ts.width(FontMono, string(rs[from:k+1]), size) <= limit+eps {
			k++
		}
		next := k
		if k < len(rs) {
			for j := k; j > from+(k-from)/2; j-- {
				if rs[j] == ' ' {
					k, next = j, j+1
					break
				}
			}
		}
		out = append(out, string(rs[from:k]))
		from = next
		limit = rest
	}
	return out
}
