package epub

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"samizdat/book"
	"samizdat/fonts"
)

// imageFile is an image carried in the publication.
type imageFile struct {
	asset     *book.Asset
	href      string // relative to the package document ("images/x.png")
	itemID    string
	mediaType string
}

// fontFile is an embedded font face or the fonts' licence.
type fontFile struct {
	href      string
	itemID    string
	mediaType string
	data      []byte
	face      *fonts.Face // nil for the licence
}

// addAssets files the book's images in the order the model lists them.
// The cover image, which the model also lists among the assets, is left
// to addCover, which checks it first.
func (p *plan) addAssets() {
	for _, a := range p.b.Assets {
		if a != nil && a != p.b.Meta.CoverImage && strings.HasPrefix(imageType(a), "image/") {
			p.addImage(a)
		}
	}
}

// addImage files an image under images/, keeping the asset's own path
// (made portable) so that names are stable; the same asset, or another
// asset with the same name, is filed once.
func (p *plan) addImage(a *book.Asset) *imageFile {
	if img, ok := p.imageOf[a]; ok {
		return img
	}
	for _, img := range p.images {
		if img.asset.Name == a.Name && bytes.Equal(img.asset.Data, a.Data) {
			p.imageOf[a] = img
			return img
		}
	}
	mt := imageType(a)
	if a.MediaType != "" && !strings.EqualFold(a.MediaType, mt) {
		p.opt.Warnf(book.Pos{File: a.Name}, "image declared as %s is %s; filed as %s", a.MediaType, mt, mt)
	}
	switch mt {
	case "image/png", "image/jpeg", "image/gif", "image/svg+xml":
	default:
		p.opt.Warnf(book.Pos{File: a.Name}, "image type %q is not one every EPUB reader shows; use PNG, JPEG, GIF or SVG", mt)
	}
	var segs []string
	for _, s := range strings.Split(a.Name, "/") {
		if s == "" || s == "." || s == ".." {
			continue
		}
		segs = append(segs, safeFileName(s))
	}
	if len(segs) > 0 && segs[0] == "images" {
		segs = segs[1:]
	}
	if len(segs) == 0 {
		segs = []string{"image"}
	}
	// The extension must match the content (EPUBCheck warns otherwise).
	last := segs[len(segs)-1]
	if want := extensionFor(mt); !extensionFits(path.Ext(last), mt) {
		segs[len(segs)-1] = strings.TrimSuffix(last, path.Ext(last)) + want
	}
	rel := strings.Join(segs, "/")
	ext := path.Ext(rel)
	rel = p.names.take("images/"+strings.TrimSuffix(rel, ext)) + ext
	img := &imageFile{asset: a, href: rel, mediaType: mt,
		itemID: p.ids.take(ncName("img-" + strings.TrimPrefix(strings.TrimSuffix(rel, ext), "images/")))}
	p.images = append(p.images, img)
	p.imageOf[a] = img
	return img
}

// safeFileName keeps letters, digits, '.', '-' and '_' of a path segment.
func safeFileName(s string) string {
	ext := path.Ext(s)
	return safeName(strings.TrimSuffix(s, ext), "file") + sanitizeExt(ext)
}

// sanitizeExt returns a lower-case extension of ASCII letters and digits.
func sanitizeExt(ext string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimPrefix(ext, ".")) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "." + b.String()
}

// imageType is the asset's media type. The file's first bytes win over
// the declared type: readers and EPUBCheck go by the content, so a PNG
// declared as JPEG would be refused.
func imageType(a *book.Asset) string {
	if sniffed := sniffImage(a.Data); sniffed != "" {
		return sniffed
	}
	if a.MediaType != "" {
		return strings.ToLower(a.MediaType)
	}
	return "application/octet-stream"
}

// sniffImage recognises the image formats EPUB readers show from their
// signatures; it returns "" for anything else.
func sniffImage(d []byte) string {
	switch {
	case bytes.HasPrefix(d, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(d, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(d, []byte("GIF87a")), bytes.HasPrefix(d, []byte("GIF89a")):
		return "image/gif"
	case len(d) > 12 && string(d[:4]) == "RIFF" && string(d[8:12]) == "WEBP":
		return "image/webp"
	case bytes.Contains(d[:min(len(d), 1024)], []byte("<svg")):
		return "image/svg+xml"
	}
	return ""
}

// extensionFor is the usual file extension of an image media type.
func extensionFor(mt string) string {
	switch mt {
	case "image/png":
		return ".png"
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "image/svg+xml":
		return ".svg"
	case "image/webp":
		return ".webp"
	}
	return ".bin"
}

// extensionFits reports whether ext is a usual extension for media type mt.
func extensionFits(ext, mt string) bool {
	ext = strings.ToLower(ext)
	if mt == "image/jpeg" {
		return ext == ".jpg" || ext == ".jpeg"
	}
	return ext != "" && ext == extensionFor(mt)
}

// collectFonts files the type family's faces and licence when the book
// asks for embedded fonts. Without embedding the stylesheet names no
// family, leaving the choice to the reader.
func (p *plan) collectFonts() error {
	if !p.b.Output.EmbedFonts {
		return nil
	}
	fam := p.opt.Fonts
	if fam == nil {
		var err error
		if fam, err = fonts.Default(); err != nil {
			return fmt.Errorf("epub: loading the default fonts: %w", err)
		}
	}
	for _, f := range fam.Faces {
		if f == nil {
			continue
		}
		name := safeFileName(f.FileName)
		if path.Ext(name) == "" {
			name += ".ttf"
		}
		p.fonts = append(p.fonts, &fontFile{
			href: "fonts/" + name, itemID: p.ids.take(ncName("font-" + strings.ToLower(f.Style.String()))),
			mediaType: "font/ttf", data: f.Data, face: f,
		})
	}
	if len(p.fonts) == 0 {
		return fmt.Errorf("epub: the font family %q has no faces to embed", fam.Name)
	}
	if fam.License != "" {
		name := "LICENSE.txt"
		if strings.Contains(strings.ToUpper(fam.License), "SIL OPEN FONT LICENSE") {
			name = "OFL.txt"
		}
		p.fonts = append(p.fonts, &fontFile{href: "fonts/" + name, itemID: p.ids.take("font-license"),
			mediaType: "text/plain", data: []byte(fam.License)})
	} else {
		p.opt.Warnf(book.Pos{}, "the font family %q has no licence text to ship with the embedded fonts", fam.Name)
	}
	p.fontFamily = fam.Name
	return nil
}
