package pdf

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

func TestParsePageSize(t *testing.T) {
	const mm = 72 / 25.4
	tests := []struct {
		in      string
		w, h    float64
		wantErr string
	}{
		{in: "", w: 148 * mm, h: 210 * mm},
		{in: "a5", w: 148 * mm, h: 210 * mm},
		{in: "A4", w: 210 * mm, h: 297 * mm},
		{in: "a6", w: 105 * mm, h: 148 * mm},
		{in: "letter", w: 612, h: 792},
		{in: "6x9in", w: 432, h: 648},
		{in: "5.5x8.5in", w: 396, h: 612},
		{in: "148x210mm", w: 148 * mm, h: 210 * mm},
		{in: " 170 x 240 mm ", w: 170 * mm, h: 240 * mm},
		{in: "tabloid", wantErr: `"tabloid"`},
		{in: "6x9cm", wantErr: `"6x9cm"`},
		{in: "6in", wantErr: `"6in"`},
		{in: "x9in", wantErr: `"x9in"`},
		{in: "axbmm", wantErr: `"axbmm"`},
		{in: "10x10mm", wantErr: "out of range"},
		{in: "40x60in", wantErr: "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePageSize(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParsePageSize(%q) error = %v, want one containing %s", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParsePageSize(%q): %v", tt.in, err)
			}
			if math.Abs(got.Width-tt.w) > 0.01 || math.Abs(got.Height-tt.h) > 0.01 {
				t.Errorf("ParsePageSize(%q) = %.2f×%.2f, want %.2f×%.2f", tt.in, got.Width, got.Height, tt.w, tt.h)
			}
		})
	}
}

// tol is the tolerance of position checks, in points.
const tol = 0.01

// furniture reports whether a text run belongs in the margins.
func furnitureRole(r Role) bool { return r == RoleRunningHead || r == RoleFolio }

func TestLayoutKeepsEverythingInTheTextArea(t *testing.T) {
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := mustLayout(t, c.book(t))
			for _, pg := range doc.Pages {
				a := pg.Area
				for _, x := range pg.Texts {
					if furnitureRole(x.Role) {
						if x.X < 0 || x.X+x.Width > pg.Width || x.Y-x.Size < 0 || x.Y > pg.Height {
							t.Errorf("page %d: %q outside the page", pg.Number, x.Text)
						}
						continue
					}
					if x.X < a.X-tol || x.X+x.Width > a.Right()+tol || x.Y-0.75*x.Size < a.Y-tol || x.Y+0.25*x.Size > a.Bottom()+tol {
						t.Errorf("page %d: %q at (%.2f, %.2f) width %.2f size %.2f leaves the text area %+v",
							pg.Number, x.Text, x.X, x.Y, x.Width, x.Size, a)
					}
				}
				for _, r := range pg.Rules {
					if min(r.X1, r.X2) < a.X-tol || max(r.X1, r.X2) > a.Right()+tol || min(r.Y1, r.Y2) < a.Y-tol || max(r.Y1, r.Y2) > a.Bottom()+tol {
						t.Errorf("page %d: rule %+v leaves the text area %+v", pg.Number, r, a)
					}
				}
				for _, im := range pg.Images {
					if im.X < a.X-tol || im.Right() > a.Right()+tol || im.Y < a.Y-tol || im.Bottom() > a.Bottom()+tol {
						t.Errorf("page %d: image %+v leaves the text area %+v", pg.Number, im.Rect, a)
					}
				}
			}
		})
	}
}

// anchorPages maps every anchor to the index of its page.
func anchorPages(doc *Document) map[string]int {
	m := map[string]int{}
	for i, pg := range doc.Pages {
		for _, a := range pg.Anchors {
			if _, ok := m[a.ID]; !ok {
				m[a.ID] = i
			}
		}
	}
	return m
}

func TestEveryNoteIsSetAndFootnotesShareTheirReferencePage(t *testing.T) {
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			b := c.book(t)
			doc, _ := mustLayout(t, b)
			at := anchorPages(doc)
			for _, ch := range b.AllChapters() {
				for _, n := range ch.Notes {
					ref, okRef := at[refAnchor(n, 1)]
					note, okNote := at[noteAnchor(n)]
					if !okRef || !okNote {
						t.Errorf("note %s: reference set %v, note set %v", n.ID, okRef, okNote)
						continue
					}
					if b.Notes.Placement == book.PlaceFootnotes && ref != note {
						t.Errorf("note %s: referred to on page %d but set on page %d", n.ID, doc.Pages[ref].Number, doc.Pages[note].Number)
					}
				}
			}
		})
	}
}

func TestFootnotesDoNotOverlapTheText(t *testing.T) {
	for _, c := range layoutCases() {
		b := c.book(t)
		if b.Notes.Placement != book.PlaceFootnotes {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			doc, _ := mustLayout(t, b)
			for _, pg := range doc.Pages {
				textBottom, notesTop := math.Inf(-1), math.Inf(1)
				for _, x := range pg.Texts {
					switch {
					case x.Role == RoleNote:
						notesTop = min(notesTop, x.Y-0.75*x.Size)
					case !furnitureRole(x.Role):
						textBottom = max(textBottom, x.Y+0.25*x.Size)
					}
				}
				for _, im := range pg.Images {
					textBottom = max(textBottom, im.Bottom())
				}
				if textBottom > notesTop+tol {
					t.Errorf("page %d: text reaches %.2f but notes start at %.2f", pg.Number, textBottom, notesTop)
				}
			}
		})
	}
}

func TestHeadingIsNeverTheLastLineOfAPage(t *testing.T) {
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			b := c.book(t)
			footnotes := b.Notes.Placement == book.PlaceFootnotes
			doc, _ := mustLayout(t, b)
			for _, pg := range doc.Pages {
				var last *Text
				for i, x := range pg.Texts {
					if x.Role == RoleNote && footnotes || x.Role == RoleMarker || furnitureRole(x.Role) {
						continue
					}
					if last == nil || x.Y > last.Y+tol {
						last = &pg.Texts[i]
					}
				}
				if last != nil && last.Role == RoleHeading {
					t.Errorf("page %d ends with the heading %q", pg.Number, last.Text)
				}
			}
		})
	}
}

func TestRunningHeadsAndFolios(t *testing.T) {
	b := stressBook(book.PlaceFootnotes, "a5")
	doc, _ := mustLayout(t, b)
	opening := map[int]bool{}
	at := anchorPages(doc)
	for _, ch := range b.AllChapters() {
		opening[at[ch.ID]] = true
	}
	titles := map[string]bool{}
	for _, ch := range b.BodyChapters() {
		titles[book.PlainText(ch.Title)] = true
	}
	firstBody := at[b.Parts[0].Chapters[0].ID]
	if got := doc.Pages[firstBody].Folio; got != "1" {
		t.Errorf("first chapter's folio = %q, want 1", got)
	}
	heads := 0
	for i, pg := range doc.Pages {
		var head, folio []string
		for _, x := range pg.Texts {
			switch x.Role {
			case RoleRunningHead:
				head = append(head, x.Text)
			case RoleFolio:
				folio = append(folio, x.Text)
			}
		}
		switch {
		case i < firstBody || opening[i]:
			if len(head) > 0 {
				t.Errorf("page %d (opening or front matter) has a running head %q", pg.Number, head)
			}
		case len(pg.Texts) > 0:
			heads++
			want := b.Meta.Title
			if pg.Number%2 == 1 && len(head) == 1 && !titles[head[0]] {
				t.Errorf("recto %d: running head %q is no chapter title", pg.Number, head[0])
			}
			if pg.Number%2 == 0 && (len(head) != 1 || head[0] != want) {
				t.Errorf("verso %d: running head %q, want %q", pg.Number, head, want)
			}
			if len(folio) != 1 || folio[0] != pg.Folio {
				t.Errorf("page %d: folio %q, want %q", pg.Number, folio, pg.Folio)
			}
		}
	}
	if heads == 0 {
		t.Error("no page has a running head")
	}
}

func TestContentsListsPageNumbers(t *testing.T) {
	b := booktest.Sample()
	doc, _ := mustLayout(t, b)
	at := anchorPages(doc)
	toc := doc.Pages[at["contents"]]
	nums := map[string]bool{}
	links := map[string]bool{}
	for _, x := range toc.Texts {
		if math.Abs(x.X+x.Width-toc.Area.Right()) < tol {
			nums[x.Text] = true
		}
	}
	for _, l := range toc.Links {
		links[l.Dest] = true
	}
	ids := []string{"preface", "part-1", "part-2", "colophon"}
	for _, ch := range b.BodyChapters() {
		ids = append(ids, ch.ID)
	}
	for _, id := range ids {
		want := doc.Pages[at[id]].Folio
		if !nums[want] {
			t.Errorf("contents lacks page number %q of %s (has %v)", want, id, nums)
		}
		if !links[id] {
			t.Errorf("contents has no link to %s", id)
		}
	}
}

func TestLongWordsAreBrokenNotLost(t *testing.T) {
	word := strings.Repeat("abcdefghij", 30)
	b := booktest.Sample()
	ch := b.Parts[0].Chapters[1]
	ch.Blocks = append(ch.Blocks, booktest.P(booktest.T("Before "+word+" after.")))
	doc, _ := mustLayout(t, b)
	var all strings.Builder
	for _, pg := range doc.Pages {
		for _, x := range pg.Texts {
			if x.Role == RoleBody {
				all.WriteString(x.Text)
			}
		}
	}
	// Hyphens at line ends are the line breaker's; the word has none.
	if !strings.Contains(strings.ReplaceAll(all.String(), "-", ""), "Before"+word+"after.") {
		t.Errorf("the long word did not come through whole")
	}
}

func TestLayoutIsDeterministic(t *testing.T) {
	a, _ := mustLayout(t, stressBook(book.PlaceFootnotes, "a5"))
	b, _ := mustLayout(t, stressBook(book.PlaceFootnotes, "a5"))
	if !reflect.DeepEqual(a, b) {
		t.Error("two layouts of one book differ")
	}
}

func TestChapterEndAndBookEndNotes(t *testing.T) {
	for _, p := range []book.NotePlacement{book.PlaceChapterEnd, book.PlaceBookEnd} {
		b := booktest.Sample()
		b.Notes.Placement = p
		if p == book.PlaceBookEnd {
			b.Back = append([]*book.Chapter{{Kind: book.KindNotes, ID: "notes"}}, b.Back...)
		}
		doc, _ := mustLayout(t, b)
		at := anchorPages(doc)
		for _, ch := range b.BodyChapters() {
			for _, n := range ch.Notes {
				notePage, refPage := at[noteAnchor(n)], at[refAnchor(n, 1)]
				if notePage < refPage {
					t.Errorf("placement %d: note %s set before its reference", p, n.ID)
				}
				if p == book.PlaceBookEnd && notePage < at["notes"] {
					t.Errorf("book-end note %s is not in the notes division", n.ID)
				}
			}
		}
	}
}

func TestBrokenInternalLinkWarns(t *testing.T) {
	b := booktest.Sample()
	ch := b.Parts[0].Chapters[1]
	ch.Blocks = append(ch.Blocks, booktest.P(&book.Link{URL: "#nowhere", Inlines: []book.Inline{booktest.T("lost")}}))
	_, warns := mustLayout(t, b)
	if !strings.Contains(strings.Join(warns, "\n"), "#nowhere") {
		t.Errorf("no warning about the link to #nowhere; got %q", warns)
	}
}

func TestTJArrayPlacesGlyphsWhereTheLayoutMeasured(t *testing.T) {
	fs := mustFaces(t)
	face := fs[FontRegular]
	upem := float64(face.UnitsPerEm)
	for _, s := range []string{"AVATAR", "Tolerable, “quoted” Ta", "plain (with) back\\slash", "Ελευθερία", "Wavy Type, To Yield"} {
		run := tjArray(face, s)
		codes, places, end := readTJ(t, "["+string(run.ops)+"]", s)
		rs := []rune(s)
		if len(codes) != len(rs) {
			t.Fatalf("%q: TJ sets %d characters, want %d", s, len(codes), len(rs))
		}
		// The layout's place of each character, kerns included.
		units := 0
		for i, r := range rs {
			if i > 0 {
				units += face.Kern(rs[i-1], r)
			}
			if codes[i] != r {
				t.Errorf("%q: character %d is %c, want %c", s, i, codes[i], r)
			}
			want := float64(units) * 1000 / upem
			if d := math.Abs(places[i] - want); d > maxDrift+0.05 {
				t.Errorf("%q: character %d (%c) at %.2f thousandths of an em, measured %.2f", s, i, r, places[i], want)
			}
			units += face.Advance(r)
		}
		if math.Abs(end-run.advance) > 1e-6 {
			t.Errorf("%q: the array moves the pen %.3f thousandths of an em, tjArray says %.3f", s, end, run.advance)
		}
		// The last glyph's rounding is left: it moves no glyph.
		if want := float64(units) * 1000 / upem; math.Abs(end-want) > maxDrift+0.55 {
			t.Errorf("%q: the array ends at %.2f thousandths of an em, measured %.2f", s, end, want)
		}
	}
	if _, places, _ := readTJ(t, "["+string(tjArray(face, "AV").ops)+"]", "AV"); places[1] >= float64(face.Advance('A'))*1000/upem-1 {
		t.Error("AVATAR's A–V kern is not in the TJ array")
	}
}

// readTJ reads a TJ operand as a PDF reader does with the widths the
// font declares (advances rounded to thousandths of an em): each glyph,
// as the character of text it sets, and where it starts, and where the
// array leaves the pen, in thousandths of an em.
func readTJ(t *testing.T, tj, text string) (chars []rune, places []float64, end float64) {
	t.Helper()
	fs := mustFaces(t)
	face := fs[FontRegular]
	byGlyph := map[uint16]rune{}
	for _, r := range text {
		byGlyph[face.GlyphIndex(r)] = r
	}
	s := tj
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		t.Fatalf("TJ operand %q is not an array", s)
	}
	s = s[1 : len(s)-1]
	pos := 0.0
	for len(s) > 0 {
		if s[0] != '(' {
			end := strings.IndexByte(s, '(')
			if end < 0 {
				t.Fatalf("number at the end of the array: %q", s)
			}
			n, err := strconv.ParseFloat(s[:end], 64)
			if err != nil {
				t.Fatalf("adjustment %q: %v", s[:end], err)
			}
			pos -= n
			s = s[end:]
			continue
		}
		var raw []byte
		i := 1
		for ; s[i] != ')'; i++ {
			if s[i] == '\\' {
				i++
				if s[i] == 'r' {
					raw = append(raw, '\r')
					continue
				}
			}
			raw = append(raw, s[i])
		}
		s = s[i+1:]
		if len(raw)%2 != 0 {
			t.Fatalf("string of %d bytes in %q", len(raw), tj)
		}
		for j := 0; j < len(raw); j += 2 {
			r, ok := byGlyph[uint16(raw[j])<<8|uint16(raw[j+1])]
			if !ok {
				t.Fatalf("glyph %d in %q sets no character of %q", uint16(raw[j])<<8|uint16(raw[j+1]), tj, text)
			}
			chars = append(chars, r)
			places = append(places, pos)
			pos += math.Round(float64(face.Advance(r)) * 1000 / float64(face.UnitsPerEm))
		}
	}
	return chars, places, pos
}

func TestLineWriterJoinsALinesRunsAndKeepsTheirPlaces(t *testing.T) {
	fs := mustFaces(t)
	face := fs[FontRegular]
	type run struct {
		font         Font
		size, x      float64
		y            float64
		text, actual string
	}
	runs := []run{
		{FontRegular, 10, 50, 700, "Justified", ""},
		{FontRegular, 10, 97.31, 700, "words,", ""},
		{FontRegular, 10, 131.07, 700, "ﬁnd", "find"}, // a ligature: a span inside the object
		{FontRegular, 10, 160.2, 700, "AVATAR", ""},
		{FontItalic, 10, 210.5, 700, "italic", ""}, // another face: a new object
		{FontRegular, 10, 50, 686.3, "Next", ""},   // another line
		{FontRegular, 10, 40, 686.3, "behind", ""}, // behind the pen
	}
	var lw lineWriter
	for _, r := range runs {
		lw.add(r.font, r.size, r.x, r.y, tjArray(face, r.text), r.actual)
	}
	lw.close()
	got := strings.TrimSuffix(string(lw.out), "\n")
	objects := strings.Split(got, "\n")
	if len(objects) != 4 {
		t.Fatalf("%d text objects, want 4 (a line, its italic word, the next line, a run behind it):\n%s", len(objects), got)
	}
	fi, n, d := face.GlyphIndex('ﬁ'), face.GlyphIndex('n'), face.GlyphIndex('d')
	glyphs := string([]byte{byte(fi >> 8), byte(fi), byte(n >> 8), byte(n), byte(d >> 8), byte(d)})
	if span := "/Span<</ActualText" + utf16Hex("find") + ">>BDC ["; !strings.Contains(objects[0], span) || !strings.Contains(objects[0], "("+glyphs+")] TJ EMC [") {
		t.Errorf("the ligature's span %q is not in the line's text object:\n%q", span, objects[0])
	}
	i := 0
	for _, obj := range objects {
		var x, y float64
		if _, err := fmt.Sscanf(obj, "BT %f %f Td", &x, &y); err != nil {
			t.Fatalf("text object %q: %v", obj, err)
		}
		if !strings.HasSuffix(obj, "] TJ ET") {
			t.Fatalf("text object %q does not end with TJ ET", obj)
		}
		// The object's TJ arrays, read one after another: each moves
		// the pen on from where the one before left it.
		var places []float64
		pen := 0.0
		for rest := obj; strings.Contains(rest, "["); {
			open := strings.Index(rest, "[")
			end := strings.Index(rest, "] TJ") + 1
			var all strings.Builder
			for _, r := range runs {
				all.WriteString(r.text)
			}
			_, ps, moved := readTJ(t, rest[open:end], all.String())
			for _, p := range ps {
				places = append(places, pen+p)
			}
			pen += moved
			rest = rest[end:]
		}
		// Each run starts at the first place after the previous run's
		// characters.
		at := 0
		for at < len(places) {
			r := runs[i]
			if y != r.y {
				t.Errorf("run %q on baseline %.2f, want %.2f", r.text, y, r.y)
			}
			if gotX := x + places[at]*r.size/1000; math.Abs(gotX-r.x) > 0.01 {
				t.Errorf("run %q starts at %.3f, want %.3f", r.text, gotX, r.x)
			}
			at += len([]rune(r.text))
			i++
		}
	}
	if i != len(runs) {
		t.Errorf("%d runs written, want %d", i, len(runs))
	}
}

func TestLinksPointAtAnchors(t *testing.T) {
	doc, _ := mustLayout(t, booktest.Sample())
	at := anchorPages(doc)
	external := 0
	internal := map[string]bool{}
	for _, pg := range doc.Pages {
		for _, l := range pg.Links {
			switch {
			case l.URL != "":
				external++
			case l.Dest != "":
				if _, ok := at[l.Dest]; !ok {
					t.Errorf("page %d: link to %q, which is no anchor", pg.Number, l.Dest)
				}
				internal[l.Dest] = true
			}
			if l.W <= 0 || l.H <= 0 {
				t.Errorf("page %d: empty link area %+v", pg.Number, l.Rect)
			}
		}
	}
	if external != 1 {
		t.Errorf("%d external links, want 1", external)
	}
	for _, id := range []string{"further-reading", "fn:ch1-n1", "fnref:ch1-n1:1", "the-press"} {
		if !internal[id] {
			t.Errorf("no link to %s", id)
		}
	}
}
