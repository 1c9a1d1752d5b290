package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"samizdat/book/booktest"
	"samizdat/render"
)

// TestMimetypeFirstAndStored checks the OCF signature byte by byte: the
// first local header is "mimetype", stored, without extra field, and its
// content starts at offset 38.
func TestMimetypeFirstAndStored(t *testing.T) {
	data, _ := renderBook(t, booktest.Sample())
	if string(data[:4]) != "PK\x03\x04" {
		t.Fatalf("no local file header at offset 0")
	}
	le := binary.LittleEndian
	if m := le.Uint16(data[8:]); m != zip.Store {
		t.Errorf("mimetype compression method %d; want stored", m)
	}
	if f := le.Uint16(data[6:]); f&0x8 != 0 {
		t.Errorf("mimetype has a data descriptor (flags %#x)", f)
	}
	nameLen, extraLen := le.Uint16(data[26:]), le.Uint16(data[28:])
	if nameLen != 8 || extraLen != 0 {
		t.Errorf("name length %d, extra length %d; want 8, 0", nameLen, extraLen)
	}
	if got := string(data[30:38]); got != "mimetype" {
		t.Errorf("first entry %q; want mimetype", got)
	}
	if got := string(data[38 : 38+len(mimetypeData)]); got != mimetypeData {
		t.Errorf("mimetype content %q", got)
	}
}

// TestZipEntries checks order, compression, timestamps and the absence of
// extra fields for every entry.
func TestZipEntries(t *testing.T) {
	data, _ := renderBook(t, sampleFull())
	f := unpack(t, data)
	var names []string
	for _, zf := range f.order {
		names = append(names, zf.Name)
		if !zf.Modified.Equal(buildDate()) {
			t.Errorf("%s: modified %v; want %v", zf.Name, zf.Modified, buildDate())
		}
		if len(zf.Extra) != 0 {
			t.Errorf("%s: has an extra field", zf.Name)
		}
		if zf.Flags&0x8 != 0 {
			t.Errorf("%s: has a data descriptor", zf.Name)
		}
		want := zip.Deflate
		if zf.Name == mimetypeName || compressedImage([]byte(f.content[zf.Name])) {
			want = zip.Store
		}
		if zf.Method != want {
			t.Errorf("%s: method %d; want %d", zf.Name, zf.Method, want)
		}
	}
	if len(names) < 3 || names[0] != mimetypeName || names[1] != containerPath || names[2] != opfPath {
		t.Fatalf("entries start %v; want mimetype, container.xml, content.opf", names[:min(3, len(names))])
	}
	if !sort.StringsAreSorted(names[3:]) {
		t.Errorf("entries after the package document are not sorted: %v", names[3:])
	}
}

func TestZipTime(t *testing.T) {
	tests := []struct{ in, want time.Time }{
		{time.Time{}, time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2026, 11, 2, 12, 30, 0, 0, time.FixedZone("CET", 3600)), time.Date(2026, 11, 2, 11, 30, 0, 0, time.UTC)},
		{time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := zipTime(tt.in); !got.Equal(tt.want) {
			t.Errorf("zipTime(%v) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestContainerRejectsDuplicates(t *testing.T) {
	c := newContainer()
	if err := c.add("a", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.add("a", nil); err == nil {
		t.Errorf("adding a name twice is not an error")
	}
}

// TestCompressAllWorkers checks that the archive's entries are the same
// bytes however many goroutines compress them, and that each one inflates
// back to its data.
func TestCompressAllWorkers(t *testing.T) {
	data, _ := renderBook(t, sampleFull())
	f := unpack(t, data)
	var entries []zipEntry
	for _, zf := range f.order {
		entries = append(entries, zipEntry{zf.Name, []byte(f.content[zf.Name])})
	}
	want, err := compressAll(entries, deflateLevel, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range want {
		got := p.data
		if p.method == zip.Deflate {
			if got, err = io.ReadAll(flate.NewReader(bytes.NewReader(p.data))); err != nil {
				t.Fatalf("%s: %v", entries[i].name, err)
			}
		}
		if !bytes.Equal(got, entries[i].data) || p.crc != crc32.ChecksumIEEE(got) {
			t.Errorf("%s does not unpack to its data", entries[i].name)
		}
	}
	for _, workers := range []int{0, 2, 3, 16, len(entries) + 5} {
		got, err := compressAll(entries, deflateLevel, workers)
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		for i := range want {
			if got[i].method != want[i].method || got[i].crc != want[i].crc || !bytes.Equal(got[i].data, want[i].data) {
				t.Errorf("%d workers: %s differs from the one-worker result", workers, entries[i].name)
			}
		}
	}
}

// TestCompressAllError checks that a failure names the first failing
// entry in archive order, whichever goroutine met it first.
func TestCompressAllError(t *testing.T) {
	entries := []zipEntry{{mimetypeName, []byte(mimetypeData)}, {"a", []byte("x")}, {"b", []byte("y")}, {"c", []byte("z")}}
	for _, workers := range []int{1, 2, 4} {
		_, err := compressAll(entries, 42, workers) // not a DEFLATE level
		if err == nil || !strings.Contains(err.Error(), "compressing a:") {
			t.Errorf("%d workers: error %v; want one about entry a", workers, err)
		}
	}
}

func TestArchiveSize(t *testing.T) {
	for _, pages := range []int{1, 10} {
		t.Run(fmt.Sprint(pages), func(t *testing.T) {
			p, err := newPlan(booktest.Generated(pages), render.Options{Date: buildDate()})
			if err != nil {
				t.Fatal(err)
			}
			c := newContainer()
			if err := p.fill(c); err != nil {
				t.Fatal(err)
			}
			entries := c.order()
			packed, err := compressAll(entries, c.level, 1)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := c.write(&buf, buildDate()); err != nil {
				t.Fatal(err)
			}
			if got, want := archiveSize(entries, packed), buf.Len(); got != want {
				t.Errorf("archiveSize = %d, the archive has %d bytes", got, want)
			}
		})
	}
}

func TestCompressWorkers(t *testing.T) {
	small := []zipEntry{{"a", make([]byte, 1000)}, {"b", make([]byte, parallelArchive/2)}}
	large := []zipEntry{{"a", make([]byte, parallelArchive/2)}, {"b", make([]byte, parallelArchive/2)}}
	tests := []struct {
		name    string
		entries []zipEntry
		procs   int
		want    int
	}{
		{"small", small, 4, 1},
		{"large", large, 4, 4},
		{"large on one core", large, 1, 1},
		{"no procs", large, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compressWorkers(tt.entries, tt.procs); got != tt.want {
				t.Errorf("compressWorkers = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestPackStoresCompressedImages checks which entries are stored as they
// are: the mimetype, and PNG and JPEG files by their signature whatever
// their names, while text is deflated whatever its name.
func TestPackStoresCompressedImages(t *testing.T) {
	text := []byte(strings.Repeat("Liberty of unlicensed printing. ", 20))
	tests := []struct {
		name string
		data []byte
		want uint16
	}{
		{mimetypeName, []byte(mimetypeData), zip.Store},
		{"OEBPS/images/cover.png", append([]byte("\x89PNG\r\n\x1a\n"), text...), zip.Store},
		{"OEBPS/images/photo.jpg", append([]byte{0xff, 0xd8, 0xff, 0xe0}, text...), zip.Store},
		{"OEBPS/images/misnamed", append([]byte("\x89PNG\r\n\x1a\n"), text...), zip.Store},
		{"OEBPS/images/not-really.png", text, zip.Deflate},
		{"OEBPS/text/ch1.xhtml", text, zip.Deflate},
		{"OEBPS/images/truncated.png", []byte("\x89PNG"), zip.Deflate},
	}
	d := deflater{level: deflateLevel}
	for _, tt := range tests {
		p, err := d.pack(zipEntry{tt.name, tt.data})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.method != tt.want {
			t.Errorf("%s: method %d; want %d", tt.name, p.method, tt.want)
		}
		if p.method == zip.Store && !bytes.Equal(p.data, tt.data) {
			t.Errorf("%s: stored, but not as it is", tt.name)
		}
	}
}
