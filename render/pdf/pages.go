package pdf

import (
	"slices"

	"samizdat/book"
)

// pageBuild is the page being filled.
type pageBuild struct {
	number  int
	style   divStyle
	opening bool
	body    []*entry
	used    float64
	boxes   int
	fills   float64
	// carried are note lines continued from earlier pages; own are the
	// notes first referred to on this page. Carried lines come first.
	carried, own []*entry
}

// notesHeight is the height of the page's note area, separator included.
func (pb *pageBuild) notesHeight(sep float64) float64 {
	if len(pb.carried)+len(pb.own) == 0 {
		return 0
	}
	h := sep
	for _, e := range pb.carried {
		h += e.height
	}
	for _, e := range pb.own {
		h += e.height
	}
	return h
}

// paginator cuts the galley into pages. It keeps boxes marked keep with
// the next box, drops spaces at page tops, and puts each note on the page
// of its first reference: when a line and its notes do not fit together,
// the line goes to the next page; a note too long for the room left runs
// on at the foot of the next page.
type paginator struct {
	ts     *typesetter
	geo    geometry
	pages  []*Page
	cur    *pageBuild
	style  divStyle
	carry  []*entry
	placed map[*book.Note]bool
	cache  map[*book.Note][]entry
	// firstBody is the physical number of the first body page, where
	// arabic folios start at 1.
	firstBody int
	// sep is the space taken by the rule above the notes.
	sep float64
	// numbers are the contents' page numbers still to be written.
	numbers []placedNumber
}

// placedNumber is a contents page number placed on a page, its position
// absolute.
type placedNumber struct {
	page *Page
	pageNumber
}

// fillNumbers returns the pages with the contents' page numbers written
// in, once every page is made: each is the folio of the page holding its
// division's anchor. A page that gets numbers is copied, so that the
// pages as made can be kept for a later layout (see Incremental).
func (p *paginator) fillNumbers() []*Page {
	if len(p.numbers) == 0 {
		return p.pages
	}
	folios := folioMap(p.pages)
	out := slices.Clone(p.pages)
	copies := map[*Page]*Page{}
	index := map[*Page]int{}
	for i, pg := range p.pages {
		index[pg] = i
	}
	for _, n := range p.numbers {
		num := folios[n.id]
		if num == "" {
			continue
		}
		pg := copies[n.page]
		if pg == nil {
			c := *n.page
			c.Texts = slices.Clip(c.Texts)
			pg = &c
			copies[n.page] = pg
			out[index[n.page]] = pg
		}
		w := p.ts.width(FontRegular, num, n.size)
		pg.Texts = append(pg.Texts, Text{X: n.right - w, Y: n.base, Font: FontRegular, Size: n.size, Text: num, Width: w, Role: RoleTitle})
	}
	return out
}

// divState is the page builder's state as a division begins, the page
// before it closed: what it takes to lay the book out again from that
// division with the pages before it kept.
type divState struct {
	pages     int
	carry     []*entry
	firstBody int
	style     divStyle
	numbers   int
	warnings  int
	paras     int
}

// pagination is a finished pagination: the pages as printed, and for a
// later layout that restarts part-way (Incremental) the pages without the
// contents' numbers, the numbers' places and the state at each division.
type pagination struct {
	pages   []*Page
	plain   []*Page
	numbers []placedNumber
	states  []divState
}

// resume is where a layout restarts: at division from, with the pages,
// contents numbers and warnings of an earlier layout before it.
type resume struct {
	from     int
	prev     *pagination
	warnings []warning
}

// paginate lays the divisions out on pages, one division's galley at a
// time, from the start or from where r says.
func (ts *typesetter) paginate(divs []divJob, r *resume) *pagination {
	p := &paginator{
		ts: ts, geo: ts.geo, placed: map[*book.Note]bool{}, cache: map[*book.Note][]entry{},
		sep: ts.geo.leading,
	}
	res := &pagination{}
	from := 0
	if r != nil {
		from = r.from
		st := r.prev.states[from]
		res.states = slices.Clone(r.prev.states[:from])
		p.pages = slices.Clone(r.prev.plain[:st.pages])
		p.carry = slices.Clone(st.carry)
		p.firstBody, p.style = st.firstBody, st.style
		p.numbers = slices.Clone(r.prev.numbers[:st.numbers])
		ts.paras = st.paras
		for _, w := range r.warnings[:st.warnings] {
			if w.glyph != 0 {
				ts.missing[w.glyph] = true
			}
			ts.warned[w] = true
			ts.warnings = append(ts.warnings, w)
		}
	}
	galleys := ts.galleys(divs[from:], from)
	defer galleys.close()
	for i := range divs[from:] {
		// Every division starts a page; the page before is closed here
		// so that the state recorded is the one a restart needs.
		p.finish()
		res.states = append(res.states, divState{
			pages: len(p.pages), carry: slices.Clone(p.carry), firstBody: p.firstBody, style: p.style,
			numbers: len(p.numbers), warnings: len(ts.warnings), paras: ts.paras,
		})
		p.feed(galleys.get(ts, i))
	}
	p.finish()
	for len(p.carry) > 0 {
		p.open(false, p.geo.areaHeight())
		p.finish()
	}
	res.plain, res.numbers = p.pages, p.numbers
	res.pages = p.fillNumbers()
	return res
}

// feed lays out a division's galley on pages. A group of boxes kept
// together never reaches past its division, which starts a new page.
func (p *paginator) feed(g []entry) {
	for i := 0; i < len(g); i++ {
		e := &g[i]
		switch e.kind {
		case entryStart:
			p.start(*e.div)
		case entrySpace:
			p.space(e)
		case entryFill:
			p.ensure()
			p.cur.body = append(p.cur.body, e)
			p.cur.fills += e.weight
		case entryBox:
			if e.keep && (i == 0 || !g[i-1].keep) {
				p.keepGroup(g, i)
			}
			p.box(e)
		}
	}
}

// free is the height left on the current page.
func (p *paginator) free() float64 {
	return p.geo.areaHeight() - p.cur.used - p.cur.notesHeight(p.sep)
}

// ensure opens a page when none is open.
func (p *paginator) ensure() {
	if p.cur == nil {
		p.open(false, p.geo.areaHeight()-4*p.geo.leading)
	}
}

// open starts the next page, taking up to limit of carried note lines.
func (p *paginator) open(opening bool, limit float64) {
	p.cur = &pageBuild{number: len(p.pages) + 1, style: p.style, opening: opening}
	h := p.sep
	for len(p.carry) > 0 && h+p.carry[0].height <= limit+eps {
		h += p.carry[0].height
		p.cur.carried = append(p.cur.carried, p.carry[0])
		p.carry = p.carry[1:]
	}
}

// start begins a division on a new page, on a recto when asked.
func (p *paginator) start(d divStyle) {
	p.finish()
	if d.recto && (len(p.pages)+1)%2 == 0 {
		// The blank verso belongs to the division before.
		p.pages = append(p.pages, p.blank(len(p.pages)+1))
	}
	p.style = d
	p.open(true, p.geo.areaHeight()-4*p.geo.leading)
}

// space adds vertical space, dropped at the top of a page and at a page
// break.
func (p *paginator) space(e *entry) {
	if p.cur == nil || p.cur.boxes == 0 {
		if !e.fixed {
			return
		}
		p.ensure()
	} else if e.height > p.free()+eps {
		p.finish()
		return
	}
	p.cur.body = append(p.cur.body, e)
	p.cur.used += e.height
}

// keepGroup starts a new page when the boxes from i that must stay
// together (and the first box after them) do not fit on this one, with
// the notes they bring, but do fit on an empty page. The last of those
// notes counts with its first two lines only, as it may run on.
func (p *paginator) keepGroup(g []entry, i int) {
	p.ensure()
	h := 0.0
	seen := map[*book.Note]bool{}
	var notes [][]*entry
	for j := i; j < len(g); j++ {
		e := &g[j]
		if e.kind == entryStart || e.kind == entryFill {
			break
		}
		h += e.height
		if e.kind == entryBox {
			lines, _, ns := p.newNotes(e, seen)
			for _, n := range ns {
				seen[n] = true
			}
			if len(lines) > 0 {
				notes = append(notes, lines)
			}
		}
		if e.kind == entryBox && !e.keep && e.height > 0 {
			break
		}
	}
	if len(notes) > 0 && len(p.cur.carried)+len(p.cur.own) == 0 {
		h += p.sep
	}
	for k, lines := range notes {
		if k == len(notes)-1 {
			lines = lines[:min(2, len(lines))]
		}
		for _, l := range lines {
			h += l.height
		}
	}
	if p.cur.boxes == 0 {
		// An empty page: make room by moving carried note lines on.
		p.makeRoom(h)
		return
	}
	if h > p.free()+eps && h <= p.geo.areaHeight()-4*p.geo.leading {
		p.finish()
	}
}

// makeRoom moves note lines carried onto the current page on to the next
// until h fits or none are left.
func (p *paginator) makeRoom(h float64) {
	for h > p.free()+eps && len(p.cur.carried) > 0 {
		k := len(p.cur.carried) - 1
		p.carry = append([]*entry{p.cur.carried[k]}, p.carry...)
		p.cur.carried = p.cur.carried[:k]
	}
}

// newNotes returns the note entries a box brings: those of the notes it
// refers to that are not yet placed or skipped (and of notes those notes
// refer to), and how many entries the last note has.
func (p *paginator) newNotes(e *entry, skip map[*book.Note]bool) (lines []*entry, lastLen int, notes []*book.Note) {
	var visit func(ns []*book.Note)
	visit = func(ns []*book.Note) {
		for _, n := range ns {
			if p.placed[n] || skip[n] || containsNote(notes, n) {
				continue
			}
			notes = append(notes, n)
			es := p.ts.footnote(p.cache, n)
			lastLen = len(es)
			for k := range es {
				lines = append(lines, &es[k])
			}
			for k := range es {
				visit(es[k].notes)
			}
		}
	}
	visit(e.notes)
	return lines, lastLen, notes
}

// containsNote reports whether ns holds n.
func containsNote(ns []*book.Note, n *book.Note) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

// box places a box and its notes.
func (p *paginator) box(e *entry) {
	p.ensure()
	lines, lastLen, notes := p.newNotes(e, nil)
	sum := 0.0
	for _, l := range lines {
		sum += l.height
	}
	sep := 0.0
	if len(lines) > 0 && len(p.cur.carried)+len(p.cur.own) == 0 {
		sep = p.sep
	}
	if e.height+sep+sum <= p.free()+eps {
		p.put(e, lines, notes)
		return
	}
	if p.cur.boxes == 0 {
		// An empty page: move carried note lines on until the box and
		// its notes fit, then split the notes if they still do not.
		p.makeRoom(e.height + sep + sum)
		if len(lines) > 0 && len(p.cur.carried)+len(p.cur.own) == 0 {
			sep = p.sep
		}
		if e.height+sep+sum <= p.free()+eps {
			p.put(e, lines, notes)
			return
		}
		p.split(e, lines, notes, sep)
		return
	}
	// Split the last note when the box, all earlier new notes and the
	// first two lines of the last one fit; otherwise move to a new page.
	room := p.free() - e.height - sep
	k := 0
	for k < len(lines) && lines[k].height <= room+eps {
		room -= lines[k].height
		k++
	}
	need := len(lines) - lastLen + min(2, lastLen)
	if room >= -eps && len(lines) > 0 && k >= need {
		p.split(e, lines, notes, sep)
		return
	}
	p.finish()
	p.box(e)
}

// put places a box and all of its note lines.
func (p *paginator) put(e *entry, lines []*entry, notes []*book.Note) {
	p.cur.body = append(p.cur.body, e)
	p.cur.used += e.height
	if e.height > 0 {
		p.cur.boxes++
	}
	p.cur.own = append(p.cur.own, lines...)
	for _, n := range notes {
		p.placed[n] = true
	}
}

// split places a box with as many of its note lines as fit, carries the
// rest to the next page and ends this page.
func (p *paginator) split(e *entry, lines []*entry, notes []*book.Note, sep float64) {
	room := p.free() - e.height - sep
	k := 0
	for k < len(lines) && lines[k].height <= room+eps {
		room -= lines[k].height
		k++
	}
	p.put(e, lines[:k], notes)
	p.carry = append(p.carry, lines[k:]...)
	p.finish()
}

// finish closes the current page, if any, and adds it to the document.
func (p *paginator) finish() {
	pb := p.cur
	if pb == nil {
		return
	}
	p.cur = nil
	if len(pb.body) == 0 && len(pb.carried) == 0 {
		return
	}
	numbers := len(p.numbers)
	pg := p.render(pb)
	pg.sources = bodySources(pb.body)
	p.pages = append(p.pages, pg)
	// A page that shows contents entries gets their page numbers at the
	// end (fillNumbers, on a copy); any other is final now.
	if p.ts.sink != nil && len(p.numbers) == numbers {
		p.ts.sink.page(pg)
	}
}

// bodySources returns the places in the model where the boxes of a
// page's body begin, for MarkPages.
func bodySources(body []*entry) []srcRef {
	n := 0
	for _, e := range body {
		if e.kind == entryBox && !e.src.isZero() {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]srcRef, 0, n)
	for _, e := range body {
		if e.kind == entryBox && !e.src.isZero() {
			out = append(out, e.src)
		}
	}
	return out
}

// blank makes an empty page, as the back of a page that must stand on a
// recto.
func (p *paginator) blank(n int) *Page {
	pg := &Page{Width: p.geo.Width, Height: p.geo.Height, Area: p.geo.area(n), Number: n}
	pg.Folio = p.folio(n, p.style.matter)
	return pg
}
