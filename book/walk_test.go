package book

import (
	"reflect"
	"testing"
)

// TestBlockInlines checks the inline sequences each kind of block holds
// directly, in order, as EachBlockInlines hands them out and BlockInlines
// gathers them.
func TestBlockInlines(t *testing.T) {
	a := []Inline{&Text{Text: "a"}}
	b := []Inline{&Text{Text: "b"}}
	src := &Text{Text: "s"}
	tests := []struct {
		name  string
		block Block
		want  [][]Inline
	}{
		{"paragraph", &Paragraph{Inlines: a}, [][]Inline{a}},
		{"empty paragraph", &Paragraph{}, [][]Inline{nil}},
		{"heading", &Heading{Level: 2, Inlines: b}, [][]Inline{b}},
		{"quotation with source", &BlockQuote{Source: src, Blocks: []Block{&Paragraph{Inlines: a}}}, [][]Inline{{src}}},
		{"quotation", &BlockQuote{Blocks: []Block{&Paragraph{Inlines: a}}}, nil},
		{"definitions", &DefinitionList{Items: []Definition{{Term: a}, {Term: b}}}, [][]Inline{a, b}},
		{"table", &Table{Head: [][]Inline{a}, Rows: [][][]Inline{{a, b}, {b}}}, [][]Inline{a, a, b, b}},
		{"figure", &Figure{Caption: b}, [][]Inline{b}},
		{"code", &CodeBlock{Text: "x"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BlockInlines(tt.block); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("BlockInlines = %v, want %v", got, tt.want)
			}
		})
	}
}
