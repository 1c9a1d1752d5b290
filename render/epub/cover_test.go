package epub

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render/cover"
)

// coverItems returns the manifest items with the cover-image property.
func coverItems(t *testing.T, f *epubFiles) []*element {
	t.Helper()
	var out []*element
	for _, it := range parseXML(t, "opf", f.must(t, opfPath)).all("item") {
		if it.attrs["properties"] == "cover-image" {
			out = append(out, it)
		}
	}
	return out
}

// TestGeneratedCover reads the cover of a book without a cover image
// back from the EPUB: one cover-image item, a valid PNG of the cover
// size with text drawn on it, a cover page first in the spine, a cover
// landmark, and the EPUB 2 cover meta.
func TestGeneratedCover(t *testing.T) {
	b := booktest.Sample()
	b.Meta.Subtitle = "A Sampler"
	data, warnings := renderBook(t, b)
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	f := unpack(t, data)
	items := coverItems(t, f)
	if len(items) != 1 {
		t.Fatalf("%d cover-image items; want 1", len(items))
	}
	it := items[0]
	if it.attrs["href"] != "images/cover.png" || it.attrs["media-type"] != "image/png" {
		t.Errorf("cover item %v", it.attrs)
	}
	raw := f.must(t, opfDir+it.attrs["href"])
	img, err := png.Decode(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("the generated cover is not a valid PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != cover.Width || b.Dy() != cover.Height {
		t.Errorf("cover is %v; want %d×%d", b, cover.Width, cover.Height)
	}
	if n := distinctRows(img, image.Rect(200, 300, 1400, 1700)); n < 150 {
		t.Errorf("only %d rows of the title region differ from the ground: no title drawn", n)
	}
	opf := f.must(t, opfPath)
	if !strings.Contains(opf, `<meta name="cover" content="`+it.attrs["id"]+`"/>`) {
		t.Errorf("no EPUB 2 cover meta for %s", it.attrs["id"])
	}
	spine := parseXML(t, "opf", opf).all("itemref")
	if len(spine) == 0 || spine[0].attrs["idref"] != "cover" {
		t.Errorf("the cover page is not first in the spine")
	}
	page := parseXML(t, "cover", f.must(t, "OEBPS/text/cover.xhtml"))
	imgs := page.all("img")
	if len(imgs) != 1 {
		t.Fatalf("cover page has %d images", len(imgs))
	}
	el := imgs[0]
	if el.attrs["src"] != "../images/cover.png" || el.attrs["role"] != "doc-cover" ||
		el.attrs["alt"] != "A Sample Book: A Sampler, Mara Vell, Jonas Brand" {
		t.Errorf("cover img %v", el.attrs)
	}
	landmarkHref := ""
	for _, a := range parseXML(t, "nav", f.must(t, "OEBPS/text/nav.xhtml")).all("a") {
		if a.attrs["epub:type"] == "cover" {
			landmarkHref = a.attrs["href"]
		}
	}
	if landmarkHref != "cover.xhtml" {
		t.Errorf("cover landmark %q", landmarkHref)
	}
	// The generated cover is not content: it does not make the book
	// visual.
	if strings.Contains(opf, ">visual<") != bookHasImages(b) {
		t.Errorf("accessMode visual does not follow the content's images")
	}
}

// distinctRows counts rows of r holding a pixel unlike the top-left one.
func distinctRows(img image.Image, r image.Rectangle) int {
	ground := img.At(0, 0)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.At(x, y) != ground {
				n++
				break
			}
		}
	}
	return n
}

func bookHasImages(b *book.Book) bool {
	found := false
	for _, ch := range b.AllChapters() {
		book.WalkBlocks(ch.Blocks, func(bl book.Block) bool {
			if _, ok := bl.(*book.Figure); ok {
				found = true
			}
			return true
		})
	}
	return found
}

// TestGivenCover checks that a manuscript's cover image is used as it is,
// listed once although the model has it among the assets too.
func TestGivenCover(t *testing.T) {
	b := sampleFull()
	b.Assets = append(b.Assets, b.Meta.CoverImage)
	f := unpack(t, mustRender(t, b))
	items := coverItems(t, f)
	if len(items) != 1 || items[0].attrs["href"] != "images/cover.png" {
		t.Fatalf("cover items %v", items)
	}
	if got := f.must(t, opfDir+"images/cover.png"); got != string(b.Meta.CoverImage.Data) {
		t.Errorf("the cover image was not used as given")
	}
	n := 0
	for name := range f.content {
		if strings.HasPrefix(name, opfDir+"images/cover") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d cover files in the container; want 1", n)
	}
	if !strings.Contains(f.must(t, "OEBPS/text/cover.xhtml"), `<img src="../images/cover.png" alt="A Sample Book: Every Element Once, Mara Vell, Jonas Brand" role="doc-cover" width="60" height="90"/>`) {
		t.Errorf("cover page does not show the given cover:\n%s", f.must(t, "OEBPS/text/cover.xhtml"))
	}
}

// TestUnusableCover checks that a cover image readers cannot show as a
// cover (not PNG or JPEG) is replaced by a generated cover, with a
// warning naming the file, and that a user's image called cover.png does
// not collide with the generated one.
func TestUnusableCover(t *testing.T) {
	b := pamphlet()
	b.Meta.CoverImage = &book.Asset{Name: "front.webp", MediaType: "image/webp", Data: []byte("RIFF\x00\x00\x00\x00WEBPVP8 ")}
	data, warnings := renderBook(t, b)
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "front.webp") || !strings.Contains(warnings[0], "drawn from the title") {
		t.Errorf("warnings %q", warnings)
	}
	f := unpack(t, data)
	if _, ok := f.content[opfDir+"images/front.webp"]; ok {
		t.Errorf("the unusable cover is in the EPUB")
	}
	if items := coverItems(t, f); len(items) != 1 || !bytes.HasPrefix([]byte(f.content[opfDir+items[0].attrs["href"]]), []byte("\x89PNG")) {
		t.Errorf("no generated PNG cover: %v", items)
	}

	b = pamphlet()
	own := &book.Asset{Name: "images/cover.png", MediaType: "image/png", Data: booktest.PNG(8, 8), Width: 8, Height: 8}
	b.Assets = []*book.Asset{own}
	ch := b.Parts[0].Chapters[0]
	ch.Blocks = append(ch.Blocks, &book.Figure{Image: &book.Image{Asset: own, Alt: "a small square"}})
	f = unpack(t, mustRender(t, b))
	if got := f.must(t, opfDir+"images/cover.png"); got != string(own.Data) {
		t.Errorf("the book's own images/cover.png was replaced")
	}
	items := coverItems(t, f)
	if len(items) != 1 || items[0].attrs["href"] != "images/cover-2.png" {
		t.Errorf("generated cover items %v; want images/cover-2.png", items)
	}
}

// TestCoverGlyphWarning checks the warning for a title the type family
// cannot draw.
func TestCoverGlyphWarning(t *testing.T) {
	b := pamphlet()
	b.Meta.Title = "كتاب"
	_, warnings := renderBook(t, b)
	if len(warnings) != 1 || !strings.Contains(warnings[0], "cannot show") || !strings.Contains(warnings[0], "كتاب") {
		t.Errorf("warnings %q", warnings)
	}
}
