package pdf

import "math"

// The Knuth–Plass parameters, with TeX's names and plain TeX's values
// where TeX has them.
const (
	// linePenalty is added to every line's badness before squaring, so
	// that fewer lines are preferred.
	linePenalty = 10
	// hyphenPenalty is the cost of breaking at a hyphenation point found
	// by the patterns; exHyphenPenalty of breaking after a hyphen or dash
	// written in the text.
	hyphenPenalty   = 50
	exHyphenPenalty = 50
	// doubleHyphenDemerits is charged for two hyphenated lines in a row,
	// finalHyphenDemerits for a hyphen on a paragraph's last but one line
	// and adjDemerits for neighbouring lines of non-adjacent fitness
	// classes (a very loose line next to a decent one).
	doubleHyphenDemerits = 10000
	finalHyphenDemerits  = 5000
	adjDemerits          = 10000
	// preTolerance is the badness allowed in the first pass, which does
	// not hyphenate; tolerance the badness allowed in the second, which
	// does. The third, emergency pass allows any stretch rather than let
	// a line run past the measure.
	preTolerance = 100
	tolerance    = 200
	// infBad is TeX's "infinitely bad".
	infBad = 10000
	// maxHyphenRun is the most consecutive lines that may end in a
	// hyphen: three in a row make a ladder.
	maxHyphenRun = 2
)

// The fitness classes of a line, from its adjustment ratio.
const (
	veryLoose = iota
	loose
	decent
	tight
	numFitness
)

// pass is one attempt at breaking a paragraph: the badness allowed and
// whether hyphenation points may be used.
type pass struct {
	threshold float64
	hyphenate bool
	emergency bool
}

// passes are tried in order until one finds breaks.
var passes = [...]pass{
	{threshold: preTolerance},
	{threshold: tolerance, hyphenate: true},
	{threshold: math.Inf(1), hyphenate: true, emergency: true},
}

// breakNode is a feasible breakpoint on some best path: the break at
// items[pos] (pos == len(items) is the paragraph's end), the lines before
// it, the fitness of the line it ends, how many lines in a row end in a
// hyphen there, and the total demerits of the path.
type breakNode struct {
	pos, line, fitness, hyphens int
	// start is the first item of the line after the break.
	start    int
	demerits float64
	prev     *breakNode
}

// knuthPlass breaks a paragraph into lines by Knuth and Plass's total-fit
// method: of all ways to break it whose lines are neither overfull nor,
// in the first two passes, too loose, it picks the one with the least
// total demerits. first is the measure of the first line (shortened by
// an indent), rest that of the others. A ragged paragraph (set flush left, right or
// centred) gets stretch at every line's end, so the breaker evens its
// lines out instead of justifying them.
type knuthPlass struct {
	items       []item
	first, rest float64
	ragged      bool
	// sumW, sumY and sumZ are the widths, stretch and shrink of
	// items[:i].
	sumW, sumY, sumZ []float64
	// after[i] is the first item a line starts with after a break at i.
	after []int
	// nodes holds the breakpoints made, so that they are allocated in
	// blocks rather than one by one.
	nodes []breakNode
}

// newNode adds a breakpoint and returns it. Nodes never change once
// made, so a node moved by the slice's growth is still right where the
// old array holds it.
func (kp *knuthPlass) newNode(n breakNode) *breakNode {
	n.start = len(kp.items)
	if n.pos+1 < len(kp.after) {
		n.start = kp.after[n.pos+1]
	}
	kp.nodes = append(kp.nodes, n)
	return &kp.nodes[len(kp.nodes)-1]
}

// kpScratch is memory a typesetter lends the breaker for one paragraph
// after another.
type kpScratch struct {
	sumW, sumY, sumZ []float64
	after            []int
	nodes            []breakNode
}

// breakLines returns the lines of items.
func breakLines(items []item, first, rest float64, ragged bool) []lineRange {
	return breakLinesWith(&kpScratch{}, items, first, rest, ragged)
}

// breakLinesWith is breakLines with scratch memory to reuse.
func breakLinesWith(sc *kpScratch, items []item, first, rest float64, ragged bool) []lineRange {
	kp := &knuthPlass{items: items, first: first, rest: rest, ragged: ragged,
		sumW: sc.sumW, sumY: sc.sumY, sumZ: sc.sumZ, after: sc.after, nodes: sc.nodes[:0]}
	defer func() {
		sc.sumW, sc.sumY, sc.sumZ, sc.after, sc.nodes = kp.sumW, kp.sumY, kp.sumZ, kp.after, kp.nodes
	}()
	kp.prepare()
	for _, p := range passes {
		if end := kp.run(p); end != nil {
			return kp.lines(end)
		}
	}
	// The emergency pass always ends: it rescues itself with an overfull
	// line when nothing else fits.
	return nil
}

// prepare computes the running totals and where lines start.
func (kp *knuthPlass) prepare() {
	n := len(kp.items)
	kp.sumW = grow(kp.sumW, n+1)
	kp.sumY = grow(kp.sumY, n+1)
	kp.sumZ = grow(kp.sumZ, n+1)
	kp.sumW[0], kp.sumY[0], kp.sumZ[0] = 0, 0, 0
	for i := range kp.items {
		it := &kp.items[i]
		kp.sumW[i+1], kp.sumY[i+1], kp.sumZ[i+1] = kp.sumW[i], kp.sumY[i], kp.sumZ[i]
		switch it.kind {
		case itemBox:
			kp.sumW[i+1] += it.width
		case itemGlue:
			kp.sumW[i+1] += it.width
			kp.sumY[i+1] += it.stretch
			kp.sumZ[i+1] += it.shrink
		}
	}
	kp.after = grow(kp.after, n+1)
	next := n
	for i := n; i >= 0; i-- {
		kp.after[i] = next
		if i > 0 {
			if it := &kp.items[i-1]; it.kind == itemBox || it.kind == itemPenalty && it.forced {
				next = i - 1
			}
		}
	}
}

// width returns the measure of line number line, from 0.
func (kp *knuthPlass) width(line int) float64 {
	if line == 0 {
		return kp.first
	}
	return kp.rest
}

// legal reports whether the paragraph may break at i in pass p, and
// whether the break is forced.
func (kp *knuthPlass) legal(i int, p pass) (ok, forced bool) {
	if i == len(kp.items) {
		return true, true
	}
	it := &kp.items[i]
	switch it.kind {
	case itemGlue:
		return i > 0 && kp.items[i-1].kind == itemBox && !it.nobreak, false
	case itemPenalty:
		if it.forced {
			return true, true
		}
		return !it.discretionary || p.hyphenate, false
	}
	return false, false
}

// badness is TeX's: about 100 times the cube of the adjustment ratio,
// infBad for a line that cannot stretch enough. In the emergency pass it
// is left uncapped, so that one very loose line still costs more than
// two fairly loose ones.
func badness(r float64, emergency bool) float64 {
	if math.IsInf(r, 1) {
		if emergency {
			return 1e12
		}
		return infBad
	}
	b := 100 * math.Abs(r*r*r)
	if !emergency {
		b = min(b, infBad)
	}
	return b
}

// fitness classes a line by how much it is stretched or shrunk.
func fitness(r float64) int {
	switch {
	case r > 1:
		return veryLoose
	case r > 0.5:
		return loose
	case r >= -0.5:
		return decent
	}
	return tight
}

// demerits of a line of badness b ending at a break of penalty p; flagged
// says the break hyphenates.
func demerits(b, p float64, forced bool) float64 {
	d := (linePenalty + b) * (linePenalty + b)
	switch {
	case forced:
	case p >= 0:
		d += p * p
	default:
		d -= p * p
	}
	return d
}

// run makes one pass over the paragraph and returns the best node at its
// end, or nil when the pass finds no feasible way through.
func (kp *knuthPlass) run(p pass) *breakNode {
	n := len(kp.items)
	active := []*breakNode{kp.newNode(breakNode{pos: -1, fitness: decent})}
	// best holds the best path into this breakpoint for each fitness
	// class of its last line and each length of its run of hyphens: the
	// rest of the paragraph may prefer any of them. It is emptied as
	// its nodes join the active list.
	var best [numFitness][maxHyphenRun + 1]*breakNode
	for b := 0; b <= n; b++ {
		ok, forced := kp.legal(b, p)
		if !ok {
			continue
		}
		var pen, pw float64
		flagged := false
		if b < n && kp.items[b].kind == itemPenalty {
			pen, pw, flagged = kp.items[b].penalty, kp.items[b].width, kp.items[b].flagged
		}
		found := false // whether best holds any node (it is empty between breaks)
		var lastDead *breakNode
		kept := active[:0]
		for i, a := range active {
			start := a.start
			w := kp.width(a.line)
			length := kp.sumW[b] - kp.sumW[start] + pw
			stretch := kp.sumY[b] - kp.sumY[start]
			shrink := kp.sumZ[b] - kp.sumZ[start]
			if kp.ragged {
				stretch += w / 3
			}
			r := 0.0
			switch {
			case length > w+eps:
				r = math.Inf(-1)
				if shrink > 0 {
					r = (w - length) / shrink
				}
			case forced:
				// The last line of a paragraph, and a line ended by a
				// hard break, are filled with infinite glue.
			case length < w-eps:
				r = math.Inf(1)
				if stretch > 0 {
					r = (w - length) / stretch
				}
			}
			if r < -1 {
				lastDead = a
				continue
			}
			if !forced {
				kept = append(kept, a)
			}
			bad := badness(r, p.emergency)
			if bad > p.threshold {
				if r > 0 && !forced && a.line > 0 {
					// Too loose, and so is every line from the nodes
					// after this one: active is in the order of the
					// breaks, so theirs start later, are shorter and
					// have less to stretch, on the same measure (only
					// the first line's differs). They stay active.
					kept = append(kept, active[i+1:]...)
					break
				}
				continue
			}
			hyphens := 0
			if flagged {
				hyphens = a.hyphens + 1
				if hyphens > maxHyphenRun {
					continue
				}
			}
			d := demerits(bad, pen, forced)
			if flagged && a.hyphens > 0 {
				d += doubleHyphenDemerits
			}
			if b == n && a.hyphens > 0 {
				d += finalHyphenDemerits
			}
			fit := fitness(r)
			if forced && r == 0 {
				fit = decent
			}
			if abs(fit-a.fitness) > 1 {
				d += adjDemerits
			}
			d += a.demerits
			if c := best[fit][hyphens]; c == nil || d < c.demerits {
				best[fit][hyphens] = kp.newNode(breakNode{pos: b, line: a.line + 1, fitness: fit, hyphens: hyphens, demerits: d, prev: a})
				found = true
			}
		}
		active = kept
		if !found && len(active) == 0 && lastDead != nil && p.emergency {
			// Nothing fits: end an overfull line here rather than lose
			// the paragraph, as TeX's final pass does.
			best[decent][0] = kp.newNode(breakNode{pos: b, line: lastDead.line + 1, fitness: decent, demerits: lastDead.demerits + 1e15, prev: lastDead})
			found = true
		}
		if found {
			for f := range best {
				for h, c := range best[f] {
					if c != nil {
						active = append(active, c)
						best[f][h] = nil
					}
				}
			}
		}
		if len(active) == 0 {
			return nil
		}
	}
	var end *breakNode
	for _, a := range active {
		if a.pos == n && (end == nil || a.demerits < end.demerits) {
			end = a
		}
	}
	return end
}

// lines turns the chain of nodes ending at end into line ranges.
func (kp *knuthPlass) lines(end *breakNode) []lineRange {
	var out []lineRange
	for a := end; a.prev != nil; a = a.prev {
		r := lineRange{start: a.prev.start, end: a.pos}
		if a.pos == len(kp.items) || kp.items[a.pos].forced {
			r.last = true
		} else if it := &kp.items[a.pos]; it.kind == itemPenalty && it.discretionary {
			r.hyphen = true
		}
		out = append(out, r)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// grow returns s with length n, reusing its array when it is big enough;
// the caller sets every element.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// abs is the absolute value of an int.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
