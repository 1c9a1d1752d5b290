package pdf

import "samizdat/book"

// bibliography lays out the bibliography division. The citation
// transform fills its Blocks with one paragraph per work cited; each is
// set as an entry with a hanging indent, a little apart from the next.
// Without entries (nothing cited, or the citations not resolved) the
// division is left out with a warning.
func (ts *typesetter) bibliography(ch *book.Chapter) []entry {
	if len(ch.Blocks) == 0 {
		ts.warnf(ch.Source, "the bibliography has no entries (no work is cited, or the citations were not resolved); it is left out")
		return nil
	}
	st := divStyle{matter: matterBack, heads: true, folios: true}
	out := ts.opening(ch, st, 0)
	e := ts.bodyEnv()
	hang := 1.5 * e.em()
	for i, b := range ch.Blocks {
		if i > 0 {
			out = append(out, space(0.3*e.leading))
		}
		p, ok := b.(*book.Paragraph)
		if !ok {
			out = ts.appendBlocks(out, []book.Block{b}, e)
			continue
		}
		out = append(out, ts.setHanging(ts.items(p.Inlines, e.span(), p.Pos), e, 0, hang)...)
	}
	return out
}
