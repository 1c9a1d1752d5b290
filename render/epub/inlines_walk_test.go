package epub

import (
	"reflect"
	"testing"

	"samizdat/book"
)

// TestEachInlines checks that eachInlines hands out the inline sequences
// book.BlockInlines returns, for every kind of block.
func TestEachInlines(t *testing.T) {
	a := []book.Inline{&book.Text{Text: "a"}}
	b := []book.Inline{&book.Text{Text: "b"}}
	tests := []struct {
		name  string
		block book.Block
	}{
		{"paragraph", &book.Paragraph{Inlines: a}},
		{"empty paragraph", &book.Paragraph{}},
		{"heading", &book.Heading{Level: 2, Inlines: a}},
		{"quotation with source", &book.BlockQuote{Source: &book.Text{Text: "s"}}},
		{"quotation", &book.BlockQuote{}},
		{"definitions", &book.DefinitionList{Items: []book.Definition{{Term: a}, {Term: b}}}},
		{"table", &book.Table{Head: [][]book.Inline{a}, Rows: [][][]book.Inline{{a, b}, {b}}}},
		{"figure", &book.Figure{Caption: b}},
		{"code", &book.CodeBlock{Text: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]book.Inline
			eachInlines(tt.block, func(ins []book.Inline) { got = append(got, ins) })
			if want := book.BlockInlines(tt.block); !reflect.DeepEqual(got, want) && (len(got) != 0 || len(want) != 0) {
				t.Errorf("eachInlines gave %v, BlockInlines %v", got, want)
			}
		})
	}
}
