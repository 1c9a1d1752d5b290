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
// layout: it embeds the faces (fpdf subsets them), sets each text run as
// one text object with its kerns (textops.go), and turns anchors, links
// and marks into link targets, link annotations and bookmarks. The
// document carries no wall-clock time and no random ID, so one layout
// always gives the same bytes. draw consumes doc: its pages are let go
// as they are drawn.
func draw(w io.Writer, doc *Document, fs faces, meta book.Metadata, date time.Time) error {
	if len(doc.Pages) == 0 {
		return fmt.Errorf("pdf: the book has no pages")
	}
	first := doc.Pages[0]
	return drawOn(w, doc, fs, startDocument(first.Width, first.Height, fs, meta, doc.Lang, date, nil))
}

// startDocument begins the PDF on another goroutine (newDocument), so
// that fpdf reads the regular face while the pages are laid out, and the
// other faces as used tells that the pages set them; the function it
// returns waits for it.
func startDocument(width, height float64, fs faces, meta book.Metadata, lang string, date time.Time, used *faceSignal) func() (*drawer, error) {
	type started struct {
		d   *drawer
		err error
	}
	ch := make(chan started, 1)
	go func() {
		d, err := newDocument(width, height, fs, meta, lang, date)
		if err == nil && used != nil {
			err = used.embed(d)
		}
		ch <- started{d, err}
	}()
	return func() (*drawer, error) {
		s := <-ch
		return s.d, s.err
	}
}

// newDocument makes fpdf's document for pages of the given size with the
// book's metadata, and embeds the regular face, which every document
// uses (the bookmarks are encoded with it).
func newDocument(width, height float64, fs faces, meta book.Metadata, lang string, date time.Time) (*drawer, error) {
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
	d := &drawer{pdf: p, faces: fs, names: fontNames(fs), images: map[*book.Asset]string{}}
	return d, d.addFace(FontRegular)
}

// drawOn draws the pages into the document started. The pages' text is
// written while the document is being started.
func drawOn(w io.Writer, doc *Document, fs faces, started func() (*drawer, error)) error {
	if len(doc.Pages) == 0 {
		started() // let it finish
		return fmt.Errorf("pdf: the book has no pages")
	}
	texts, runes := setTexts(doc.Pages, fs)
	d, err := started()
	if err != nil {
		return err
	}
	p := d.pdf
	if err := d.embed(runes); err != nil {
		return err
	}
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
		if err := d.page(pg, i, texts[i]); err != nil {
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
	file, err := compressStreams(out.Bytes(), texts)
	if err != nil {
		return err
	}
	if file, err = withCatalogEntry(file, "/PageLabels "+labels); err != nil {
		return err
	}
	if _, err := w.Write(file); err != nil {
		return fmt.Errorf("pdf: writing: %w", err)
	}
	return nil
}

// drawer holds the writer's state while drawing pages.
type drawer struct {
	pdf      *fpdf.Fpdf
	faces    faces
	names    [numFonts]string
	embedded [numFonts]bool
	links    map[string]int
	// images maps assets to their registered names.
	images map[*book.Asset]string
	font   Font
	size   float64
	hasSet bool
}

// page draws page number index (from 0). Its text, written already
// (setTexts), goes into the file only when the streams are compressed:
// fpdf is given a placeholder for each segment, so that it does not copy
// the bulk of the page's content from buffer to buffer.
func (d *drawer) page(pg *Page, index int, texts []textSegment) error {
	p := d.pdf
	p.AddPageFormat("P", fpdf.SizeType{Wd: pg.Width, Ht: pg.Height})
	d.hasSet = false
	// Bookmark titles are encoded for the current font, which must be
	// a Unicode one.
	d.setFont(FontRegular, pageFontSize)
	for _, m := range pg.Marks {
		p.Bookmark(m.Title, m.Level, m.Y)
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
	for k, seg := range texts {
		d.setFont(seg.font, seg.size)
		p.RawWriteStr(placeholder(index, k))
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

// embed embeds the faces the pages use, the regular face always (the
// bookmarks are encoded with it), and gives fpdf every character each
// face sets, for its subsetting (see textops.go). It runs before the
// first page, so what fpdf's Text writes here goes in front of the
// header, where compressStreams cuts it off.
func (d *drawer) embed(runes runeSets) error {
	for i := range d.names {
		f := Font(i)
		if len(runes[f]) == 0 {
			continue
		}
		if err := d.addFace(f); err != nil {
			return err
		}
		d.pdf.SetFont(d.names[f], "", 10)
		d.pdf.Text(0, 0, sortedRunes(runes[f]))
	}
	return nil
}

// addFace embeds face f unless it is embedded already.
func (d *drawer) addFace(f Font) error {
	if d.embedded[f] {
		return nil
	}
	p := d.pdf
	// fpdf writes into the buffer it is given while subsetting, so it
	// gets a copy: the face's bytes are shared with its measuring and
	// with other renderers.
	p.AddUTF8FontFromBytes(d.names[f], "", bytes.Clone(d.faces[f].Data))
	// fpdf only prints a font it cannot read; selecting the font turns
	// that into an error.
	p.SetFont(d.names[f], "", 10)
	if err := p.Error(); err != nil {
		return fmt.Errorf("pdf: embedding %s: %w", d.faces[f].FileName, err)
	}
	d.embedded[f] = true
	return nil
}

// setFont selects a face and size unless they are already current.
func (d *drawer) setFont(f Font, size float64) {
	if d.hasSet && d.font == f && d.size == size {
		return
	}
	d.pdf.SetFont(d.names[f], "", size)
	d.font, d.size, d.hasSet = f, size, true
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

// fontNames gives each face a family name for fpdf, from its file name,
// unique in the document.
func fontNames(fs faces) [numFonts]string {
	var names [numFonts]string
	seen := map[string]bool{}
	for i, f := range fs {
		base := strings.TrimSuffix(f.FileName, ".ttf")
		var b strings.Builder
		for _, r := range base {
			if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				b.WriteRune(r)
			}
		}
		name := b.String()
		if name == "" || seen[strings.ToLower(name)] {
			name += "-" + strconv.Itoa(i)
		}
		seen[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
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
