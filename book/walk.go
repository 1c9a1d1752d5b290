package book

// WalkBlocks calls fn for every block in blocks, depth first, including
// blocks nested in quotations, list items, definitions and (when notes is
// set) the blocks of notes referenced along the way. fn returning false
// skips the block's children.
func WalkBlocks(blocks []Block, fn func(Block) bool) {
	for _, b := range blocks {
		if !fn(b) {
			continue
		}
		switch n := b.(type) {
		case *BlockQuote:
			WalkBlocks(n.Blocks, fn)
		case *List:
			for _, it := range n.Items {
				WalkBlocks(it.Blocks, fn)
			}
		case *DefinitionList:
			for _, d := range n.Items {
				for _, def := range d.Defs {
					WalkBlocks(def, fn)
				}
			}
		}
	}
}

// WalkInlines calls fn for every inline in ins, depth first through
// emphasis, links and rendered citations. Leaves — text, spaces, code,
// images, note references, print page breaks — are passed to fn as they
// are.
func WalkInlines(ins []Inline, fn func(Inline)) {
	for _, in := range ins {
		fn(in)
		switch n := in.(type) {
		case *Emph:
			WalkInlines(n.Inlines, fn)
		case *Strong:
			WalkInlines(n.Inlines, fn)
		case *Strike:
			WalkInlines(n.Inlines, fn)
		case *Link:
			WalkInlines(n.Inlines, fn)
		case *Citation:
			WalkInlines(n.Rendered, fn)
		}
	}
}

// BlockInlines returns the inline sequences held directly by a block (a
// paragraph's text, a heading, a table's cells, a definition's term, a
// figure's caption, a quotation's source), not those of nested blocks.
func BlockInlines(b Block) [][]Inline {
	var out [][]Inline
	EachBlockInlines(b, func(ins []Inline) { out = append(out, ins) })
	return out
}

// EachBlockInlines calls fn with each inline sequence BlockInlines returns
// for b, in order, without gathering them in a slice: renderers walk
// every block of a book, nearly all of them paragraphs with one sequence.
func EachBlockInlines(b Block, fn func([]Inline)) {
	switch n := b.(type) {
	case *Paragraph:
		fn(n.Inlines)
	case *Heading:
		fn(n.Inlines)
	case *BlockQuote:
		if n.Source != nil {
			fn([]Inline{n.Source})
		}
	case *DefinitionList:
		for _, d := range n.Items {
			fn(d.Term)
		}
	case *Table:
		for _, cell := range n.Head {
			fn(cell)
		}
		for _, row := range n.Rows {
			for _, cell := range row {
				fn(cell)
			}
		}
	case *Figure:
		fn(n.Caption)
	}
}
