// Package preview serves a live preview of a book for `samizdat serve`:
// the book as HTML on the left and the print pages on the right, drawn as
// SVG from the same layout the PDF is drawn from, rebuilt when a source
// file is saved and pushed to the browser by server-sent events.
package preview

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"samizdat/book"
	"samizdat/book/load"
	"samizdat/internal/build"
	"samizdat/render"
	"samizdat/render/html"
	"samizdat/render/pdf"
	"samizdat/render/svg"
)

// snapshot is one successful build, everything the pages serve.
type snapshot struct {
	html     []byte
	pages    [][]byte
	chapters []chapterEntry
	assets   map[string]*book.Asset
	fonts    []svg.FontFile
	took     time.Duration
	// keptPages counts the pages kept from the snapshot before, parsed
	// the manuscripts read again.
	keptPages, parsed int
}

// chapterEntry is one entry of the chapter picker.
type chapterEntry struct {
	ID, Title string
	Page      int
}

// problem is a failed build as the overlay shows it.
type problem struct {
	Message string `json:"message"`
	Where   string `json:"where"`
	Line    string `json:"line"`
	Caret   int    `json:"caret"`
}

// builder makes snapshots of one book, each from the last: the layout
// restarts at the first division that changed (pdf.Incremental), and a
// page kept from the last layout keeps its drawing.
type builder struct {
	path   string
	opt    load.Options
	getenv func(string) string

	mu sync.Mutex
	// cache keeps the manuscripts as last read; layout the last layout.
	cache  load.Cache
	layout pdf.Incremental
	// drawn maps the pages of the last layout to their SVG.
	drawn map[*pdf.Page][]byte
}

// build reads and lays out the book.
func (bd *builder) build() (*snapshot, []*book.Error, error) {
	bd.mu.Lock()
	defer bd.mu.Unlock()
	start := time.Now()
	opt := bd.opt
	opt.Cache = &bd.cache
	parsed := bd.cache.Parsed
	res, err := load.LoadWith(bd.path, opt)
	if err != nil {
		return nil, nil, err
	}
	b := res.Book
	date, err := build.Date(bd.getenv, b.Inputs)
	if err != nil {
		return nil, nil, err
	}
	files, err := svg.FontFiles(nil)
	if err != nil {
		return nil, nil, err
	}
	var warnings []*book.Error
	ropt := render.Options{Date: date, Warn: func(pos book.Pos, msg string) { warnings = append(warnings, &book.Error{Pos: pos, Msg: msg}) }}
	var page bytes.Buffer
	if err := html.New().Render(&page, b, ropt); err != nil {
		return nil, nil, err
	}
	doc, reuse, err := bd.layout.Layout(b, ropt)
	if err != nil {
		return nil, nil, err
	}
	s := &snapshot{html: page.Bytes(), assets: map[string]*book.Asset{}, fonts: files, keptPages: reuse.Pages, parsed: bd.cache.Parsed - parsed}
	for _, a := range b.Assets {
		s.assets[a.Name] = a
	}
	drawn := make(map[*pdf.Page][]byte, len(doc.Pages))
	firstPage := map[string]int{}
	for i, p := range doc.Pages {
		img, ok := bd.drawn[p]
		if !ok {
			var buf bytes.Buffer
			if err := svg.Page(&buf, p, func(name string) string { return "/assets/" + name }); err != nil {
				return nil, nil, err
			}
			img = buf.Bytes()
		}
		drawn[p] = img
		s.pages = append(s.pages, img)
		for _, a := range p.Anchors {
			if _, seen := firstPage[a.ID]; !seen {
				firstPage[a.ID] = i + 1
			}
		}
	}
	bd.drawn = drawn
	for _, ch := range b.AllChapters() {
		title := book.PlainText(ch.Title)
		if title == "" {
			title = book.TitleFromName(ch.Kind.String())
		}
		s.chapters = append(s.chapters, chapterEntry{ID: ch.ID, Title: title, Page: firstPage[ch.ID]})
	}
	s.took = time.Since(start)
	return s, append(res.Warnings, warnings...), nil
}

// describe turns a build error into what the overlay shows: the first
// problem's position, message and source line.
func describe(err error) problem {
	list := book.Errors(err)
	e := list[0]
	p := problem{Message: e.Msg, Where: e.Pos.String()}
	if e.Hint != "" {
		p.Message += " (" + e.Hint + ")"
	}
	if len(list) > 1 {
		p.Message += fmt.Sprintf(" (and %d more)", len(list)-1)
	}
	if e.Pos.Line > 0 {
		if data, rerr := os.ReadFile(e.Pos.File); rerr == nil {
			lines := strings.Split(string(data), "\n")
			if e.Pos.Line <= len(lines) {
				p.Line = strings.TrimRight(lines[e.Pos.Line-1], "\r")
				p.Caret = e.Pos.Col
			}
		}
	}
	return p
}

// watchRoot is the folder whose files make the book at path.
func watchRoot(path string) string {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return path
	}
	return filepath.Dir(path)
}
