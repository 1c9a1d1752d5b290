// Package markdown reads a manuscript — CommonMark with GFM tables,
// strikethrough, definition lists, footnotes, heading attributes, pandoc
// citations and YAML front matter — into a chapter of the book model. It
// walks goldmark's syntax tree directly; no HTML is rendered and re-read.
package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"

	"samizdat/book"
	"samizdat/book/manifest"
)

// Options tell the reader how to resolve what lies outside the file.
type Options struct {
	// Asset loads an image the manuscript refers to. A nil Asset makes
	// every image an error.
	Asset func(ref string, pos book.Pos) (*book.Asset, error)
	// IDs keeps ids unique across the book; nil means a fresh set.
	IDs *book.IDs
	// FallbackID is the chapter id used when the title gives none
	// (typically from the file name).
	FallbackID string
}

// Document is one manuscript read into the model.
type Document struct {
	// Meta is the decoded front matter; HasMeta says whether there was any.
	Meta    manifest.Metadata
	HasMeta bool
	// Chapter holds the text. Its Title is the front matter's title, else
	// the manuscript's first level-1 heading; its ID is set from that.
	Chapter *book.Chapter
	// Warnings are problems that do not stop the build.
	Warnings []*book.Error
}

// Parse reads one manuscript. file names it in messages; src is its bytes.
// Every problem found is returned together as a book.ErrorList.
func Parse(file string, src []byte, opt Options) (*Document, error) {
	p, err := Prepare(file, src)
	if err != nil {
		return nil, err
	}
	return p.Read(opt)
}

// Prepared is a manuscript checked and parsed into goldmark's syntax tree
// but not yet read into the model. Preparing needs nothing from the rest
// of the book, so a loader can prepare its manuscripts side by side and
// then read them in order, which ids and images need.
type Prepared struct {
	r    *reader
	fm   bool
	root ast.Node
	ctx  parser.Context
}

// Prepare checks a manuscript's bytes and parses it.
func Prepare(file string, src []byte) (*Prepared, error) {
	src, err := clean(file, src)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file, src: src, text: string(src), lines: lineStarts(src), notes: map[int]*book.Note{}}
	fm, fmErr := r.frontMatter()
	if fmErr != nil {
		return nil, fmErr
	}
	ctx := parser.NewContext()
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table, extension.Strikethrough, extension.DefinitionList,
			&frontmatter.Extender{Formats: []frontmatter.Format{rawYAML}},
		),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithBlockParsers(util.Prioritized(extension.NewFootnoteBlockParser(), 999)),
			parser.WithInlineParsers(util.Prioritized(footnoteRefParser{}, 101), util.Prioritized(citationParser{}, 150)),
			parser.WithASTTransformers(util.Prioritized(footnoteCounts{r: r}, 0)),
		),
	)
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	return &Prepared{r: r, fm: fm, root: root, ctx: ctx}, nil
}

// Read reads a prepared manuscript into the model. It is called once.
func (p *Prepared) Read(opt Options) (*Document, error) {
	if opt.IDs == nil {
		opt.IDs = book.NewIDs()
	}
	r := p.r
	r.opt = opt
	doc := &Document{}
	if p.fm {
		var raw []byte
		if data := frontmatter.Get(p.ctx); data != nil {
			if err := data.Decode(&raw); err != nil {
				return nil, err
			}
		}
		if err := manifest.Decode(r.file, raw, 2, &doc.Meta); err != nil {
			return nil, err
		}
		doc.HasMeta = true
	}
	r.collectFootnotes(p.root)
	doc.Chapter = r.chapter(p.root, doc.Meta.Title)
	doc.Warnings = r.warnings
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	return doc, nil
}

// rawYAML is the front matter format with an Unmarshal that hands back
// the raw bytes, so that manifest.Decode can report errors at the file's
// own lines.
var rawYAML = frontmatter.Format{
	Name:  "YAML",
	Delim: '-',
	Unmarshal: func(b []byte, v any) error {
		p, ok := v.(*[]byte)
		if !ok {
			return fmt.Errorf("front matter: unexpected target %T", v)
		}
		*p = append([]byte(nil), b...)
		return nil
	},
}

// clean checks the bytes a manuscript is made of and normalises them: a
// UTF-8 byte order mark is dropped and CRLF line ends become LF, since
// both are common in files from other editors; invalid UTF-8 and NUL
// bytes are errors at their position.
func clean(file string, src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	if bytes.IndexByte(src, 0) < 0 && utf8.Valid(src) {
		return src, nil
	}
	// Only a file with a problem needs its lines, to say where it is.
	starts := lineStarts(src)
	for i := 0; i < len(src); {
		if src[i] == 0 {
			return nil, book.ErrorList{book.Errorf(position(file, src, starts, i), "NUL byte in text: the file looks binary, not Markdown")}
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return nil, book.ErrorList{book.Errorf(position(file, src, starts, i), "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[i])}
		}
		i += n
	}
	return src, nil
}

// reader holds the state of one Parse.
type reader struct {
	file string
	src  []byte
	// text is src as a string, which text nodes take their text from.
	text  string
	opt   Options
	lines []int

	chapterID string
	// footnotes are goldmark's footnote definitions by index; notes the
	// model notes made from them, in order of first reference.
	footnotes map[int]*east.Footnote
	notes     map[int]*book.Note
	order     []*book.Note
	inNote    bool
	// pending holds the blocks a raw HTML block became.
	pending []book.Block
	// depth counts the quotations and lists around the current block.
	depth   int
	tooDeep bool

	errs     book.ErrorList
	warnings []*book.Error
}

func (r *reader) errorf(offset int, format string, args ...any) {
	r.errs = append(r.errs, book.Errorf(r.pos(offset), format, args...))
}

func (r *reader) warnf(offset int, format string, args ...any) {
	r.warnings = append(r.warnings, book.Errorf(r.pos(offset), format, args...))
}

// frontMatter reports whether the manuscript opens with front matter, and
// an error when it opens but never closes (goldmark's extension would take
// the whole file as YAML).
func (r *reader) frontMatter() (bool, error) {
	first, rest, _ := bytes.Cut(r.src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		return false, nil
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(line, " \t")) == "---" {
			return true, nil
		}
	}
	return false, book.ErrorList{book.Errorf(book.Pos{File: r.file, Line: 1, Col: 1}, "front matter opened with --- is never closed: end it with a line of ---")}
}
