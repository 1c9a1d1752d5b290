package verify

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func zipOf(t *testing.T, stamp time.Time, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		f, err := w.CreateHeader(&zip.FileHeader{Name: entries[i], Modified: stamp, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(entries[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDifference(t *testing.T) {
	day := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pdfA := []byte("%PDF-1.7\n1 0 obj\n<< /A 1 >>\nendobj\n2 0 obj\n<< /CreationDate (D:2026) >>\nendobj\n")
	pdfB := bytes.Replace(pdfA, []byte("2026"), []byte("2027"), 1)
	tests := []struct {
		name string
		a, b []byte
		want string
	}{
		{"x.epub", zipOf(t, day, "mimetype", "application/epub+zip", "a.xhtml", "<p>one</p>"), zipOf(t, day, "mimetype", "application/epub+zip", "a.xhtml", "<p>two</p>"), "entry a.xhtml at byte 3 of its content"},
		{"x.epub", zipOf(t, day, "mimetype", "x"), zipOf(t, day.Add(time.Hour), "mimetype", "x"), "entry mimetype: timestamps 2026-01-02T03:04:05Z and 2026-01-02T04:04:05Z"},
		{"x.epub", zipOf(t, day, "a", "1"), zipOf(t, day, "b", "1"), "entry 1: a in one build, b in the other"},
		{"x.pdf", pdfA, pdfB, "in object 2 0"},
		{"x.html", []byte("<p>a</p>"), []byte("<p>b</p>"), "byte 3"},
	}
	for _, tt := range tests {
		if got := Difference(tt.name, tt.a, tt.b); !strings.Contains(got, tt.want) {
			t.Errorf("%s: Difference = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDirs(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(a, "same.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(b, "same.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(a, "only.pdf"), []byte("x"), 0o644)
	files, err := Dirs(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Name != "only.pdf" || files[0].Same || files[0].FirstDifferent != "present in only one build" || !files[1].Same {
		t.Errorf("files = %+v", files)
	}
}
