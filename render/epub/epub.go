// Package epub writes a book as an EPUB 3 publication (with an EPUB 2 NCX
// for older readers), built directly on archive/zip.
//
// The output aims at what careful e-book producers ship: one XHTML content
// document per division, a navigation document with nested contents and
// landmarks, full package metadata including accessibility metadata, and
// note markup that triggers pop-up notes on Apple Books, Kobo and Kindle.
// Every file is generated from the model alone, so two renders of one book
// are byte-identical; EPUBCheck must report no fatals, errors or warnings.
package epub

import (
	"bytes"
	"fmt"
	"io"

	"samizdat/book"
	"samizdat/render"
)

// Paths inside the container. All content documents, the navigation
// document included, sit in one folder so that links between them are
// plain file names.
const (
	containerPath = "META-INF/container.xml"
	opfDir        = "OEBPS/"
	opfPath       = opfDir + "content.opf"
	textDir       = "text/"
	ncxHref       = "toc.ncx"
	cssHref       = "css/book.css"
	navFile       = "nav.xhtml"
	coverFile     = "cover.xhtml"
)

// Renderer writes EPUB 3 files. It holds no state; one value may render
// many books, also concurrently.
type Renderer struct{}

// New returns the EPUB renderer, for registration with render.NewRegistry.
func New() *Renderer { return &Renderer{} }

// Name is the format's name on the command line.
func (*Renderer) Name() string { return "epub" }

// Extension is the output file's extension.
func (*Renderer) Extension() string { return ".epub" }

// Render writes b as an EPUB to w. It builds the whole container in memory
// first, so nothing is written when any part fails.
func (*Renderer) Render(w io.Writer, b *book.Book, opt render.Options) error {
	p, err := newPlan(b, opt)
	if err != nil {
		return err
	}
	c := newContainer()
	if err := p.fill(c); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := c.write(&buf, opt.Date); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("epub: writing output: %w", err)
	}
	return nil
}

// fill adds every file of the publication to the container.
func (p *plan) fill(c *container) error {
	files := []struct {
		name string
		data []byte
	}{
		{mimetypeName, []byte(mimetypeData)},
		{containerPath, containerXML()},
		{opfPath, p.packageDocument()},
		{opfDir + ncxHref, p.ncx()},
		{opfDir + cssHref, p.stylesheet()},
	}
	for _, f := range files {
		if err := c.add(f.name, f.data); err != nil {
			return err
		}
	}
	var scratch xbuf
	for _, d := range p.docs {
		data, err := p.document(d, &scratch)
		if err != nil {
			return err
		}
		if err := c.add(opfDir+textDir+d.file, data); err != nil {
			return err
		}
	}
	for _, img := range p.images {
		if err := c.add(opfDir+img.href, img.asset.Data); err != nil {
			return err
		}
	}
	for _, f := range p.fonts {
		if err := c.add(opfDir+f.href, f.data); err != nil {
			return err
		}
	}
	return nil
}

// containerXML is META-INF/container.xml, which points readers at the
// package document.
func containerXML() []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="` + opfPath + `" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`)
}
