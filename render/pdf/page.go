package pdf

import "samizdat/book"

// Document is a laid-out book: pages of positioned text, rules, images
// and links, plus the metadata that goes into the PDF's information
// dictionary. It is plain data that knows nothing of the PDF writer, so
// tests can check the layout without parsing a PDF and a better line
// breaker or page builder can replace the present ones behind it.
type Document struct {
	Pages []*Page
	// Lang is the book's language tag, for the PDF catalogue.
	Lang string
}

// Page is one laid-out page. All lengths are in PostScript points, with
// the origin at the page's top left corner and y growing downwards.
type Page struct {
	Width, Height float64
	// Area is the text area: every line of text, rule and image of the
	// body and its footnotes lies inside it. Running heads and folios sit
	// in the margins.
	Area Rect
	// Number is the physical page number, from 1; odd pages are rectos.
	Number int
	// Folio is the page number as printed and as listed in the contents
	// ("iii", "12"), whether or not this page shows it.
	Folio string
	Content
	// flow lists the paragraph lines of the page's body in order, for
	// tests of widows and orphans.
	flow []flowLine
	// sources are the places in the model where the page's body lines
	// begin, in order, for MarkPages; notes at the foot are not body.
	sources []srcRef
}

// Content is what a page (or a piece of a page being built) holds.
type Content struct {
	Texts   []Text
	Rules   []Rule
	Images  []Picture
	Links   []Link
	Anchors []Anchor
	Marks   []Mark
}

// Rect is a rectangle: its top left corner and its size.
type Rect struct {
	X, Y, W, H float64
}

// Right returns the x coordinate of the rectangle's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y coordinate of the rectangle's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Font names one of the five faces text is set in: the four faces of the
// book's family and a monospaced face for code.
type Font int

// The faces text is set in.
const (
	FontRegular Font = iota
	FontItalic
	FontBold
	FontBoldItalic
	FontMono
	numFonts
)

// Role says what a text run is, so that tests and later tools can tell
// body text from notes, headings and page furniture.
type Role int

// The roles of text runs.
const (
	// RoleBody is running text: paragraphs, quotations, lists, tables,
	// code and captions.
	RoleBody Role = iota
	// RoleHeading is a section heading inside a chapter.
	RoleHeading
	// RoleTitle is a chapter, part or front-matter title, or text of a
	// generated page (title page, contents).
	RoleTitle
	// RoleNote is the text and number of a note.
	RoleNote
	// RoleMarker is a superscript note reference in the text.
	RoleMarker
	// RoleRunningHead is the book or chapter title at the page head.
	RoleRunningHead
	// RoleFolio is a printed page number.
	RoleFolio
)

// Text is a run of text in one face and size, drawn from its baseline at
// (X, Y). Width is its measured width, kerning included; the PDF writer
// draws the run with those kerns so that what is drawn matches it.
// Text is what the run says; Glyphs, when set, is what is drawn, the
// same text with f-ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) in place of their letters.
type Text struct {
	X, Y   float64
	Font   Font
	Size   float64
	Text   string
	Glyphs string
	Width  float64
	Role   Role
}

// Drawn returns the characters the run is drawn with.
func (t Text) Drawn() string {
	if t.Glyphs != "" {
		return t.Glyphs
	}
	return t.Text
}

// Rule is a straight line of the given thickness.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Thickness      float64
}

// Picture is an image scaled into a box.
type Picture struct {
	Rect
	Asset *book.Asset
}

// Link is a clickable area. URL is an external address; Dest, when URL
// is empty, is the ID of an Anchor in the document.
type Link struct {
	Rect
	URL  string
	Dest string
}

// Anchor is a link target: a chapter, part, heading, note or note
// reference, at height Y on its page.
type Anchor struct {
	ID string
	Y  float64
}

// Mark is an entry of the PDF outline (bookmarks) pointing at height Y.
type Mark struct {
	Title string
	Level int
	Y     float64
}

// add appends o to c, moved by (dx, dy).
func (c *Content) add(o *Content, dx, dy float64) {
	for _, t := range o.Texts {
		t.X += dx
		t.Y += dy
		c.Texts = append(c.Texts, t)
	}
	for _, r := range o.Rules {
		r.X1 += dx
		r.X2 += dx
		r.Y1 += dy
		r.Y2 += dy
		c.Rules = append(c.Rules, r)
	}
	for _, p := range o.Images {
		p.X += dx
		p.Y += dy
		c.Images = append(c.Images, p)
	}
	for _, l := range o.Links {
		l.X += dx
		l.Y += dy
		c.Links = append(c.Links, l)
	}
	for _, a := range o.Anchors {
		a.Y += dy
		c.Anchors = append(c.Anchors, a)
	}
	for _, m := range o.Marks {
		m.Y += dy
		c.Marks = append(c.Marks, m)
	}
}
