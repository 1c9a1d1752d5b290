package pdf

import (
	"runtime"
	"sync"

	"samizdat/book"
)

// Divisions are set side by side (see galleys), but a book of one long
// chapter, or of a few, is then set on one or two goroutines while the
// other processors wait: a 10-page pamphlet spent 3 of its 7 ms of PDF
// on one core. Such a chapter's body is cut into pieces, one per
// processor, set by forks of the typesetter at once and joined in
// order. A block's layout depends on the blocks before it only through
// their blockState, which the block before a cut gives as long as it
// yields any entries, as nearly every block does; a piece begun from
// another state than the one the piece before ended in is set again, so
// the galley is the same however it was cut. (Its paragraphs are
// numbered from a base of their own, which only tells their lines apart.)

// minPiece is the fewest blocks worth a goroutine of their own.
const minPiece = 16

// maxPieces caps how many pieces a chapter is cut into.
const maxPieces = 4

// piecesFor returns how many pieces to cut each long chapter of b into:
// one per processor when the book has fewer chapters long enough to cut
// than there are processors, else one (the divisions keep every
// processor busy already, and forks start with empty caches).
func piecesFor(b *book.Book) int {
	procs := min(runtime.GOMAXPROCS(0), maxPieces)
	long := 0
	for _, p := range b.Parts {
		for _, ch := range p.Chapters {
			if len(ch.Blocks) >= 2*minPiece {
				long++
			}
		}
	}
	if long >= procs {
		return 1
	}
	return procs
}

// bodyBlocks is appendBlocks for a chapter's body, cut into pieces when
// ts.pieces says so and the chapter is long enough.
func (ts *typesetter) bodyBlocks(out []entry, bs []book.Block, e env) []entry {
	n := min(ts.pieces, len(bs)/minPiece)
	if n < 2 {
		return ts.appendBlocks(out, bs, e)
	}
	type piece struct {
		bs         []book.Block
		t          *typesetter
		start, end blockState
		out        []entry
	}
	ps := make([]piece, n)
	var wg sync.WaitGroup
	for k := range ps {
		from, to := k*len(bs)/n, (k+1)*len(bs)/n
		p := &ps[k]
		p.bs = bs[from:to]
		if k == 0 {
			continue
		}
		p.start = blockState{prevAfter: -1}.after(bs[from-1], e)
		p.t = ts.fork()
		p.t.hyph = ts.hyph
		p.t.paras = ts.paras + k<<24
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.out, p.end = p.t.flowBlocks(nil, p.bs, e, p.start)
		}()
	}
	out, end := ts.flowBlocks(out, ps[0].bs, e, blockState{prevAfter: -1})
	wg.Wait()
	paras := ts.paras
	for _, p := range ps[1:] {
		paras = max(paras, p.t.paras)
		if end != p.start {
			// The block before the cut gave nothing: set the piece
			// again from where the flow really is.
			out, end = ts.flowBlocks(out, p.bs, e, end)
			continue
		}
		ts.adopt(p.t.warnings)
		out = append(out, p.out...)
		end = p.end
	}
	ts.paras = max(paras, ts.paras)
	return out
}
