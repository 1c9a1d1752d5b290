package pdf

import (
	"fmt"
	"strings"

	"samizdat/book"
	"samizdat/render"
)

// Layout lays out a book on pages without drawing anything. The page size
// comes from b.Output.PageSize; opt.Fonts is the type family (nil means
// the default); warnings go to opt.Warn.
func Layout(b *book.Book, opt render.Options) (*Document, error) {
	return LayoutWith(b, opt, Settings{})
}

// LayoutWith is Layout with print settings the book model does not carry.
func LayoutWith(b *book.Book, opt render.Options, set Settings) (*Document, error) {
	sz, fs, err := prepare(b, opt)
	if err != nil {
		return nil, err
	}
	return layout(b, fs, sz, opt, settingsFor(b, set))
}

// layout lays the book out in one pass. The page numbers the contents
// show stand in a column of their own, so they change no line and no
// page break: the paginator leaves them out and writes them in when every
// page has its number (see paginator.fillNumbers).
func layout(b *book.Book, fs faces, sz Size, opt render.Options, set Settings) (*Document, error) {
	return layoutSeeing(b, fs, sz, opt, set, nil)
}

// layoutSeeing is layout giving sink, when it is not nil, each page the
// paginator finishes that no later step changes (see paginator.finish).
func layoutSeeing(b *book.Book, fs faces, sz Size, opt render.Options, set Settings, sink pageSink) (*Document, error) {
	if err := checkMargins(sz, b.Output.Margins); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	ts := newTypesetter(b, fs, sz, set)
	ts.sink = sink
	pages := ts.paginate(ts.divisions(), nil).pages
	ts, pages = padBooklet(ts, pages, sz)
	for _, w := range ts.warnings {
		opt.Warnf(w.pos, "%s", w.msg)
	}
	return &Document{Pages: pages, Lang: b.Meta.Lang}, nil
}

// padBooklet lays a book to be imposed as a booklet out again with blank
// pages before its back matter when its pages are not a multiple of
// four. The blanks are laid out with the book, so that the back
// matter's folios run on and the contents list them. It returns the
// typesetter and pages to use.
func padBooklet(ts *typesetter, pages []*Page, sz Size) (*typesetter, []*Page) {
	short := padding(len(pages))
	if !ts.settings.Booklet || short == 0 {
		return ts, pages
	}
	set := ts.settings
	set.BlanksBeforeBack += short
	again := newTypesetter(ts.book, ts.faces, sz, set)
	again.adoptCaches(ts)
	again.sink = ts.sink
	pages = again.paginate(again.divisions(), nil).pages
	// Back matter opening on a recto could take a blank verso in or out
	// again; whatever is still missing goes at the end.
	for short := padding(len(pages)); short > 0; short-- {
		pages = append(pages, &Page{Width: sz.Width, Height: sz.Height, Number: len(pages) + 1})
	}
	return again, pages
}

// padding is the number of blank pages that makes n a multiple of four.
func padding(n int) int { return (4 - n%4) % 4 }

// folioMap returns the folio of the page of every anchor.
func folioMap(pages []*Page) map[string]string {
	m := map[string]string{}
	for _, pg := range pages {
		for _, a := range pg.Anchors {
			if _, ok := m[a.ID]; !ok {
				m[a.ID] = pg.Folio
			}
		}
	}
	return m
}

// bodyEnv is the setting of running text across the full measure.
func (ts *typesetter) bodyEnv() env {
	return env{width: ts.geo.measure(), size: ts.geo.size, leading: ts.geo.leading, role: RoleBody, align: alignJustify, markLevel: -1, hyphenate: true}
}

// divJob is one division of the book as the galley lays it out: a
// front-matter page, a part's title page, a chapter, a back-matter
// division. set makes its galley. key holds what its pages depend on
// besides the book's settings, for telling which divisions changed
// between two versions of a book (see Incremental); whole marks a
// division made from the whole book (the notes at the book's end, the
// bibliography), which counts as changed whenever the book does. set
// uses only the typesetter it is given, which may be a fork of the one
// that listed the divisions (see galleys).
type divJob struct {
	set   func(*typesetter) []entry
	key   []any
	whole bool
}

// divisions lists the book's divisions in order.
func (ts *typesetter) divisions() []divJob {
	b := ts.book
	var out []divJob
	for _, ch := range b.Front {
		key := []any{ch}
		if ch.Kind == book.KindContents {
			key = append(key, ts.contentsKey())
		}
		out = append(out, divJob{set: func(t *typesetter) []entry { return t.division(ch, matterFront) }, key: key})
	}
	recto := true
	for _, p := range b.Parts {
		level := 0
		if len(p.Title) > 0 {
			out = append(out, divJob{set: func(t *typesetter) []entry { return t.partPage(p) }, key: []any{p.ID, p.Title}})
			level, recto = 1, true
		}
		for _, ch := range p.Chapters {
			r := recto || ts.settings.RectoChapters
			out = append(out, divJob{set: func(t *typesetter) []entry { return t.chapter(ch, matterBody, level, r) }, key: []any{ch, level, r}})
			recto = false
		}
	}
	out = append(out, ts.blanksBeforeBack()...)
	hasNotes := false
	for _, ch := range b.Back {
		hasNotes = hasNotes || ch.Kind == book.KindNotes
		whole := ch.Kind == book.KindNotes || ch.Kind == book.KindBibliography
		out = append(out, divJob{set: func(t *typesetter) []entry { return t.division(ch, matterBack) }, key: []any{ch}, whole: whole})
	}
	if b.Notes.Placement == book.PlaceBookEnd && !hasNotes && bookHasNotes(b) {
		out = append(out, divJob{set: func(t *typesetter) []entry {
			t.warnf(book.Pos{}, "notes are to be placed at the book's end but the back matter has no notes division; adding one")
			return t.notesDivision(&book.Chapter{Kind: book.KindNotes, ID: "notes"})
		}, whole: true})
	}
	return out
}

// blanksBeforeBack returns the division of blank pages that the settings
// ask for before the back matter, or nothing. Each blank opens as a
// division of its own that shows neither running head nor folio; it
// counts as body matter, so arabic folios run on through it.
func (ts *typesetter) blanksBeforeBack() []divJob {
	n := ts.settings.BlanksBeforeBack
	if n <= 0 {
		return nil
	}
	return []divJob{{set: func(*typesetter) []entry {
		out := make([]entry, 0, 2*n)
		for range n {
			out = append(out, entry{kind: entryStart, div: &divStyle{matter: matterBody}}, fixedSpace(0))
		}
		return out
	}, key: []any{"blanks", n}}}
}

// contentsKey is what the contents show besides their page numbers,
// which are written in after pagination: every division's kind, id,
// title and byline, whether it is listed, and the parts' titles.
func (ts *typesetter) contentsKey() []any {
	key := []any{bookHasNotes(ts.book)}
	for _, p := range ts.book.Parts {
		key = append(key, p.ID, p.Title)
	}
	for _, ch := range ts.book.AllChapters() {
		key = append(key, ch.Kind, ch.ID, ch.Title, ch.Byline, listed(ch))
	}
	return key
}

// bookHasNotes reports whether any division has notes.
func bookHasNotes(b *book.Book) bool {
	for _, ch := range b.AllChapters() {
		if len(ch.Notes) > 0 {
			return true
		}
	}
	return false
}

// division lays out a front or back matter division by its kind.
func (ts *typesetter) division(ch *book.Chapter, m matter) []entry {
	defer ts.setLang(ts.langOf(ch))()
	switch ch.Kind {
	case book.KindHalfTitle:
		return ts.halfTitle(ch)
	case book.KindTitlePage:
		return ts.titlePage(ch)
	case book.KindCopyright:
		return ts.copyright(ch)
	case book.KindDedication:
		return ts.dedication(ch)
	case book.KindEpigraph:
		return ts.epigraph(ch)
	case book.KindContents:
		return ts.contents(ch)
	case book.KindNotes:
		if ts.book.Notes.Placement != book.PlaceBookEnd || !bookHasNotes(ts.book) {
			return nil
		}
		return ts.notesDivision(ch)
	case book.KindBibliography:
		return ts.bibliography(ch)
	}
	return ts.chapter(ch, m, 0, m == matterFront)
}

// defaultTitle names a division whose manifest gives no title.
func defaultTitle(k book.Kind) string {
	switch k {
	case book.KindContents:
		return "Contents"
	case book.KindNotes:
		return "Notes"
	case book.KindPreface:
		return "Preface"
	case book.KindColophon:
		return "Colophon"
	case book.KindBibliography:
		return "Bibliography"
	}
	return ""
}

// titleOf returns a division's title, or the default for its kind.
func titleOf(ch *book.Chapter) []book.Inline {
	if len(ch.Title) > 0 {
		return ch.Title
	}
	if t := defaultTitle(ch.Kind); t != "" {
		return []book.Inline{&book.Text{Text: t}}
	}
	return nil
}

// opening starts a division: a new page (a recto when asked), an anchor
// and outline entry at its top, the title sunk a fifth down the page.
func (ts *typesetter) opening(ch *book.Chapter, st divStyle, level int) []entry {
	title := titleOf(ch)
	st.title = book.PlainText(title)
	out := []entry{{kind: entryStart, div: &st}}
	var marks []Mark
	if st.title != "" {
		marks = []Mark{{Title: st.title, Level: level}}
	}
	out = append(out, marker([]Anchor{{ID: ch.ID}}, marks))
	out = append(out, fixedSpace(0.18*ts.geo.areaHeight()))
	if len(title) > 0 {
		out = append(out, ts.titleLines(title, FontRegular, 1.6, ch.Source)...)
	}
	out = append(out, ts.byline(ch)...)
	return append(out, space(2*ts.geo.leading))
}

// chapter lays out a chapter (or preface, colophon …): its opening, its
// blocks and, when notes go at chapter ends, its notes.
func (ts *typesetter) chapter(ch *book.Chapter, m matter, level int, recto bool) []entry {
	defer ts.setLang(ts.langOf(ch))()
	st := divStyle{recto: recto, matter: m, heads: m != matterFront, folios: true}
	out := ts.opening(ch, st, level)
	e := ts.bodyEnv()
	e.markLevel = level + 1
	out = ts.bodyBlocks(out, ch.Blocks, e)
	if ts.book.Notes.Placement == book.PlaceChapterEnd {
		out = append(out, ts.chapterNotes(ch, ts.bodyEnv())...)
	}
	return out
}

// notesDivision lays out the Notes division of back matter.
func (ts *typesetter) notesDivision(ch *book.Chapter) []entry {
	st := divStyle{matter: matterBack, heads: true, folios: true}
	out := ts.opening(ch, st, 0)
	return append(out, ts.bookNotes(ts.bodyEnv())...)
}

// partPage lays out a part's title page: on a recto, the title a third
// down, no running head or folio.
func (ts *typesetter) partPage(p *book.Part) []entry {
	st := &divStyle{recto: true, matter: matterBody, title: book.PlainText(p.Title)}
	out := []entry{
		{kind: entryStart, div: st},
		marker([]Anchor{{ID: p.ID}}, []Mark{{Title: st.title, Level: 0}}),
		fill(1),
	}
	out = append(out, ts.titleLines(p.Title, FontRegular, 1.8, book.Pos{})...)
	return append(out, fill(2))
}

// titleLines sets a title centred, scale times the body size, its lines
// kept with what follows.
func (ts *typesetter) titleLines(ins []book.Inline, f Font, scale float64, pos book.Pos) []entry {
	e := ts.bodyEnv()
	e.font, e.size, e.align, e.role = f, ts.geo.size*scale, alignCenter, RoleTitle
	e.leading, e.hyphenate = e.size*1.25, false
	return keepAll(ts.paragraph(ins, pos, e, 0))
}

// textLines sets a plain string as title lines.
func (ts *typesetter) textLines(s string, f Font, scale float64) []entry {
	if s == "" {
		return nil
	}
	return ts.titleLines([]book.Inline{&book.Text{Text: s}}, f, scale, book.Pos{})
}

// byline sets an article's authors in italic and its date and original
// source below, under the chapter title.
func (ts *typesetter) byline(ch *book.Chapter) []entry {
	bl := ch.Byline
	if bl == nil {
		return nil
	}
	out := []entry{space(0.6 * ts.geo.leading)}
	out = append(out, ts.textLines(joinNames(bl.Authors), FontItalic, 1.05)...)
	var src []string
	for _, s := range []string{bl.Source, bl.Date} {
		if s != "" {
			src = append(src, s)
		}
	}
	out = append(out, ts.textLines(strings.Join(src, ", "), FontRegular, 0.9)...)
	return keepAll(out)
}

// joinNames joins people's names: "A", "A and B", "A, B and C".
func joinNames(ps []book.Person) string {
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
