// Package build runs one build: load the book, render every requested
// format into memory, and only when all succeeded write the files
// atomically. The command is a thin layer over it.
package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	// AllowOutside lets the book read files outside its folder.
	AllowOutside bool
	// Progress, when set, is told as each stage of the build finishes:
	// "read" once the book is loaded, each format's name once rendered,
	// "write" once the files are in place. It is called from one
	// goroutine at a time.
	Progress func(stage string, done, total int)
	// Getenv reads the environment (os.Getenv in the command, a map in
	// tests).
	Getenv func(string) string
}

// Output is one file written.
type Output struct {
	Format string `json:"format"`
	Path   string `json:"path"`
	Size   int    `json:"size"`
	// SHA256 is the hex digest of the file, for CI logs and comparisons.
	SHA256 string `json:"sha256"`
}

// Report is what a build did.
type Report struct {
	Outputs  []Output
	Warnings []*book.Error
	Date     time.Time
	// Timings are the durations of the build's stages ("load", then one
	// per format) in order. Measured with the clock, reported only here,
	// never written into an output.
	Timings []Timing
}

// Timing is how long one stage of a build took.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// Build loads the book at path and writes its outputs. Content problems
// come back as a book.ErrorList; nothing is written unless every format
// rendered.
func Build(path string, reg *render.Registry, opt Options) (*Report, error) {
	start := time.Now()
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
	total := len(formats) + 2
	progress("read", 1, total)
	rendered, err := renderAll(b, formats, rep, fam, func(name string, done int) { progress(name, 1+done, total) })
	if err != nil {
		return nil, err
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
		sum := sha256.Sum256(rendered[i])
		rep.Outputs = append(rep.Outputs, Output{Format: r.Name(), Path: out, Size: len(rendered[i]), SHA256: hex.EncodeToString(sum[:])})
	}
	if err := writeAll(files, order); err != nil {
		return nil, err
	}
	progress("write", total, total)
	return rep, nil
}

// renderAll renders every format at once, each into memory. Renderers
// only read the book, so they run side by side; their warnings are
// reported in format order whatever order they finish in.
func renderAll(b *book.Book, formats []render.Renderer, rep *Report, fam *fonts.Family, rendered func(name string, done int)) ([][]byte, error) {
	type result struct {
		data  []byte
		warns []*book.Error
		took  time.Duration
		err   error
	}
	results := make([]result, len(formats))
	var wg sync.WaitGroup
	var mu sync.Mutex // serialises the progress calls
	done := 0
	for i, r := range formats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[i]
			start := time.Now()
			ropt := render.Options{Date: rep.Date, Fonts: fam, Warn: func(pos book.Pos, msg string) {
				res.warns = append(res.warns, &book.Error{Pos: pos, Msg: msg})
			}}
			var buf bytes.Buffer
			if err := r.Render(&buf, b, ropt); err != nil {
				res.err = fmt.Errorf("%s: %w", r.Name(), err)
			}
			res.data, res.took = buf.Bytes(), time.Since(start)
			mu.Lock()
			done++
			rendered(r.Name(), done)
			mu.Unlock()
		}()
	}
	wg.Wait()
	out := make([][]byte, len(formats))
	for i, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		rep.Warnings = append(rep.Warnings, res.warns...)
		rep.Timings = append(rep.Timings, Timing{formats[i].Name(), res.took})
		out[i] = res.data
	}
	return out, nil
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
