// Package fetch brings in what samizdat import needs from outside a file:
// an article page from its URL, and the images an HTML article shows —
// over HTTP, from a data: URL, or from the folder a browser saved beside
// the page. It is the only part of the importer that uses the network,
// and samizdat import calls it only for a URL argument or with
// --fetch-images.
package fetch

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"samizdat/book/importer"
)

// Limits on what is fetched, so that a wrong URL cannot fill the memory.
const (
	MaxPageBytes  = 20 << 20
	MaxImageBytes = 20 << 20
	timeout       = 60 * time.Second
)

// Client fetches pages and images.
type Client struct {
	// HTTP is the client used; nil means one with a timeout.
	HTTP *http.Client
	// UserAgent names samizdat to the servers it asks.
	UserAgent string
}

// Page is a fetched article page.
type Page struct {
	Data        []byte
	ContentType string
	// URL is the page's address after redirects, for resolving its links.
	URL *url.URL
}

// Page fetches the page at rawURL. Only http and https are fetched; an
// error status, a body that is not text or HTML, or one over
// MaxPageBytes is an error.
func (c *Client) Page(rawURL string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an http or https address", rawURL)
	}
	data, ctype, final, err := c.get(u, MaxPageBytes)
	if err != nil {
		return nil, err
	}
	if mt, _, err := mime.ParseMediaType(ctype); ctype != "" && err == nil && !strings.HasPrefix(mt, "text/") && mt != "application/xhtml+xml" {
		return nil, fmt.Errorf("%s is %s, not a web page or text", rawURL, mt)
	}
	return &Page{Data: data, ContentType: ctype, URL: final}, nil
}

// Image loads the image ref names and returns it as PNG or JPEG bytes
// with the matching extension (".png", ".jpg"); GIF and WebP images are
// converted to PNG. pageFile, when the article was read from a file, is
// that file: an image address relative to it is read from beside it (a
// browser's "save page, complete" keeps images in a folder there) before
// the network is tried.
func (c *Client) Image(ref importer.ImageRef, pageFile string) ([]byte, string, error) {
	src := strings.TrimSpace(ref.Src)
	if strings.HasPrefix(src, "data:") {
		data, err := dataURL(src)
		if err != nil {
			return nil, "", err
		}
		return Normalize(data)
	}
	if u, err := url.Parse(src); err == nil && src != "" && u.Scheme == "" && u.Host == "" && pageFile != "" {
		data, err := besidePage(pageFile, u.Path)
		if err == nil {
			return Normalize(data)
		}
		if ref.URL == "" {
			return nil, "", err
		}
	}
	u, err := url.Parse(ref.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, "", fmt.Errorf("no address to fetch it from")
	}
	data, _, _, err := c.get(u, MaxImageBytes)
	if err != nil {
		return nil, "", err
	}
	return Normalize(data)
}

// besidePage reads an image saved in the page's folder, refusing
// addresses that lead out of it.
func besidePage(pageFile, rel string) ([]byte, error) {
	clean := path.Clean("/" + rel)[1:]
	if clean == "" || clean != strings.TrimPrefix(path.Clean(rel), "./") {
		return nil, fmt.Errorf("%q leads out of the page's folder", rel)
	}
	full := filepath.Join(filepath.Dir(pageFile), filepath.FromSlash(clean))
	info, err := os.Stat(full)
	if err != nil {
		return nil, fmt.Errorf("not saved beside the page (%s)", full)
	}
	if info.Size() > MaxImageBytes {
		return nil, fmt.Errorf("%s is larger than %d MB", full, MaxImageBytes>>20)
	}
	return os.ReadFile(full)
}

// dataURL decodes a data: URL's bytes.
func dataURL(s string) ([]byte, error) {
	head, payload, ok := strings.Cut(strings.TrimPrefix(s, "data:"), ",")
	if !ok {
		return nil, errors.New("a malformed data: URL")
	}
	if strings.HasSuffix(head, ";base64") {
		return base64.StdEncoding.DecodeString(strings.TrimSpace(payload))
	}
	v, err := url.PathUnescape(payload)
	return []byte(v), err
}

// get fetches u, reading at most limit bytes.
func (c *Client) get(u *url.URL, limit int64) ([]byte, string, *url.URL, error) {
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: timeout}
	}
	req, err := http.NewRequest(http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", nil, err
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, "", nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", nil, fmt.Errorf("%s: the server answered %s", u, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", u, err)
	}
	if int64(len(data)) > limit {
		return nil, "", nil, fmt.Errorf("%s is larger than %d MB", u, limit>>20)
	}
	return bytes.Clone(data), resp.Header.Get("Content-Type"), resp.Request.URL, nil
}
