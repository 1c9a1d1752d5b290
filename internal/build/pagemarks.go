package build

import (
	"fmt"
	"sync"

	"samizdat/book"
	"samizdat/render"
)

// pageMarks lays out each print edition that an e-book takes its page
// list from, once however many e-books ask for it, and keeps the marked
// copy of the book.
type pageMarks struct {
	reg   *render.Registry
	books map[string]*book.Book
	once  map[string]func() (*book.Book, error)
	mu    sync.Mutex
}

// newPageMarks prepares marks for the editions of b that some edition
// being built takes its page list from. apply gives the print edition the
// command line's settings, as its own PDF gets them.
func newPageMarks(reg *render.Registry, b *book.Book, eds []*edition, apply func(*book.OutputSettings) error) (*pageMarks, error) {
	m := &pageMarks{reg: reg, books: map[string]*book.Book{}, once: map[string]func() (*book.Book, error){}}
	for _, e := range eds {
		name := e.book.Output.PageList
		if name == "" || m.books[name] != nil {
			continue
		}
		src := findEdition(b.Editions, name)
		if src == nil { // the loader reports this; a guard for books made in code
			return nil, book.ErrorList{book.Errorf(e.book.Output.PageListPos, "page-list: names edition %q, which the book does not declare", name)}
		}
		pb := editionBook(b, src)
		if err := apply(&pb.Output); err != nil {
			return nil, err
		}
		m.books[name] = pb
	}
	return m, nil
}

// get returns the book marked with the pages of the print edition name.
func (m *pageMarks) get(name string, opt render.Options) (*book.Book, error) {
	m.mu.Lock()
	f := m.once[name]
	if f == nil {
		pb := m.books[name]
		f = sync.OnceValues(func() (*book.Book, error) { return m.mark(pb, opt) })
		m.once[name] = f
	}
	m.mu.Unlock()
	return f()
}

// mark lays the print edition out with the PDF renderer and returns the
// book with its page breaks.
func (m *pageMarks) mark(pb *book.Book, opt render.Options) (*book.Book, error) {
	r, ok := m.reg.Lookup("pdf")
	if !ok {
		return nil, fmt.Errorf("no pdf renderer to take the page numbers from")
	}
	pm, ok := r.(render.PageMarker)
	if !ok {
		return nil, fmt.Errorf("the pdf renderer cannot say where its pages begin")
	}
	return pm.MarkPages(pb, opt)
}
