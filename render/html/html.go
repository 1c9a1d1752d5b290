// Package html renders a book as one self-contained HTML5 page: the whole
// text, its notes and its images in a single file that can be mailed,
// archived or opened from a USB stick without anything beside it.
//
// The page is polyglot markup — valid HTML5 that is also well-formed XML
// (void elements written as <br />, only the five XML entities) — so that
// tests and other tools can read it with an XML parser. It carries its own
// stylesheet, inlines images as data: URIs, embeds fonts only when the book
// asks for it, and contains no script: notes and navigation work with
// plain links and CSS alone.
package html

import (
	"bytes"
	"fmt"
	"io"

	"samizdat/book"
	"samizdat/render"
)

// Renderer writes a book as a single HTML page. It holds no state, so one
// Renderer may render many books, also concurrently.
type Renderer struct{}

// New returns the HTML renderer.
func New() *Renderer { return &Renderer{} }

// Name returns "html", the format's name on the command line.
func (*Renderer) Name() string { return "html" }

// Extension returns ".html".
func (*Renderer) Extension() string { return ".html" }

// Render writes b as one HTML page to w. The page is built in memory and
// written in one piece, so w never receives half a page when rendering
// fails.
func (*Renderer) Render(w io.Writer, b *book.Book, opt render.Options) error {
	if b == nil {
		return fmt.Errorf("html: no book to render")
	}
	p := newPage(b, opt)
	if err := p.document(); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	if _, err := w.Write(p.out.Bytes()); err != nil {
		return fmt.Errorf("html: writing page: %w", err)
	}
	return nil
}

// page is the state of one render: the output, the book, and the ids given
// to its elements. It lives for one call of Render.
type page struct {
	out bytes.Buffer
	b   *book.Book
	opt render.Options
	// l is what the page shows, in reading order.
	l   layout
	ids *idMap
	// lang is the book's language tag; words are the page's own labels
	// in that language.
	lang  string
	words map[string]string
	// refsDone records the note references written so far, so that a
	// reference the model repeats by mistake never repeats an id.
	refsDone map[refKey]bool
	// pos is the position of the block being written, for warnings about
	// inlines, which carry no position of their own.
	pos book.Pos
}

func newPage(b *book.Book, opt render.Options) *page {
	p := &page{b: b, opt: opt, lang: b.Meta.Lang, refsDone: map[refKey]bool{}}
	if p.lang == "" {
		opt.Warnf(book.Pos{}, "the book has no language (lang); the page says lang=\"und\"")
		p.lang = "und"
	}
	p.words = labelsFor(p.lang)
	for _, ch := range b.Back {
		if ch.Kind == book.KindBibliography && len(ch.Blocks) == 0 {
			opt.Warnf(ch.Source, "the bibliography has no entries (no work is cited); it is left out")
		}
	}
	p.l = planLayout(b)
	p.ids = assignIDs(opt, p.l)
	return p
}

// raw writes s as it is: markup the renderer made itself.
func (p *page) raw(s string) { p.out.WriteString(s) }

// text writes s escaped as character data.
func (p *page) text(s string) { writeEscaped(&p.out, s) }

// attr writes ` name="value"` with value escaped.
func (p *page) attr(name, value string) {
	p.out.WriteByte(' ')
	p.out.WriteString(name)
	p.out.WriteString(`="`)
	writeEscaped(&p.out, value)
	p.out.WriteByte('"')
}

// open writes a start tag with attributes given as name, value pairs;
// pairs whose value is empty are left out.
func (p *page) open(tag string, attrs ...string) {
	p.out.WriteByte('<')
	p.out.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			p.attr(attrs[i], attrs[i+1])
		}
	}
	p.out.WriteByte('>')
}

// void writes an empty element in the polyglot form <tag ... />. Like
// open it leaves out empty attributes, except alt, where empty means
// "decorative".
func (p *page) void(tag string, attrs ...string) {
	p.out.WriteByte('<')
	p.out.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" || attrs[i] == "alt" {
			p.attr(attrs[i], attrs[i+1])
		}
	}
	p.out.WriteString(" />")
}

// close writes an end tag.
func (p *page) close(tag string) {
	p.out.WriteString("</")
	p.out.WriteString(tag)
	p.out.WriteByte('>')
}

// nl ends a line of the page source, to keep it readable and diffable.
func (p *page) nl() { p.out.WriteByte('\n') }
