package markdown

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"samizdat/book"
)

// lineStarts returns the byte offset at which each line of src begins.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		n := bytes.IndexByte(src[i:], '\n')
		if n < 0 {
			return starts
		}
		i += n + 1
		starts = append(starts, i)
	}
}

// position converts a byte offset to FILE:LINE:COL, the column counted in
// characters.
func position(file string, src []byte, starts []int, offset int) book.Pos {
	if offset < 0 {
		return book.Pos{File: file}
	}
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > offset }) - 1
	if line < 0 {
		line = 0
	}
	end := min(offset, len(src))
	return book.Pos{File: file, Line: line + 1, Col: utf8.RuneCount(src[starts[line]:end]) + 1}
}

func (r *reader) pos(offset int) book.Pos { return position(r.file, r.src, r.lines, offset) }

// offset finds where a node starts in the source: its first line for a
// block, its segment for text, else its first child's; -1 if unknown.
func (r *reader) offset(n ast.Node) int {
	switch t := n.(type) {
	case *ast.Text:
		return t.Segment.Start
	case *citationNode:
		return t.start
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if o := r.offset(c); o >= 0 {
			return o
		}
	}
	return -1
}

// blockOffset is offset for a block, moved back to the start of its line
// so that a heading or list item is reported at its marker.
func (r *reader) blockOffset(n ast.Node) int {
	if n.Kind() == ast.KindThematicBreak {
		return r.breakOffset(n)
	}
	o := r.offset(n)
	if o < 0 {
		return o
	}
	p := r.pos(o)
	start := r.lines[p.Line-1]
	for start < o && (r.src[start] == ' ' || r.src[start] == '\t') {
		start++
	}
	switch n.Kind() {
	case ast.KindHeading, ast.KindList, ast.KindListItem, ast.KindBlockquote, east.KindTable, east.KindFootnote:
		return start
	}
	return o
}

// breakOffset finds a thematic break, which goldmark stores without a
// position: the first non-blank line after the previous block.
func (r *reader) breakOffset(n ast.Node) int {
	from := 0
	if prev := n.PreviousSibling(); prev != nil {
		if end := r.endOffset(prev); end >= 0 {
			from = end
		}
	} else if o := r.offset(n.Parent()); o >= 0 {
		from = o
	}
	line := r.pos(from).Line // the line the previous block ends on
	for l := line; l < len(r.lines); l++ {
		start := r.lines[l]
		end := len(r.src)
		if l+1 < len(r.lines) {
			end = r.lines[l+1]
		}
		txt := strings.TrimSpace(string(r.src[start:end]))
		if txt != "" && strings.Trim(txt, "-*_ ") == "" {
			return start + strings.Index(string(r.src[start:end]), txt[:1])
		}
	}
	return -1
}

// endOffset is where a block's last source line ends, searching its
// descendants; -1 if unknown.
func (r *reader) endOffset(n ast.Node) int {
	end := -1
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		end = n.Lines().At(n.Lines().Len() - 1).Stop
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if e := r.endOffset(c); e > end {
			end = e
		}
	}
	return end
}
