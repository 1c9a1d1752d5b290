package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark's footnote extension scans every definition for every
// reference and sorts the definitions by insertion, both quadratic: a
// manuscript with 100,000 notes took minutes. samizdat keeps goldmark's
// definition parser but finds references through a map, and counts
// references itself.

// footnoteKey holds the per-document footnoteIndex in the parser context.
var footnoteKey = parser.NewContextKey()

// footnoteIndex maps labels to definitions and records references in
// order.
type footnoteIndex struct {
	byLabel map[string]*east.Footnote
	count   int
	links   []*east.FootnoteLink
}

// footnoteRefParser reads [^label] references to defined footnotes.
type footnoteRefParser struct{}

func (footnoteRefParser) Trigger() []byte { return []byte{'['} }

func (footnoteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 4 || line[0] != '[' || line[1] != '^' {
		return nil
	}
	// Labels are short (goldmark allows 999 bytes): looking no further
	// keeps a line of many '[' linear.
	end := bytes.IndexByte(line[2:min(len(line), 1002)], ']')
	if end <= 0 {
		return nil
	}
	idx := footnotes(parent, pc)
	def := idx.byLabel[string(line[2:2+end])]
	if def == nil {
		return nil // left as text; the reader reports it
	}
	if def.Index < 0 {
		idx.count++
		def.Index = idx.count
	}
	block.Advance(2 + end + 1)
	link := east.NewFootnoteLink(def.Index)
	idx.links = append(idx.links, link)
	return link
}

// footnotes returns the document's footnote index, building it on first
// use from the definitions goldmark's block parser collected.
func footnotes(n ast.Node, pc parser.Context) *footnoteIndex {
	if idx, ok := pc.Get(footnoteKey).(*footnoteIndex); ok {
		return idx
	}
	idx := &footnoteIndex{byLabel: map[string]*east.Footnote{}}
	root := n
	for root.Parent() != nil {
		root = root.Parent()
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering {
			if _, dup := idx.byLabel[string(fn.Ref)]; !dup {
				idx.byLabel[string(fn.Ref)] = fn
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	pc.Set(footnoteKey, idx)
	return idx
}

// footnoteCounts sets each reference's count and rank, and warns about
// definitions nobody references.
type footnoteCounts struct{ r *reader }

func (f footnoteCounts) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	idx := footnotes(doc, pc)
	total := map[int]int{}
	for _, l := range idx.links {
		total[l.Index]++
	}
	seen := map[int]int{}
	for _, l := range idx.links {
		l.RefCount = total[l.Index]
		l.RefIndex = seen[l.Index]
		seen[l.Index]++
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering {
			if fn.Index < 0 {
				f.r.warnf(f.r.blockOffset(fn), "footnote [^%s] is defined but never referenced", fn.Ref)
			} else if idx.byLabel[string(fn.Ref)] != fn {
				f.r.warnf(f.r.blockOffset(fn), "footnote [^%s] is defined twice; the first definition is used", fn.Ref)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
