package epub

import (
	"fmt"
	"strconv"
	"strings"

	"samizdat/book"
	"samizdat/render"
)

// docKind says what a content document holds.
type docKind int

const (
	// docCover is the cover page showing Meta.CoverImage or the
	// generated cover.
	docCover docKind = iota
	// docDivision is a book.Chapter: front matter, chapter or back matter.
	docDivision
	// docPart is a part's title page.
	docPart
	// docNav is the navigation document, which doubles as the contents
	// page when the book has a contents division.
	docNav
)

// document is one XHTML content document of the publication.
type document struct {
	kind    docKind
	file    string // base name inside textDir ("the-press.xhtml")
	itemID  string // manifest id
	chapter *book.Chapter
	part    *book.Part
	// title is the plain-text title for <title>, the contents and the NCX.
	title string
	lang  string
	// matter is the body's epub:type: frontmatter, bodymatter or backmatter.
	matter string
	linear bool
	// notes are the notes whose text this document shows at its end
	// (footnotes or chapter-end notes), in order of first reference.
	notes []*book.Note
	// groups, on the book-end notes document, are the notes of every
	// division in reading order.
	groups []*noteGroup
}

// noteGroup is one division's notes in the book-end notes document.
type noteGroup struct {
	doc   *document // the division whose text refers to the notes
	notes []*book.Note
}

// target is where an id lives: a content document and, unless the id
// names the whole document, a fragment.
type target struct {
	file, frag string
}

// noteRefInfo is a rendered reference to a note.
type noteRefInfo struct {
	id    string
	index int
	doc   *document
}

// plan is everything decided about a publication before any file is
// written: documents and their order, file names, where every id and note
// lives, images and fonts. Writers only read it.
type plan struct {
	b      *book.Book
	opt    render.Options
	lang   string
	labels labels
	ident  identifier

	docs []*document // reading order (the spine), the nav document included
	nav  *document
	// Landmark documents; nil when the book has none.
	cover, titlePage, bodyStart, notesDoc, bibliography *document

	targets  map[string]target
	noteHome map[*book.Note]*document // where a note's text is shown
	noteDoc  map[*book.Note]*document // the division that owns the note
	refIDs   map[*book.NoteRef]string
	firstRef map[*book.Note]noteRefInfo

	images     []*imageFile
	imageOf    map[*book.Asset]*imageFile
	coverImage *imageFile
	// hasImages is set when the text shows images (the cover aside);
	// imagesLackAlt when some of them have no alternative text.
	hasImages, imagesLackAlt bool

	fonts      []*fontFile
	fontFamily string // CSS family name of embedded fonts, "" without

	names     *nameSet // file names in textDir and images/, case-folded
	ids       *nameSet // manifest item ids
	refIDUsed map[string]bool

	// pageBreaks are the print edition's page breaks in reading order,
	// for the page-list; pageIDs holds each one's id.
	pageBreaks []pageBreakInfo
	pageIDs    map[*book.PageBreak]string
}

// newPlan lays out the publication for b.
func newPlan(b *book.Book, opt render.Options) (*plan, error) {
	p := &plan{
		b:         b,
		opt:       opt,
		targets:   map[string]target{},
		noteHome:  map[*book.Note]*document{},
		noteDoc:   map[*book.Note]*document{},
		refIDs:    map[*book.NoteRef]string{},
		firstRef:  map[*book.Note]noteRefInfo{},
		imageOf:   map[*book.Asset]*imageFile{},
		names:     newNameSet(),
		ids:       newNameSet(),
		refIDUsed: map[string]bool{},
		pageIDs:   map[*book.PageBreak]string{},
	}
	p.lang = p.normLang(b.Meta.Lang, book.Pos{})
	p.labels = labelsFor(p.lang)
	// Fixed names are reserved first so that a chapter's file name never
	// depends on whether the book has a cover.
	p.names.reserve(strings.TrimSuffix(navFile, ".xhtml"))
	p.names.reserve(strings.TrimSuffix(coverFile, ".xhtml"))
	for _, id := range []string{"nav", "ncx", "css", "cover", "cover-image"} {
		p.ids.reserve(id)
	}
	p.layout()
	p.placeNotes()
	p.addAssets()
	if err := p.addCover(); err != nil {
		return nil, err
	}
	p.walk()
	p.namePageBreaks()
	if err := p.collectFonts(); err != nil {
		return nil, err
	}
	p.ident = bookIdentifier(b, p.opt)
	return p, nil
}

// layout decides the documents and their reading order.
func (p *plan) layout() {
	b := p.b
	p.cover = &document{kind: docCover, file: coverFile, itemID: "cover", lang: p.lang,
		title: p.labels.cover, matter: "frontmatter", linear: true}
	p.docs = append(p.docs, p.cover)
	for _, ch := range b.Front {
		p.addDivision(ch, "frontmatter")
	}
	for i, part := range b.Parts {
		if len(part.Title) > 0 {
			d := &document{kind: docPart, part: part, lang: p.lang, matter: "bodymatter", linear: true,
				title: book.PlainText(part.Title)}
			p.name(d, part.ID, "part-"+strconv.Itoa(i+1))
			p.addTarget(part.ID, target{file: d.file}, book.Pos{})
			p.docs = append(p.docs, d)
			if p.bodyStart == nil {
				p.bodyStart = d
			}
		}
		for _, ch := range part.Chapters {
			d := p.addDivision(ch, "bodymatter")
			if p.bodyStart == nil {
				p.bodyStart = d
			}
			if len(part.Title) == 0 && part.ID != "" {
				if _, ok := p.targets[part.ID]; !ok {
					p.addTarget(part.ID, target{file: d.file}, book.Pos{})
				}
			}
		}
	}
	backStart := len(p.docs)
	for _, ch := range b.Back {
		p.addDivision(ch, "backmatter")
	}
	if p.notesDoc == nil && b.Notes.Placement == book.PlaceBookEnd && p.hasNotes() {
		// The book puts its notes at the end but has no notes division:
		// make one, ahead of the other back matter.
		before := append([]*document(nil), p.docs[:backStart]...)
		after := append([]*document(nil), p.docs[backStart:]...)
		p.docs = before
		p.addDivision(&book.Chapter{Kind: book.KindNotes, ID: "notes"}, "backmatter")
		p.docs = append(p.docs, after...)
	}
	if p.nav == nil {
		// Without a contents division the navigation document is still
		// reachable (the toc landmark points at it) but out of the
		// linear reading order.
		p.nav = &document{kind: docNav, file: navFile, itemID: "nav", lang: p.lang,
			title: p.labels.contents, matter: "frontmatter"}
		p.docs = append(p.docs, p.nav)
	}
}

// hasNotes reports whether any division has notes.
func (p *plan) hasNotes() bool {
	for _, ch := range p.b.AllChapters() {
		if len(ch.Notes) > 0 {
			return true
		}
	}
	return false
}

// addDivision adds the document for one division, or for a contents
// division the navigation document; it returns the document added, or
// nil when the division is not shown.
func (p *plan) addDivision(ch *book.Chapter, matter string) *document {
	switch ch.Kind {
	case book.KindContents:
		if p.nav != nil {
			p.opt.Warnf(ch.Source, "a second contents division is ignored")
			return nil
		}
		p.nav = &document{kind: docNav, file: navFile, itemID: "nav", chapter: ch, lang: p.lang,
			title: p.divisionTitle(ch), matter: matter, linear: true}
		p.docs = append(p.docs, p.nav)
		p.addTarget(ch.ID, target{file: navFile}, ch.Source)
		return p.nav
	case book.KindNotes:
		// Notes shown as footnotes or at chapter ends leave nothing for a
		// notes division to show.
		if p.b.Notes.Placement != book.PlaceBookEnd || !p.hasNotes() {
			return nil
		}
		if p.notesDoc != nil {
			p.opt.Warnf(ch.Source, "a second notes division is ignored")
			return nil
		}
	case book.KindBibliography:
		// The citation transform fills the bibliography with one
		// paragraph per work cited; without entries there is nothing to
		// show.
		if len(ch.Blocks) == 0 {
			p.opt.Warnf(ch.Source, "the bibliography has no entries (no work is cited); it is left out")
			return nil
		}
	}
	d := &document{kind: docDivision, chapter: ch, lang: p.lang, matter: matter, linear: true,
		title: p.divisionTitle(ch)}
	if ch.Lang != "" {
		d.lang = p.normLang(ch.Lang, ch.Source)
	}
	p.name(d, ch.ID, ch.Kind.String())
	p.addTarget(ch.ID, target{file: d.file}, ch.Source)
	p.docs = append(p.docs, d)
	switch ch.Kind {
	case book.KindTitlePage:
		if p.titlePage == nil {
			p.titlePage = d
		}
	case book.KindNotes:
		p.notesDoc = d
	case book.KindBibliography:
		if p.bibliography == nil {
			p.bibliography = d
		}
	}
	return d
}

// divisionTitle is a division's plain title, falling back to the name of
// its kind ("Preface") or, for an untitled chapter, "Chapter N".
func (p *plan) divisionTitle(ch *book.Chapter) string {
	if t := strings.TrimSpace(book.PlainText(ch.Title)); t != "" {
		return t
	}
	if ch.Kind == book.KindChapter {
		n := 0
		for _, c := range p.b.BodyChapters() {
			n++
			if c == ch {
				break
			}
		}
		return p.labels.chapter + " " + strconv.Itoa(n)
	}
	return p.labels.kind(ch.Kind, p.b.Meta.Title)
}

// name gives a document its file name and manifest id, derived from the
// model's id so that names are stable across builds.
func (p *plan) name(d *document, id, fallback string) {
	base := p.names.take(safeName(id, fallback))
	d.file = base + ".xhtml"
	d.itemID = p.ids.take(ncName(base))
}

// addTarget records where an id lives, for internal links. The first
// definition wins; a duplicate is reported.
func (p *plan) addTarget(id string, t target, pos book.Pos) {
	if id == "" {
		return
	}
	if _, dup := p.targets[id]; dup {
		p.opt.Warnf(pos, "the id %q is used twice; links to it go to its first use", id)
		return
	}
	p.targets[id] = t
}

// placeNotes decides where each note's text is shown: at the end of its
// division's document, or in the notes document.
func (p *plan) placeNotes() {
	for _, d := range p.docs {
		if d.kind != docDivision {
			continue
		}
		for _, n := range d.chapter.Notes {
			p.adoptNote(d, n)
		}
	}
}

// adoptNote makes d the owner of note n and files its text.
func (p *plan) adoptNote(d *document, n *book.Note) {
	if _, done := p.noteDoc[n]; done {
		return
	}
	p.noteDoc[n] = d
	home := d
	if p.notesDoc != nil {
		home = p.notesDoc
		var g *noteGroup
		if k := len(home.groups); k > 0 && home.groups[k-1].doc == d {
			g = home.groups[k-1]
		} else {
			g = &noteGroup{doc: d}
			home.groups = append(home.groups, g)
		}
		g.notes = append(g.notes, n)
	} else {
		d.notes = append(d.notes, n)
	}
	p.noteHome[n] = home
	p.addTarget(n.ID, target{file: home.file, frag: xmlID(n.ID)}, n.Source)
}

// walk visits every division's text to give each note reference its id,
// find the first reference of every note, register heading ids as link
// targets and find images.
func (p *plan) walk() {
	for _, d := range p.docs {
		if d.kind == docPart {
			p.walkInlines(d, d, d.part.Title, book.Pos{})
		}
		if d.kind != docDivision {
			continue
		}
		p.walkInlines(d, d, d.chapter.Title, d.chapter.Source)
		p.walkBlocks(d, d, d.chapter.Blocks)
	}
	// Notes may refer to notes, so walk note texts until no new note
	// turns up.
	seen := map[*book.Note]bool{}
	for {
		var todo []*book.Note
		for _, d := range p.docs {
			for _, n := range d.notes {
				if !seen[n] {
					todo = append(todo, n)
				}
			}
			for _, g := range d.groups {
				for _, n := range g.notes {
					if !seen[n] {
						todo = append(todo, n)
					}
				}
			}
		}
		if len(todo) == 0 {
			return
		}
		for _, n := range todo {
			seen[n] = true
			p.walkBlocks(p.noteHome[n], p.noteDoc[n], n.Blocks)
		}
	}
}

// walkBlocks visits blocks shown in document at, owned by division owner.
func (p *plan) walkBlocks(at, owner *document, blocks []book.Block) {
	book.WalkBlocks(blocks, func(b book.Block) bool {
		switch n := b.(type) {
		case *book.Heading:
			if n.ID != "" {
				p.addTarget(n.ID, target{file: at.file, frag: xmlID(n.ID)}, n.Pos)
			}
		case *book.Figure:
			if n.Image != nil && n.Image.Asset != nil {
				// A figure without alternative text shows its caption
				// as the text alternative.
				alt := n.Image.Alt
				if strings.TrimSpace(alt) == "" {
					alt = book.PlainText(n.Caption)
				}
				p.contentImage(n.Image.Asset, alt)
			}
		}
		book.EachBlockInlines(b, func(ins []book.Inline) { p.walkInlines(at, owner, ins, b.Position()) })
		return true
	})
}

// walkInlines visits inlines shown in document at.
func (p *plan) walkInlines(at, owner *document, ins []book.Inline, pos book.Pos) {
	book.WalkInlines(ins, func(in book.Inline) {
		switch n := in.(type) {
		case *book.NoteRef:
			p.noteRef(at, owner, n, pos)
		case *book.PageBreak:
			p.pageBreak(at, n, pos)
		case *book.Image:
			if n.Asset != nil {
				p.contentImage(n.Asset, n.Alt)
			}
		}
	})
}

// contentImage files an image shown in the text and notes what the
// accessibility metadata says about the book's images.
func (p *plan) contentImage(a *book.Asset, alt string) {
	p.addImage(a)
	p.hasImages = true
	if strings.TrimSpace(alt) == "" {
		p.imagesLackAlt = true
	}
}

// noteRef gives a reference its id, distinct from every other reference
// even when the model's indexes clash.
func (p *plan) noteRef(at, owner *document, r *book.NoteRef, pos book.Pos) {
	if r.Note == nil {
		p.opt.Warnf(pos, "a note reference without a note is left out")
		return
	}
	if _, ok := p.noteHome[r.Note]; !ok {
		p.opt.Warnf(pos, "note %q is referred to but not listed with its chapter's notes", r.Note.ID)
		p.adoptNote(owner, r.Note)
	}
	idx := r.Index
	if idx < 1 {
		idx = 1
	}
	id := xmlID("ref-" + r.Note.ID + "-" + strconv.Itoa(idx))
	for n := 2; p.refIDUsed[id]; n++ {
		id = xmlID(fmt.Sprintf("ref-%s-%d-%d", r.Note.ID, idx, n))
	}
	p.refIDUsed[id] = true
	p.refIDs[r] = id
	if f, ok := p.firstRef[r.Note]; !ok || idx < f.index {
		p.firstRef[r.Note] = noteRefInfo{id: id, index: idx, doc: at}
	}
}

// href returns the link from document from to target t.
func (p *plan) href(from *document, t target) string {
	switch {
	case t.file == from.file && t.frag != "":
		return "#" + t.frag
	case t.frag != "":
		return t.file + "#" + t.frag
	}
	return t.file
}
