package book

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a readable, stable outline of a chapter — every block and
// inline with its fields — for golden tests and for debugging a reader.
func Dump(w io.Writer, ch *Chapter) {
	d := &dumper{w: w}
	d.line(0, "Chapter %s id=%q title=%q", ch.Kind, ch.ID, PlainText(ch.Title))
	if ch.Byline != nil {
		var names []string
		for _, p := range ch.Byline.Authors {
			names = append(names, p.Name)
		}
		d.line(1, "Byline authors=%q date=%q source=%q", names, ch.Byline.Date, ch.Byline.Source)
	}
	d.blocks(1, ch.Blocks)
	for _, n := range ch.Notes {
		d.line(1, "Note id=%q number=%d refs=%d", n.ID, n.Number, n.Refs)
		d.blocks(2, n.Blocks)
	}
}

type dumper struct{ w io.Writer }

func (d *dumper) line(depth int, format string, args ...any) {
	fmt.Fprintf(d.w, "%s%s\n", strings.Repeat("  ", depth), fmt.Sprintf(format, args...))
}

func (d *dumper) blocks(depth int, blocks []Block) {
	for _, b := range blocks {
		d.block(depth, b)
	}
}

func (d *dumper) block(depth int, b Block) {
	at := b.Position()
	loc := fmt.Sprintf("@%d:%d", at.Line, at.Col)
	switch n := b.(type) {
	case *Paragraph:
		d.line(depth, "Para %s", loc)
		d.inlines(depth+1, n.Inlines)
	case *Heading:
		d.line(depth, "Heading %s level=%d id=%q classes=%q", loc, n.Level, n.ID, n.Classes)
		d.inlines(depth+1, n.Inlines)
	case *BlockQuote:
		d.line(depth, "BlockQuote %s", loc)
		d.blocks(depth+1, n.Blocks)
		if n.Source != nil {
			d.line(depth+1, "Source")
			d.inlines(depth+2, []Inline{n.Source})
		}
	case *List:
		d.line(depth, "List %s ordered=%v start=%d tight=%v", loc, n.Ordered, n.Start, n.Tight)
		for _, it := range n.Items {
			d.line(depth+1, "Item")
			d.blocks(depth+2, it.Blocks)
		}
	case *DefinitionList:
		d.line(depth, "DefinitionList %s", loc)
		for _, it := range n.Items {
			d.line(depth+1, "Term")
			d.inlines(depth+2, it.Term)
			for _, def := range it.Defs {
				d.line(depth+1, "Definition")
				d.blocks(depth+2, def)
			}
		}
	case *CodeBlock:
		d.line(depth, "CodeBlock %s lang=%q text=%q", loc, n.Lang, n.Text)
	case *Table:
		d.line(depth, "Table %s align=%v", loc, n.Align)
		d.line(depth+1, "Head")
		for _, c := range n.Head {
			d.inlines(depth+2, c)
		}
		for _, row := range n.Rows {
			d.line(depth+1, "Row")
			for _, c := range row {
				d.line(depth+2, "Cell")
				d.inlines(depth+3, c)
			}
		}
	case *SectionBreak:
		d.line(depth, "SectionBreak %s", loc)
	case *Figure:
		d.line(depth, "Figure %s", loc)
		d.inlines(depth+1, []Inline{n.Image})
		d.line(depth+1, "Caption")
		d.inlines(depth+2, n.Caption)
	default:
		d.line(depth, "%T %s", b, loc)
	}
}

func (d *dumper) inlines(depth int, ins []Inline) {
	for _, in := range ins {
		switch n := in.(type) {
		case *Text:
			d.line(depth, "Text %q", n.Text)
		case *Space:
			d.line(depth, "Space")
		case *LineBreak:
			d.line(depth, "LineBreak")
		case *Emph:
			d.line(depth, "Emph")
			d.inlines(depth+1, n.Inlines)
		case *Strong:
			d.line(depth, "Strong")
			d.inlines(depth+1, n.Inlines)
		case *Strike:
			d.line(depth, "Strike")
			d.inlines(depth+1, n.Inlines)
		case *Code:
			d.line(depth, "Code %q", n.Text)
		case *Link:
			d.line(depth, "Link url=%q title=%q", n.URL, n.Title)
			d.inlines(depth+1, n.Inlines)
		case *Image:
			name := ""
			if n.Asset != nil {
				name = n.Asset.Name
			}
			d.line(depth, "Image asset=%q alt=%q", name, n.Alt)
		case *NoteRef:
			d.line(depth, "NoteRef note=%q index=%d", n.Note.ID, n.Index)
		case *Citation:
			d.line(depth, "Citation raw=%q intext=%v @%d:%d", n.Raw, n.InText, n.Pos.Line, n.Pos.Col)
			for _, it := range n.Items {
				d.line(depth+1, "Item key=%q prefix=%q label=%q locator=%q suffix=%q suppress=%v",
					it.Key, it.Prefix, it.LocatorLabel, it.Locator, it.Suffix, it.SuppressAuthor)
			}
		case *PageBreak:
			d.line(depth, "PageBreak label=%q", n.Label)
		default:
			d.line(depth, "%T", in)
		}
	}
}
