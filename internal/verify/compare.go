// Package verify compares two builds of the same book file by file and,
// where they differ, says where: the first differing entry of a zip (EPUB)
// or the first differing object of a PDF, so that a reproducibility bug
// can be found rather than merely detected.
package verify

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"samizdat/internal/lazyregexp"
)

// File is one output compared across two builds.
type File struct {
	Name           string
	HashA, HashB   string
	Same           bool
	FirstDifferent string // where the two differ, when they do
}

// Dirs compares every file in two output folders. A file present in only
// one folder is a difference too.
func Dirs(a, b string) ([]File, error) {
	names := map[string]bool{}
	for _, d := range []string{a, b} {
		entries, err := os.ReadDir(d)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !e.IsDir() {
				names[e.Name()] = true
			}
		}
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var out []File
	for _, n := range sorted {
		da, errA := os.ReadFile(filepath.Join(a, n))
		db, errB := os.ReadFile(filepath.Join(b, n))
		f := File{Name: n, HashA: hash(da, errA), HashB: hash(db, errB)}
		f.Same = errA == nil && errB == nil && bytes.Equal(da, db)
		switch {
		case errA != nil || errB != nil:
			f.FirstDifferent = "present in only one build"
		case !f.Same:
			f.FirstDifferent = Difference(n, da, db)
		}
		out = append(out, f)
	}
	return out, nil
}

func hash(data []byte, err error) string {
	if err != nil {
		return "(missing)"
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Difference describes where two versions of a file first differ.
func Difference(name string, a, b []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".epub", ".zip":
		if d, ok := zipDifference(a, b); ok {
			return d
		}
	case ".pdf":
		return pdfDifference(a, b)
	}
	return fmt.Sprintf("byte %d", firstByte(a, b))
}

func firstByte(a, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// zipDifference names the first entry whose name, metadata or content
// differs.
func zipDifference(a, b []byte) (string, bool) {
	za, errA := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	zb, errB := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if errA != nil || errB != nil {
		return "", false
	}
	for i := 0; i < max(len(za.File), len(zb.File)); i++ {
		if i >= len(za.File) || i >= len(zb.File) {
			return fmt.Sprintf("entry %d: present in only one build", i+1), true
		}
		fa, fb := za.File[i], zb.File[i]
		if fa.Name != fb.Name {
			return fmt.Sprintf("entry %d: %s in one build, %s in the other", i+1, fa.Name, fb.Name), true
		}
		if !fa.Modified.Equal(fb.Modified) {
			return fmt.Sprintf("entry %s: timestamps %s and %s", fa.Name, fa.Modified.UTC().Format("2006-01-02T15:04:05Z"), fb.Modified.UTC().Format("2006-01-02T15:04:05Z")), true
		}
		ca, errA := readEntry(fa)
		cb, errB := readEntry(fb)
		if errA != nil || errB != nil || !bytes.Equal(ca, cb) {
			return fmt.Sprintf("entry %s at byte %d of its content", fa.Name, firstByte(ca, cb)), true
		}
	}
	return "the zip containers differ outside their entries (compression or headers)", true
}

func readEntry(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(r)
	return buf.Bytes(), err
}

var objRE = lazyregexp.New(`(?m)^(\d+) (\d+) obj\b`)

// pdfDifference names the object holding the first differing byte.
func pdfDifference(a, b []byte) string {
	at := firstByte(a, b)
	obj := ""
	for _, m := range objRE().FindAllSubmatchIndex(a, -1) {
		if m[0] > at {
			break
		}
		obj = fmt.Sprintf("object %s %s", a[m[2]:m[3]], a[m[4]:m[5]])
	}
	if obj == "" {
		return fmt.Sprintf("byte %d (before the first object: the header)", at)
	}
	if i := bytes.LastIndex(a[:at], []byte("trailer")); i >= 0 && i > bytes.LastIndex(a[:at], []byte("endobj")) {
		return fmt.Sprintf("byte %d, in the trailer", at)
	}
	return fmt.Sprintf("byte %d, in %s", at, obj)
}
