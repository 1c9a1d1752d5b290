package epub

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// mimetypeName and mimetypeData are the OCF container's signature: the first
// entry of every EPUB, stored uncompressed so that a reader can identify the
// file by looking at byte 38.
const (
	mimetypeName = "mimetype"
	mimetypeData = "application/epub+zip"
)

// deflateLevel is the compression level of the container's entries:
// the default rather than the best. With klauspost/compress's DEFLATE
// (the standard library's format, written two to four times faster) the
// generated 1,000-page book of BenchmarkContainerWrite packs into
// 228,113 bytes at level 9 and 239,532 (5% larger) at the default in
// half the time; level 4 saves a third of the time again for a file 3%
// larger still. On a 10-page book the levels differ by 2%.
//
// Measured again as CPU time rather than wall time: on one goroutine
// level 4 compresses the 1,000-page book in as much CPU as the default
// (9.1 against 9.2 ms; the third less above did not show in CPU
// time); on a 10-page book its smaller tables save 0.2 to 0.3 ms
// of a 12.5 ms --format epub build (within the noise of 100 builds) for
// an EPUB 0.9% larger (the handbook's 1.4%). Neither pays for a larger
// file.
const deflateLevel = flate.DefaultCompression

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
	// level is the DEFLATE level every entry but the mimetype is
	// compressed at.
	level int
}

func newContainer() *container {
	return &container{entries: map[string][]byte{}, level: deflateLevel}
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
// same for every entry keeps the archive simple for strict readers. The
// entries are compressed concurrently first (see compressAll) and then
// written one after another in archive order.
func (c *container) write(w io.Writer, mod time.Time) error {
	entries := c.order()
	packed, err := compressAll(entries, c.level, compressWorkers(entries, runtime.GOMAXPROCS(0)))
	if err != nil {
		return err
	}
	if buf, ok := w.(*bytes.Buffer); ok {
		buf.Grow(archiveSize(entries, packed))
	}
	date, clock := dosTime(zipTime(mod))
	zw := zip.NewWriter(w)
	for i, e := range entries {
		fh := &zip.FileHeader{
			Name:               e.name,
			Method:             packed[i].method,
			CRC32:              packed[i].crc,
			CompressedSize64:   uint64(len(packed[i].data)),
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
		if _, err := fw.Write(packed[i].data); err != nil {
			return fmt.Errorf("epub: writing %s: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("epub: finishing the archive: %w", err)
	}
	return nil
}

// archiveSize is the size of the archive write makes of entries packed
// as packed: each entry's local header, data and central directory
// record, then the end of central directory record. Render writes into
// memory; growing the buffer to this once spares copying the archive as
// it grows.
func archiveSize(entries []zipEntry, packed []packedEntry) int {
	const localHeader, centralHeader, endRecord = 30, 46, 22
	n := endRecord
	for i, e := range entries {
		n += localHeader + centralHeader + 2*len(e.name) + len(packed[i].data)
	}
	return n
}

// packedEntry is an entry as it goes into the archive: its method, the
// checksum of its uncompressed data and the data as stored.
type packedEntry struct {
	method uint16
	crc    uint32
	data   []byte
}

// compressAll compresses every entry but the mimetype (which OCF wants
// stored) and compressed images (see compressedImage) on up to workers
// goroutines, each with its own compressor and
// each entry into its own buffer. Every entry is compressed alone, so the
// result is the same bytes whatever the number of workers or the order
// they finish in; an error is reported for the first failing entry in
// archive order, so that it does not depend on scheduling either.
func compressAll(entries []zipEntry, level, workers int) ([]packedEntry, error) {
	out := make([]packedEntry, len(entries))
	errs := make([]error, len(entries))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(entries))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := deflater{level: level}
			for i := range jobs {
				out[i], errs[i] = d.pack(entries[i])
			}
		}()
	}
	for _, i := range largestFirst(entries) {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("epub: compressing %s: %w", entries[i].name, err)
		}
	}
	return out, nil
}

// parallelArchive is the uncompressed size from which the container's
// entries are compressed on more than one goroutine. Each worker has a
// compressor of its own, whose tables (about a megabyte at the default
// level) are allocated and touched page by page for every EPUB: on a
// generated 10-page book (150 KB) compressing on one goroutine takes
// 1.2 ms of CPU and on two 3.4 ms, for no gain in time worth having. A
// 1,000-page book (3 MB, 9 ms of compressing) still gains from a second
// core when it has one free.
const parallelArchive = 1 << 20

// compressWorkers is how many goroutines compress entries: one for a
// small archive, up to procs for a large one.
func compressWorkers(entries []zipEntry, procs int) int {
	total := 0
	for _, e := range entries {
		total += len(e.data)
	}
	if total < parallelArchive {
		return 1
	}
	return max(1, procs)
}

// largestFirst returns the indexes of entries from the largest to the
// smallest (ties in archive order). Handing out the big files first
// keeps one large image or navigation file from starting last and
// leaving the other workers idle while it is compressed.
func largestFirst(entries []zipEntry) []int {
	idx := make([]int, len(entries))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(entries[idx[a]].data) > len(entries[idx[b]].data) })
	return idx
}

// deflater compresses entries one after another at one level, reusing
// its compressor: a flate.Writer holds about a megabyte of tables, which
// would otherwise be allocated again for every file.
type deflater struct {
	level int
	fw    *flate.Writer // made on first use
}

// pack prepares one entry for the archive: the mimetype and compressed
// images stored, anything else as a raw DEFLATE stream. The output
// depends only on the data, the level and the version of
// klauspost/compress that go.mod pins: a reset compressor writes what a
// new one would.
func (d *deflater) pack(e zipEntry) (packedEntry, error) {
	p := packedEntry{method: zip.Store, crc: crc32.ChecksumIEEE(e.data), data: e.data}
	if e.name == mimetypeName || compressedImage(e.data) {
		return p, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(e.data)/4 + 64)
	if d.fw == nil {
		fw, err := flate.NewWriter(&buf, d.level)
		if err != nil {
			return packedEntry{}, err
		}
		d.fw = fw
	} else {
		d.fw.Reset(&buf)
	}
	if _, err := d.fw.Write(e.data); err != nil {
		return packedEntry{}, err
	}
	if err := d.fw.Close(); err != nil {
		return packedEntry{}, err
	}
	p.method, p.data = zip.Deflate, buf.Bytes()
	return p, nil
}

// compressedImage reports whether data is a PNG or JPEG file, which is
// compressed already: DEFLATE gains next to nothing on one (the
// handbook's diagram grows by 7 bytes) for as much time as it takes on
// text. The generated cover (see package cover) is a PNG compressed
// about as well as a second DEFLATE at the container's level did, so a
// 10-page book's EPUB is as large, and its build spends a millisecond
// less compressing it. The file's signature decides, not its name.
func compressedImage(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff})
}

// dosTime converts t to the MS-DOS date and time fields of a ZIP header
// (two-second resolution, no time zone).
func dosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
