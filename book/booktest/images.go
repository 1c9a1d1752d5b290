package booktest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
)

// PNGHeader returns a PNG signature and IHDR chunk declaring w×h pixels
// with no image data: the shape of a decompression bomb, or of a file cut
// off after its header.
func PNGHeader(w, h uint32) string {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, RGB
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.String()
}

// GIF returns a valid 2×2 GIF image, a format samizdat refuses.
func GIF() string {
	var b bytes.Buffer
	img := image.NewPaletted(image.Rect(0, 0, 2, 2), []color.Color{color.Black, color.White})
	if err := gif.Encode(&b, img, nil); err != nil {
		panic(err) // encoding an in-memory image cannot fail
	}
	return b.String()
}
