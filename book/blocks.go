package book

// Block is a block-level element of a chapter: a paragraph, heading,
// quotation, list, table and so on. The set is closed; renderers switch on
// the concrete type.
type Block interface {
	// Position is where the block starts in its source file.
	Position() Pos
	block()
}

// Paragraph is a run of text.
type Paragraph struct {
	Inlines []Inline
	Pos     Pos
}

// Heading is a section heading inside a chapter. Level 1 headings start
// chapters and do not appear as blocks; levels here run from 2 to 6.
type Heading struct {
	Level   int
	ID      string
	Classes []string
	Inlines []Inline
	Pos     Pos
}

// BlockQuote is a quotation set off from the text. Source, when set, is the
// quotation's trailing note reference or citation, taken from the end of
// its last paragraph so that renderers can place the marker after the
// quotation's closing words.
type BlockQuote struct {
	Blocks []Block
	Source Inline
	Pos    Pos
}

// List is a bulleted or numbered list.
type List struct {
	Ordered bool
	// Start is the first number of an ordered list.
	Start int
	// Tight lists have no space between items.
	Tight bool
	Items []ListItem
	Pos   Pos
}

// ListItem is one entry of a List.
type ListItem struct {
	Blocks []Block
}

// DefinitionList is a list of terms with their definitions.
type DefinitionList struct {
	Items []Definition
	Pos   Pos
}

// Definition is one term of a DefinitionList and its definitions.
type Definition struct {
	Term []Inline
	// Defs holds one or more definitions, each a sequence of blocks.
	Defs [][]Block
}

// CodeBlock is preformatted text, shown verbatim in a monospaced face.
type CodeBlock struct {
	Lang string
	Text string
	Pos  Pos
}

// Align is a table column's alignment.
type Align int

// Column alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a GFM table: a header row and body rows of inline cells.
type Table struct {
	Align []Align
	Head  [][]Inline
	Rows  [][][]Inline
	Pos   Pos
}

// SectionBreak is a thematic break between sections of a chapter, shown
// as an ornament or a blank line.
type SectionBreak struct {
	Pos Pos
}

// Figure is an image standing alone in its own paragraph; its caption is
// the image's alternative text, as in pandoc.
type Figure struct {
	Image   *Image
	Caption []Inline
	Pos     Pos
}

func (b *Paragraph) Position() Pos      { return b.Pos }
func (b *Heading) Position() Pos        { return b.Pos }
func (b *BlockQuote) Position() Pos     { return b.Pos }
func (b *List) Position() Pos           { return b.Pos }
func (b *DefinitionList) Position() Pos { return b.Pos }
func (b *CodeBlock) Position() Pos      { return b.Pos }
func (b *Table) Position() Pos          { return b.Pos }
func (b *SectionBreak) Position() Pos   { return b.Pos }
func (b *Figure) Position() Pos         { return b.Pos }

func (*Paragraph) block()      {}
func (*Heading) block()        {}
func (*BlockQuote) block()     {}
func (*List) block()           {}
func (*DefinitionList) block() {}
func (*CodeBlock) block()      {}
func (*Table) block()          {}
func (*SectionBreak) block()   {}
func (*Figure) block()         {}
