package epub

import (
	"bytes"
	"testing"

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
			data, _ := renderBook(t, v.book())
			runEpubcheck(t, v.name, data)
		})
	}
}

// TestReproducible renders each variant twice from fresh models and
// requires identical bytes.
func TestReproducible(t *testing.T) {
	for _, v := range variants() {
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
