// Package render defines the Renderer interface that every output format
// implements, and a Registry keyed by format name. Renderers consume the
// book model and write to an io.Writer; the command owns files, temporary
// names and renames.
package render

import (
	"fmt"
	"io"
	"sort"
	"time"

	"samizdat/book"
	"samizdat/fonts"
)

// Renderer writes a book in one format.
type Renderer interface {
	// Name is the format's name on the command line ("epub", "pdf", "html").
	Name() string
	// Extension is the output file's extension, with the dot (".epub").
	Extension() string
	// Render writes the whole book to w. It must not write anything
	// time- or order-dependent beyond what Options gives it, so that two
	// renders of one book are byte-identical.
	Render(w io.Writer, b *book.Book, opt Options) error
}

// PageMarker is a print renderer that can say where its pages begin in
// the text, so that an e-book made from the same book can carry the print
// edition's page numbers (EPUB page-list).
type PageMarker interface {
	// MarkPages lays b out as this renderer would print it (with b's own
	// Output and Notes) and returns a copy of b with a book.PageBreak
	// inline where each page's text begins and Meta.PageSource set. b
	// is not changed; the copy shares every node that needed no mark.
	MarkPages(b *book.Book, opt Options) (*book.Book, error)
}

// Options carries what a renderer needs besides the book.
type Options struct {
	// Date is the build date: SOURCE_DATE_EPOCH, else the newest input's
	// modification time. Never the wall clock.
	Date time.Time
	// Fonts is the type family for outputs that draw or embed text.
	Fonts *fonts.Family
	// Warn reports a problem that does not stop the build; it may be nil.
	Warn func(pos book.Pos, msg string)
}

// Warnf reports a warning through o.Warn when it is set.
func (o Options) Warnf(pos book.Pos, format string, args ...any) {
	if o.Warn != nil {
		o.Warn(pos, fmt.Sprintf(format, args...))
	}
}

// Registry maps format names to renderers.
type Registry struct {
	byName map[string]Renderer
}

// NewRegistry returns a registry holding rs. Two renderers with one name
// are a programming error and panic at start-up.
func NewRegistry(rs ...Renderer) *Registry {
	reg := &Registry{byName: map[string]Renderer{}}
	for _, r := range rs {
		if _, dup := reg.byName[r.Name()]; dup {
			panic("render: two renderers named " + r.Name())
		}
		reg.byName[r.Name()] = r
	}
	return reg
}

// Lookup returns the renderer for a format name.
func (r *Registry) Lookup(name string) (Renderer, bool) {
	x, ok := r.byName[name]
	return x, ok
}

// Names returns the registered format names in sorted order.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.byName))
	for n := range r.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
