package digest

import (
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

func TestOf(t *testing.T) {
	type node struct {
		Name string
		Next *node
		Tags map[string]int
		Data []byte
		Any  any
	}
	loop := &node{Name: "a"}
	loop.Next = loop
	shared := &node{Name: "s"}
	tests := []struct {
		name  string
		a, b  any
		equal bool
	}{
		{"equal strings", "x", "x", true},
		{"different strings", "x", "y", false},
		{"string boundaries", []string{"ab", "c"}, []string{"a", "bc"}, false},
		{"nil and empty slice", []int(nil), []int{}, false},
		{"ints", 1, 2, false},
		{"floats", 1.5, 1.5, true},
		{"structs by value", node{Name: "a"}, node{Name: "a"}, true},
		{"struct field", node{Name: "a"}, node{Name: "b"}, false},
		{"pointers followed", &node{Name: "a"}, &node{Name: "a"}, true},
		{"pointee differs", &node{Name: "a"}, &node{Name: "b"}, false},
		{"cycle", loop, loop, true},
		{"map order", node{Tags: map[string]int{"a": 1, "b": 2}}, node{Tags: map[string]int{"b": 2, "a": 1}}, true},
		{"map value", node{Tags: map[string]int{"a": 1}}, node{Tags: map[string]int{"a": 2}}, false},
		{"bytes", node{Data: []byte{1, 2}}, node{Data: []byte{1, 3}}, false},
		{"interface type", node{Any: int32(1)}, node{Any: int64(1)}, false},
		{"sharing", []*node{shared, shared}, []*node{{Name: "s"}, {Name: "s"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.a) == Of(tt.b); got != tt.equal {
				t.Errorf("Of(%#v) == Of(%#v) is %v, want %v", tt.a, tt.b, got, tt.equal)
			}
		})
	}
}

// TestOfBook checks that every change to a chapter of the sample book
// changes its fingerprint, down to a character of a note.
func TestOfBook(t *testing.T) {
	b := booktest.Sample()
	ch := b.Parts[0].Chapters[0]
	before := Of(ch)
	if Of(booktest.Sample().Parts[0].Chapters[0]) != before {
		t.Fatal("two builds of the same chapter have different fingerprints")
	}
	var text *book.Text
	for _, n := range ch.Notes {
		book.WalkBlocks(n.Blocks, func(bl book.Block) bool {
			for _, ins := range book.BlockInlines(bl) {
				book.WalkInlines(ins, func(in book.Inline) {
					if x, ok := in.(*book.Text); ok && text == nil {
						text = x
					}
				})
			}
			return true
		})
	}
	if text == nil {
		t.Fatal("the sample's first chapter has no note text")
	}
	text.Text += "!"
	if Of(ch) == before {
		t.Error("a changed note left the chapter's fingerprint unchanged")
	}
}
