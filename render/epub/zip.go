package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"time"
)

// mimetypeName and mimetypeData are the OCF container's signature: the first
// entry of every EPUB, stored uncompressed so that a reader can identify the
// file by looking at byte 38.
const (
	mimetypeName = "mimetype"
	mimetypeData = "application/epub+zip"
)

// zipEntry is one file of the container, already in memory.
type zipEntry struct {
	name string
	data []byte
}

// container collects the EPUB's files and writes them as a reproducible
// ZIP: the mimetype entry first and stored, then META-INF/container.xml
// and the package document, then every other file sorted by name, all with
// one fixed timestamp and without extra fields or data descriptors.
type container struct {
	entries map[string][]byte
}

func newContainer() *container {
	return &container{entries: map[string][]byte{}}
}

// add puts a file into the container; adding one name twice is a
// programming error in the renderer and is reported when writing.
func (c *container) add(name string, data []byte) error {
	if _, dup := c.entries[name]; dup {
		return fmt.Errorf("epub: two files named %s in the container", name)
	}
	c.entries[name] = data
	return nil
}

// order returns the entries in writing order: mimetype, container.xml and
// the package document first (readers find them sooner), then the rest
// sorted by name so that no map order leaks into the file.
func (c *container) order() []zipEntry {
	first := []string{mimetypeName, containerPath, opfPath}
	var out []zipEntry
	seen := map[string]bool{}
	for _, n := range first {
		if d, ok := c.entries[n]; ok {
			out = append(out, zipEntry{n, d})
			seen[n] = true
		}
	}
	var rest []string
	for n := range c.entries {
		if !seen[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	for _, n := range rest {
		out = append(out, zipEntry{n, c.entries[n]})
	}
	return out
}

// zipTime clamps a build date into the range a ZIP (MS-DOS) timestamp can
// hold, 1980 to 2107; a zero date becomes 1980-01-01.
func zipTime(t time.Time) time.Time {
	t = t.UTC()
	if lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC); t.Before(lo) {
		return lo
	}
	if hi := time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC); t.After(hi) {
		return hi
	}
	return t
}

// write writes the container to w with every entry stamped at mod.
//
// Entries are written with CreateRaw: the renderer compresses and sums
// each file itself, so the local headers carry the sizes and CRC (no data
// descriptor, flag bit 3 clear) and no extended-timestamp extra field is
// added. OCF requires exactly that for the mimetype entry, and doing the
// same for every entry keeps the archive simple for strict readers.
func (c *container) write(w io.Writer, mod time.Time) error {
	date, clock := dosTime(zipTime(mod))
	zw := zip.NewWriter(w)
	for _, e := range c.order() {
		method := zip.Deflate
		data := e.data
		if e.name == mimetypeName {
			method = zip.Store
		} else {
			var err error
			if data, err = deflate(e.data); err != nil {
				return fmt.Errorf("epub: compressing %s: %w", e.name, err)
			}
		}
		fh := &zip.FileHeader{
			Name:               e.name,
			Method:             method,
			CRC32:              crc32.ChecksumIEEE(e.data),
			CompressedSize64:   uint64(len(data)),
			UncompressedSize64: uint64(len(e.data)),
			// The legacy MS-DOS fields are set directly: setting
			// Modified would make archive/zip add an extra field.
			ModifiedDate: date,
			ModifiedTime: clock,
		}
		fw, err := zw.CreateRaw(fh)
		if err != nil {
			return fmt.Errorf("epub: adding %s: %w", e.name, err)
		}
		if _, err := fw.Write(data); err != nil {
			return fmt.Errorf("epub: writing %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("epub: finishing the archive: %w", err)
	}
	return nil
}

// deflate compresses data as a raw DEFLATE stream at the best level; the
// output depends only on the input and the Go version.
func deflate(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dosTime converts t to the MS-DOS date and time fields of a ZIP header
// (two-second resolution, no time zone).
func dosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
