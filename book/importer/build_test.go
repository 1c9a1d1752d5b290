package importer_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book/importer"
	"samizdat/internal/build"
	"samizdat/internal/tooltest"
	"samizdat/render/formats"
)

// buildManuscript writes a manuscript into dir as name.md and builds it
// with buildAndCheck.
func buildManuscript(t *testing.T, dir, name string, src []byte, epubcheck bool) {
	t.Helper()
	path := filepath.Join(dir, name+".md")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	buildAndCheck(t, path, epubcheck)
}

// buildAndCheck builds the book at path to an EPUB and a PDF, checks the
// PDF with qpdf and, when epubcheck is set, the EPUB with EPUBCheck (which
// takes seconds a book, so the fixtures share one run: see
// TestFixturesCollection).
func buildAndCheck(t *testing.T, path string, epubcheck bool) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	rep, err := build.Build(path, formats.Registry(), build.Options{
		OutDir:  out,
		Formats: []string{"epub", "pdf"},
		Getenv:  func(k string) string { return map[string]string{"SOURCE_DATE_EPOCH": "1764028800"}[k] },
	})
	if err != nil {
		t.Fatalf("building %s: %v", path, err)
	}
	if len(rep.Outputs) != 2 {
		t.Fatalf("outputs = %+v, want an EPUB and a PDF", rep.Outputs)
	}
	for _, o := range rep.Outputs {
		switch o.Format {
		case "epub":
			if epubcheck {
				tooltest.EPUBCheck(t, o.Path)
			}
		case "pdf":
			tooltest.Run(t, "qpdf", "--check", o.Path)
		}
	}
}

// fixtureFiles lists every article fixture.
func fixtureFiles(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/text/*.txt")
	html, _ := filepath.Glob("testdata/html/*.html")
	files = append(files, html...)
	if len(files) < 9 {
		t.Fatalf("only %d fixtures", len(files))
	}
	return files
}

// TestFixturesBuild imports every fixture and builds the manuscript on
// its own, as a pamphlet, to an EPUB and a PDF that qpdf accepts.
func TestFixturesBuild(t *testing.T) {
	for _, f := range fixtureFiles(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := importer.Import(f, data, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			buildManuscript(t, t.TempDir(), strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), a.Manuscript(), false)
		})
	}
}

// TestFixturesCollection imports every fixture into one book folder, as
// samizdat import --into does, and builds it: EPUBCheck must pass the
// EPUB, every article being one of its chapters, without a warning.
func TestFixturesCollection(t *testing.T) {
	dir := t.TempDir()
	var chapters []string
	for _, f := range fixtureFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := importer.Import(f, data, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) + ".md"
		if err := os.WriteFile(filepath.Join(dir, name), a.Manuscript(), 0o644); err != nil {
			t.Fatal(err)
		}
		chapters = append(chapters, name)
	}
	if err := os.WriteFile(filepath.Join(dir, "book.yaml"), importer.NewManifest("fixtures", chapters), 0o644); err != nil {
		t.Fatal(err)
	}
	buildAndCheck(t, dir, true)
}

// TestFixtureWithImagesBuilds imports an HTML fixture with its images
// saved (as the command does with --fetch-images) and builds it, so that
// the figures the importer writes are checked by the real tools too.
func TestFixtureWithImagesBuilds(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/html/blog.html")
	if err != nil {
		t.Fatal(err)
	}
	saved := 0
	a, err := importer.Import("blog.html", data, importer.Options{SaveImage: func(ref importer.ImageRef) (string, error) {
		saved++
		rel := "images/picture-" + string(rune('0'+ref.N)) + ".png"
		if err := os.MkdirAll(filepath.Join(dir, "images"), 0o755); err != nil {
			return "", err
		}
		return rel, os.WriteFile(filepath.Join(dir, rel), testPNG(t), 0o644)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if saved != 1 || a.Stats.Images != 1 {
		t.Fatalf("saved %d images, the manuscript shows %d; want 1", saved, a.Stats.Images)
	}
	buildManuscript(t, dir, "blog", a.Manuscript(), true)
}

// testPNG is a small picture.
func testPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		for y := range 30 {
			img.Set(x, y, color.RGBA{uint8(6 * x), uint8(8 * y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
