package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// block is a run of non-blank lines of a plain-text article.
type block struct {
	lines []string
	// line is the file line of the first line, for messages.
	line int
}

func (b block) text() string { return strings.Join(b.lines, "\n") }

// blockKind is what a block of the text turned out to be.
type blockKind int

const (
	kindParagraph blockKind = iota
	kindHeading
	kindList
	kindBreak
)

var (
	breakRE     = lazyregexp.New(`^(?:[*\-_=~#•·]\s*){3,}$`)
	bulletRE    = lazyregexp.New(`^(?:[-*•–+]|\d{1,3}[.)])\s+\S`)
	underlineRE = lazyregexp.New(`^(?:=+|-+)$`)
	// sectionNumberRE is a heading's number ("1. ", "IV. ", "2.3 ").
	sectionNumberRE = lazyregexp.New(`^(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?\s+`)
)

// maxTitle is the length past which a first line is unlikely to be a title.
const maxTitle = 150

// maxParagraph is the longest paragraph imported: the Markdown reader
// takes paragraphs up to 1 MB, and escaping may lengthen the text.
const maxParagraph = 900 << 10

// textReader holds the state of reading one plain-text article.
type textReader struct {
	name     string
	meta     Meta
	warnings []*book.Error
	errs     book.ErrorList
}

func (r *textReader) warnf(line, col int, format string, args ...any) {
	r.warnings = append(r.warnings, book.Errorf(book.Pos{File: r.name, Line: line, Col: col}, format, args...))
}

// readText converts a plain-text article: the title on the first line,
// metadata lines under it, then paragraphs separated by blank lines, with
// headings as short unpunctuated lines and quotations as paragraphs
// wholly in quotation marks.
func readText(name, text string) (*Article, error) {
	r := &textReader{name: name}
	blocks := splitBlocks(text)
	if len(blocks) == 0 {
		return nil, book.ErrorList{book.Errorf(book.Pos{File: name}, "the file holds only blank lines: there is no article to import")}
	}
	body := r.header(blocks)
	for _, b := range body {
		if n := len(b.text()); n > maxParagraph {
			r.errs = append(r.errs, &book.Error{Pos: book.Pos{File: name, Line: b.line},
				Msg:  fmt.Sprintf("a paragraph of %.1f MB, too long for a manuscript", float64(n)/(1<<20)),
				Hint: "is the file missing the blank lines between its paragraphs?"})
		}
	}
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	if len(body) == 0 {
		return nil, book.ErrorList{book.Errorf(book.Pos{File: name, Line: blocks[len(blocks)-1].line}, "the article has a title and metadata but no text")}
	}
	return &Article{Name: name, Meta: r.meta, Body: r.body(body), Warnings: r.warnings}, nil
}

// splitBlocks cuts the text into blocks at blank lines, trimming each
// line (indentation carries no meaning in these dumps).
func splitBlocks(text string) []block {
	var out []block
	var cur *block
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
		if line == "" {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, block{line: i + 1})
			cur = &out[len(out)-1]
		}
		cur.lines = append(cur.lines, line)
	}
	return out
}

// header reads the title and the metadata blocks under it and returns
// the blocks of the text that follow.
func (r *textReader) header(blocks []block) []block {
	first := blocks[0]
	title := first.lines[0]
	if k, v, ok := splitKeyValue(title); ok && metaKeys[normKey(k)] == fieldTitle {
		title = v
	}
	r.meta.Title = title
	if n := utf8.RuneCountInString(title); n > maxTitle {
		r.warnf(first.line, 1, "the first line, taken as the title, is %d characters long: is the title missing?", n)
	}
	rest := first.lines[1:]
	if len(rest) > 0 && underlineRE().MatchString(rest[0]) {
		rest = rest[1:]
	}
	blocks = blocks[1:]
	if len(rest) > 0 {
		blocks = append([]block{{lines: rest, line: first.line + len(first.lines) - len(rest)}}, blocks...)
	}
	for len(blocks) > 0 {
		b := blocks[0]
		var items [][]headerLine
		for _, line := range b.lines {
			h, ok := parseHeaderLine(line)
			if !ok {
				return blocks
			}
			items = append(items, h)
		}
		for i, h := range items {
			for _, x := range h {
				r.apply(x, b.line+i, b.lines[i])
			}
		}
		blocks = blocks[1:]
	}
	return blocks
}

// apply records one metadata item read from line n.
func (r *textReader) apply(h headerLine, n int, line string) {
	m := &r.meta
	other := func() { m.Other = append(m.Other, Field{Key: h.key, Value: h.value}) }
	switch h.field {
	case fieldTitle:
		other()
	case fieldSubtitle:
		if m.Subtitle != "" {
			other()
			return
		}
		m.Subtitle = h.value
	case fieldAuthor:
		for _, a := range splitAuthors(h.value) {
			if !slices.Contains(m.Authors, a) {
				m.Authors = append(m.Authors, a)
			}
		}
	case fieldDate:
		d, err := parseDate(h.value)
		if err != nil {
			col := strings.Index(line, h.value)
			r.errs = append(r.errs, book.Errorf(book.Pos{File: r.name, Line: n, Col: utf8.RuneCountInString(line[:max(col, 0)]) + 1}, "%v", err))
			return
		}
		if m.Date != "" && m.Date != d {
			r.warnf(n, 1, "a second date (%s) under the title: kept the first (%s), and this one as a comment", d, m.Date)
			other()
			return
		}
		m.Date = d
	case fieldSubject:
		m.Subjects = appendNew(m.Subjects, h.value)
	case fieldSubjects:
		m.Subjects = appendNew(m.Subjects, splitList(h.value)...)
	case fieldSource:
		if m.Source != "" {
			other()
			return
		}
		m.Source = h.value
	default:
		other()
	}
}

// body converts the blocks of the text to Markdown.
func (r *textReader) body(blocks []block) string {
	kinds := make([]blockKind, len(blocks))
	texts := make([]string, len(blocks))
	var captions []string
	for i, b := range blocks {
		texts[i] = b.text()
		switch {
		case len(b.lines) == 1 && breakRE().MatchString(b.lines[0]):
			kinds[i] = kindBreak
		case len(b.lines) > 1 && allMatch(b.lines, bulletRE()):
			kinds[i] = kindList
		}
	}
	captions = make([]string, len(blocks))
	for i, b := range blocks {
		if kinds[i] != kindParagraph {
			continue
		}
		if c, rest, ok := fusedCaption(texts[i], i == 0); ok {
			captions[i], texts[i] = c, rest
			r.warnf(b.line, 1, "%q looks like an image caption fused to the text (%q): moved into a comment", c, c+firstWord(rest))
		}
	}
	shapes := make([]quoteShape, len(blocks))
	quotable := make([]bool, len(blocks))
	for i := range blocks {
		quotable[i] = kinds[i] == kindParagraph
		shapes[i] = shapeOf(texts[i])
	}
	groups, unclosed := quoteGroups(shapes, quotable)
	for _, i := range unclosed {
		r.warnf(blocks[i].line, 1, "this paragraph opens a quotation that does not close: left as text")
	}
	inQuote := make([]bool, len(blocks))
	for start, n := range groups {
		for k := start; k < start+n; k++ {
			inQuote[k] = true
		}
	}
	candidate := make([]bool, len(blocks))
	for i, b := range blocks {
		candidate[i] = kinds[i] == kindParagraph && !inQuote[i] && captions[i] == "" && len(b.lines) == 1 && headingLike(b.lines[0])
	}
	for i := range blocks {
		if candidate[i] && i > 0 && !candidate[i-1] && i+1 < len(blocks) && !candidate[i+1] {
			kinds[i] = kindHeading
		}
	}

	var out []string
	for i := 0; i < len(blocks); i++ {
		if captions[i] != "" {
			out = append(out, "<!-- image caption: "+commentText(captions[i])+" -->")
		}
		if n, ok := groups[i]; ok {
			out = append(out, quotation(texts[i:i+n], shapes[i:i+n]))
			i += n - 1
			continue
		}
		switch kinds[i] {
		case kindBreak:
			out = append(out, "* * *")
		case kindHeading:
			out = append(out, "## "+escapeHeading(texts[i]))
		case kindList:
			out = append(out, list(blocks[i].lines))
		default:
			out = append(out, escapeText(texts[i]))
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

// quotation writes paragraphs as one Markdown block quotation.
func quotation(paras []string, shapes []quoteShape) string {
	var parts []string
	for i, p := range paras {
		var lines []string
		for _, l := range strings.Split(escapeText(unquote(p, shapes[i])), "\n") {
			lines = append(lines, "> "+l)
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	return strings.Join(parts, "\n>\n")
}

// list writes lines that each begin with a bullet or a number as a
// Markdown list.
func list(lines []string) string {
	var out []string
	for _, l := range lines {
		loc := bulletRE().FindStringIndex(l)
		marker := strings.TrimSpace(l[:loc[1]-1])
		item := strings.TrimSpace(l[loc[1]-1:])
		if marker[0] < '0' || marker[0] > '9' {
			marker = "-"
		}
		out = append(out, marker+" "+escapeLine(item))
	}
	return strings.Join(out, "\n")
}

// escapeText escapes every line of a paragraph.
func escapeText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLine(l)
	}
	return strings.Join(lines, "\n")
}

// headingLike reports whether a line reads as a section heading: short,
// starting with a capital or a digit, ending with a letter or digit (a
// closing quotation mark or bracket aside), not a sentence.
func headingLike(line string) bool {
	if utf8.RuneCountInString(line) > 100 || len(strings.Fields(line)) > 12 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	end := strings.TrimRight(line, `"'”’)]`)
	last, _ := utf8.DecodeLastRuneInString(end)
	// "1. The first years" is numbered, not two sentences.
	unnumbered := sectionNumberRE().ReplaceAllString(line, "")
	return (unicode.IsLetter(last) || unicode.IsDigit(last)) && !strings.Contains(unnumbered, ". ")
}

func allMatch(lines []string, re *regexp.Regexp) bool {
	for _, l := range lines {
		if !re.MatchString(l) {
			return false
		}
	}
	return true
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// appendNew appends the values not already in list.
func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}
