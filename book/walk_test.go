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

// TestPlainText checks the text of every kind of inline, as PlainText
// gives it and AppendPlainText appends it.
func TestPlainText(t *testing.T) {
	ins := []Inline{
		&Text{Text: "a"}, &Space{}, &LineBreak{},
		&Emph{Inlines: []Inline{&Strong{Inlines: []Inline{&Strike{Inlines: []Inline{&Text{Text: "b"}}}}}}},
		&Code{Text: "c"}, &Link{Inlines: []Inline{&Text{Text: "d"}}}, &Image{Alt: "e"},
		&Citation{Raw: "[@f]"}, &Citation{Raw: "[@g]", Rendered: []Inline{&Text{Text: "G"}}},
		&NoteRef{}, &PageBreak{},
	}
	const want = "a  bcde[@f]G"
	if got := PlainText(ins); got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
	if got := string(AppendPlainText([]byte("x"), ins)); got != "x"+want {
		t.Errorf("AppendPlainText = %q, want %q", got, "x"+want)
	}
}
