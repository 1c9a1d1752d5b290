// Package importer turns published articles — plain-text dumps and saved
// (or fetched) HTML pages — into samizdat manuscripts: Markdown with YAML
// front matter that build reads like any other manuscript. It recognises
// an article's metadata, headings and quotations, repairs common scrape
// damage, and reports what it found and what it had to guess.
//
// The importer never touches the network or the disk itself: the caller
// hands it the bytes of an article and, for images, a function that saves
// one; samizdat import does both.
package importer

import (
	"bytes"
	"fmt"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"samizdat/book"
	"samizdat/book/markdown"
)

// Options control one import.
type Options struct {
	// Format forces the input's form; FormatAuto sniffs it from the
	// content.
	Format Format
	// URL is the address a page was fetched from. It resolves the page's
	// relative links and images; nil for a file.
	URL *url.URL
	// ContentType is the Content-Type the server sent with the page, if
	// any: it may name the page's character encoding.
	ContentType string
	// SaveImage, when set, is called for each image of an HTML page and
	// returns the path, relative to the manuscript, where the image was
	// saved. When nil, or when it returns an error (reported as a
	// warning), the image stays in the manuscript as a comment with its
	// address, so that the manuscript builds without it.
	SaveImage func(img ImageRef) (string, error)
}

// ImageRef is an image an HTML article shows.
type ImageRef struct {
	// Src is the image's address as the page wrote it: often relative,
	// to a folder saved beside the page.
	Src string
	// URL is the address resolved against the page's own address, when
	// it is known; "" otherwise.
	URL string
	// Alt is the image's text alternative or, inside a figure, its
	// caption.
	Alt string
	// N counts the article's images from 1, and Title is the article's
	// title: together they name a saved file.
	N     int
	Title string
}

// Article is one imported article.
type Article struct {
	// Name is the input as the user named it (a file or a URL).
	Name string
	Meta Meta
	// Body is the article's text in Markdown, without front matter.
	Body string
	// Warnings are the guesses and repairs the reader made, each at the
	// position in the input it concerns.
	Warnings []*book.Error
	// Stats counts what the manuscript holds; set by Import.
	Stats Stats
}

// Stats counts what an imported manuscript holds, for the summary line.
type Stats struct {
	Words, Headings, Quotations, Images int
}

// Import reads one article from data, named name in messages, and
// returns it converted. Problems that leave no article to import (an
// empty or binary file, a page with no article, a date that cannot be
// read) are errors, as a book.ErrorList naming the file and line.
func Import(name string, data []byte, opt Options) (*Article, error) {
	format := opt.Format
	if format == FormatAuto {
		format = sniffBytes(data)
	}
	var (
		a   *Article
		err error
	)
	switch format {
	case FormatHTML:
		enc, encName := declaredEncoding(data, opt.ContentType)
		dec, derr := decode(name, data, enc, encName)
		if derr != nil {
			return nil, derr
		}
		a, err = readHTML(name, dec.text, opt)
		if a != nil {
			a.Warnings = append(dec.warnings, a.Warnings...)
		}
	default:
		dec, derr := decode(name, data, nil, "")
		if derr != nil {
			return nil, derr
		}
		a, err = readText(name, dec.text)
		if a != nil {
			a.Warnings = append(dec.warnings, a.Warnings...)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := a.analyse(); err != nil {
		return nil, err
	}
	return a, nil
}

// sniffBytes tells the format of raw input, decoding UTF-16 first so
// that its tags are seen.
func sniffBytes(data []byte) Format {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		if d, err := decode("", data, nil, ""); err == nil {
			return sniff(d.text)
		}
	}
	return sniff(string(data[:min(len(data), 512)]))
}

// declaredEncoding is the character encoding an HTML page declares — by
// the server's Content-Type or a <meta> tag near its start — when that
// is not UTF-8; nil means UTF-8 or undeclared, which decode checks and
// repairs itself.
func declaredEncoding(data []byte, contentType string) (encoding.Encoding, string) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, "" // decode reads byte order marks itself
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" {
		label = metaCharset(data[:min(len(data), 4096)])
	}
	e, name := charset.Lookup(label)
	if e == nil || name == "utf-8" {
		return nil, ""
	}
	return e, name
}

// metaCharset finds the charset a page declares in a <meta> tag.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.Data != "meta" {
				continue
			}
			var cs, equiv, content string
			for _, a := range t.Attr {
				switch strings.ToLower(a.Key) {
				case "charset":
					cs = a.Val
				case "http-equiv":
					equiv = strings.ToLower(a.Val)
				case "content":
					content = a.Val
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if equiv == "content-type" {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// analyse reads the finished manuscript back with samizdat's own
// Markdown reader — so that an importer bug cannot hand the user a
// manuscript that does not build — and counts what it holds.
func (a *Article) analyse() error {
	src := a.Manuscript()
	doc, err := markdown.Parse(a.Name, src, markdown.Options{
		Asset: func(ref string, pos book.Pos) (*book.Asset, error) {
			return &book.Asset{Name: ref}, nil
		},
	})
	if err != nil {
		return fmt.Errorf("%s: the converted manuscript does not read back, which for an ordinary article is a bug in samizdat import: %w", a.Name, err)
	}
	a.Stats = count(doc.Chapter.Blocks)
	return nil
}

// count tallies words, headings, quotations (not counting those nested
// in another) and images in blocks.
func count(blocks []book.Block) Stats {
	var s Stats
	var walk func(blocks []book.Block, inQuote bool)
	walk = func(blocks []book.Block, inQuote bool) {
		for _, b := range blocks {
			for _, ins := range book.BlockInlines(b) {
				s.Words += len(strings.Fields(book.PlainText(ins)))
			}
			switch n := b.(type) {
			case *book.Heading:
				s.Headings++
			case *book.Figure:
				s.Images++
			case *book.BlockQuote:
				if !inQuote {
					s.Quotations++
				}
				walk(n.Blocks, true)
			case *book.List:
				for _, it := range n.Items {
					walk(it.Blocks, inQuote)
				}
			case *book.DefinitionList:
				for _, d := range n.Items {
					for _, def := range d.Defs {
						walk(def, inQuote)
					}
				}
			}
		}
	}
	walk(blocks, false)
	return s
}
