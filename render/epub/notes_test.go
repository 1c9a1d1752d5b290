package epub

import (
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// TestQuotationSource checks that a quotation's source note marker ends
// its last paragraph, after the closing words.
func TestQuotationSource(t *testing.T) {
	doc := parseXML(t, "press", unpack(t, mustRender(t, booktest.Sample())).must(t, "OEBPS/text/the-press.xhtml"))
	bq := doc.all("blockquote")
	if len(bq) != 1 {
		t.Fatalf("%d blockquotes", len(bq))
	}
	ps := bq[0].all("p")
	last := ps[len(ps)-1]
	if n := len(last.kids); n == 0 || last.kids[n-1].name != "a" || last.kids[n-1].attrs["id"] != "ref-ch1-n2-1" {
		t.Fatalf("the last paragraph does not end with the source's note reference")
	}
	if !strings.HasSuffix(last.text, "above all liberties.") || last.kids[len(last.kids)-1].tail != "" {
		t.Errorf("the marker does not directly follow the closing words: %q", last.textContent())
	}
}

// TestNoteMarkup checks references and notes for each placement: bare
// noteref links (no element inside), distinct ids for repeated
// references, notes of the right kind where they belong, and back links
// to the first reference.
func TestNoteMarkup(t *testing.T) {
	tests := []struct {
		name     string
		book     func() *book.Book
		noteFile string // where ch1's notes are
		noteTag  string
		noteType string
		noteRole string
	}{
		{"footnotes", booktest.Sample, "the-press.xhtml", "aside", "footnote", "doc-footnote"},
		{"chapter-end", sampleChapterEnd, "the-press.xhtml", "li", "endnote", ""},
		{"book-end", sampleBookEnd, "notes.xhtml", "li", "endnote", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := unpack(t, mustRender(t, tt.book()))
			press := parseXML(t, "press", f.must(t, "OEBPS/text/the-press.xhtml"))
			notes := parseXML(t, "notes", f.must(t, "OEBPS/text/"+tt.noteFile))
			var refIDs []string
			for _, a := range press.all("a") {
				if a.attrs["epub:type"] != "noteref" {
					continue
				}
				if a.attrs["role"] != "doc-noteref" {
					t.Errorf("noteref %s: role %q", a.attrs["id"], a.attrs["role"])
				}
				if len(a.kids) != 0 {
					t.Errorf("noteref %s holds elements (pop-ups break in Apple Books)", a.attrs["id"])
				}
				refIDs = append(refIDs, a.attrs["id"])
				wantHref := "#"
				if tt.noteFile != "the-press.xhtml" {
					wantHref = tt.noteFile + "#"
				}
				if !strings.HasPrefix(a.attrs["href"], wantHref) {
					t.Errorf("noteref %s: href %q; want prefix %q", a.attrs["id"], a.attrs["href"], wantHref)
				}
			}
			if strings.Join(refIDs, " ") != "ref-ch1-n1-1 ref-ch1-n2-1 ref-ch1-n1-2 ref-ch1-n3-1" {
				t.Errorf("reference ids %v", refIDs)
			}
			found := 0
			for _, e := range notes.all(tt.noteTag) {
				if e.attrs["epub:type"] != tt.noteType {
					continue
				}
				found++
				if e.attrs["role"] != tt.noteRole {
					t.Errorf("note %s: role %q; want %q", e.attrs["id"], e.attrs["role"], tt.noteRole)
				}
				if e.attrs["id"] == "ch1-n1" {
					back := e.all("a")[0]
					want := "#ref-ch1-n1-1"
					if tt.noteFile != "the-press.xhtml" {
						want = "the-press.xhtml" + want
					}
					if back.attrs["href"] != want || back.attrs["role"] != "doc-backlink" || back.textContent() != "1" {
						t.Errorf("back link of ch1-n1: %v %q", back.attrs, back.textContent())
					}
				}
			}
			if tt.noteFile == "the-press.xhtml" && found != 3 {
				t.Errorf("%d notes in the chapter; want 3", found)
			}
			if tt.noteFile == "notes.xhtml" && found != 4 {
				t.Errorf("%d notes in the notes division; want 4", found)
			}
			if tt.noteType == "endnote" {
				ok := false
				for _, s := range notes.all("section") {
					if s.attrs["epub:type"] == "endnotes" && s.attrs["role"] == "doc-endnotes" {
						ok = true
					}
				}
				if !ok {
					t.Errorf("no endnotes section")
				}
			}
		})
	}
}

// TestFootnotesFollowReferences checks that footnotes come after the last
// reference in their file, which Kobo needs for pop-ups.
func TestFootnotesFollowReferences(t *testing.T) {
	doc := unpack(t, mustRender(t, booktest.Sample())).must(t, "OEBPS/text/the-press.xhtml")
	if strings.LastIndex(doc, `epub:type="noteref"`) > strings.Index(doc, `epub:type="footnote"`) {
		t.Errorf("a note reference follows the first footnote")
	}
}

// TestBookScopeNumbers checks that note numbers and ordered-list starts
// follow book-wide numbering.
func TestBookScopeNumbers(t *testing.T) {
	f := unpack(t, mustRender(t, sampleBookScopeChapterEnd()))
	reader := f.must(t, "OEBPS/text/the-reader.xhtml")
	for _, want := range []string{`class="noteref" epub:type="noteref" role="doc-noteref">4</a>`, `<ol class="notes" start="4">`} {
		if !strings.Contains(reader, want) {
			t.Errorf("missing %s", want)
		}
	}
}
