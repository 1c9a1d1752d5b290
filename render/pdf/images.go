package pdf

import (
	"bytes"
	"fmt"
	"image"
	imgdraw "image/draw"
	"image/png"

	"samizdat/book"
)

// pdfImage returns an asset's bytes in a form fpdf embeds, and fpdf's name
// for the type. fpdf reads 8-bit, non-interlaced PNGs only, so other PNGs
// are decoded and written again as 8-bit RGBA (deterministically, so the
// PDF stays reproducible); JPEGs go in as they are.
func pdfImage(a *book.Asset) ([]byte, string, error) {
	switch a.MediaType {
	case "image/jpeg":
		return a.Data, "JPG", nil
	case "image/png":
		if pngFpdfReads(a.Data) {
			return a.Data, "PNG", nil
		}
		img, err := png.Decode(bytes.NewReader(a.Data))
		if err != nil {
			return nil, "", fmt.Errorf("reading PNG: %w", err)
		}
		rgba := image.NewNRGBA(img.Bounds())
		imgdraw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, imgdraw.Src)
		var buf bytes.Buffer
		if err := png.Encode(&buf, rgba); err != nil {
			return nil, "", fmt.Errorf("re-encoding PNG: %w", err)
		}
		return buf.Bytes(), "PNG", nil
	}
	return nil, "", fmt.Errorf("media type %s cannot go into a PDF (PNG or JPEG only)", a.MediaType)
}

// pngFpdfReads reports whether a PNG's header shows a bit depth of at most
// 8 and no interlacing.
func pngFpdfReads(data []byte) bool {
	// Signature (8), IHDR length and type (8), width and height (8),
	// then bit depth, colour type, compression, filter, interlace.
	if len(data) < 29 || string(data[12:16]) != "IHDR" {
		return false
	}
	return data[24] <= 8 && data[28] == 0
}
