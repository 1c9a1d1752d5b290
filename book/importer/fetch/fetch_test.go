package fetch

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book/importer"
)

func encoded(t *testing.T, format string) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, 8, 6), color.Palette{color.White, color.Black})
	img.SetColorIndex(3, 3, 1)
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// webp is a 1×1 lossless WebP image.
var webp, _ = base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")

// server serves the test files on 127.0.0.1 only, so no test reaches the
// network.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	files := map[string]struct {
		body  []byte
		ctype string
	}{
		"/article":  {[]byte("<html><body><p>text</p></body></html>"), "text/html; charset=utf-8"},
		"/plain":    {[]byte("A title\n\nText.\n"), "text/plain"},
		"/a.png":    {encoded(t, "png"), "image/png"},
		"/a.jpg":    {encoded(t, "jpeg"), "image/jpeg"},
		"/a.gif":    {encoded(t, "gif"), "image/gif"},
		"/a.webp":   {webp, "image/webp"},
		"/a.svg":    {[]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), "image/svg+xml"},
		"/file.pdf": {[]byte("%PDF-1.4"), "application/pdf"},
		"/huge":     {bytes.Repeat([]byte("a"), MaxPageBytes+10), "text/html"},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/article", http.StatusFound)
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("User-Agent") != "samizdat-test" {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", f.ctype)
		w.Write(f.body)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestPage(t *testing.T) {
	s := server(t)
	c := &Client{HTTP: s.Client(), UserAgent: "samizdat-test"}
	p, err := c.Page(s.URL + "/moved")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(p.Data), "<p>text</p>") || p.URL.Path != "/article" || p.ContentType != "text/html; charset=utf-8" {
		t.Errorf("page = %q from %s (%s)", p.Data, p.URL, p.ContentType)
	}
	if _, err := c.Page(s.URL + "/plain"); err != nil {
		t.Errorf("plain text page: %v", err)
	}
	for path, msg := range map[string]string{
		"/missing":  "404 Not Found",
		"/file.pdf": "is application/pdf, not a web page",
		"/huge":     "larger than 20 MB",
	} {
		if _, err := c.Page(s.URL + path); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("Page(%s) error = %v, want %q", path, err, msg)
		}
	}
	if _, err := c.Page("ftp://example.org/x"); err == nil || !strings.Contains(err.Error(), "not an http or https address") {
		t.Errorf("ftp: %v", err)
	}
}

func TestImage(t *testing.T) {
	s := server(t)
	c := &Client{HTTP: s.Client(), UserAgent: "samizdat-test"}
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	if err := os.MkdirAll(filepath.Join(dir, "page_files"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "page_files", "saved.png"), encoded(t, "png"), 0o644); err != nil {
		t.Fatal(err)
	}
	pngData := encoded(t, "png")
	tests := []struct {
		name     string
		ref      importer.ImageRef
		pageFile string
		ext      string
		same     []byte // when the bytes must be kept as they are
	}{
		{"png over http", importer.ImageRef{URL: s.URL + "/a.png"}, "", ".png", pngData},
		{"jpeg over http", importer.ImageRef{URL: s.URL + "/a.jpg"}, "", ".jpg", encoded(t, "jpeg")},
		{"gif converted", importer.ImageRef{URL: s.URL + "/a.gif"}, "", ".png", nil},
		{"webp converted", importer.ImageRef{URL: s.URL + "/a.webp"}, "", ".png", nil},
		{"saved beside the page", importer.ImageRef{Src: "page_files/saved.png", URL: "https://unreachable.invalid/x.png"}, page, ".png", pngData},
		{"relative, fetched when not saved", importer.ImageRef{Src: "a.png", URL: s.URL + "/a.png"}, page, ".png", pngData},
		{"data url", importer.ImageRef{Src: "data:image/png;base64," + base64.StdEncoding.EncodeToString(pngData)}, "", ".png", pngData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, ext, err := c.Image(tt.ref, tt.pageFile)
			if err != nil {
				t.Fatal(err)
			}
			if ext != tt.ext {
				t.Errorf("ext = %s, want %s", ext, tt.ext)
			}
			if tt.same != nil && !bytes.Equal(data, tt.same) {
				t.Error("the image's bytes were changed")
			}
			if _, format, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || "."+format != strings.Replace(ext, "jpg", "jpeg", 1) {
				t.Errorf("result is %s (%v)", format, err)
			}
		})
	}
	bad := []struct {
		name     string
		ref      importer.ImageRef
		pageFile string
		msg      string
	}{
		{"svg", importer.ImageRef{URL: s.URL + "/a.svg"}, "", "not a PNG, JPEG, GIF or WebP image"},
		{"missing", importer.ImageRef{URL: s.URL + "/none.png"}, "", "404"},
		{"leading out", importer.ImageRef{Src: "../secret.png"}, page, "leads out of the page's folder"},
		{"not saved, no address", importer.ImageRef{Src: "page_files/none.png"}, page, "not saved beside the page"},
		{"file scheme", importer.ImageRef{Src: "file:///etc/passwd", URL: "file:///etc/passwd"}, page, "no address to fetch it from"},
		{"broken data url", importer.ImageRef{Src: "data:image/png;base64,!!!"}, "", "illegal base64"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := c.Image(tt.ref, tt.pageFile); err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error = %v, want %q", err, tt.msg)
			}
		})
	}
}

func TestNormalizeRefusesHugeImages(t *testing.T) {
	// A PNG header declaring 100000×100000 pixels, with no data.
	var b bytes.Buffer
	ihdr := []byte("IHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x02\x00\x00\x00")
	b.WriteString("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	b.Write(ihdr)
	b.Write(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(ihdr)))
	if _, _, err := Normalize(b.Bytes()); err == nil || !strings.Contains(err.Error(), "declares 100000×100000 pixels") {
		t.Errorf("error = %v", err)
	}
}
