package pdf

import (
	"fmt"

	"golang.org/x/image/font/gofont/gomono"

	"samizdat/book"
	"samizdat/fonts"
	"samizdat/hyphen"
)

// faces are the five faces text is set in, indexed by Font.
type faces [numFonts]*fonts.Face

// loadFaces returns the family's four faces and Go Mono for code. Go Mono
// (from golang.org/x/image, BSD licence) is a TrueType face with Latin,
// Greek and Cyrillic, so code stays monospaced, embedded and extractable.
func loadFaces(fam *fonts.Family) (faces, error) {
	var fs faces
	if fam == nil {
		var err error
		if fam, err = fonts.Default(); err != nil {
			return fs, fmt.Errorf("pdf: loading the default fonts: %w", err)
		}
	}
	for s := fonts.Regular; s <= fonts.BoldItalic; s++ {
		if fam.Faces[s] == nil {
			return fs, fmt.Errorf("pdf: font family %q has no %s face", fam.Name, s)
		}
		fs[s] = fam.Faces[s]
	}
	mono, err := fonts.Parse("GoMono.ttf", gomono.TTF)
	if err != nil {
		return fs, fmt.Errorf("pdf: loading Go Mono: %w", err)
	}
	fs[FontMono] = mono
	return fs, nil
}

// warning is a problem found while laying out, reported once per render.
// glyph is the character a missing-glyph warning is about: those are
// given once per character, at its first place.
type warning struct {
	pos   book.Pos
	msg   string
	glyph rune
}

// typesetter holds what every part of the layout needs: the faces, the
// page geometry and the book, and collects warnings. One typesetter lays
// out one book; it is not shared between renders.
type typesetter struct {
	book  *book.Book
	faces faces
	geo   geometry
	// ids are the chapter, part and heading IDs that internal links may
	// point at.
	ids map[string]bool
	// ornament is the section-break ornament, bullets the list bullets
	// by nesting depth; both are chosen from glyphs the regular face has.
	ornament string
	bullets  []string

	// settings are the print settings the book asks for.
	settings Settings
	// hyph hyphenates the text being set: the chapter's language, or the
	// book's. hyphenators holds one per pattern set, loaded on first use
	// and shared with the typesetter's forks; noteLang is the language of
	// each note's chapter, for footnotes set while paginating.
	hyph        *hyphen.Hyphenator
	hyphenators *patternCache
	noteLang    map[*book.Note]string
	// shapes, units and glyphs remember shaped words, widths (in font
	// units, per face) and glyph coverage: words recur.
	shapes map[shapeKey]shape
	units  [numFonts]map[string]int
	glyphs map[glyphKey]bool
	// ascii records, per face, which ASCII characters it has: 1 yes,
	// 2 no, 0 not asked yet.
	ascii [numFonts][128]uint8
	// space is each face's space advance plus one, 0 until asked.
	space [numFonts]int

	// paras counts the paragraphs set, to tell their lines apart.
	paras int
	// pieces is how many pieces a long chapter's body is cut into, to be
	// set side by side (see bodyBlocks).
	pieces int
	// segs, kp and itemBuf are scratch memory for setLine, the line
	// breaker and paragraphs' horizontal lists.
	segs    []segment
	kp      kpScratch
	itemBuf []item

	warned   map[warning]bool
	warnings []warning
	missing  map[rune]bool
	// sink, when set, is given each page the paginator finishes whose
	// content is final (see paginator.finish).
	sink pageSink
}

// pageSink takes the pages the paginator finishes, and gives back the
// run slices of pages it is done with, to be filled again.
type pageSink interface {
	page(*Page)
	// spare returns an empty slice with room for n runs, or nil.
	spare(n int) []Text
}

// texts returns an empty slice with room for n runs: one the sink is
// done with, when it has one.
func (ts *typesetter) texts(n int) []Text {
	if ts.sink != nil {
		if s := ts.sink.spare(n); s != nil {
			return s
		}
	}
	return make([]Text, 0, n)
}

// newTypesetter prepares to lay out b on pages of size sz.
func newTypesetter(b *book.Book, fs faces, sz Size, set Settings) *typesetter {
	ts := &typesetter{
		book:        b,
		faces:       fs,
		geo:         newGeometry(sz).withMargins(b.Output.Margins),
		settings:    set,
		ids:         map[string]bool{},
		hyphenators: &patternCache{sets: map[string]patternSet{}},
		noteLang:    map[*book.Note]string{},
		pieces:      piecesFor(b),
	}
	ts.ownState()
	for _, p := range b.Parts {
		ts.ids[p.ID] = true
	}
	for _, ch := range b.AllChapters() {
		ts.ids[ch.ID] = true
		for _, n := range ch.Notes {
			ts.noteLang[n] = ts.langOf(ch)
		}
		book.WalkBlocks(ch.Blocks, func(bl book.Block) bool {
			if h, ok := bl.(*book.Heading); ok && h.ID != "" {
				ts.ids[h.ID] = true
			}
			return true
		})
	}
	reg := fs[FontRegular]
	ts.ornament = "*   *   *"
	if reg.Has('⁂') {
		ts.ornament = "⁂"
	}
	for _, b := range []rune{'•', '–', '‣'} {
		if reg.Has(b) {
			ts.bullets = append(ts.bullets, string(b))
		}
	}
	if len(ts.bullets) == 0 {
		ts.bullets = []string{"-"}
	}
	return ts
}

// warnf records a warning; the same warning is kept once, since a book is
// laid out more than once to settle the contents' page numbers.
func (ts *typesetter) warnf(pos book.Pos, format string, args ...any) {
	ts.warn(warning{pos: pos, msg: fmt.Sprintf(format, args...)})
}

// warn records w unless it was given already, or, for a missing glyph,
// unless its character was warned about already.
func (ts *typesetter) warn(w warning) {
	if ts.warned[w] {
		return
	}
	ts.warned[w] = true
	ts.warnings = append(ts.warnings, w)
}

// adopt takes, in order, the warnings a fork gave while setting a
// division, as if ts had given them: a missing glyph is still warned
// about once, at its first place.
func (ts *typesetter) adopt(ws []warning) {
	for _, w := range ws {
		if w.glyph != 0 {
			if ts.missing[w.glyph] {
				continue
			}
			ts.missing[w.glyph] = true
		}
		ts.warn(w)
	}
}

// fork returns a typesetter that sets divisions beside ts, on another
// goroutine: the same book, faces, geometry, settings and hyphenation
// patterns, with caches, scratch memory and warnings of its own.
func (ts *typesetter) fork() *typesetter {
	f := &typesetter{
		book: ts.book, faces: ts.faces, geo: ts.geo, ids: ts.ids,
		ornament: ts.ornament, bullets: ts.bullets, settings: ts.settings,
		hyphenators: ts.hyphenators, noteLang: ts.noteLang, pieces: ts.pieces,
	}
	f.ownState()
	return f
}

// ownState gives the typesetter empty caches and warnings of its own.
func (ts *typesetter) ownState() {
	ts.shapes = map[shapeKey]shape{}
	ts.glyphs = map[glyphKey]bool{}
	ts.warned = map[warning]bool{}
	ts.missing = map[rune]bool{}
	for i := range ts.units {
		ts.units[i] = map[string]int{}
	}
}

// checkGlyphs warns once per character that the face cannot draw, and
// reports whether s has any.
func (ts *typesetter) checkGlyphs(pos book.Pos, f Font, s string) (lacking bool) {
	face := ts.faces[f]
	for _, r := range s {
		// The face's own answer first: it is cached in an array for
		// ASCII, and nearly every character has its glyph.
		if r == ' ' || ts.hasGlyph(f, face.Has, r) {
			continue
		}
		lacking = true
		if ts.missing[r] {
			continue
		}
		ts.missing[r] = true
		ts.warn(warning{pos: pos, msg: fmt.Sprintf("the font has no glyph for %q (U+%04X); it will show as a blank box", r, r), glyph: r})
	}
	return lacking
}

// spaceWidth is the width of a space in font f at size points: every
// word is followed by one, so it is not looked up by its string.
func (ts *typesetter) spaceWidth(f Font, size float64) float64 {
	if ts.space[f] == 0 {
		ts.space[f] = ts.faces[f].Advance(' ') + 1 // 0 is "not yet"
	}
	return float64(ts.space[f]-1) * size / float64(ts.faces[f].UnitsPerEm)
}

// width measures s in font f at size points, with kerning.
func (ts *typesetter) width(f Font, s string, size float64) float64 {
	return float64(ts.unitsOf(f, s)) * size / float64(ts.faces[f].UnitsPerEm)
}

// langOf returns the language a division is written in.
func (ts *typesetter) langOf(ch *book.Chapter) string {
	if ch != nil && ch.Lang != "" {
		return ch.Lang
	}
	return ts.book.Meta.Lang
}

// setLang makes lang the language of the text set from now on, for
// hyphenation, and returns the language it replaces.
func (ts *typesetter) setLang(lang string) (restore func()) {
	prev := ts.hyph
	ts.hyph = ts.hyphenator(lang)
	return func() { ts.hyph = prev }
}
