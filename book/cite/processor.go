package cite

import (
	"strings"
	"unicode"
)

// Item is one work cited in a citation: the key and what the author wrote
// around it, as the Markdown reader found it.
type Item struct {
	Key            string
	Prefix         string
	Locator        string
	Label          string
	Suffix         string
	SuppressAuthor bool
}

// Cite is one citation as the processor sees it: its works, whether it
// was written in the text (@key), whether it stands inside an author's
// footnote, and the index of the note that holds it among its chapter's
// notes, which decides "Ibid." and the author-and-page form.
type Cite struct {
	Items  []Item
	InText bool
	InNote bool
	Note   int
}

// Formatted is a formatted citation. Inline goes into the running text
// (the author's name of an in-text citation, an author-date reference, or
// a citation inside an author's note); Note, when set, is the text of a
// new note whose marker follows Inline.
type Formatted struct {
	Inline Text
	Note   Text
}

// Processor formats a book's citations in reading order. It remembers
// which works each chapter has cited, so that the first citation gets
// the full note and the next ones the short form.
type Processor struct {
	set Settings
	lib *Library
	// ambiguous marks the works of the current chapter whose citations
	// would read alike; their short notes add the date.
	ambiguous map[*Entry]bool
	// yearSuffix holds author-date's "a", "b" for one author's works of
	// one year.
	yearSuffix map[*Entry]string
	// smarten typographs the prefixes and suffixes the author wrote.
	smarten func(string) string

	// firstText caches each work's first citation, which findAmbiguous
	// compares in every chapter.
	firstText map[*Entry]Text

	seen map[*Entry]bool
	prev *lastCite
}

// lastCite is what "Ibid." needs to know about the citation before.
type lastCite struct {
	note    int
	entry   *Entry // nil unless the citation cited one work
	label   string
	locator string
}

// NewProcessor prepares to format citations of the works in cited (every
// work the book cites, in any order) from lib. smarten, when not nil,
// typographs the text authors write around their citations.
func NewProcessor(lib *Library, set Settings, cited []*Entry, smarten func(string) string) *Processor {
	p := &Processor{set: set, lib: lib, smarten: smarten, seen: map[*Entry]bool{}, firstText: map[*Entry]Text{}}
	if smarten == nil {
		p.smarten = func(s string) string { return s }
	}
	if set.Style == AuthorDate {
		p.yearSuffix = yearSuffixes(cited)
	}
	return p
}

// StartChapter forgets what was cited before: every chapter introduces
// its works afresh, and "Ibid." never reaches across chapters. cites are
// the chapter's citations, in order, and others the works the book cites
// elsewhere; together they decide which works need the date to tell them
// apart.
func (p *Processor) StartChapter(cites []Cite, others []*Entry) {
	p.seen = map[*Entry]bool{}
	p.prev = nil
	p.ambiguous = nil
	if p.set.Style != AuthorDate {
		p.ambiguous = p.findAmbiguous(cites, others)
		p.seen = map[*Entry]bool{}
		p.prev = nil
	}
}

// Format formats one citation. Keys missing from the library are shown
// as written with a question mark; the caller reports them.
func (p *Processor) Format(c Cite) Formatted {
	if p.set.Style == AuthorDate {
		return p.formatAuthorDate(c)
	}
	var parts []Text
	var inline Text
	for j, it := range c.Items {
		e := p.lib.Lookup(it.Key)
		if e == nil {
			parts = append(parts, p.affixed(it, plain(it.Key+"?")))
			continue
		}
		pos := p.position(c, j, e, it)
		authorInText := c.InText && !c.InNote && j == 0
		if authorInText {
			r := p.rendering(e, it)
			if pos == first && p.set.Style != ShortNotes || p.set.Style == FullNotes {
				inline = r.authorNote()
			} else {
				inline = r.authorShort()
			}
		}
		body := p.noteBody(p.rendering(e, it), pos, it.SuppressAuthor || authorInText)
		parts = append(parts, p.affixed(it, body))
	}
	p.remember(c)
	body := join("; ", parts...)
	if c.InNote {
		if c.InText {
			return Formatted{Inline: punctuate(body)}
		}
		return Formatted{Inline: punctuate(affix("(", body, ")"))}
	}
	return Formatted{Inline: inline, Note: capitalizeFirst(punctuate(concat(body, plain("."))))}
}

// rendering starts formatting one work of a citation.
func (p *Processor) rendering(e *Entry, it Item) *rendering {
	r := newRendering(e, it.Label, it.Locator)
	r.disambiguate = p.ambiguous[e]
	return r
}

// findAmbiguous finds the works whose citations in this chapter would
// read alike, as citeproc does: every citation is formatted in its place
// (first, again, straight after itself) without locators or the author's
// words, the works cited elsewhere as first citations; works whose texts
// match are ambiguous, and get the date in their short notes when the
// dates tell them apart.
func (p *Processor) findAmbiguous(cites []Cite, others []*Entry) map[*Entry]bool {
	byText := map[string][]*Entry{}
	var order []string
	add := func(e *Entry, t Text) {
		key := strings.NewReplacer("“", "", "”", "", "‘", "", "’", "").Replace(strings.ToLower(t.String()))
		if _, ok := byText[key]; !ok {
			order = append(order, key)
		}
		for _, x := range byText[key] {
			if x == e {
				return
			}
		}
		byText[key] = append(byText[key], e)
	}
	for _, c := range cites {
		bare := Cite{Note: c.Note}
		for _, it := range c.Items {
			bare.Items = append(bare.Items, Item{Key: it.Key})
		}
		for j, it := range bare.Items {
			e := p.lib.Lookup(it.Key)
			if e == nil {
				continue
			}
			pos := p.position(bare, j, e, it)
			if p.set.Ibid && (pos == ibid || pos == ibidWithLocator) {
				continue // "Ibid." never makes two works ambiguous
			}
			add(e, p.noteBody(newRendering(e, "", ""), pos, false))
		}
		p.remember(bare)
	}
	for _, e := range others {
		if !p.seen[e] {
			t, ok := p.firstText[e]
			if !ok {
				t = p.noteBody(newRendering(e, "", ""), first, false)
				p.firstText[e] = t
			}
			add(e, t)
		}
	}
	out := map[*Entry]bool{}
	for _, key := range order {
		es := byText[key]
		if len(es) < 2 {
			continue
		}
		years := map[string]bool{}
		for _, e := range es {
			years[e.Dates["issued"].yearForm()] = true
		}
		if len(years) == len(es) { // the dates tell them apart
			for _, e := range es {
				out[e] = true
			}
		}
	}
	return out
}

// noteBody formats one work of a note for its position and the style.
func (p *Processor) noteBody(r *rendering, pos position, noAuthor bool) Text {
	ibidLike := pos == ibid || pos == ibidWithLocator
	if ibidLike && p.set.Ibid {
		return r.ibidNote(pos == ibidWithLocator)
	}
	switch p.set.Style {
	case FullNotes:
		return r.fullNote(noAuthor)
	case ShortNotes:
		return r.shortNote(noAuthor, ibidLike)
	}
	if pos == first {
		return r.fullNote(noAuthor)
	}
	return r.shortNote(noAuthor, ibidLike)
}

// affixed adds the author's prefix ("see") and suffix ("emphasis
// added") to one work of a citation.
func (p *Processor) affixed(it Item, body Text) Text {
	out := join(" ", plain(p.smarten(strings.TrimSpace(it.Prefix))), body)
	suffix := p.smarten(strings.TrimSpace(it.Suffix))
	if suffix == "" {
		return out
	}
	if r := []rune(suffix)[0]; unicode.IsLetter(r) || unicode.IsDigit(r) {
		return join(", ", out, plain(suffix))
	}
	return concat(out, plain(suffix))
}

// position decides whether a work is cited for the first time in its
// chapter, again, or again straight after the same work: "Ibid." needs
// the citation before to be in the same note or the note just before it,
// and to cite that one work alone.
func (p *Processor) position(c Cite, j int, e *Entry, it Item) position {
	pos := first
	if p.seen[e] {
		pos = subsequent
	}
	p.seen[e] = true
	var prevLabel, prevLocator string
	same := false
	if j > 0 {
		prevItem := c.Items[j-1]
		same = prevItem.Key == it.Key
		prevLabel, prevLocator = prevItem.Label, prevItem.Locator
	} else if p.prev != nil && p.prev.entry == e && (p.prev.note == c.Note || p.prev.note == c.Note-1) {
		same = true
		prevLabel, prevLocator = p.prev.label, p.prev.locator
	}
	if !same || pos == first {
		return pos
	}
	switch {
	case it.Locator == prevLocator && labelOf(it) == labelOrPage(prevLabel, prevLocator):
		return ibid
	case it.Locator != "":
		return ibidWithLocator
	}
	return subsequent
}

func labelOf(it Item) string { return labelOrPage(it.Label, it.Locator) }

func labelOrPage(label, locator string) string {
	if locator != "" && label == "" {
		return "page"
	}
	return label
}

// remember records a citation for the next one's "Ibid." test.
func (p *Processor) remember(c Cite) {
	last := &lastCite{note: c.Note}
	if len(c.Items) == 1 {
		last.entry = p.lib.Lookup(c.Items[0].Key)
		last.label, last.locator = c.Items[0].Label, c.Items[0].Locator
	}
	p.prev = last
}

// formatAuthorDate formats a citation in the author-date system:
// "(see Figes 1996, 823; Milton 1644, 4)" or, in the text,
// "Figes (1996, 823)".
func (p *Processor) formatAuthorDate(c Cite) Formatted {
	var body, lead Text
	prevAuthor := ""
	for j, it := range c.Items {
		e := p.lib.Lookup(it.Key)
		if e == nil {
			body = join("; ", body, p.affixed(it, plain(it.Key+"?")))
			prevAuthor = ""
			continue
		}
		r := newRendering(e, it.Label, it.Locator)
		author, _ := newRendering(e, "", "").inTextAD(false, "")
		// Works of one author in a row name the author once: (Mill 1859,
		// 1861), or with locators (Figes 1996, 10; 1996, 12).
		collapse := j > 0 && prevAuthor != "" && author.String() == prevAuthor && it.Prefix == "" && c.Items[j-1].Suffix == ""
		_, text := r.inTextAD(it.SuppressAuthor || c.InText && j == 0 || collapse, p.yearSuffix[e])
		if c.InText && j == 0 && !it.SuppressAuthor {
			lead = author
		}
		delim := "; "
		if collapse && it.Locator == "" && c.Items[j-1].Locator == "" {
			delim = ", "
		}
		body = join(delim, body, p.affixed(it, text))
		prevAuthor = author.String()
	}
	if c.InText {
		return Formatted{Inline: punctuate(join(" ", lead, affix("(", body, ")")))}
	}
	return Formatted{Inline: punctuate(affix("(", body, ")"))}
}
