package load

import (
	"strconv"

	"samizdat/book"
	"samizdat/book/manifest"
)

// sections are the settings the top level of book.yaml and each edition
// share; an edition's override the book's key by key.
type sections struct {
	Notes  *manifest.NoteSettings
	PDF    *manifest.PDFSettings
	EPUB   *manifest.EPUBSettings
	Impose *manifest.ImposeSettings
}

// inFile returns a copy of s whose positions are file lines rather than
// lines of the YAML text, which in front matter starts on line 2.
func (s sections) inFile(firstLine int) sections {
	d := firstLine - 1
	if d == 0 {
		return s
	}
	shift := func(w *manifest.Word) {
		if w.Set() {
			w.Line += d
		}
	}
	if s.Notes != nil {
		n := *s.Notes
		shift(&n.Scope)
		shift(&n.Placement)
		s.Notes = &n
	}
	if s.PDF != nil {
		p := *s.PDF
		shift(&p.PageSize)
		if p.Margins != nil {
			m := *p.Margins
			shift(&m.Top.Word)
			shift(&m.Bottom.Word)
			shift(&m.Inner.Word)
			shift(&m.Outer.Word)
			p.Margins = &m
		}
		s.PDF = &p
	}
	if s.EPUB != nil {
		e := *s.EPUB
		shift(&e.PageList)
		s.EPUB = &e
	}
	if s.Impose != nil {
		im := *s.Impose
		for _, w := range []*manifest.Word{&im.Layout, &im.Up, &im.FourUp, &im.Signature, &im.Paper.Word, &im.Bleed.Word} {
			shift(w)
		}
		im.Line += d
		s.Impose = &im
	}
	return s
}

// applySettings sets out and notes from s, leaving what s does not
// mention as it was. firstLine is the file line the YAML starts on (2 in
// front matter). edition names the edition being read ("" for the top
// level): note numbering is fixed for the whole book when it is read, so
// only the top level may set the notes' scope.
func (l *loader) applySettings(file string, firstLine int, edition string, s sections, out *book.OutputSettings, notes *book.NoteSettings) {
	s = s.inFile(firstLine)
	pos := func(w manifest.Word) book.Pos { return book.Pos{File: file, Line: w.Line, Col: w.Col} }
	if n := s.Notes; n != nil {
		if n.Scope.Set() && edition != "" {
			l.errs = append(l.errs, book.Errorf(pos(n.Scope), "edition %q sets notes scope: note numbers run the same way in every edition; set scope: at the top of %s", edition, ManifestName))
		} else if n.Scope.Set() {
			switch l.word(file, n.Scope, "notes scope", "chapter", "book") {
			case "book":
				notes.Scope = book.ScopeBook
			case "chapter":
				notes.Scope = book.ScopeChapter
			}
		}
		if n.Placement.Set() {
			switch l.word(file, n.Placement, "notes placement", "footnotes", "chapter-end", "book-end") {
			case "footnotes":
				notes.Placement = book.PlaceFootnotes
			case "chapter-end":
				notes.Placement = book.PlaceChapterEnd
			case "book-end":
				notes.Placement = book.PlaceBookEnd
			}
		}
	}
	if p := s.PDF; p != nil {
		if p.PageSize.Set() {
			out.PageSize, out.PageSizePos = p.PageSize.Value, pos(p.PageSize)
		}
		if p.RectoChapters != nil {
			out.RectoChapters = *p.RectoChapters
		}
		if m := p.Margins; m != nil {
			for _, side := range []struct {
				l  manifest.Length
				to *float64
			}{{m.Top, &out.Margins.Top}, {m.Bottom, &out.Margins.Bottom}, {m.Inner, &out.Margins.Inner}, {m.Outer, &out.Margins.Outer}} {
				if side.l.Set() {
					*side.to = side.l.Points
				}
			}
		}
	}
	if e := s.EPUB; e != nil {
		if e.EmbedFonts != nil {
			out.EmbedFonts = *e.EmbedFonts
		}
		if e.PageList.Set() {
			out.PageList, out.PageListPos = e.PageList.Value, pos(e.PageList)
		}
	}
	if s.Impose != nil {
		l.impose(file, *s.Impose, &out.Impose)
	}
}

// Limits on imposition settings, to catch a slip of unit or a digit too
// many: the thickest paper a booklet is folded from, the widest bleed a
// print shop asks for, the most sheets folded into one signature.
const (
	maxPaper     = 1 * 72 / 25.4
	maxBleed     = 20 * 72 / 25.4
	maxSignature = 64
)

// impose applies an impose: setting over im, checking each value.
func (l *loader) impose(file string, s manifest.ImposeSettings, im *book.Imposition) {
	pos := func(w manifest.Word) book.Pos { return book.Pos{File: file, Line: w.Line, Col: w.Col} }
	im.Pos = book.Pos{File: file, Line: s.Line, Col: s.Col}
	switch {
	case s.Layout.Set():
		if l.word(file, s.Layout, "imposition", "booklet", "none") == "none" {
			*im = book.Imposition{Pos: im.Pos}
			return
		}
		im.Layout = "booklet"
	default: // a mapping without layout: is a booklet's settings
		im.Layout = "booklet"
	}
	if s.Up.Set() {
		switch l.word(file, s.Up, "pages per sheet side (up)", "2", "4") {
		case "2":
			im.Up = 2
		case "4":
			im.Up = 4
		}
	}
	if s.FourUp.Set() {
		im.FourUp = l.word(file, s.FourUp, "four-up arrangement", "double", "cut-stack")
		if im.Up != 4 {
			l.errs = append(l.errs, book.Errorf(pos(s.FourUp), "four-up: arranges four pages on a sheet side; it needs up: 4"))
		}
	}
	if s.Signature.Set() {
		n, err := strconv.Atoi(s.Signature.Value)
		if err != nil || n < 1 || n > maxSignature {
			l.errs = append(l.errs, book.Errorf(pos(s.Signature), "signature: %q is not a number of sheets from 1 to %d", s.Signature.Value, maxSignature))
		}
		im.Signature = n
	}
	if s.Paper.Set() {
		if s.Paper.Points > maxPaper || s.Paper.Points == 0 {
			l.errs = append(l.errs, book.Errorf(pos(s.Paper.Word), "paper: %s is not one sheet's thickness: give it as 0.1mm (office paper) up to 1mm", s.Paper.Value))
		}
		im.Paper = s.Paper.Points
	}
	if s.Bleed.Set() {
		if s.Bleed.Points > maxBleed {
			l.errs = append(l.errs, book.Errorf(pos(s.Bleed.Word), "bleed: %s is wider than 20mm; print shops ask for about 3mm", s.Bleed.Value))
		}
		im.Bleed = s.Bleed.Points
	}
	if s.CropMarks != nil {
		im.CropMarks = *s.CropMarks
	}
}

// completeImposition fills the defaults of a booklet that its settings
// left out: two pages up, and two booklets on a four-up sheet.
func completeImposition(im *book.Imposition) {
	if im.Layout == "" {
		return
	}
	if im.Up == 0 {
		im.Up = 2
	}
	if im.Up == 4 && im.FourUp == "" {
		im.FourUp = "double"
	}
	if im.Up != 4 {
		im.FourUp = ""
	}
}
