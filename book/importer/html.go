package importer

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// minArticleWords is the least text an extracted article may have: less
// means the page had no article (a front page, a login wall, an error
// page) and readability found only scraps.
const minArticleWords = 40

// htmlReader holds the state of reading one HTML page.
type htmlReader struct {
	name     string
	title    string
	opt      Options
	text     string
	page     pageMeta
	base     *url.URL
	warnings []*book.Error
	// images holds the Markdown for each image, by the number its
	// placeholder element carries.
	images []string
	// noteDivs hold the page's footnotes, numbered from 1 in order.
	noteDivs []*html.Node
	// droppedLinks counts relative links that could not be resolved.
	droppedLinks int
}

func (h *htmlReader) warnf(line int, format string, args ...any) {
	h.warnings = append(h.warnings, book.Errorf(book.Pos{File: h.name, Line: line}, format, args...))
}

// readHTML extracts the article from an HTML page with readability and
// converts it to Markdown, keeping the page's metadata.
func readHTML(name, text string, opt Options) (*Article, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, book.ErrorList{book.Errorf(book.Pos{File: name}, "cannot read the HTML: %v", err)}
	}
	h := &htmlReader{name: name, opt: opt, text: text, page: readPageMeta(doc)}
	h.base = h.baseURL()
	prepare(doc)
	p := readability.NewParser()
	art, err := p.ParseAndMutate(doc, nil)
	if err != nil {
		return nil, book.ErrorList{book.Errorf(book.Pos{File: name}, "cannot extract an article from the page: %v", err)}
	}
	if art.Node == nil {
		return nil, noArticle(name, 0)
	}
	if n := len(strings.Fields(textContent(art.Node))); n < minArticleWords {
		return nil, noArticle(name, n)
	}
	meta := h.meta(art)
	h.clean(art.Node, meta.Title)
	body, err := h.convert(art.Node)
	if err != nil {
		return nil, book.ErrorList{book.Errorf(book.Pos{File: name}, "cannot convert the article to Markdown: %v", err)}
	}
	return &Article{Name: name, Meta: meta, Body: body, Warnings: h.warnings}, nil
}

func noArticle(name string, words int) error {
	msg := "found no article in this page"
	if words > 0 {
		msg = fmt.Sprintf("found no article in this page (only %d words of text outside its menus and links)", words)
	}
	return book.ErrorList{&book.Error{Pos: book.Pos{File: name}, Msg: msg,
		Hint: "save the article's own page rather than an index, or import its text with --from text"}}
}

// baseURL is the address relative links and images resolve against: the
// URL the page came from, else the address it gives for itself.
func (h *htmlReader) baseURL() *url.URL {
	base := h.opt.URL
	for _, ref := range []string{h.page.base, h.page.canonical} {
		if ref == "" {
			continue
		}
		u, err := url.Parse(ref)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		// Only a web address can be a base: a damaged one ("htps://")
		// would turn every relative link into one a book may not hold.
		if u.IsAbs() && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
			return u
		}
	}
	return base
}

// meta merges what readability found with what the page declares.
func (h *htmlReader) meta(art readability.Article) Meta {
	var m Meta
	m.Source = firstOf(art.SiteName(), h.page.siteName)
	m.Title = cleanTitle(art.Title(), m.Source)
	if m.Title == "" {
		base := path.Base(h.name)
		m.Title = strings.TrimSuffix(base, path.Ext(base))
		h.warnf(0, "the page has no title: using %q; write the title in the front matter", m.Title)
	}
	m.Authors = h.page.bylineNames
	if by := strings.TrimSpace(art.Byline()); len(m.Authors) == 0 && by != "" && !isURL(by) {
		m.Authors = splitAuthors(bylineRE().ReplaceAllString(by, ""))
	}
	if len(m.Authors) == 0 {
		m.Authors = h.page.authors
	}
	if t, err := art.PublishedTime(); err == nil {
		m.Date = t.Format(time.DateOnly)
	} else if h.page.date != "" {
		d, err := parseDate(h.page.date)
		if err != nil {
			h.warnf(lineOf(h.text, h.page.date), "the page's publication date: %v; left out of the front matter", err)
		} else {
			m.Date = d
		}
	}
	lang := firstOf(art.Language(), h.page.lang)
	switch {
	case lang == "":
	case langRE().MatchString(lang):
		m.Lang = lang
	default:
		h.warnf(lineOf(h.text, lang), "the page's language %q is not a language tag (like en or en-GB): left out", lang)
	}
	if h.base != nil && h.base.Scheme != "file" {
		m.Other = append(m.Other, Field{Key: "URL", Value: h.base.String()})
	}
	return m
}

// bylineRE strips the "By" and the dates bylines carry.
var bylineRE = lazyregexp.New(`(?i)^\s*(?:(?:written\s+)?by|par|von|por|di)[:\s]+|\s*[|,–—-]\s*(?:updated|published|posted).*$`)

// cleanTitle drops the site name pages append to their title ("Title |
// The Ledger").
func cleanTitle(title, site string) string {
	title = strings.Join(strings.Fields(title), " ")
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok {
			return t
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok {
			return t
		}
	}
	return title
}

// lineOf is the line of the first occurrence of s in text, or 0.
func lineOf(text, s string) int {
	i := strings.Index(text, s)
	if i < 0 || s == "" {
		return 0
	}
	return strings.Count(text[:i], "\n") + 1
}
