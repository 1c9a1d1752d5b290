package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"samizdat/book"
)

// itemKind tells boxes, glue and penalties apart.
type itemKind int

// The kinds of item, after Knuth and Plass: a Box is material that is set
// as it is (a word or a syllable of one), Glue is a stretchable space
// where a line may break, a Penalty is a place to break inside a word —
// a hyphenation point, after a hyphen or dash — at a cost, or a forced
// break.
const (
	itemBox itemKind = iota
	itemGlue
	itemPenalty
)

// item is one element of a paragraph's horizontal list. The line breaker
// sees only kinds and widths; the rest is carried through to the page.
type item struct {
	kind  itemKind
	width float64

	// Box fields.
	text string
	font Font
	size float64
	// rise lifts the box above the baseline (superscript note markers).
	rise   float64
	role   Role
	strike bool
	// link is an external URL or "#id" for an internal target; glue
	// inside a link carries it too, so one area covers the linked words.
	link string
	// notes are the notes this box refers to, for footnote placement.
	notes []*book.Note
	// anchor is a link target at this box (a note reference).
	anchor string
	// pic is an inline image, drawn size high.
	pic *book.Asset
	// ligJoin says that the box's first letter, an f, may form a
	// ligature with the f that ends the box before it, when the word is
	// not broken between them ("of-fice" set whole is "oﬃce").
	ligJoin bool
	// src is where the box's word begins in the model, so that a page
	// can say where in the text it begins (MarkPages).
	src srcRef

	// Glue fields.
	stretch, shrink float64

	// Penalty fields: the cost of breaking here; whether a break here
	// ends the line in a hyphen (flagged, as TeX says), and whether the
	// hyphen must be added (discretionary: a hyphenation point, whose
	// width is the hyphen's); a forced break (hard line break).
	penalty       float64
	flagged       bool
	discretionary bool
	forced        bool
	// Glue field: no line break here (the space before a spaced dash,
	// which must not start a line).
	nobreak bool
}

// span is the style in force while converting inlines.
type span struct {
	font   Font
	size   float64
	role   Role
	link   string
	strike bool
	// hyphenate allows hyphenation points; headings, titles, code and
	// web addresses have none.
	hyphenate bool
	// punctBreaks lets code and web addresses break at their punctuation
	// (see punctBreak), without a hyphen: they have no syllables, and a
	// long one would otherwise leave a line with gaping spaces.
	punctBreaks bool
}

// noteAnchor is the anchor ID of a note's text.
func noteAnchor(n *book.Note) string { return "fn:" + n.ID }

// refAnchor is the anchor ID of one reference to a note.
func refAnchor(n *book.Note, index int) string {
	return "fnref:" + n.ID + ":" + strconv.Itoa(index)
}

// srcRef is a place in the model's text: before node, a book.Inline or,
// for material with no inline of its own (a code block's lines, a
// figure's image), a book.Block; when node is a *book.Text, at rune
// offset at within it. The zero value is no place: generated text such
// as a contents page or a running head has none. One field holds either
// kind of node, as every box carries a srcRef.
type srcRef struct {
	node any
	at   int
}

// isZero reports whether r is no place.
func (r srcRef) isZero() bool { return r.node == nil }

// inliner turns inline elements into items.
type inliner struct {
	ts    *typesetter
	pos   book.Pos
	items []item
	// node is the inline whose text is being converted, and cur the
	// place of the word being converted, for the boxes' src.
	node book.Inline
	cur  srcRef
}

// items converts ins, set in style s, to a horizontal list. pos is the
// block's position, for warnings.
func (ts *typesetter) items(ins []book.Inline, s span, pos book.Pos) []item {
	return ts.itemsInto(make([]item, 0, estimateItems(ins)), ins, s, pos)
}

// itemsInto is items appending to buf.
func (ts *typesetter) itemsInto(buf []item, ins []book.Inline, s span, pos book.Pos) []item {
	in := &inliner{ts: ts, pos: pos, items: buf}
	in.walk(ins, s)
	for i := 1; i < len(in.items); i++ {
		if in.items[i-1].kind == itemGlue && in.items[i].kind == itemBox && startsWithDash(in.items[i].text) {
			in.items[i-1].nobreak = true
		}
	}
	return in.items
}

// estimateItems guesses how many items inlines make — a box and a glue
// per word, a penalty per other syllable — so that the list is allocated
// once.
func estimateItems(ins []book.Inline) int {
	n := 4
	for _, in := range ins {
		switch x := in.(type) {
		case *book.Text:
			n += len(x.Text) / 2
		case *book.Code:
			n += len(x.Text) / 2
		case *book.Emph:
			n += estimateItems(x.Inlines)
		case *book.Strong:
			n += estimateItems(x.Inlines)
		case *book.Strike:
			n += estimateItems(x.Inlines)
		case *book.Link:
			n += estimateItems(x.Inlines)
		default:
			n += 2
		}
	}
	return n
}

// startsWithDash reports whether s begins with an en or em dash.
func startsWithDash(s string) bool {
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–")
}

// emphasis returns the italic (or upright, inside italic) variant of f.
func emphasis(f Font) Font {
	switch f {
	case FontRegular:
		return FontItalic
	case FontItalic:
		return FontRegular
	case FontBold:
		return FontBoldItalic
	case FontBoldItalic:
		return FontBold
	}
	return f
}

// strong returns the bold variant of f.
func strong(f Font) Font {
	switch f {
	case FontRegular:
		return FontBold
	case FontItalic:
		return FontBoldItalic
	}
	return f
}

// codeScale is the size of the monospaced face relative to the text it
// stands in: Go Mono is wide and has a large x-height.
const codeScale = 0.85

func (in *inliner) walk(ins []book.Inline, s span) {
	for _, x := range ins {
		switch n := x.(type) {
		case *book.Text:
			in.node = n
			in.text(n.Text, s)
		case *book.Space:
			in.glue(s)
		case *book.LineBreak:
			in.items = append(in.items, item{kind: itemPenalty, forced: true})
		case *book.Emph:
			t := s
			t.font = emphasis(s.font)
			in.walk(n.Inlines, t)
		case *book.Strong:
			t := s
			t.font = strong(s.font)
			in.walk(n.Inlines, t)
		case *book.Strike:
			t := s
			t.strike = true
			in.walk(n.Inlines, t)
		case *book.Code:
			t := s
			t.font, t.size, t.hyphenate, t.punctBreaks = FontMono, s.size*codeScale, false, true
			in.node = n
			in.text(n.Text, t)
		case *book.Link:
			t := s
			t.link = in.target(n.URL)
			if looksLikeAddress(book.PlainText(n.Inlines)) {
				t.hyphenate, t.punctBreaks = false, true
			}
			in.walk(n.Inlines, t)
		case *book.Image:
			in.image(n, s)
		case *book.NoteRef:
			in.noteRef(n, s)
		case *book.PageBreak:
			// Where a page of the print edition begins, for an e-book
			// made from a marked copy (MarkPages): nothing to set.
		case *book.Citation:
			if n.Rendered != nil {
				in.walk(n.Rendered, s)
			} else {
				in.node = n
				in.text(n.Raw, s)
			}
		}
	}
}

// target checks a link's URL: an internal "#id" must name a chapter, part
// or heading, else the link is dropped with a warning.
func (in *inliner) target(url string) string {
	if len(url) > 1 && url[0] == '#' && !in.ts.ids[url[1:]] {
		in.ts.warnf(in.pos, "link to %q: no chapter or heading has that id", url)
		return ""
	}
	return url
}

// breakAfter reports whether a line may break after r inside a word.
func breakAfter(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '/'
}

// punctPenalty is the cost of breaking code or a web address at its
// punctuation: a little more than a hyphen, so that a line breaks between
// words when it can.
const punctPenalty = 100

// punctBreak says whether code or a web address whose current piece runs
// from start may break just before the rune at i, returning i if so and
// start if not: before a full stop, comma, semicolon, question mark,
// number sign, per cent sign, tilde, underscore, ampersand, equals sign,
// opening bracket or single slash, and after a colon, a closing bracket
// or a double slash — the Chicago Manual's rules for URLs, applied to
// code too. No piece is left shorter than two characters, so that a lone
// full stop or bracket never starts or ends a line.
func punctBreak(s string, start, i int) int {
	if !atLeastTwoRunes(s[start:i]) || !atLeastTwoRunes(s[i:]) {
		return start
	}
	prev, pw := utf8.DecodeLastRuneInString(s[:i])
	r, rw := utf8.DecodeRuneInString(s[i:])
	next, _ := utf8.DecodeRuneInString(s[i+rw:])
	var before2 rune
	if i-pw > start {
		before2, _ = utf8.DecodeLastRuneInString(s[:i-pw])
	}
	const opening = ".,;?#%~_&=([{"
	switch {
	case isSpace(r) || isSpace(prev):
		return start
	case strings.ContainsRune(opening, r) && !strings.ContainsRune(opening+"/:", prev):
		return i
	case r == '/' && prev != '/' && prev != ':' && next != '/':
		return i
	case prev == ':' && r != '/', prev == '/' && before2 == '/' && r != '/':
		return i
	case strings.ContainsRune(")]}", prev) && !strings.ContainsRune(".,;:)]}", r):
		return i
	}
	return start
}

// atLeastTwoRunes reports whether s holds two runes or more, looking at
// no more of it than that (punctBreak asks at every rune of a long word).
func atLeastTwoRunes(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	return n < len(s)
}

// isSpace reports whether r separates words.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r'
}

// looksLikeAddress reports whether a link's text is a web or mail
// address, which is never hyphenated.
func looksLikeAddress(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "@") && !strings.Contains(s, " ")
}

// text adds words and spaces. A line may break after a hyphen, a dash or
// a slash inside a word, and at the word's hyphenation points.
func (in *inliner) text(s string, sp span) {
	// Words are slices of s: no copying. Every box of a word, the
	// parts after a hyphen included, has the word's first rune as its
	// place, so that a page beginning inside a word is marked before it.
	start, ri := -1, -1
	inWord := false
	for i, r := range s {
		ri++
		if isSpace(r) {
			if start >= 0 {
				in.word(s[start:i], sp)
				start = -1
			}
			inWord = false
			in.glue(sp)
			continue
		}
		if !inWord {
			inWord = true
			in.cur = srcRef{node: in.node, at: ri}
		}
		if start < 0 {
			start = i
		}
		if sp.punctBreaks && i > start {
			if k := punctBreak(s, start, i); k > start {
				in.word(s[start:k], sp)
				in.items = append(in.items, item{kind: itemPenalty, penalty: punctPenalty})
				start = k
			}
		}
		if !breakAfter(r) {
			continue
		}
		end := i + utf8.RuneLen(r)
		next, _ := utf8.DecodeRuneInString(s[end:])
		if end-start > utf8.RuneLen(r) && end < len(s) && !isSpace(next) && !breakAfter(next) {
			in.word(s[start:end], sp)
			start = -1
			// A break after a hyphen leaves a hyphen at the line's
			// end, so it counts towards a ladder of hyphens.
			in.items = append(in.items, item{kind: itemPenalty, penalty: exHyphenPenalty, flagged: r == '-'})
		}
	}
	if start >= 0 {
		in.word(s[start:], sp)
	}
}

// box adds a run of text, joining it to the previous box when the style
// is the same so that kerning applies across the join.
func (in *inliner) box(s string, sp span) {
	in.boxWidth(s, sp, -1)
}

// boxWidth adds a run of text of the given width (negative: measure it),
// joined to the previous box when the style is the same.
func (in *inliner) boxWidth(s string, sp span, width float64) {
	in.ts.checkGlyphs(in.pos, sp.font, s)
	in.addBox(s, sp, width)
}

// addBox is boxWidth for text whose glyphs have been checked.
func (in *inliner) addBox(s string, sp span, width float64) {
	if n := len(in.items); n > 0 {
		last := &in.items[n-1]
		if last.kind == itemBox && last.pic == nil && last.notes == nil && last.anchor == "" &&
			last.font == sp.font && last.size == sp.size && last.rise == 0 &&
			last.role == sp.role && last.link == sp.link && last.strike == sp.strike {
			last.text += s
			last.width = in.ts.width(sp.font, last.text, sp.size)
			return
		}
	}
	if width < 0 {
		width = in.ts.width(sp.font, s, sp.size)
	}
	in.items = append(in.items, item{
		kind: itemBox, text: s, font: sp.font, size: sp.size, role: sp.role,
		link: sp.link, strike: sp.strike, width: width, src: in.cur,
	})
}

// glue adds an inter-word space; two spaces in a row count as one. A
// space in code keeps its width: it neither stretches nor shrinks, so a
// code span reads as it was written however its line is justified.
func (in *inliner) glue(sp span) {
	if n := len(in.items); n == 0 || in.items[n-1].kind == itemGlue {
		return
	}
	w := in.ts.spaceWidth(sp.font, sp.size)
	g := item{kind: itemGlue, width: w, stretch: w / 2, shrink: w / 3, link: sp.link}
	if sp.font == FontMono {
		g.stretch, g.shrink = 0, 0
	}
	in.items = append(in.items, g)
}

// image adds an inline image as a box one text size high.
func (in *inliner) image(img *book.Image, sp span) {
	pw, ph, ok := in.ts.pixelSize(img.Asset, in.pos)
	if !ok {
		return
	}
	in.items = append(in.items, item{kind: itemBox, pic: img.Asset, size: sp.size, width: sp.size * pw / ph, link: sp.link, role: sp.role, src: srcRef{node: img}})
}

// noteRef adds a superscript note number that links to the note's text
// and is itself a target for the note's link back.
func (in *inliner) noteRef(r *book.NoteRef, sp span) {
	n := r.Note
	if n == nil {
		return
	}
	size := sp.size * 0.62
	num := strconv.Itoa(n.Number)
	it := item{
		kind: itemBox, text: num, font: FontRegular, size: size, rise: sp.size * 0.36,
		role: RoleMarker, link: "#" + noteAnchor(n), anchor: refAnchor(n, r.Index),
		width: in.ts.width(FontRegular, num, size), src: srcRef{node: r},
	}
	if in.ts.book.Notes.Placement == book.PlaceFootnotes {
		it.notes = []*book.Note{n}
	}
	in.items = append(in.items, it)
}
