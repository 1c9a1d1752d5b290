package epub

import (
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

func TestDirection(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"ar", "rtl"}, {"he-IL", "rtl"}, {"fa", "rtl"}, {"ur-PK", "rtl"}, {"yi", "rtl"},
		{"az-Arab", "rtl"}, {"ug-Latn", ""}, {"en", ""}, {"el", ""}, {"zh-Hant", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := direction(tt.lang); got != tt.want {
			t.Errorf("direction(%q) = %q; want %q", tt.lang, got, tt.want)
		}
	}
	if got := dirChange("ar", "en"); got != "ltr" {
		t.Errorf("dirChange(ar, en) = %q", got)
	}
	if got := dirChange("en", "he"); got != "rtl" {
		t.Errorf("dirChange(en, he) = %q", got)
	}
	if got := dirChange("en", "de"); got != "" {
		t.Errorf("dirChange(en, de) = %q", got)
	}
}

// TestRightToLeft checks a chapter in Hebrew inside an English book (dir
// on its document and its contents entry) and a book in Arabic (dir on
// the package and page progression from right to left).
func TestRightToLeft(t *testing.T) {
	b := pamphlet()
	b.Parts[0].Chapters = append(b.Parts[0].Chapters, &book.Chapter{Kind: book.KindChapter, ID: "hebrew", Lang: "he",
		Title: []book.Inline{booktest.T("שיר")}, Blocks: []book.Block{booktest.P(booktest.T("שלום עולם."))}})
	f := unpack(t, mustRender(t, b))
	if html := parseXML(t, "hebrew", f.must(t, "OEBPS/text/hebrew.xhtml")).kids[0]; html.attrs["dir"] != "rtl" || html.attrs["lang"] != "he" {
		t.Errorf("Hebrew chapter: dir=%q lang=%q", html.attrs["dir"], html.attrs["lang"])
	}
	if html := parseXML(t, "pamphlet", f.must(t, "OEBPS/text/pamphlet.xhtml")).kids[0]; html.attrs["dir"] != "" {
		t.Errorf("English chapter has dir=%q", html.attrs["dir"])
	}
	if nav := f.must(t, "OEBPS/text/nav.xhtml"); !strings.Contains(nav, `<a href="hebrew.xhtml" lang="he" xml:lang="he" dir="rtl">שיר</a>`) {
		t.Errorf("contents entry of the Hebrew chapter lacks its direction")
	}
	if opf := f.must(t, opfPath); strings.Contains(opf, "page-progression-direction") || strings.Contains(opf, `dir="rtl"`) {
		t.Errorf("an English book turns pages right to left")
	}

	b = pamphlet()
	b.Meta.Lang = "ar"
	opf := unpack(t, mustRender(t, b)).must(t, opfPath)
	for _, want := range []string{`xml:lang="ar" dir="rtl"`, `<spine toc="ncx" page-progression-direction="rtl">`} {
		if !strings.Contains(opf, want) {
			t.Errorf("Arabic book: missing %s", want)
		}
	}
}
