package fetch

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif"  // registers GIF, converted to PNG
	_ "image/jpeg" // registers JPEG, kept as it is
	"image/png"

	_ "golang.org/x/image/webp" // registers WebP, converted to PNG
)

// maxPixels bounds an image's declared size before it is decoded.
const maxPixels = 50_000_000

// Normalize checks that data is a whole image and returns it in a form
// every e-reader and PDF takes: PNG and JPEG as they are, GIF (its first
// frame) and WebP converted to PNG. Anything else — SVG, AVIF, a web
// page served in an image's place — is an error.
func Normalize(data []byte) ([]byte, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("not a PNG, JPEG, GIF or WebP image")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return nil, "", fmt.Errorf("the image declares %d×%d pixels", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("the %s image is damaged: %v", format, err)
	}
	switch format {
	case "png":
		return data, ".png", nil
	case "jpeg":
		return data, ".jpg", nil
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, "", err
	}
	return out.Bytes(), ".png", nil
}
