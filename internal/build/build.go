// Package build runs one build: load the book, render every requested
// format into memory, and only when all succeeded write the files
// atomically. The command is a thin layer over it.
package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"samizdat/book"
	"samizdat/book/load"
	"samizdat/fonts"
	"samizdat/render"
)

// Options say what to build and where.
type Options struct {
	// OutDir is the output folder; empty means _build beside the sources.
	OutDir string
	// Formats to build; empty means the book's own list, else all.
	Formats []string
	// PageSize, when set, overrides the book's PDF page size.
	PageSize string
	// Getenv reads the environment (os.Getenv in the command, a map in
	// tests).
	Getenv func(string) string
}

// Output is one file written.
type Output struct {
	Format string
	Path   string
	Size   int
}

// Report is what a build did.
type Report struct {
	Outputs  []Output
	Warnings []*book.Error
	Date     time.Time
}

// Build loads the book at path and writes its outputs. Content problems
// come back as a book.ErrorList; nothing is written unless every format
// rendered.
func Build(path string, reg *render.Registry, opt Options) (*Report, error) {
	res, err := load.Load(path)
	if err != nil {
		return nil, err
	}
	b := res.Book
	rep := &Report{Warnings: res.Warnings}
	if opt.PageSize != "" {
		b.Output.PageSize, b.Output.PageSizePos = opt.PageSize, book.Pos{File: "--page-size"}
	}
	formats, err := chooseFormats(reg, opt.Formats, b.Output.Formats)
	if err != nil {
		return nil, err
	}
	getenv := opt.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if rep.Date, err = Date(getenv, b.Inputs); err != nil {
		return nil, err
	}
	fam, err := fonts.Default()
	if err != nil {
		return nil, err
	}
	ropt := render.Options{Date: rep.Date, Fonts: fam, Warn: func(pos book.Pos, msg string) {
		rep.Warnings = append(rep.Warnings, &book.Error{Pos: pos, Msg: msg})
	}}
	rendered := make([][]byte, len(formats))
	for i, r := range formats {
		var buf bytes.Buffer
		if err := r.Render(&buf, b, ropt); err != nil {
			return nil, fmt.Errorf("%s: %w", r.Name(), err)
		}
		rendered[i] = buf.Bytes()
	}
	dir := opt.OutDir
	if dir == "" {
		dir = filepath.Join(res.Root, "_build")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	files, order := map[string][]byte{}, []string(nil)
	for i, r := range formats {
		out := filepath.Join(dir, b.Slug+r.Extension())
		files[out] = rendered[i]
		order = append(order, out)
		rep.Outputs = append(rep.Outputs, Output{Format: r.Name(), Path: out, Size: len(rendered[i])})
	}
	if err := writeAll(files, order); err != nil {
		return nil, err
	}
	return rep, nil
}

// UsageError is a mistake on the command line rather than in the book.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// chooseFormats resolves the formats to build: the command line's, else
// the book's, else every registered format.
func chooseFormats(reg *render.Registry, cli, fromBook []string) ([]render.Renderer, error) {
	names := cli
	if len(names) == 0 {
		names = fromBook
	}
	if len(names) == 0 {
		names = reg.Names()
	}
	var out []render.Renderer
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if seen[n] {
			continue
		}
		seen[n] = true
		r, ok := reg.Lookup(n)
		if !ok {
			return nil, &UsageError{Msg: fmt.Sprintf("unknown format %q; samizdat writes %s", n, strings.Join(reg.Names(), ", "))}
		}
		out = append(out, r)
	}
	return out, nil
}
