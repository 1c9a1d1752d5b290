package pdf

import (
	"fmt"

	"samizdat/book"
	"samizdat/internal/digest"
	"samizdat/render"
)

// Incremental lays out successive versions of one book, as `samizdat
// serve` reads it after each save. Every division starts a new page, so
// the pages before the first division that changed are exactly the pages
// a full layout would make: they are kept, and layout restarts at that
// division with the page builder's state as it was there. Measuring
// caches (widths, hyphenation points, glyph coverage) are kept from one
// version to the next as well. An Incremental is used by one goroutine
// at a time.
type Incremental struct {
	// Settings are print settings beyond the book's own, as for
	// LayoutWith.
	Settings Settings

	prev *incrementalRun
	// ts is the last layout's typesetter, whose caches the next may
	// take over when cacheKey is unchanged.
	ts       *typesetter
	cacheKey digest.Sum
}

// incrementalRun is what one layout leaves for the next.
type incrementalRun struct {
	global   digest.Sum
	keys     []digest.Sum
	whole    []bool
	pages    *pagination
	warnings []warning
}

// Reuse says how much of the previous layout a layout kept.
type Reuse struct {
	// Division is the index of the first division laid out again (the
	// number of divisions when nothing changed).
	Division int
	// Pages is the number of pages kept from the previous layout.
	Pages int
}

// Layout lays b out, reusing what it can of the previous version. The
// result is the same Document a full Layout would give, page for page;
// kept pages are the previous Document's *Page values, so a caller may
// keep what it made from them (a drawing) by pointer.
func (inc *Incremental) Layout(b *book.Book, opt render.Options) (*Document, Reuse, error) {
	sz, fs, err := prepare(b, opt)
	if err != nil {
		return nil, Reuse{}, err
	}
	if err := checkMargins(sz, b.Output.Margins); err != nil {
		return nil, Reuse{}, fmt.Errorf("pdf: %w", err)
	}
	set := settingsFor(b, inc.Settings)
	ts := newTypesetter(b, fs, sz, set)
	faceIDs := faceIdentity(fs)
	cacheKey := digest.Of(faceIDs, set)
	if inc.ts != nil && inc.cacheKey == cacheKey {
		ts.adoptCaches(inc.ts)
	}
	divs := ts.divisions()
	run := &incrementalRun{
		// Everything a division may read besides its own content: the
		// metadata (title pages, running heads), the settings, the
		// fonts and the list of ids that links may point to.
		global: digest.Of(b.Meta, b.Output, b.Notes, set, sz, faceIDs, ts.ids),
		keys:   make([]digest.Sum, len(divs)),
		whole:  make([]bool, len(divs)),
	}
	for i, d := range divs {
		run.keys[i] = digest.Of(d.key...)
		run.whole[i] = d.whole
	}
	from := inc.prev.firstChange(run)
	var r *resume
	if from > 0 {
		r = &resume{from: from, prev: inc.prev.pages, warnings: inc.prev.warnings}
	}
	run.pages = ts.paginate(divs, r)
	run.warnings = ts.warnings
	kept := 0
	if r != nil {
		kept = r.prev.states[from].pages
	}
	inc.prev, inc.ts, inc.cacheKey = run, ts, cacheKey
	// A booklet's padding is laid out afresh when it is needed; the
	// next version starts again from the unpadded pages kept here.
	pts, pages := padBooklet(ts, run.pages.pages, sz)
	if len(pages) != len(run.pages.pages) {
		kept = 0
	}
	for _, w := range pts.warnings {
		opt.Warnf(w.pos, "%s", w.msg)
	}
	return &Document{Pages: pages, Lang: b.Meta.Lang}, Reuse{Division: from, Pages: kept}, nil
}

// firstChange returns the first division of next that must be laid out
// again: 0 when there is no earlier layout or anything global changed,
// else the first division whose content differs or that is made from the
// whole book.
func (prev *incrementalRun) firstChange(next *incrementalRun) int {
	if prev == nil || prev.global != next.global {
		return 0
	}
	for i := range next.keys {
		if i >= len(prev.keys) || prev.keys[i] != next.keys[i] || next.whole[i] || prev.whole[i] {
			return i
		}
	}
	if len(prev.keys) != len(next.keys) {
		return len(next.keys)
	}
	// Nothing changed: the last division is laid out again, which
	// costs little and keeps one path through the page builder.
	return max(0, len(next.keys)-1)
}

// faceIdentity names the faces for telling whether two layouts used the
// same fonts, without hashing megabytes of font data on every save.
func faceIdentity(fs faces) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s/%d/%d", f.FileName, len(f.Data), f.UnitsPerEm)
	}
	return out
}

// adoptCaches takes over an earlier typesetter's measurements: widths,
// glyph coverage, hyphenators and shaped words. They depend only
// on the faces and the settings, which the caller has checked are the
// same.
func (ts *typesetter) adoptCaches(old *typesetter) {
	ts.units, ts.glyphs, ts.ascii = old.units, old.glyphs, old.ascii
	ts.hyphenators, ts.shapes = old.hyphenators, old.shapes
}
