package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"samizdat/book"
)

// draw writes laid-out pages as a PDF with fpdf. It adds nothing to the
// layout: it sets each text run as one text object with its kerns
// (textops.go), embeds the faces the text is set in, subset
// (fontobjects.go), and turns anchors, links and marks into link
// targets, link annotations and bookmarks. The
// document carries no wall-clock time and no random ID, so one layout
// always gives the same bytes. draw consumes doc: its pages are let go
// as they are drawn.
func draw(w io.Writer, doc *Document, fs faces, meta book.Metadata, date time.Time, early *earlyTexts, catalog ...string) error {
	if len(doc.Pages) == 0 {
		return fmt.Errorf("pdf: the book has no pages")
	}
	first := doc.Pages[0]
	return drawOn(w, doc, fs, newDocument(first.Width, first.Height, meta, doc.Lang, date), early, catalog...)
}

// newDocument makes fpdf's document for pages of the given size with the
// book's metadata.
func newDocument(width, height float64, meta book.Metadata, lang string, date time.Time) *drawer {
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: width, Ht: height}})
	p.SetCatalogSort(true)
	// The streams are compressed after writing (compressStreams).
	p.SetCompression(false)
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	p.SetCreationDate(date.UTC())
	p.SetModificationDate(date.UTC())
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetTitle(meta.Title, true)
	p.SetAuthor(joinNames(meta.Authors), true)
	p.SetSubject(meta.Description, true)
	p.SetKeywords(strings.Join(meta.Subjects, ", "), true)
	p.SetCreator("samizdat", true)
	p.SetProducer("samizdat", true)
	lang = cleanLang(lang)
	if lang != "" {
		p.SetLang(lang)
	}
	p.SetXmpMetadata(xmpPacket(meta, lang, date))
	return &drawer{pdf: p, images: map[*book.Asset]string{}}
}

// drawOn draws the pages into the document d, with entries added to its
// catalogue besides the page labels. early, when not nil, holds the text
// of pages written while they were laid out.
func drawOn(w io.Writer, doc *Document, fs faces, d *drawer, early *earlyTexts, catalog ...string) error {
	if len(doc.Pages) == 0 {
		return fmt.Errorf("pdf: the book has no pages")
	}
	texts, runes := setTexts(doc.Pages, fs, early)
	p := d.pdf
	// Link targets are declared before any page is drawn, so that a link
	// may point forward.
	d.links = map[string]int{}
	for i, pg := range doc.Pages {
		for _, a := range pg.Anchors {
			if _, ok := d.links[a.ID]; !ok {
				id := p.AddLink()
				p.SetLink(id, a.Y, i+1)
				d.links[a.ID] = id
			}
		}
	}
	labels := pageLabels(doc.Pages)
	for i, pg := range doc.Pages {
		if err := d.page(pg); err != nil {
			return err
		}
		// A drawn page is no longer needed: let it go while the rest
		// are drawn, as fpdf keeps every page's content until the end.
		doc.Pages[i] = nil
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		return fmt.Errorf("pdf: writing: %w", err)
	}
	return compressStreams(w, out.Bytes(), texts, early.compressor(), func(first int) ([]pdfObject, string, error) {
		return fontObjects(fs, runes, first)
	}, append([]string{"/PageLabels " + labels}, catalog...)...)
}

// drawer holds the writer's state while drawing pages.
type drawer struct {
	pdf   *fpdf.Fpdf
	links map[string]int
	// images maps assets to their registered names.
	images map[*book.Asset]string
}

// page draws a page's rules, images, links and bookmarks. Its text,
// written already (setTexts), is a content stream of its own, which
// compressStreams adds after fpdf's.
func (d *drawer) page(pg *Page) error {
	p := d.pdf
	p.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
	for _, m := range pg.Marks {
		// fpdf writes a title as it is given unless a Unicode font
		// is selected, and it is given none: the title is given as
		// UTF-16 with its byte order mark, a PDF text string.
		p.Bookmark(utf16BE(m.Title), m.Level, m.Y)
	}
	for _, r := range pg.Rules {
		p.SetLineWidth(r.Thickness)
		p.Line(r.X1, r.Y1, r.X2, r.Y2)
	}
	for _, im := range pg.Images {
		name, err := d.image(im.Asset)
		if err != nil {
			return err
		}
		p.ImageOptions(name, im.X, im.Y, im.W, im.H, false, fpdf.ImageOptions{}, 0, "")
	}
	for _, l := range pg.Links {
		switch {
		case l.URL != "":
			p.LinkString(l.X, l.Y, l.W, l.H, l.URL)
		case l.Dest != "":
			if id, ok := d.links[l.Dest]; ok {
				p.Link(l.X, l.Y, l.W, l.H, id)
			}
		}
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("pdf: drawing page %d: %w", pg.Number, err)
	}
	return nil
}

// image registers an asset once and returns its name in the PDF.
func (d *drawer) image(a *book.Asset) (string, error) {
	if name, ok := d.images[a]; ok {
		return name, nil
	}
	data, tp, err := pdfImage(a)
	if err != nil {
		return "", fmt.Errorf("pdf: image %s: %w", a.Name, err)
	}
	name := "img" + strconv.Itoa(len(d.images)+1) + "-" + a.Name
	d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(data))
	if err := d.pdf.Error(); err != nil {
		return "", fmt.Errorf("pdf: image %s: %w", a.Name, err)
	}
	d.images[a] = name
	return name, nil
}

// cleanLang keeps a language tag only when it is one (letters, digits and
// hyphens), since fpdf writes it into the catalogue unescaped.
func cleanLang(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return ""
		}
	}
	return s
}

// utf16BE returns s as a PDF text string's bytes: UTF-16, big-endian,
// with a byte order mark.
func utf16BE(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// utf16Hex writes s as a PDF hexadecimal text string in UTF-16BE with a
// byte order mark.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
