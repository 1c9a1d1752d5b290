package build

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"samizdat/book"
	"samizdat/render"
)

// rendered is one job's result.
type rendered struct {
	data  []byte
	sum   [sha256.Size]byte
	warns []*book.Error
	took  time.Duration
	err   error
}

// startOrder returns the jobs' indexes in the order to start them: the
// print files first, as laying out pages takes longest, so that the
// e-book and the web page are made while the pages are, not before them.
func startOrder(jobs []job) []int {
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	slow := func(j job) bool { n := j.r.Name(); return n == "pdf" || n == bookletFormat }
	slices.SortStableFunc(order, func(a, b int) int {
		switch sa, sb := slow(jobs[a]), slow(jobs[b]); {
		case sa && !sb:
			return -1
		case sb && !sa:
			return 1
		}
		return 0
	})
	return order
}

// renderAll renders every job into memory, several at once: renderers
// only read the book, and each edition's book is its own copy. Warnings
// and errors are taken in job order whatever order the jobs finish in,
// and a warning every edition gives (a table too wide for the page of
// each PDF) is reported once.
func renderAll(jobs []job, marks *pageMarks, ropt render.Options, rep *Report, done func(label string, n int)) ([]rendered, error) {
	results := make([]rendered, len(jobs))
	slots := make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	var mu sync.Mutex // serialises the progress calls
	finished := 0
	for _, i := range startOrder(jobs) {
		j := jobs[i]
		// A slot is taken before the job starts, so that jobs start in
		// startOrder.
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			res := &results[i]
			start := time.Now()
			opt := ropt
			opt.Warn = func(pos book.Pos, msg string) { res.warns = append(res.warns, &book.Error{Pos: pos, Msg: msg}) }
			res.data, res.err = renderJob(j, marks, opt)
			res.sum = sha256.Sum256(res.data)
			res.took = time.Since(start)
			mu.Lock()
			finished++
			done(j.label(), finished)
			mu.Unlock()
		}()
	}
	wg.Wait()
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
	}
	return results, nil
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
