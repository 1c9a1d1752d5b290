package build

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"time"

	"samizdat/book"
	"samizdat/render"
)

// rendered is one job's result.
type rendered struct {
	data  []byte
	warns []*book.Error
	took  time.Duration
	err   error
}

// renderAll renders every job into memory, several at once: renderers
// only read the book, and each edition's book is its own copy. Warnings
// and errors are taken in job order whatever order the jobs finish in,
// and a warning every edition gives (a table too wide for the page of
// each PDF) is reported once.
func renderAll(jobs []job, marks *pageMarks, ropt render.Options, rep *Report, done func(label string, n int)) ([][]byte, error) {
	results := make([]rendered, len(jobs))
	slots := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	var mu sync.Mutex // serialises the progress calls
	finished := 0
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			res := &results[i]
			start := time.Now()
			opt := ropt
			opt.Warn = func(pos book.Pos, msg string) { res.warns = append(res.warns, &book.Error{Pos: pos, Msg: msg}) }
			res.data, res.err = renderJob(j, marks, opt)
			res.took = time.Since(start)
			mu.Lock()
			finished++
			done(j.label(), finished)
			mu.Unlock()
		}()
	}
	wg.Wait()
	out := make([][]byte, len(jobs))
	reported := map[string]bool{}
	for i, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		for _, w := range res.warns {
			if key := w.Error(); !reported[key] {
				reported[key] = true
				rep.Warnings = append(rep.Warnings, w)
			}
		}
		rep.Timings = append(rep.Timings, Timing{jobs[i].label(), res.took})
		out[i] = res.data
	}
	return out, nil
}

// renderJob renders one file. An EPUB whose edition has a page list is
// rendered from a copy of the book marked with the print edition's page
// breaks.
func renderJob(j job, marks *pageMarks, opt render.Options) ([]byte, error) {
	b := j.ed.book
	if j.r.Name() == "epub" && b.Output.PageList != "" {
		marked, err := marks.get(b.Output.PageList, opt)
		if err != nil {
			return nil, fmt.Errorf("%s: page list from edition %q: %w", j.label(), b.Output.PageList, err)
		}
		b = withEditionOf(marked, b)
	}
	var buf bytes.Buffer
	if err := j.r.Render(&buf, b, opt); err != nil {
		return nil, fmt.Errorf("%s: %w", j.label(), err)
	}
	return buf.Bytes(), nil
}

// withEditionOf returns a copy of the marked book carrying the settings
// and identifier of the edition being rendered (ed) instead of those of
// the print edition whose pages were marked.
func withEditionOf(marked, ed *book.Book) *book.Book {
	c := *marked
	c.Output, c.Notes, c.Meta.Identifier = ed.Output, ed.Notes, ed.Meta.Identifier
	return &c
}
