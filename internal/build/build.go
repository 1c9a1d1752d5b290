// Package build runs one build: load the book, render every requested
// format into memory, and only when all succeeded write the files
// atomically. The command is a thin layer over it.
package build

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
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
	// Formats to build; empty means the book's own list, else all. For a
	// book with editions they choose among each edition's formats.
	Formats []string
	// Editions to build by name; empty means every edition the book
	// declares.
	Editions []string
	// PageSize, when set, overrides the PDF page size of the book and of
	// every edition.
	PageSize string
	// Impose, when set, overrides the imposition: "booklet" adds the
	// imposed sheet file beside each PDF, "none" drops it.
	Impose string
	// AllowOutside lets the book read files outside its folder.
	AllowOutside bool
	// Progress, when set, is told as each stage of the build finishes:
	// "read" once the book is loaded, each output's label ("pdf", or
	// "reader/pdf" for an edition) once rendered, "write" once the files
	// are in place. It is called from one goroutine at a time.
	Progress func(stage string, done, total int)
	// Getenv reads the environment (os.Getenv in the command, a map in
	// tests).
	Getenv func(string) string
}

// Output is one file written.
type Output struct {
	// Edition is the edition the file belongs to; empty for a book that
	// declares no editions.
	Edition string `json:"edition,omitempty"`
	Format  string `json:"format"`
	Path    string `json:"path"`
	Size    int    `json:"size"`
	// SHA256 is the hex digest of the file, for CI logs and comparisons.
	SHA256 string `json:"sha256"`
}

// Report is what a build did.
type Report struct {
	Outputs  []Output
	Warnings []*book.Error
	Date     time.Time
	// Timings are the durations of the build's stages ("load", then one
	// per output) in order. Measured with the clock, reported only here,
	// never written into an output.
	Timings []Timing
}

// Timing is how long one stage of a build took.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// Build loads the book at path and writes its outputs: every edition the
// book declares (or those Options.Editions names), each in its formats.
// Content problems come back as a book.ErrorList; nothing is written
// unless every output rendered.
func Build(path string, reg *render.Registry, opt Options) (*Report, error) {
	start := time.Now()
	// The default fonts are read while the book is.
	type family struct {
		fam *fonts.Family
		err error
	}
	famc := make(chan family, 1)
	go func() {
		fam, err := fonts.Default()
		famc <- family{fam, err}
	}()
	res, err := load.LoadWith(path, load.Options{AllowOutside: opt.AllowOutside})
	if err != nil {
		if res != nil { // the warnings found before the errors stopped the build
			return &Report{Warnings: res.Warnings}, err
		}
		return nil, err
	}
	b := res.Book
	rep := &Report{Warnings: res.Warnings, Timings: []Timing{{"load", time.Since(start)}}}
	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	dir := opt.OutDir
	if dir == "" {
		dir = filepath.Join(res.Root, "_build")
	}
	eds, err := planEditions(b, opt)
	if err != nil {
		return nil, err
	}
	jobs, err := planJobs(reg, eds, opt.Formats, dir, b.Slug)
	if err != nil {
		return nil, err
	}
	marks, err := newPageMarks(reg, b, eds, opt.overrides)
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
	ff := <-famc
	if ff.err != nil {
		return nil, ff.err
	}
	fam := ff.fam
	total := len(jobs) + 2
	progress("read", 1, total)
	data, err := renderAll(jobs, marks, render.Options{Date: rep.Date, Fonts: fam}, rep, func(label string, done int) { progress(label, 1+done, total) })
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	files, order := map[string][]byte{}, []string(nil)
	for i, j := range jobs {
		files[j.path] = data[i].data
		order = append(order, j.path)
		rep.Outputs = append(rep.Outputs, Output{Edition: j.ed.name, Format: j.r.Name(), Path: j.path, Size: len(data[i].data), SHA256: hex.EncodeToString(data[i].sum[:])})
	}
	if err := writeAll(files, order); err != nil {
		return nil, err
	}
	progress("write", total, total)
	return rep, nil
}

// UsageError is a mistake on the command line rather than in the book.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }
