// Package formats is the one place where output formats are registered: a
// new format is one new package under render/ and one line here.
package formats

import (
	"samizdat/render"
	"samizdat/render/epub"
	"samizdat/render/html"
	"samizdat/render/pdf"
)

// Registry returns a registry of every format samizdat writes.
func Registry() *render.Registry {
	return render.NewRegistry(epub.New(), pdf.New(), pdf.NewBooklet(), html.New())
}
