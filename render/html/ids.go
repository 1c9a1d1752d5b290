package html

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"samizdat/book"
	"samizdat/render"
)

// refKey names one reference to a note: the note and the reference's
// index among the note's references.
type refKey struct {
	note  *book.Note
	index int
}

// idMap gives every element of the page that can be linked its id, once,
// before anything is written: the table of contents, internal links and
// note links then all agree, and no id is used twice in the page even when
// ids of different kinds (chapter, heading, note) happen to collide.
type idMap struct {
	// of maps a model node (*book.Chapter, *book.Part, *book.Heading,
	// *book.Note, refKey) to its id in the page.
	of map[any]string
	// byBookID maps an id as written in the book (a chapter, part or
	// heading id, the target of "#id" links) to its id in the page.
	byBookID map[string]string
	used     map[string]bool
	// refs lists, for each note, the indexes of its references in the
	// page, in ascending order: the note's back-links.
	refs map[*book.Note][]int
	opt  render.Options
}

// assignIDs walks the divisions the page shows, in reading order, and
// gives ids to them, their parts, headings, notes and note references.
func assignIDs(opt render.Options, l layout) *idMap {
	m := &idMap{
		of:       map[any]string{},
		byBookID: map[string]string{},
		used:     map[string]bool{},
		refs:     map[*book.Note][]int{},
		opt:      opt,
	}
	for _, ch := range l.front {
		m.division(ch)
	}
	for i, part := range l.parts {
		if len(part.Title) > 0 {
			m.claimBook(part, part.ID, "part-"+strconv.Itoa(i+1), book.Pos{})
		}
		for _, ch := range part.Chapters {
			m.division(ch)
		}
	}
	for _, ch := range l.back {
		m.division(ch)
	}
	for _, list := range m.refs {
		sort.Ints(list)
	}
	return m
}

// division gives ids to a chapter, the headings and note references in
// it, and its notes.
func (m *idMap) division(ch *book.Chapter) {
	m.claimBook(ch, ch.ID, ch.Kind.String(), ch.Source)
	m.inlines(ch.Title)
	m.blocks(ch.Blocks)
	for _, n := range ch.Notes {
		want := "fn-" + n.ID
		if n.ID == "" {
			want = "fn-" + ch.ID + "-" + strconv.Itoa(n.Number)
		}
		m.claim(n, want, n.Source)
		m.blocks(n.Blocks)
	}
}

// blocks gives ids to the headings and note references in blocks.
func (m *idMap) blocks(blocks []book.Block) {
	book.WalkBlocks(blocks, func(b book.Block) bool {
		if h, ok := b.(*book.Heading); ok && h.ID != "" {
			m.claimBook(h, h.ID, "", h.Pos)
		}
		book.EachBlockInlines(b, m.inlines)
		return true
	})
}

// inlines gives ids to the note references and print page breaks in ins.
func (m *idMap) inlines(ins []book.Inline) {
	book.WalkInlines(ins, func(in book.Inline) {
		if pb, ok := in.(*book.PageBreak); ok {
			m.claim(pb, "page-"+pb.Label, book.Pos{})
			return
		}
		r, ok := in.(*book.NoteRef)
		if !ok || r.Note == nil {
			return
		}
		key := refKey{r.Note, r.Index}
		if _, dup := m.of[key]; dup {
			m.opt.Warnf(r.Note.Source, "note %q is referenced twice with index %d; the second reference gets no anchor", r.Note.ID, r.Index)
			return
		}
		m.claim(key, "fnref-"+r.Note.ID+"-"+strconv.Itoa(r.Index), r.Note.Source)
		m.refs[r.Note] = append(m.refs[r.Note], r.Index)
	})
}

// claimBook claims an id written in the book (fallback when it is empty)
// and remembers it as the target of "#want" links.
func (m *idMap) claimBook(node any, want, fallback string, pos book.Pos) {
	bookID := want
	if want == "" {
		want = fallback
	}
	id := m.claim(node, want, pos)
	if bookID != "" && id != "" {
		if _, seen := m.byBookID[bookID]; !seen {
			m.byBookID[bookID] = id
		}
	}
}

// claim gives node the id want, made safe, or want-2, want-3 … when it is
// taken already; a renamed id is reported, since links to it will lead to
// the first element of that name.
func (m *idMap) claim(node any, want string, pos book.Pos) string {
	want = cleanID(want)
	if want == "" {
		return ""
	}
	id := want
	for n := 2; m.used[id]; n++ {
		id = want + "-" + strconv.Itoa(n)
	}
	if id != want {
		m.opt.Warnf(pos, "id %q is used twice in the page; the second one becomes %q", want, id)
	}
	m.used[id] = true
	m.of[node] = id
	return id
}

// id returns the page id of a node, or "" when it has none.
func (m *idMap) id(node any) string { return m.of[node] }

// target resolves an internal link "#x" to "#id" in the page.
func (m *idMap) target(bookID string) (string, bool) {
	id, ok := m.byBookID[bookID]
	if !ok {
		return "", false
	}
	return "#" + id, true
}

// cleanID makes s a valid HTML id: white space becomes "-" and characters
// that are not allowed in XML names are dropped.
func cleanID(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return '-'
		case r == '-' || r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			return r
		}
		return -1
	}, s)
	return s
}
