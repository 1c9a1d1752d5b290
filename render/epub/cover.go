package epub

import (
	"fmt"
	"strings"

	"samizdat/book"
	"samizdat/render/cover"
)

// generatedCoverName is the asset name of a generated cover; it is filed
// as images/cover.png (or cover-2.png when the book has its own image of
// that name).
const generatedCoverName = "images/cover.png"

// addCover files the cover image: the book's own when it has one that
// every reader can show (JPEG or PNG), else a typographic cover drawn
// from the title, subtitle and authors. Every EPUB has a cover, since
// shops and reading systems show a blank tile for a book without one.
func (p *plan) addCover() error {
	if a := p.b.Meta.CoverImage; a != nil {
		switch mt := sniffImage(a.Data); mt {
		case "image/png", "image/jpeg":
			p.coverImage = p.addImage(a)
			return nil
		case "":
			p.opt.Warnf(book.Pos{File: a.Name}, "the cover image is not a PNG or JPEG file; a cover is drawn from the title instead")
		default:
			p.opt.Warnf(book.Pos{File: a.Name}, "the cover image is %s, which not every reader shows as a cover; use PNG or JPEG; a cover is drawn from the title instead", mt)
		}
	}
	m := p.b.Meta
	t := cover.Text{Title: p.title(), Subtitle: m.Subtitle, Publisher: m.Publisher}
	for _, a := range m.Authors {
		t.Authors = append(t.Authors, a.Name)
	}
	img, err := cover.Draw(t, p.opt.Fonts)
	if err != nil {
		return fmt.Errorf("epub: drawing the cover: %w", err)
	}
	if len(img.Missing) > 0 {
		p.opt.Warnf(book.Pos{}, "the generated cover cannot show %q: the type family has no glyphs for them; give the book a cover-image", string(img.Missing))
	}
	p.coverImage = p.addImage(&book.Asset{Name: generatedCoverName, MediaType: "image/png",
		Data: img.PNG, Width: img.Width, Height: img.Height})
	return nil
}

// coverAlt is the cover's alternative text: what it shows, title,
// subtitle and authors.
func (p *plan) coverAlt() string {
	alt := p.title()
	if s := p.b.Meta.Subtitle; s != "" {
		alt += ": " + s
	}
	var names []string
	for _, a := range p.b.Meta.Authors {
		names = append(names, a.Name)
	}
	if len(names) > 0 {
		alt += ", " + strings.Join(names, ", ")
	}
	return alt
}

// coverPage shows the cover image alone, in a document of its own: Kobo
// renders the document holding the cover as a fixed page, so nothing
// else may share it.
func (pg *page) coverPage() {
	img := pg.p.coverImage
	pg.open("section", "id", "cover", "class", "cover", "epub:type", "cover", "aria-label", pg.p.labels.cover)
	attrs := []string{"src", "../" + img.href, "alt", pg.p.coverAlt(), "role", "doc-cover"}
	if a := img.asset; a.Width > 0 && a.Height > 0 {
		attrs = append(attrs, "width", fmt.Sprint(a.Width), "height", fmt.Sprint(a.Height))
	}
	pg.empty("img", attrs...)
	pg.close("section")
}
