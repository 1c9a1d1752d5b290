package html

import (
	"fmt"
	"strconv"
	"strings"

	"samizdat/book"
	"samizdat/fonts"
)

// xhtmlNS is the namespace polyglot markup declares on <html>.
const xhtmlNS = "http://www.w3.org/1999/xhtml"

// layout is what the page shows, in reading order. A single page has no
// use for a half-title, and a generated bibliography has nothing to show
// until the model carries entries; a notes division shows only when notes
// are placed at the book's end, and is added when the book lacks one.
type layout struct {
	front []*book.Chapter
	parts []*book.Part
	back  []*book.Chapter
	// notes is the division that lists every note when notes are placed
	// at the book's end; nil otherwise.
	notes *book.Chapter
	// number is each body chapter's place in reading order, counted from
	// 1, for chapters that have no title of their own.
	number map[*book.Chapter]int
	// hasTitlePage reports whether the front matter has a title page;
	// without one the page starts with a plain title header.
	hasTitlePage bool
}

// planLayout decides which divisions of b the page shows.
func planLayout(b *book.Book) layout {
	l := layout{number: map[*book.Chapter]int{}}
	bookEnd := b.Notes.Placement == book.PlaceBookEnd && hasNotes(b)
	keep := func(ch *book.Chapter) bool {
		switch {
		case ch == nil, ch.Kind == book.KindHalfTitle:
			return false
		case ch.Kind == book.KindNotes:
			if !bookEnd || l.notes != nil {
				return false
			}
			l.notes = ch
		case ch.Kind == book.KindBibliography:
			return len(ch.Blocks) > 0
		case ch.Kind == book.KindTitlePage:
			l.hasTitlePage = true
		}
		return true
	}
	for _, ch := range b.Front {
		if keep(ch) {
			l.front = append(l.front, ch)
		}
	}
	for _, part := range b.Parts {
		if part == nil {
			continue
		}
		l.parts = append(l.parts, part)
		for _, ch := range part.Chapters {
			if ch != nil {
				l.number[ch] = len(l.number) + 1
			}
		}
	}
	for _, ch := range b.Back {
		if keep(ch) {
			l.back = append(l.back, ch)
		}
	}
	if bookEnd && l.notes == nil {
		l.notes = &book.Chapter{Kind: book.KindNotes, ID: "notes"}
		l.back = append(l.back, l.notes)
	}
	return l
}

// hasNotes reports whether any division of b has notes.
func hasNotes(b *book.Book) bool {
	for _, ch := range b.AllChapters() {
		if ch != nil && len(ch.Notes) > 0 {
			return true
		}
	}
	return false
}

// document writes the whole page.
func (p *page) document() error {
	css, err := p.css()
	if err != nil {
		return err
	}
	p.out.Grow(sizeHint(p.b, len(css)))
	p.raw("<!DOCTYPE html>\n")
	p.open("html", "xmlns", xhtmlNS, "lang", p.lang, "xml:lang", p.lang, "dir", dir(p.lang))
	p.nl()
	p.head(css)
	p.raw("<body>\n")
	if !p.l.hasTitlePage {
		p.titlePage(nil)
	}
	for _, ch := range p.l.front {
		p.division(ch)
	}
	p.raw("<main>\n")
	for _, part := range p.l.parts {
		p.part(part)
	}
	p.raw("</main>\n")
	for _, ch := range p.l.back {
		p.division(ch)
	}
	p.raw("</body>\n</html>\n")
	return nil
}

// css returns the page's stylesheet, with the fonts embedded when the
// book asks for it.
func (p *page) css() (string, error) {
	fam := p.opt.Fonts
	if fam == nil && p.b.Output.EmbedFonts {
		var err error
		if fam, err = fonts.Default(); err != nil {
			return "", fmt.Errorf("loading the default fonts to embed: %w", err)
		}
	}
	name := "Gentium Book Plus"
	if fam != nil && fam.Name != "" {
		name = fam.Name
	}
	css := stylesheet(name)
	if p.b.Output.EmbedFonts {
		css = fontFaces(fam) + css
	}
	return css, nil
}

// head writes the <head>: character set, viewport, title, the book's
// metadata for search engines and readers, and the stylesheet.
func (p *page) head(css string) {
	m := p.b.Meta
	p.raw("<head>\n")
	p.void("meta", "charset", "utf-8")
	p.nl()
	p.void("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
	p.nl()
	p.open("title")
	p.text(p.pageTitle())
	p.close("title")
	p.nl()
	if authors := p.names(m.Authors); authors != "" {
		p.void("meta", "name", "author", "content", authors)
		p.nl()
	}
	if m.Description != "" {
		p.void("meta", "name", "description", "content", m.Description)
		p.nl()
	}
	if len(m.Subjects) > 0 {
		p.void("meta", "name", "keywords", "content", strings.Join(m.Subjects, ", "))
		p.nl()
	}
	p.void("meta", "name", "generator", "content", "samizdat")
	p.nl()
	p.void("meta", "name", "color-scheme", "content", "light dark")
	p.nl()
	p.raw("<style>\n")
	p.raw(css)
	p.raw("</style>\n</head>\n")
}

// pageTitle is the text of <title>: the book's title and subtitle.
func (p *page) pageTitle() string {
	if sub := p.b.Meta.Subtitle; sub != "" {
		return p.bookTitle() + ": " + sub
	}
	return p.bookTitle()
}

// bookTitle is the book's title, else its slug, so that the page always
// has a title.
func (p *page) bookTitle() string {
	switch {
	case p.b.Meta.Title != "":
		return p.b.Meta.Title
	case p.b.Slug != "":
		return p.b.Slug
	}
	return "Untitled"
}

// division writes one front or back matter division or chapter.
func (p *page) division(ch *book.Chapter) {
	switch ch.Kind {
	case book.KindTitlePage:
		p.titlePage(ch)
	case book.KindCopyright:
		p.copyright(ch)
	case book.KindContents:
		p.contents(ch)
	case book.KindNotes:
		p.bookNotes(ch)
	default:
		p.section(ch)
	}
}

// part writes a part: its chapters, under the part's title when it has
// one. A part without a title stands for "no parts" and adds no markup.
func (p *page) part(part *book.Part) {
	titled := len(part.Title) > 0
	if titled {
		p.open("section", "id", p.ids.id(part), "class", "part", "role", "doc-part")
		p.nl()
		p.open("h1", "class", "part-title")
		p.inlines(part.Title)
		p.close("h1")
		p.nl()
	}
	for _, ch := range part.Chapters {
		if ch != nil {
			p.division(ch)
		}
	}
	if titled {
		p.close("section")
		p.nl()
	}
}

// section writes a division with text: a chapter, preface, dedication,
// epigraph, colophon … with its title, byline, blocks and, unless notes
// go to the book's end, its notes.
func (p *page) section(ch *book.Chapter) {
	p.pos = ch.Source
	p.open("section", "id", p.ids.id(ch), "class", "division "+ch.Kind.String(), "role", kindRole(ch.Kind),
		"lang", ch.Lang, "xml:lang", ch.Lang, "dir", dir(ch.Lang))
	p.nl()
	if title := p.titleOf(ch); len(title) > 0 {
		p.open("h1")
		p.inlines(title)
		p.close("h1")
		p.nl()
	}
	p.byline(ch.Byline)
	p.blocks(ch.Blocks, nil)
	p.chapterNotes(ch)
	p.close("section")
	p.nl()
}

// kindRole is the DPUB-ARIA role of a division of a kind.
func kindRole(k book.Kind) string {
	switch k {
	case book.KindChapter:
		return "doc-chapter"
	case book.KindDedication:
		return "doc-dedication"
	case book.KindEpigraph:
		return "doc-epigraph"
	case book.KindPreface:
		return "doc-preface"
	case book.KindContents:
		return "doc-toc"
	case book.KindNotes:
		return "doc-endnotes"
	case book.KindBibliography:
		return "doc-bibliography"
	case book.KindColophon:
		return "doc-colophon"
	}
	return ""
}

// titleOf returns a division's title: its own, or for a generated
// division without one, the page's word for it ("Notes", "Contents").
func (p *page) titleOf(ch *book.Chapter) []book.Inline {
	if len(ch.Title) > 0 {
		return ch.Title
	}
	switch ch.Kind {
	case book.KindNotes, book.KindContents, book.KindBibliography:
		return []book.Inline{&book.Text{Text: p.label(ch.Kind.String())}}
	}
	return nil
}

// displayTitle returns a division's title for contents and note headings:
// its own or generated title, else "Chapter N" for a body chapter, else
// its kind.
func (p *page) displayTitle(ch *book.Chapter) []book.Inline {
	if title := p.titleOf(ch); len(title) > 0 {
		return title
	}
	if n, ok := p.l.number[ch]; ok {
		return []book.Inline{&book.Text{Text: p.label("chapter") + " " + strconv.Itoa(n)}}
	}
	return []book.Inline{&book.Text{Text: ch.Kind.String()}}
}
