package importer

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"samizdat/book"
)

// page wraps an article body in a page with enough text to count as an
// article.
func page(head, body string) string {
	filler := "<p>" + strings.Repeat("Words of the article go on for a while here. ", 8) + "</p>"
	return "<!DOCTYPE html><html><head>" + head + "</head><body><article>" + filler + body + filler + "</article></body></html>"
}

// TestHTMLImages checks that images are handed to SaveImage in order,
// with their addresses resolved and figure captions as their text, and
// that an image SaveImage cannot save is noted in a comment with a
// warning.
func TestHTMLImages(t *testing.T) {
	src := page(`<title>Pictures</title><link rel="canonical" href="https://news.example/2024/story">`,
		`<figure><img src="/img/a.jpg" alt="ignored"><figcaption>A [bracketed] caption</figcaption></figure>
		<p><a href="/img/b-large.jpg"><img data-src="pics/b.png" src="data:image/gif;base64,R0lGOD" alt="B"></a>Text beside b.</p>
		<p><img src="https://cdn.example/c.webp" alt="C"></p>
		<p><img srcset="pics/d-320.jpg 320w, pics/d-640.jpg 640w" alt="D"></p>`)
	var refs []ImageRef
	a, err := Import("story.html", []byte(src), Options{SaveImage: func(ref ImageRef) (string, error) {
		refs = append(refs, ref)
		if ref.N == 3 {
			return "", errors.New("the server answered 404 Not Found")
		}
		return "images/pic-" + string(rune('0'+ref.N)) + ".png", nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []ImageRef{
		{Src: "/img/a.jpg", URL: "https://news.example/img/a.jpg", Alt: "A [bracketed] caption", N: 1, Title: "Pictures"},
		{Src: "pics/b.png", URL: "https://news.example/2024/pics/b.png", Alt: "B", N: 2, Title: "Pictures"},
		{Src: "https://cdn.example/c.webp", URL: "https://cdn.example/c.webp", Alt: "C", N: 3, Title: "Pictures"},
		{Src: "pics/d-320.jpg", URL: "https://news.example/2024/pics/d-320.jpg", Alt: "D", N: 4, Title: "Pictures"},
	}
	if !reflect.DeepEqual(refs, want) {
		t.Errorf("images:\n%+v\nwant:\n%+v", refs, want)
	}
	for _, s := range []string{
		"![A \\[bracketed\\] caption](images/pic-1.png)\n",
		"\n![B](images/pic-2.png)\n\nText beside b.\n", // hoisted out of its paragraph
		"<!-- image: https://cdn.example/c.webp — C -->",
		"![D](images/pic-4.png)",
	} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	if a.Stats.Images != 3 {
		t.Errorf("images counted = %d, want 3", a.Stats.Images)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, "image 3 (https://cdn.example/c.webp) not saved: the server answered 404") {
		t.Errorf("warnings = %v", a.Warnings)
	}
}

// TestHTMLLinks checks that links become absolute, that links within the
// page keep only their text, and that relative links with nothing to
// resolve them against are dropped with one warning.
func TestHTMLLinks(t *testing.T) {
	body := `<p>See <a href="/about">about</a>, <a href="#top">the top</a>, <a href="javascript:void(0)">this</a>,
		<a href="mailto:ed@example.org">the editor</a> and <a href="other.html">another</a>.</p>`
	a, err := Import("p.html", []byte(page("<title>Links</title>", body)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "See about, the top, this,\n[the editor](mailto:ed@example.org) and another.") &&
		!strings.Contains(a.Body, "See about, the top, this, [the editor](mailto:ed@example.org) and another.") {
		t.Errorf("body:\n%s", a.Body)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, "2 links with relative addresses") {
		t.Errorf("warnings = %v", a.Warnings)
	}
	u, _ := url.Parse("https://site.example/blog/post")
	a, err = Import("https://site.example/blog/post", []byte(page("<title>Links</title>", body)), Options{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"[about](https://site.example/about)", "[another](https://site.example/blog/other.html)"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %s:\n%s", s, a.Body)
		}
	}
	if len(a.Warnings) != 0 {
		t.Errorf("warnings = %v", a.Warnings)
	}
}

// TestHTMLNotes checks that a page's footnotes become Markdown notes,
// with the backlinks and the emptied notes section gone.
func TestHTMLNotes(t *testing.T) {
	body := `<p>A claim<sup><a href="#fn1" id="r1">1</a></sup> and another<sup><a href="#fn2">[2]</a></sup>, and the first again<a href="#fn1">1</a>.</p>
		<h2>Notes</h2><ol class="notes"><li id="fn1"><p>First note.</p><p>Its second paragraph.</p> <a href="#r1">↩</a></li><li id="fn2">Second note with <a href="https://src.example/">a source</a>.</li></ol>`
	a, err := Import("n.html", []byte(page("<title>Notes</title>", body)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"A claim[^1] and another[^2], and the first again[^1].",
		"[^1]: First note.\n\n    Its second paragraph.\n",
		"[^2]: Second note with [a source](https://src.example/).\n",
	} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	if strings.Contains(a.Body, "## Notes") || strings.Contains(a.Body, "↩") {
		t.Errorf("the notes section or a backlink is left:\n%s", a.Body)
	}
}

// TestHTMLMetadata checks the fallbacks for metadata a page gives in
// other places: a <time> element, meta author, og:locale, the URL's host,
// and a warning for a language that is not a tag.
func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             Meta
		warning          string
	}{
		{"time element", `<title>T</title><meta name="author" content="Ann Other">`,
			`<p class="meta">Posted <time datetime="2021-06-05T10:00:00Z">5 June</time></p>`,
			Meta{Title: "T", Authors: []string{"Ann Other"}, Date: "2021-06-05"}, ""},
		{"og locale", `<title>T – The Site</title><meta property="og:site_name" content="The Site"><meta property="og:locale" content="de_DE">`, "",
			Meta{Title: "T", Source: "The Site", Lang: "de-DE"}, ""},
		{"bad lang", `<title>T</title><meta http-equiv="content-language" content="English, please">`, "",
			Meta{Title: "T"}, `the page's language "English, please" is not a language tag`},
		{"no title", ``, "", Meta{Title: "m"}, `the page has no title: using "m"`},
		{"bad date", `<title>T</title><meta property="article:published_time" content="last Tuesday">`, "",
			Meta{Title: "T"}, `cannot read the date "last Tuesday"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Import("m.html", []byte(page(tt.head, tt.body)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Meta, tt.want) {
				t.Errorf("meta = %+v, want %+v", a.Meta, tt.want)
			}
			var got []string
			for _, w := range a.Warnings {
				got = append(got, w.Msg)
			}
			if tt.warning == "" && len(got) > 0 || !strings.Contains(strings.Join(got, "\n"), tt.warning) {
				t.Errorf("warnings = %q, want %q", got, tt.warning)
			}
		})
	}
}

// TestHTMLCharsetFromServer reads a page in the encoding its server
// names, which overrides what the page itself says.
func TestHTMLCharsetFromServer(t *testing.T) {
	src := page(`<meta charset="utf-8"><title>Caf`+"\xe9"+`</title>`, "<p>Na\xefve.</p>")
	a, err := Import("s.html", []byte(src), Options{ContentType: "text/html; charset=ISO-8859-1"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Title != "Café" || !strings.Contains(a.Body, "Naïve.") {
		t.Errorf("title %q, body %q", a.Meta.Title, a.Body)
	}
}

// TestHTMLEscapes checks that text that looks like samizdat's own syntax
// in a page stays text.
func TestHTMLEscapes(t *testing.T) {
	body := `<p>Follow @samizdat_press, see [^1] and [@smith] or mail me@example.org; 2 * 3 = 6 and *stars*.</p>`
	a, err := Import("e.html", []byte(page("<title>E</title>", body)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Follow @samizdat_press, see [^1] and [@smith] or mail me@example.org; 2 * 3 = 6 and *stars*."
	ok := false
	for _, b := range readBack(t, string(a.Manuscript())) {
		if p, isPara := b.(*book.Paragraph); isPara && onlyText(p.Inlines) && book.PlainText(p.Inlines) == want {
			ok = true
		}
	}
	if !ok {
		t.Errorf("no paragraph reads back as %q:\n%s", want, a.Body)
	}
}
