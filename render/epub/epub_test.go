package epub

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// variants are the books every whole-publication test runs on.
func variants() []struct {
	name string
	book func() *book.Book
} {
	return []struct {
		name string
		book func() *book.Book
	}{
		{"sample", booktest.Sample},
		{"chapter-end", sampleChapterEnd},
		{"book-end", sampleBookEnd},
		{"book-end-division", sampleBookEndWithDivision},
		{"book-scope", sampleBookScope},
		{"book-scope-chapter-end", sampleBookScopeChapterEnd},
		{"no-parts", sampleNoParts},
		{"pamphlet", pamphlet},
		{"no-images", sampleNoImages},
		{"full", sampleFull},
		{"awkward", awkward},
	}
}

func TestRendererIdentity(t *testing.T) {
	var r render.Renderer = New()
	if r.Name() != "epub" || r.Extension() != ".epub" {
		t.Errorf("Name, Extension = %q, %q; want epub, .epub", r.Name(), r.Extension())
	}
	render.NewRegistry(New()) // registers without panicking
}

// TestEpubcheck validates every variant with EPUBCheck: no fatals, errors
// or warnings.
func TestEpubcheck(t *testing.T) {
	for _, v := range variants() {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel() // EPUBCheck is a JVM per book: two cores, two at once
			data, _ := renderBook(t, v.book())
			runEpubcheck(t, v.name, data)
		})
	}
}

// TestReproducible renders each variant and stress book four times from
// fresh models and requires identical bytes; Go randomises map
// iteration, so output that followed a map's order would differ.
func TestReproducible(t *testing.T) {
	for _, v := range append(variants(), stressVariants()...) {
		t.Run(v.name, func(t *testing.T) {
			a, _ := renderBook(t, v.book())
			for i := 0; i < 3; i++ {
				b, _ := renderBook(t, v.book())
				if !bytes.Equal(a, b) {
					t.Fatalf("render %d differs from the first (%d vs %d bytes)", i+2, len(b), len(a))
				}
			}
		})
	}
}

// TestReproducibleAcrossZones renders the same book at the same instant
// with the process in different time zones and locales, the build date
// given in each zone, and requires identical bytes. (time.Local is
// process-wide; no test in this package runs in parallel.)
func TestReproducibleAcrossZones(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	// 23:30 UTC is already the next day east of Greenwich.
	instant := time.Date(2026, 11, 2, 23, 30, 0, 0, time.UTC)
	zones := []struct {
		loc    *time.Location
		tz     string
		locale string
	}{
		{time.UTC, "UTC", "C"},
		{time.FixedZone("NPT", 5*3600+45*60), "Asia/Kathmandu", "ne_NP.UTF-8"},
		{time.FixedZone("HST", -10*3600), "Pacific/Honolulu", "haw_US.UTF-8"},
		{time.FixedZone("CHAST", 13*3600+45*60), "Pacific/Chatham", "tr_TR.UTF-8"},
	}
	var first []byte
	for _, z := range zones {
		time.Local = z.loc
		t.Setenv("TZ", z.tz)
		t.Setenv("LC_ALL", z.locale)
		t.Setenv("LANG", z.locale)
		var buf bytes.Buffer
		if err := New().Render(&buf, stressBook(book.PlaceBookEnd), render.Options{Date: instant.In(z.loc)}); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = buf.Bytes()
			continue
		}
		if !bytes.Equal(first, buf.Bytes()) {
			t.Errorf("the EPUB built in %s differs from the one built in UTC", z.tz)
		}
	}
	f := unpack(t, first)
	if !strings.Contains(f.must(t, opfPath), "<meta property=\"dcterms:modified\">2026-11-02T23:30:00Z</meta>") {
		t.Errorf("dcterms:modified is not the build instant in UTC")
	}
	if m := f.order[0].Modified; m.Day() != 2 || m.Hour() != 23 {
		t.Errorf("archive timestamp %v is not the build instant in UTC", m)
	}
}

// TestNoWallClock guards the rules that keep builds reproducible: the
// renderer and the cover drawer never read the clock or a random source.
func TestNoWallClock(t *testing.T) {
	for _, dir := range []string{".", filepath.Join("..", "cover")} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"time.Now", "time.Since", "math/rand", "crypto/rand", "os.Getenv"} {
				if strings.Contains(string(src), bad) {
					t.Errorf("%s uses %s", name, bad)
				}
			}
		}
	}
}

// TestDateChangesOnlyTimestamps checks that the build date reaches the
// archive and dcterms:modified, and nothing else.
func TestDateChangesOnlyTimestamps(t *testing.T) {
	b := booktest.Sample()
	var x, y bytes.Buffer
	if err := New().Render(&x, b, render.Options{Date: buildDate()}); err != nil {
		t.Fatal(err)
	}
	if err := New().Render(&y, b, render.Options{Date: buildDate().AddDate(1, 0, 0)}); err != nil {
		t.Fatal(err)
	}
	fx, fy := unpack(t, x.Bytes()), unpack(t, y.Bytes())
	for name, cx := range fx.content {
		cy := fy.content[name]
		if name == opfPath {
			continue
		}
		if cx != cy {
			t.Errorf("%s differs between build dates", name)
		}
	}
	if fy.order[0].Modified.Year() != 2027 {
		t.Errorf("archive timestamp %v does not follow the build date", fy.order[0].Modified)
	}
}

// TestRenderDoesNotChangeBook guards against the renderer writing into
// the model it shares with the other renderers.
func TestRenderDoesNotChangeBook(t *testing.T) {
	b := sampleBookEnd()
	before := len(b.Back)
	renderBook(t, b)
	if len(b.Back) != before {
		t.Errorf("Render added divisions to the book: %d back divisions, had %d", len(b.Back), before)
	}
}

func TestSeriesMetadata(t *testing.T) {
	data, _ := renderBook(t, sampleFull())
	opf := unpack(t, data).must(t, opfDir+"content.opf")
	for _, want := range []string{
		`<meta property="belongs-to-collection" id="series">Hand Press Pamphlets</meta>`,
		`<meta refines="#series" property="collection-type">series</meta>`,
		`<meta refines="#series" property="group-position">3</meta>`,
		`<meta name="calibre:series" content="Hand Press Pamphlets"/>`,
		`<meta name="calibre:series_index" content="3"/>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("the package document lacks %s", want)
		}
	}
}
