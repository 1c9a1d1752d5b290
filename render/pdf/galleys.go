package pdf

import (
	"runtime"
	"sync"
)

// A division's galley does not depend on the pages before it: every
// division starts a page, its notes are set while paginating, and its
// paragraphs are numbered from a base of its own (paraBase). So the
// galleys of later divisions are set on other goroutines, by forks of the
// typesetter, while the paginator cuts the earlier ones into pages. The
// result is the same as setting them one after another: each division's
// galley is the same whoever sets it, and its warnings are taken in
// division order (typesetter.adopt).

// paraBase is the number the paragraphs of division i are counted from,
// above any count the main typesetter reaches with the notes it sets.
func paraBase(i int) int { return (i + 1) << 32 }

// galley is a division's galley and the warnings setting it gave.
type galley struct {
	entries  []entry
	warnings []warning
}

// galleySetter sets the galleys of a list of divisions ahead of the
// paginator, on as many goroutines as there are processors.
type galleySetter struct {
	divs  []divJob
	first int // the index of divs[0] in the book's divisions
	slots []chan galley
	// ahead limits how many galleys wait, set but not yet paginated.
	ahead chan struct{}
	next  int
	mu    sync.Mutex
	stop  chan struct{}
	wg    sync.WaitGroup
}

// galleys starts setting divs, the book's divisions from index first on.
// Forks of ts set them when there is more than one processor and more
// than one division; otherwise ts sets each when it is asked for.
func (ts *typesetter) galleys(divs []divJob, first int) *galleySetter {
	g := &galleySetter{divs: divs, first: first, slots: make([]chan galley, len(divs)), stop: make(chan struct{})}
	for i := range g.slots {
		g.slots[i] = make(chan galley, 1)
	}
	workers := min(runtime.GOMAXPROCS(0), len(divs))
	if workers < 2 {
		return g
	}
	g.ahead = make(chan struct{}, 4*workers)
	for range workers {
		g.wg.Add(1)
		go g.work(ts.fork())
	}
	return g
}

// work sets divisions in order, taking the next one not yet taken, until
// none is left or the setter is stopped.
func (g *galleySetter) work(t *typesetter) {
	defer g.wg.Done()
	for {
		select {
		case g.ahead <- struct{}{}:
		case <-g.stop:
			return
		}
		g.mu.Lock()
		i := g.next
		g.next++
		g.mu.Unlock()
		if i >= len(g.divs) {
			return
		}
		g.slots[i] <- set(t, g.divs[i], g.first+i)
	}
}

// set sets one division with t, the book's division number n.
func set(t *typesetter, d divJob, n int) galley {
	t.paras = paraBase(n)
	before := len(t.warnings)
	entries := d.set(t)
	return galley{entries: entries, warnings: t.warnings[before:len(t.warnings):len(t.warnings)]}
}

// get returns the galley of divs[i], with ts taking its warnings; the
// galleys must be asked for in order.
func (g *galleySetter) get(ts *typesetter, i int) []entry {
	if g.ahead == nil {
		paras := ts.paras
		gl := set(ts, g.divs[i], g.first+i)
		ts.paras = paras
		return gl.entries
	}
	gl := <-g.slots[i]
	<-g.ahead
	ts.adopt(gl.warnings)
	return gl.entries
}

// close stops the workers once the paginator is done with the galleys.
func (g *galleySetter) close() {
	close(g.stop)
	g.wg.Wait()
}
