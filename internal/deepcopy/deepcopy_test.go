package deepcopy

import (
	"reflect"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/internal/digest"
)

// TestCopyChapter copies every chapter of the sample book, which uses
// every element of the model: the copy is equal field for field, shares
// no node with the original but the assets it was told to keep, and keeps
// the original's sharing (a note reference points at the copied note).
func TestCopyChapter(t *testing.T) {
	b := booktest.Sample()
	keepAssets := func(p reflect.Value) (reflect.Value, bool) {
		_, ok := p.Interface().(*book.Asset)
		return p, ok
	}
	for _, ch := range b.AllChapters() {
		c := Copy(ch, keepAssets)
		if digest.Of(c) != digest.Of(ch) {
			t.Fatalf("chapter %s: the copy differs from the original", ch.ID)
		}
		orig := pointers(reflect.ValueOf(ch))
		for p, typ := range pointers(reflect.ValueOf(c)) {
			// Values of no size (a Space) may all live at one address.
			if _, shared := orig[p]; shared && typ != reflect.TypeFor[*book.Asset]() && typ.Elem().Size() > 0 {
				t.Fatalf("chapter %s: the copy shares a %v with the original", ch.ID, typ)
			}
		}
		notes := map[*book.Note]bool{}
		for _, n := range c.Notes {
			notes[n] = true
		}
		book.WalkBlocks(c.Blocks, func(bl book.Block) bool {
			for _, ins := range book.BlockInlines(bl) {
				book.WalkInlines(ins, func(in book.Inline) {
					if r, ok := in.(*book.NoteRef); ok && !notes[r.Note] {
						t.Errorf("chapter %s: a note reference points outside the copy's notes", ch.ID)
					}
				})
			}
			return true
		})
	}
}

// TestCopyCycle copies a value that points at itself.
func TestCopyCycle(t *testing.T) {
	type node struct {
		Name string
		Next *node
	}
	n := &node{Name: "loop"}
	n.Next = n
	c := Copy(n, nil)
	if c == n || c.Next != c || c.Name != "loop" {
		t.Errorf("copy of a cycle: %p → %p, want a new node pointing at itself", c, c.Next)
	}
}

// pointers lists every pointer reachable from v, with its type.
func pointers(v reflect.Value) map[uintptr]reflect.Type {
	out := map[uintptr]reflect.Type{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if _, seen := out[v.Pointer()]; seen {
				return
			}
			out[v.Pointer()] = v.Type()
			walk(v.Elem())
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Interface:
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		}
	}
	walk(v)
	return out
}
