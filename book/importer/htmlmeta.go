package importer

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"samizdat/internal/lazyregexp"
)

// pageMeta is what a page says about itself outside the article text,
// read before extraction changes the tree.
type pageMeta struct {
	lang      string
	canonical string
	base      string
	siteName  string
	// authors are named by the page's meta tags; bylineNames by its
	// byline elements.
	authors     []string
	bylineNames []string
	// date is the first publication date found, as written.
	date string
}

// dateClassRE picks <time> elements that date the article rather than
// something else on the page.
var dateClassRE = lazyregexp.New(`(?i)date|time|publish|posted|byline|meta|dateline`)

// readPageMeta collects the metadata of the page: its language, its
// address, its site name, authors and publication date from <meta>,
// <link> and <time> elements.
func readPageMeta(doc *html.Node) pageMeta {
	var pm pageMeta
	for _, n := range elements(doc, "html") {
		pm.lang = strings.TrimSpace(attr(n, "lang"))
	}
	for _, n := range elements(doc, "base") {
		if pm.base == "" {
			pm.base = attr(n, "href")
		}
	}
	metas := map[string]string{}
	for _, n := range elements(doc, "meta") {
		key := strings.ToLower(strings.TrimSpace(attr(n, "property") + attr(n, "name") + attr(n, "http-equiv") + attr(n, "itemprop")))
		if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
			if _, seen := metas[key]; !seen {
				metas[key] = v
			}
		}
	}
	for _, n := range elements(doc, "link") {
		if strings.EqualFold(attr(n, "rel"), "canonical") && pm.canonical == "" {
			pm.canonical = attr(n, "href")
		}
	}
	if pm.canonical == "" {
		pm.canonical = metas["og:url"]
	}
	if pm.lang == "" {
		pm.lang = firstOf(metas["content-language"], strings.ReplaceAll(metas["og:locale"], "_", "-"))
	}
	pm.siteName = firstOf(metas["og:site_name"], metas["application-name"])
	if a := firstOf(metas["author"], metas["article:author"], metas["dc.creator"]); a != "" && !isURL(a) {
		pm.authors = splitAuthors(a)
	}
	pm.bylineNames = bylineNames(doc)
	pm.date = firstOf(metas["article:published_time"], metas["datepublished"], metas["date"], metas["dc.date"],
		metas["dc.date.issued"], metas["pubdate"], metas["publish-date"], metas["sailthru.date"])
	if pm.date == "" {
		pm.date = timeElementDate(doc)
	}
	return pm
}

// bylineNames finds the authors a page names in its byline: links marked
// rel=author, elements marked itemprop=author (or their itemprop=name),
// else elements of class "author", each holding one name.
func bylineNames(doc *html.Node) []string {
	var names []string
	add := func(s string) {
		if s = strings.TrimSpace(bylineRE().ReplaceAllString(s, "")); s != "" && len(s) < 80 {
			names = appendNew(names, s)
		}
	}
	for _, n := range elements(doc) {
		if strings.EqualFold(attr(n, "rel"), "author") {
			add(textContent(n))
		}
	}
	if len(names) > 0 {
		return names
	}
	for _, n := range elements(doc) {
		if strings.Contains(attr(n, "itemprop"), "author") {
			name := textContent(n)
			for _, c := range elements(n) {
				if attr(c, "itemprop") == "name" {
					name = textContent(c)
				}
			}
			add(name)
		}
	}
	if len(names) > 0 {
		return names
	}
	for _, n := range elements(doc) {
		for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
			if c == "author" || c == "p-author" {
				add(textContent(n))
			}
		}
	}
	return names
}

// timeElementDate is the datetime of the <time> element that most likely
// dates the article: one marked pubdate, else the first in a date or
// byline block, else the first on the page.
func timeElementDate(doc *html.Node) string {
	var first, marked string
	for _, n := range elements(doc, "time") {
		v := strings.TrimSpace(attr(n, "datetime"))
		if v == "" {
			continue
		}
		if first == "" {
			first = v
		}
		if _, ok := attrOK(n, "pubdate"); ok || attr(n, "itemprop") == "datePublished" {
			return v
		}
		if marked == "" && (dateClassRE().MatchString(attr(n, "class")) || n.Parent != nil && dateClassRE().MatchString(attr(n.Parent, "class"))) {
			marked = v
		}
	}
	return firstOf(marked, first)
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// langRE accepts a BCP 47 language tag as pages write it.
var langRE = lazyregexp.New(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)
