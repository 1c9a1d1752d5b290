package book

import (
	"strings"
	"unicode"
)

// Inline is an element inside a paragraph, heading or cell. The set is
// closed; renderers switch on the concrete type.
type Inline interface {
	inline()
}

// Text is a run of characters, already typographed: curly quotes, dashes
// and ellipses are real Unicode characters, never entities.
type Text struct {
	Text string
}

// Space is a breakable inter-word space that came from a source line end;
// renderers treat it as an ordinary space.
type Space struct{}

// LineBreak is a hard line break.
type LineBreak struct{}

// Emph is emphasis, usually italic.
type Emph struct{ Inlines []Inline }

// Strong is strong emphasis, usually bold.
type Strong struct{ Inlines []Inline }

// Strike is struck-through text.
type Strike struct{ Inlines []Inline }

// Code is inline code, shown verbatim in a monospaced face.
type Code struct{ Text string }

// Link is a hyperlink. URL is either external ("https://…") or an internal
// target "#id" that names a heading or chapter id.
type Link struct {
	URL     string
	Title   string
	Inlines []Inline
	// Pos is where the link is written, for reporting a broken target.
	Pos Pos
}

// Image is an inline image. Asset is the loaded file.
type Image struct {
	Asset *Asset
	Alt   string
	Title string
}

// NoteRef is a reference to a footnote. Index counts the references to the
// same note from 1, so renderers can give each reference its own id.
type NoteRef struct {
	Note  *Note
	Index int
}

// PageBreak marks where a page of the print edition begins, so that an
// e-book can carry the print page numbers (EPUB page-list). Label is the
// page number as printed ("23", "iv"). Only a transform puts it in the
// model; readers never do.
type PageBreak struct {
	Label string
}

// Citation is a pandoc-style citation: [@key, 23] or in-text @key.
// Formatting it into a note or an author-date reference is a transform on
// the model; until then Rendered is empty and renderers show Raw.
type Citation struct {
	Items []CiteItem
	// InText is set for the @key form written in running text.
	InText bool
	// Raw is the citation as written in the manuscript.
	Raw string
	// Rendered, when set, replaces the citation in the text.
	Rendered []Inline
	Pos      Pos
}

// CiteItem is one work cited in a Citation.
type CiteItem struct {
	Key            string
	Prefix         string
	Locator        string
	LocatorLabel   string
	Suffix         string
	SuppressAuthor bool
}

func (*Text) inline()      {}
func (*Space) inline()     {}
func (*LineBreak) inline() {}
func (*Emph) inline()      {}
func (*Strong) inline()    {}
func (*Strike) inline()    {}
func (*Code) inline()      {}
func (*Link) inline()      {}
func (*Image) inline()     {}
func (*NoteRef) inline()   {}
func (*Citation) inline()  {}
func (*PageBreak) inline() {}

// OneLine folds a string onto one line: control characters (line ends,
// tabs) become spaces and runs of white space one space, trimmed at both
// ends. Labels and metadata values pass through it on their way into
// attributes and YAML.
func OneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// PlainText returns the text of inlines without markup, as used for
// document titles, alt text and table-of-contents entries.
func PlainText(ins []Inline) string {
	return string(AppendPlainText(nil, ins))
}

// AppendPlainText appends the text PlainText returns to dst, for callers
// that gather a book's text without a string per paragraph (the EPUB's
// content digest).
func AppendPlainText(dst []byte, ins []Inline) []byte {
	for _, in := range ins {
		switch n := in.(type) {
		case *Text:
			dst = append(dst, n.Text...)
		case *Space, *LineBreak:
			dst = append(dst, ' ')
		case *Emph:
			dst = AppendPlainText(dst, n.Inlines)
		case *Strong:
			dst = AppendPlainText(dst, n.Inlines)
		case *Strike:
			dst = AppendPlainText(dst, n.Inlines)
		case *Code:
			dst = append(dst, n.Text...)
		case *Link:
			dst = AppendPlainText(dst, n.Inlines)
		case *Image:
			dst = append(dst, n.Alt...)
		case *Citation:
			if n.Rendered != nil {
				dst = AppendPlainText(dst, n.Rendered)
			} else {
				dst = append(dst, n.Raw...)
			}
		}
	}
	return dst
}
