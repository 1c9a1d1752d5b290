package pdf

import (
	"unicode/utf8"

	"samizdat/book"
	"samizdat/hyphen"
)

// A word is shaped once per face and language and remembered: its
// syllables, their ligatures and widths. Words recur (a 1,000-page book
// has some 400,000 of them and a few thousand different ones), and
// shaping one anew meant finding its hyphenation points, cutting it into
// runes and strings, forming ligatures and measuring every syllable.

// syllable is a piece of a shaped word between hyphenation points (the
// whole word when it has none).
type syllable struct {
	text string // with the face's ligatures
	// units is its width in font units, its kerning with the syllable
	// before included, so that the syllables of an unbroken word add up
	// to the word.
	units int
	// ligJoin says that its first f may form a ligature with the f that
	// ends the syllable before (see item.ligJoin).
	ligJoin bool
}

// shape is a word as it is set.
type shape struct {
	syllables []syllable
	// missing says that the face lacks a glyph for one of its
	// characters, so that every use of it checks again: the warning is
	// given once per typesetter, and a typesetter may take over another's
	// shapes (adoptCaches).
	missing bool
}

// shapeKey is a word in one face and language.
type shapeKey struct {
	h    *hyphen.Hyphenator
	font Font
	word string
}

// shapeWord returns the shape of w in face f in the current language,
// warning (at pos) of characters the face cannot draw.
func (ts *typesetter) shapeWord(pos book.Pos, f Font, w string) shape {
	key := shapeKey{ts.hyph, f, w}
	sh, ok := ts.shapes[key]
	if ok && !sh.missing {
		return sh
	}
	if !ok {
		sh = ts.newShape(f, w)
	}
	for _, s := range sh.syllables {
		if ts.checkGlyphs(pos, f, s.text) {
			sh.missing = true
		}
	}
	ts.shapes[key] = sh
	return sh
}

// newShape shapes w in face f: cut at its hyphenation points (none in
// code), each syllable ligated and measured.
func (ts *typesetter) newShape(f Font, w string) shape {
	var at []int
	if f != FontMono {
		at = ts.hyphenPoints(w)
	}
	var sh shape
	if len(at) == 0 {
		s := ts.ligate(f, w)
		sh.syllables = []syllable{{text: s, units: ts.unitsOf(f, s)}}
	} else {
		rs := []rune(w)
		face := ts.faces[f]
		sh.syllables = make([]syllable, 0, len(at)+1)
		prev := rune(-1)
		from := 0
		for k := 0; k <= len(at); k++ {
			to := len(rs)
			if k < len(at) {
				to = at[k]
			}
			s := syllable{text: ts.ligate(f, string(rs[from:to]))}
			s.units = ts.unitsOf(f, s.text)
			first, _ := utf8.DecodeRuneInString(s.text)
			if prev >= 0 {
				s.units += face.Kern(prev, first)
			}
			s.ligJoin = k > 0 && rs[from-1] == 'f' && rs[from] == 'f' && ts.geminateLigatures()
			sh.syllables = append(sh.syllables, s)
			prev, _ = utf8.DecodeLastRuneInString(s.text)
			from = to
		}
	}
	return sh
}

// word adds a word (or the part of one between explicit breaks) as boxes,
// one per syllable, with a discretionary hyphen between syllables when
// the style allows hyphenation. Ligatures are formed within syllables.
func (in *inliner) word(w string, sp span) {
	sh := in.ts.shapeWord(in.pos, sp.font, w)
	face := in.ts.faces[sp.font]
	if len(sh.syllables) == 1 {
		s := sh.syllables[0]
		in.addBox(s.text, sp, float64(s.units)*sp.size/float64(face.UnitsPerEm))
		return
	}
	scale := sp.size / float64(face.UnitsPerEm)
	for k, s := range sh.syllables {
		if k > 0 && sp.hyphenate {
			hw := float64(face.Advance('-')) * scale
			in.items = append(in.items, item{kind: itemPenalty, penalty: hyphenPenalty, flagged: true, discretionary: true, width: hw})
		}
		in.addBox(s.text, sp, float64(s.units)*scale)
		if s.ligJoin {
			in.items[len(in.items)-1].ligJoin = true
		}
	}
}
