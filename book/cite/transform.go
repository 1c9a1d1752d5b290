package cite

import (
	"strconv"
	"strings"

	"samizdat/book"
)

// Result is what applying the citations found.
type Result struct {
	// Errors are citations of keys the sources do not have: the book
	// cannot be published with them.
	Errors []*book.Error
	// Warnings are citations without the locator the book asks for.
	Warnings []*book.Error
	// Cited lists the works cited, in the order first cited.
	Cited []*Entry
}

// Options are what Apply needs besides the book and its sources.
type Options struct {
	Settings Settings
	// IDs hands out the new notes' ids, unique in the book.
	IDs *book.IDs
	// Smarten typographs the words authors write around citations
	// ("see", "emphasis added"); nil leaves them as written.
	Smarten func(string) string
}

// Apply formats every citation of the book in place. In the notes styles
// a citation in the text becomes a note of its chapter (its marker after
// the punctuation that follows it, as in print), a citation inside an
// author's note is formatted inside that note, and an in-text @key puts
// the author's name in the sentence and the rest in a note; in the
// author-date style citations become "(Figes 1996, 823)". The chapters'
// notes are put in order of first reference again, the author's and the
// new ones together. The bibliography division, and with per-chapter
// bibliographies the end of each chapter, get the works cited.
func Apply(b *book.Book, lib *Library, opt Options) Result {
	t := &transform{b: b, lib: lib, opt: opt}
	if t.opt.IDs == nil {
		t.opt.IDs = book.NewIDs()
	}
	t.res.Cited = citedEntries(b, lib)
	t.p = NewProcessor(lib, opt.Settings, t.res.Cited, opt.Smarten)
	for _, ch := range b.AllChapters() {
		if ch.Kind.Generated() {
			continue
		}
		t.chapter(ch)
	}
	t.fillBibliographies()
	return t.res
}

// transform is one application of the citations to a book.
type transform struct {
	b   *book.Book
	lib *Library
	opt Options
	p   *Processor
	res Result

	// dry is set while a chapter's citations are collected, before any
	// is formatted; dryCites holds them.
	dry      bool
	dryCites []Cite

	// The walk of the current chapter: its notes in order of first
	// reference and those met so far, the number of citation notes made,
	// the works it cites (for its own bibliography), and whether the walk
	// is inside an author's note, and which.
	ch         *book.Chapter
	order      []*book.Note
	seen       map[*book.Note]bool
	citeNum    int
	chCited    []*Entry
	chCitedSet map[*Entry]bool
	inNote     bool
	noteIdx    int
}

// chapter formats one chapter's citations and reorders its notes. A
// first walk only collects the citations, which the processor needs all
// of to tell apart works whose notes would read alike.
func (t *transform) chapter(ch *book.Chapter) {
	t.dry, t.dryCites = true, nil
	t.reset(ch)
	t.blocks(ch.Blocks)
	t.dry = false
	t.reset(ch)
	t.p.StartChapter(t.dryCites, t.res.Cited)
	t.blocks(ch.Blocks)
	for _, n := range ch.Notes {
		if !t.seen[n] { // a note no walk reached keeps its place at the end
			t.seen[n] = true
			t.order = append(t.order, n)
		}
	}
	ch.Notes = t.order
	if t.opt.Settings.PerChapter && len(t.chCited) > 0 && ch.Kind == book.KindChapter {
		title := "Bibliography"
		if t.opt.Settings.Style == AuthorDate {
			title = "References"
		}
		h := &book.Heading{Level: 2, ID: t.opt.IDs.Unique(ch.ID + "-bibliography"), Classes: []string{"bibliography"},
			Inlines: []book.Inline{&book.Text{Text: title}}, Pos: ch.Source}
		ch.Blocks = append(ch.Blocks, h)
		ch.Blocks = append(ch.Blocks, bibliographyBlocks(t.chCited, t.opt.Settings.Style)...)
	}
}

// reset starts a walk of a chapter.
func (t *transform) reset(ch *book.Chapter) {
	t.ch, t.order, t.seen, t.citeNum = ch, nil, map[*book.Note]bool{}, 0
	t.chCited, t.chCitedSet = nil, map[*Entry]bool{}
	t.inNote, t.noteIdx = false, 0
}

// blocks walks blocks in reading order.
func (t *transform) blocks(bs []book.Block) {
	for _, b := range bs {
		switch n := b.(type) {
		case *book.Paragraph:
			n.Inlines = t.inlines(n.Inlines)
		case *book.Heading:
			n.Inlines = t.inlines(n.Inlines)
		case *book.BlockQuote:
			t.blocks(n.Blocks)
			if n.Source != nil {
				out := t.inlines([]book.Inline{n.Source})
				if len(out) == 1 {
					n.Source = out[0]
				}
			}
		case *book.List:
			for _, it := range n.Items {
				t.blocks(it.Blocks)
			}
		case *book.DefinitionList:
			for i := range n.Items {
				n.Items[i].Term = t.inlines(n.Items[i].Term)
				for _, def := range n.Items[i].Defs {
					t.blocks(def)
				}
			}
		case *book.Table:
			for i := range n.Head {
				n.Head[i] = t.inlines(n.Head[i])
			}
			for _, row := range n.Rows {
				for i := range row {
					row[i] = t.inlines(row[i])
				}
			}
		case *book.Figure:
			n.Caption = t.inlines(n.Caption)
		}
	}
}

// inlines walks a run of inlines, formatting citations; it returns the
// run, changed where a note's marker took the punctuation after it.
func (t *transform) inlines(ins []book.Inline) []book.Inline {
	for i := 0; i < len(ins); i++ {
		switch n := ins[i].(type) {
		case *book.NoteRef:
			if !t.seen[n.Note] {
				t.seen[n.Note] = true
				t.order = append(t.order, n.Note)
				saved, savedIdx := t.inNote, t.noteIdx
				t.inNote, t.noteIdx = true, len(t.order)-1
				t.blocks(n.Note.Blocks)
				t.inNote, t.noteIdx = saved, savedIdx
			}
		case *book.Emph:
			n.Inlines = t.inlines(n.Inlines)
		case *book.Strong:
			n.Inlines = t.inlines(n.Inlines)
		case *book.Strike:
			n.Inlines = t.inlines(n.Inlines)
		case *book.Link:
			n.Inlines = t.inlines(n.Inlines)
		case *book.Citation:
			t.citation(n, ins, i)
		}
	}
	return ins
}

// citation formats one citation standing at ins[i].
func (t *transform) citation(c *book.Citation, ins []book.Inline, i int) {
	cite := Cite{InText: c.InText, InNote: t.inNote, Note: t.noteIdx}
	for _, it := range c.Items {
		cite.Items = append(cite.Items, itemOf(it))
		if !t.dry {
			t.checkItem(c, it)
		}
	}
	makesNote := !t.inNote && t.opt.Settings.Style != AuthorDate
	if makesNote {
		cite.Note = len(t.order) // the index the new note will have
	}
	if t.dry {
		t.dryCites = append(t.dryCites, cite)
		if makesNote {
			t.order = append(t.order, nil)
		}
		return
	}
	f := t.p.Format(cite)
	rendered := Inlines(f.Inline)
	if !makesNote {
		c.Rendered = nonNil(rendered)
		return
	}
	t.citeNum++
	note := &book.Note{
		ID:     t.opt.IDs.Unique(t.ch.ID + "-cite-" + strconv.Itoa(t.citeNum)),
		Blocks: []book.Block{&book.Paragraph{Inlines: Inlines(f.Note), Pos: c.Pos}},
		Refs:   1,
		Source: c.Pos,
	}
	t.seen[note] = true
	t.order = append(t.order, note)
	if !c.InText {
		rendered = append(rendered, takePunctuation(ins, i)...)
	}
	c.Rendered = append(rendered, &book.NoteRef{Note: note, Index: 1})
}

// itemOf converts a cited work from the model. A decimal locator such as
// "14.34" reaches it split into the locator "14" and the suffix ".34";
// it is joined again.
func itemOf(it book.CiteItem) Item {
	out := Item{Key: it.Key, Prefix: it.Prefix, Locator: it.Locator, Label: it.LocatorLabel,
		Suffix: it.Suffix, SuppressAuthor: it.SuppressAuthor}
	if out.Locator != "" && len(out.Suffix) > 1 && out.Suffix[0] == '.' && out.Suffix[1] >= '0' && out.Suffix[1] <= '9' {
		k := 1
		for k < len(out.Suffix) && (out.Suffix[k] >= '0' && out.Suffix[k] <= '9' || out.Suffix[k] == '.' && k+1 < len(out.Suffix) && out.Suffix[k+1] >= '0' && out.Suffix[k+1] <= '9') {
			k++
		}
		out.Locator += out.Suffix[:k]
		out.Suffix = strings.TrimLeft(out.Suffix[k:], ", ")
	}
	return out
}

func nonNil(ins []book.Inline) []book.Inline {
	if ins == nil {
		return []book.Inline{}
	}
	return ins
}

// takePunctuation moves the punctuation that follows a citation in front
// of its note marker, and drops the space before the citation, so that
// "a sentence [@a]." reads "a sentence.¹".
func takePunctuation(ins []book.Inline, i int) []book.Inline {
	if i > 0 {
		if prev, ok := ins[i-1].(*book.Text); ok {
			prev.Text = strings.TrimRight(prev.Text, " ")
		}
	}
	if i+1 >= len(ins) {
		return nil
	}
	next, ok := ins[i+1].(*book.Text)
	if !ok {
		return nil
	}
	k := 0
	for k < len(next.Text) && strings.IndexByte(".,;:!?", next.Text[k]) >= 0 {
		k++
	}
	if k == 0 {
		return nil
	}
	punct := next.Text[:k]
	next.Text = next.Text[k:]
	return []book.Inline{&book.Text{Text: punct}}
}

// checkItem records a cited work and reports a missing key or locator.
func (t *transform) checkItem(c *book.Citation, it book.CiteItem) {
	e := t.lib.Lookup(it.Key)
	if e == nil {
		err := book.Errorf(c.Pos, "citation key @%s is not in the sources", it.Key)
		if s := nearestKey(it.Key, t.lib.Keys()); s != "" {
			err.Hint = "did you mean @" + s + "?"
		} else if len(t.lib.Keys()) == 0 {
			err.Hint = "name a sources file with bibliography: in the front matter or book.yaml"
		}
		t.res.Errors = append(t.res.Errors, err)
		return
	}
	if !t.chCitedSet[e] {
		t.chCitedSet[e] = true
		t.chCited = append(t.chCited, e)
	}
	if t.opt.Settings.Locators && it.Locator == "" && e.Is(bookLength...) {
		t.res.Warnings = append(t.res.Warnings, book.Errorf(c.Pos,
			"citation of the %s @%s gives no page or other locator (the book asks for one with citations: {locators: true})", e.Type, it.Key))
	}
}

// bookLength are the types that need a locator when the book asks.
var bookLength = []string{"book", "report", "thesis", "classic", "collection"}

// fillBibliographies fills the bibliography division with the works
// cited.
func (t *transform) fillBibliographies() {
	for _, div := range append(append([]*book.Chapter{}, t.b.Front...), t.b.Back...) {
		if div.Kind != book.KindBibliography {
			continue
		}
		div.Blocks = bibliographyBlocks(t.res.Cited, t.opt.Settings.Style)
		if t.opt.Settings.Style == AuthorDate && book.PlainText(div.Title) == "Bibliography" {
			div.Title = []book.Inline{&book.Text{Text: "References"}}
		}
	}
}

// bibliographyBlocks makes one paragraph per entry.
func bibliographyBlocks(entries []*Entry, style Style) []book.Block {
	sorted := sortEntries(entries, style)
	texts := Bibliography(entries, style)
	out := make([]book.Block, len(texts))
	for i, txt := range texts {
		out[i] = &book.Paragraph{Inlines: Inlines(txt), Pos: sorted[i].Pos}
	}
	return out
}

// citedEntries lists the works the book cites, in the order first cited.
func citedEntries(b *book.Book, lib *Library) []*Entry {
	var out []*Entry
	seen := map[*Entry]bool{}
	EachCitation(b, func(_ *book.Chapter, c *book.Citation) {
		for _, it := range c.Items {
			if e := lib.Lookup(it.Key); e != nil && !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	})
	return out
}

// Inlines converts formatted text to the model: italics as Emph, links
// as Link.
func Inlines(t Text) []book.Inline {
	var out []book.Inline
	for _, r := range t.visible() {
		var in book.Inline = &book.Text{Text: r.S}
		if r.Italic {
			in = &book.Emph{Inlines: []book.Inline{in}}
		}
		if r.URL != "" {
			in = &book.Link{URL: r.URL, Inlines: []book.Inline{in}}
		}
		out = append(out, in)
	}
	return out
}
