package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"samizdat/book"
)

// readFile reads a file named relative to the book folder. A book reads
// only files inside its folder: ../ paths, absolute paths and symbolic
// links that lead out are refused, so a manuscript from elsewhere cannot
// pull private files into a published book.
func (l *loader) readFile(rel string, at book.Pos) ([]byte, error) {
	full, err := l.confine(rel, at)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, book.Errorf(at, "file %q not found", rel)
	case err != nil:
		return nil, book.Errorf(at, "%q: %v", rel, err)
	case info.IsDir():
		return nil, book.Errorf(at, "%q is a folder, not a file", rel)
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, book.Errorf(at, "reading %q: %v", rel, err)
	}
	if l.b != nil {
		l.b.Inputs = append(l.b.Inputs, full)
	}
	return data, nil
}

// confine resolves rel inside the root, refusing paths that leave it.
func (l *loader) confine(rel string, at book.Pos) (string, error) {
	if l.allowOutside {
		if filepath.IsAbs(rel) {
			return filepath.Clean(rel), nil
		}
		return filepath.Join(l.root, filepath.FromSlash(rel)), nil
	}
	if filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") {
		return "", book.Errorf(at, "%q is an absolute path: name files relative to the book folder (or build with --allow-outside)", rel)
	}
	clean := path.Clean(filepath.ToSlash(rel))
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", book.Errorf(at, "%q is outside the book folder (build with --allow-outside to allow it)", rel)
	}
	full := filepath.Join(l.root, filepath.FromSlash(clean))
	if real, err := filepath.EvalSymlinks(full); err == nil {
		if root, rerr := l.realRoot(); rerr == nil {
			if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return "", book.Errorf(at, "%q is a link to a file outside the book folder (build with --allow-outside to allow it)", rel)
			}
		}
	}
	return full, nil
}

// realRoot is the root with its symbolic links resolved. It is resolved
// once per load, not once per file: every manuscript and image is
// confined, and the root's links do not change while a book is read.
func (l *loader) realRoot() (string, error) {
	if !l.rootResolved {
		l.resolvedRoot, l.resolvedRootErr = filepath.EvalSymlinks(l.root)
		l.rootResolved = true
	}
	return l.resolvedRoot, l.resolvedRootErr
}

// maxPixels bounds an image's size before it is decoded, so that a small
// file declaring huge dimensions (a decompression bomb) is refused.
const maxPixels = 100_000_000

// asset loads an image referenced from the manuscript from (relative to
// the root), checking that it is a complete PNG or JPEG. Each file is
// loaded once however often it is shown.
func (l *loader) asset(from, ref string, at book.Pos) (*book.Asset, error) {
	if u, err := url.Parse(ref); err == nil && u.Scheme != "" {
		return nil, book.Errorf(at, "image %q is not a local file: samizdat reads no network while building; save the image in the book folder", ref)
	}
	if unescaped, err := url.PathUnescape(ref); err == nil {
		ref = unescaped
	}
	rel := path.Join(path.Dir(filepath.ToSlash(from)), ref)
	if a, ok := l.assets[rel]; ok {
		return a, nil
	}
	data, err := l.readFile(rel, at)
	if err != nil {
		return nil, err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, book.Errorf(at, "image %q is not a readable PNG or JPEG (%v)", ref, err)
	}
	if format != "png" && format != "jpeg" {
		return nil, book.Errorf(at, "image %q is a %s image: use PNG or JPEG, which every e-reader and PDF viewer shows", ref, strings.ToUpper(format))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPixels {
		return nil, book.Errorf(at, "image %q declares %d×%d pixels, more than samizdat accepts (%d million)", ref, cfg.Width, cfg.Height, maxPixels/1_000_000)
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return nil, book.Errorf(at, "image %q is damaged: %v", ref, err)
	}
	a := &book.Asset{Name: rel, MediaType: "image/" + format, Data: data, Width: cfg.Width, Height: cfg.Height}
	l.assets[rel] = a
	l.b.Assets = append(l.b.Assets, a)
	return a, nil
}

// errorAt appends err, flattened into positioned errors.
func (l *loader) errorAt(err error) {
	l.errs = append(l.errs, book.Errors(err)...)
}

// fileError reports a problem with a whole file.
func fileError(file, format string, args ...any) *book.Error {
	return &book.Error{Pos: book.Pos{File: file}, Msg: fmt.Sprintf(format, args...)}
}
