package html

import (
	"strconv"
	"strings"
	"time"

	"samizdat/book"
)

// titlePage writes the page's title header: cover, title, subtitle,
// authors and publisher, drawn from the metadata. ch is the title-page
// division, or nil when the book has none and the page still needs a
// title at its top.
func (p *page) titlePage(ch *book.Chapter) {
	m := p.b.Meta
	id := ""
	if ch != nil {
		id = p.ids.id(ch)
	}
	p.open("header", "id", id, "class", "title-page")
	p.nl()
	if m.CoverImage != nil && len(m.CoverImage.Data) > 0 {
		if src, ok := p.dataURI(m.CoverImage, book.Pos{}); ok {
			p.void("img", "class", "cover", "src", src, "alt", p.pageTitle(),
				"width", positive(m.CoverImage.Width), "height", positive(m.CoverImage.Height))
			p.nl()
		}
	}
	p.open("h1", "class", "title")
	p.text(p.bookTitle())
	p.close("h1")
	p.nl()
	p.para("subtitle", m.Subtitle)
	for _, a := range m.Authors {
		if a.Name != "" {
			p.para("author", p.personName(a))
		}
	}
	p.para("publisher", m.Publisher)
	p.close("header")
	p.nl()
}

// copyright writes the copyright page: title, rights, first publication,
// publisher and date, identifier.
func (p *page) copyright(ch *book.Chapter) {
	m := p.b.Meta
	p.open("section", "id", p.ids.id(ch), "class", "division copyright", "aria-label", p.label("copyright"))
	p.nl()
	p.para("copyright-title", p.pageTitle())
	if authors := p.names(m.Authors); authors != "" {
		p.para("copyright-authors", authors)
	}
	p.para("rights", m.Rights)
	if m.Source != "" {
		p.para("first-published", p.label("firstpub")+" "+m.Source)
	}
	var imprint []string
	for _, s := range []string{m.Publisher, m.Date} {
		if s != "" {
			imprint = append(imprint, s)
		}
	}
	p.para("imprint", strings.Join(imprint, ", "))
	p.para("identifier", displayIdentifier(m.Identifier))
	p.blocks(ch.Blocks, nil)
	p.close("section")
	p.nl()
}

// displayIdentifier shows an ISBN URN the way a reader expects it.
func displayIdentifier(id string) string {
	if len(id) > 9 && strings.EqualFold(id[:9], "urn:isbn:") {
		return "ISBN " + id[9:]
	}
	return id
}

// para writes <p class="class">text</p> when text is not empty.
func (p *page) para(class, text string) {
	if text == "" {
		return
	}
	p.open("p", "class", class)
	p.text(text)
	p.close("p")
	p.nl()
}

// contents writes the table of contents: every titled front and back
// matter division, every part, every chapter and its level-2 headings.
func (p *page) contents(ch *book.Chapter) {
	p.open("nav", "id", p.ids.id(ch), "class", "contents", "role", "doc-toc", "aria-label", book.PlainText(p.titleOf(ch)))
	p.nl()
	p.open("h1")
	p.plainInlines(p.titleOf(ch))
	p.close("h1")
	p.nl()
	p.raw("<ol>\n")
	matter := func(chs []*book.Chapter) {
		for _, c := range chs {
			switch c.Kind {
			case book.KindTitlePage, book.KindCopyright, book.KindContents:
				continue
			}
			if title := p.titleOf(c); len(title) > 0 {
				p.tocEntry(c, title)
			}
		}
	}
	matter(p.l.front)
	for _, part := range p.l.parts {
		titled := len(part.Title) > 0
		if titled {
			p.raw(`<li class="toc-part">`)
			p.tocLink(p.ids.id(part), part.Title)
			p.raw("\n<ol>\n")
		}
		for _, c := range part.Chapters {
			if c == nil {
				continue
			}
			p.tocEntry(c, p.displayTitle(c))
		}
		if titled {
			p.raw("</ol>\n</li>\n")
		}
	}
	matter(p.l.back)
	p.raw("</ol>\n")
	p.close("nav")
	p.nl()
}

// tocEntry writes a contents entry for a division, with its level-2
// headings nested under it.
func (p *page) tocEntry(ch *book.Chapter, title []book.Inline) {
	p.raw("<li>")
	p.tocLink(p.ids.id(ch), title)
	var subs []*book.Heading
	for _, b := range ch.Blocks {
		if h, ok := b.(*book.Heading); ok && h.Level == 2 && p.ids.id(h) != "" {
			subs = append(subs, h)
		}
	}
	if len(subs) > 0 {
		p.raw("\n<ol>\n")
		for _, h := range subs {
			p.raw("<li>")
			p.tocLink(p.ids.id(h), h.Inlines)
			p.raw("</li>\n")
		}
		p.raw("</ol>\n")
	}
	p.raw("</li>\n")
}

// tocLink writes a link to id whose text is title without its links and
// note references.
func (p *page) tocLink(id string, title []book.Inline) {
	if id == "" {
		p.plainInlines(title)
		return
	}
	p.open("a", "href", "#"+id)
	p.plainInlines(title)
	p.close("a")
}

// byline writes an article's authors, date and original source under its
// title.
func (p *page) byline(bl *book.Byline) {
	if bl == nil {
		return
	}
	authors := p.names(bl.Authors)
	if authors == "" && bl.Date == "" && bl.Source == "" {
		return
	}
	p.raw(`<div class="byline">` + "\n")
	p.para("byline-authors", authors)
	if bl.Date != "" {
		p.raw(`<p class="byline-date">`)
		if isDate(bl.Date) {
			p.open("time", "datetime", bl.Date)
			p.text(bl.Date)
			p.close("time")
		} else {
			p.text(bl.Date)
		}
		p.raw("</p>\n")
	}
	p.para("byline-source", bl.Source)
	p.raw("</div>\n")
}

// isDate reports whether s is a date that <time datetime> accepts as it
// is: a year, a year and month, or a full date.
func isDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// positive formats n for a width or height attribute, or "" when n is not
// a positive number.
func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
