package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"samizdat/book"
)

// collectFootnotes indexes goldmark's footnote definitions by number.
func (r *reader) collectFootnotes(root ast.Node) {
	r.footnotes = map[int]*east.Footnote{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering && fn.Index > 0 {
			r.footnotes[fn.Index] = fn
		}
		return ast.WalkContinue, nil
	})
}

// noteRef converts a footnote reference, reading the note's text the
// first time the note is referenced.
func (r *reader) noteRef(out []book.Inline, l *east.FootnoteLink) []book.Inline {
	def := r.footnotes[l.Index]
	if def == nil {
		return out // goldmark only links footnotes it has
	}
	if r.inNote {
		r.errorf(r.offset(l.Parent()), "footnote [^%s] is referenced inside a footnote: notes cannot have notes", def.Ref)
		return out
	}
	note, seen := r.notes[l.Index]
	if !seen && len(r.order) == maxNotes {
		r.errorf(r.offset(l.Parent()), "more than %d notes in one manuscript: split it into chapters", maxNotes)
	}
	if !seen && len(r.order) >= maxNotes {
		return out
	}
	if !seen {
		note = &book.Note{Refs: l.RefCount, Source: r.pos(r.definitionOffset(def))}
		r.notes[l.Index] = note
		r.order = append(r.order, note)
		r.inNote = true
		note.Blocks = r.blocks(def)
		r.inNote = false
		if len(note.Blocks) == 0 {
			r.errorf(r.definitionOffset(def), "footnote [^%s] is empty", def.Ref)
		}
	}
	return append(out, &book.NoteRef{Note: note, Index: l.RefIndex + 1})
}

// definitionOffset is where a footnote's definition starts; an empty
// definition has no text for goldmark to place, so its "[^label]:" is
// looked up in the source.
func (r *reader) definitionOffset(def *east.Footnote) int {
	if off := r.blockOffset(def); off >= 0 {
		return off
	}
	marker := append(append([]byte("[^"), def.Ref...), "]:"...)
	for from := 0; ; {
		i := bytes.Index(r.src[from:], marker)
		if i < 0 {
			return -1
		}
		if at := from + i; at == 0 || r.src[at-1] == '\n' || r.src[at-1] == ' ' {
			return at
		}
		from += i + 1
	}
}
