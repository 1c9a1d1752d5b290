package pdf

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// kpBox, kpGlue and kpHyphen make items for breaker tests: glue of width
// 1 that stretches by 0.5 and shrinks by 1/3, as an inter-word space.
func kpBox(w float64) item { return item{kind: itemBox, width: w} }

var (
	kpGlue   = item{kind: itemGlue, width: 1, stretch: 0.5, shrink: 1.0 / 3}
	kpHyphen = item{kind: itemPenalty, width: 0.5, penalty: hyphenPenalty, flagged: true, discretionary: true}
	kpForced = item{kind: itemPenalty, forced: true}
)

// lineStats returns the natural width, stretch and shrink of a line.
func lineStats(items []item, r lineRange) (natural, stretch, shrink float64) {
	for _, it := range items[r.start:r.end] {
		switch it.kind {
		case itemBox:
			natural += it.width
		case itemGlue:
			natural += it.width
			stretch += it.stretch
			shrink += it.shrink
		}
	}
	if r.hyphen {
		natural += items[r.end].width
	}
	return natural, stretch, shrink
}

func TestKnuthPlassBreaks(t *testing.T) {
	tests := []struct {
		name        string
		items       []item
		first, rest float64
		want        []lineRange
	}{
		{"one line", []item{kpBox(3), kpGlue, kpBox(3)}, 10, 10, []lineRange{{0, 3, true, false}}},
		{"shrinks to fit", []item{kpBox(3), kpGlue, kpBox(3), kpGlue, kpBox(3)}, 10.5, 10.5, []lineRange{{0, 5, true, false}}},
		{"forced break", []item{kpBox(1), kpForced, kpBox(1)}, 10, 10, []lineRange{{0, 1, true, false}, {2, 3, true, false}}},
		{"no break before a dash", []item{kpBox(3), kpGlue, kpBox(3), {kind: itemGlue, width: 1, stretch: 0.5, shrink: 0.3, nobreak: true}, kpBox(3)}, 9, 9,
			[]lineRange{{0, 1, false, false}, {2, 5, true, false}}},
		// Breaking after the second word leaves a decent first line;
		// hyphenating the third word is not needed and costs more.
		{"hyphen only when it pays", []item{kpBox(4), kpGlue, kpBox(4), kpGlue, kpBox(2), kpHyphen, kpBox(2), kpGlue, kpBox(3)}, 9.5, 9.5,
			[]lineRange{{0, 3, false, false}, {4, 9, true, false}}},
		// Without the hyphen the first line would have to stretch by
		// half its width.
		{"hyphen when it must", []item{kpBox(6), kpGlue, kpBox(3), kpHyphen, kpBox(5)}, 10.5, 10.5,
			[]lineRange{{0, 3, false, true}, {4, 5, true, false}}},
		// The first line is shorter by an indent.
		{"indent", []item{kpBox(4), kpGlue, kpBox(4), kpGlue, kpBox(4)}, 8, 10, []lineRange{{0, 1, false, false}, {2, 5, true, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := breakLines(tt.items, tt.first, tt.rest, false)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("breakLines = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestKnuthPlassIsTotalFit checks the point of the method against brute
// force: on small paragraphs, of every way to break them, the breaker
// picks one with the least total demerits, in the first pass that has a
// feasible way at all.
func TestKnuthPlassIsTotalFit(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 400; n++ {
		var items []item
		for w := 0; w < 3+r.IntN(9); w++ {
			if w > 0 {
				items = append(items, kpGlue)
			}
			items = append(items, kpBox(1+3*r.Float64()))
			if r.IntN(3) == 0 {
				items = append(items, kpHyphen, kpBox(1+2*r.Float64()))
			}
		}
		measure := 6 + 8*r.Float64()
		got := breakLines(items, measure, measure, false)
		kp := &knuthPlass{items: items, first: measure, rest: measure}
		kp.prepare()
		for _, p := range passes[:2] {
			best, ok := bruteForce(kp, p)
			if !ok {
				continue
			}
			if d := totalDemerits(kp, p, got); d > best+1e-6 {
				t.Errorf("paragraph %d, measure %.2f: breaks %v cost %.1f demerits, brute force finds %.1f", n, measure, got, d, best)
			}
			break
		}
	}
}

// bruteForce returns the least total demerits of any feasible way to
// break the paragraph in pass p.
func bruteForce(kp *knuthPlass, p pass) (float64, bool) {
	var breaks []int
	for i := range kp.items {
		if ok, _ := kp.legal(i, p); ok {
			breaks = append(breaks, i)
		}
	}
	best, found := 0.0, false
	for mask := 0; mask < 1<<len(breaks); mask++ {
		var lines []lineRange
		start := kp.after[0]
		for k, b := range breaks {
			if mask&(1<<k) != 0 {
				lines = append(lines, lineRange{start: start, end: b, hyphen: kp.items[b].discretionary})
				start = kp.after[b+1]
			}
		}
		lines = append(lines, lineRange{start: start, end: len(kp.items), last: true})
		if d := totalDemerits(kp, p, lines); d >= 0 && (!found || d < best) {
			best, found = d, true
		}
	}
	return best, found
}

// totalDemerits adds up the demerits of a way to break the paragraph as
// the breaker counts them, or returns -1 when a line is infeasible.
func totalDemerits(kp *knuthPlass, p pass, lines []lineRange) float64 {
	total, prevFit, run := 0.0, decent, 0
	for i, l := range lines {
		natural, stretch, shrink := lineStats(kp.items, l)
		w := kp.width(i)
		r := 0.0
		switch {
		case natural > w+eps:
			if shrink == 0 || (w-natural)/shrink < -1 {
				return -1
			}
			r = (w - natural) / shrink
		case l.last:
		case natural < w-eps:
			if stretch == 0 {
				return -1
			}
			r = (w - natural) / stretch
		}
		bad := badness(r, false)
		if bad > p.threshold || l.hyphen && !p.hyphenate {
			return -1
		}
		pen := 0.0
		if !l.last && kp.items[l.end].kind == itemPenalty {
			pen = kp.items[l.end].penalty
		}
		d := demerits(bad, pen, l.last)
		if l.hyphen && run > 0 {
			d += doubleHyphenDemerits
		}
		if l.last && run > 0 {
			d += finalHyphenDemerits
		}
		fit := fitness(r)
		if abs(fit-prevFit) > 1 {
			d += adjDemerits
		}
		if l.hyphen {
			run++
			if run > maxHyphenRun {
				return -1
			}
		} else {
			run = 0
		}
		total += d
		prevFit = fit
	}
	return total
}

// TestKnuthPlassOnRandomParagraphs breaks many generated paragraphs at
// many measures and checks what must always hold: every item is set
// once, in order; no line is wider than its measure can shrink to; no
// more than two lines in a row end in a hyphen.
func TestKnuthPlassOnRandomParagraphs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		var items []item
		words := 5 + r.IntN(120)
		for w := 0; w < words; w++ {
			if w > 0 {
				items = append(items, kpGlue)
			}
			syllables := 1 + r.IntN(4)
			for s := 0; s < syllables; s++ {
				if s > 0 {
					items = append(items, kpHyphen)
				}
				items = append(items, kpBox(1+2*r.Float64()))
			}
		}
		measure := 12 + r.Float64()*40
		lines := breakLines(items, measure-2, measure, false)
		if len(lines) == 0 {
			t.Fatalf("paragraph %d: no lines", n)
		}
		next, run := 0, 0
		for i, l := range lines {
			for next < l.start {
				if items[next].kind == itemBox {
					t.Fatalf("paragraph %d line %d: box %d skipped", n, i, next)
				}
				next++
			}
			next = l.end
			w := measure
			if i == 0 {
				w -= 2
			}
			natural, _, shrink := lineStats(items, l)
			if natural-shrink > w+eps {
				t.Errorf("paragraph %d line %d: overfull by %.3f", n, i, natural-shrink-w)
			}
			if l.hyphen {
				run++
			} else {
				run = 0
			}
			if run > maxHyphenRun {
				t.Errorf("paragraph %d: %d hyphenated lines in a row", n, run)
			}
			if l.last != (i == len(lines)-1) {
				t.Errorf("paragraph %d line %d: last = %v", n, i, l.last)
			}
		}
		if next != len(items) {
			t.Errorf("paragraph %d: lines end at %d of %d items", n, next, len(items))
		}
	}
}

func TestBadnessAndFitness(t *testing.T) {
	tests := []struct {
		r       float64
		bad     float64
		fitness int
	}{
		{0, 0, decent},
		{0.5, 12.5, decent},
		{1, 100, loose},
		{-1, 100, tight},
		{2, 800, veryLoose},
		{10, infBad, veryLoose},
	}
	for _, tt := range tests {
		if got := badness(tt.r, false); got != tt.bad {
			t.Errorf("badness(%v) = %v, want %v", tt.r, got, tt.bad)
		}
		if got := fitness(tt.r); got != tt.fitness {
			t.Errorf("fitness(%v) = %v, want %v", tt.r, got, tt.fitness)
		}
	}
	if badness(10, true) <= badness(5, true) {
		t.Error("the emergency pass does not tell a very loose line from a loose one")
	}
	if demerits(0, hyphenPenalty, false) <= demerits(0, 0, false) {
		t.Error("a hyphen costs nothing")
	}
}

func TestLigatures(t *testing.T) {
	fs := mustFaces(t)
	ts := newTypesetter(stressBook(0, "a5"), fs, Size{419.53, 595.28}, Settings{})
	for in, want := range map[string]string{
		"first":   "ﬁrst",
		"office":  "oﬃce",
		"baffle":  "baﬄe",
		"effort":  "eﬀort",
		"flat":    "ﬂat",
		"fjord":   "fjord",
		"Fifteen": "Fifteen",
	} {
		if got := ts.ligate(FontRegular, in); got != want {
			t.Errorf("ligate(%q) = %q, want %q", in, got, want)
		}
		if got := unligate(ts.ligate(FontRegular, in)); got != in {
			t.Errorf("unligate(ligate(%q)) = %q", in, got)
		}
	}
	if got := ts.ligate(FontMono, "first"); got != "first" {
		t.Errorf("code was ligated: %q", got)
	}
}

// TestHyphenationInTheLayout sets narrow text and checks that words are
// hyphenated where the patterns allow, and never in headings, code or web
// addresses, nor when a book's own exception says no.
func TestHyphenationInTheLayout(t *testing.T) {
	b := stressBook(0, "a6")
	doc, _ := mustLayout(t, b)
	hyphenated := 0
	for _, pg := range doc.Pages {
		for _, x := range pg.Texts {
			if !strings.HasSuffix(x.Text, "-") {
				continue
			}
			switch x.Role {
			case RoleHeading, RoleTitle, RoleRunningHead:
				t.Errorf("page %d: heading or title hyphenated: %q", pg.Number, x.Text)
			}
			if x.Font == FontMono {
				t.Errorf("page %d: code hyphenated: %q", pg.Number, x.Text)
			}
			if strings.Contains(x.Text, "example.org") || strings.Contains(x.Text, "/") {
				t.Errorf("page %d: address hyphenated: %q", pg.Number, x.Text)
			}
			hyphenated++
		}
	}
	if hyphenated == 0 {
		t.Error("no line of the stress book at A6 ends in a hyphen")
	}
}

func TestBookExceptionsOverrideThePatterns(t *testing.T) {
	fs := mustFaces(t)
	b := stressBook(0, "a5")
	ts := newTypesetter(b, fs, Size{419.53, 595.28}, Settings{HyphenExceptions: []string{"type-setter", "compositor"}})
	defer ts.setLang("en")()
	if got := ts.hyphenPoints("typesetter"); !reflect.DeepEqual(got, []int{4}) {
		t.Errorf("typesetter: points %v, want [4] from the book's exception", got)
	}
	if got := ts.hyphenPoints("compositor,"); len(got) != 0 {
		t.Errorf("compositor: points %v, want none", got)
	}
	if got := ts.hyphenPoints("“printing”"); !reflect.DeepEqual(got, []int{6}) {
		t.Errorf("“printing”: points %v, want [6] (print-ing, after the quote)", got)
	}
	if got := ts.hyphenPoints("dependencies:"); len(got) == 0 {
		t.Error("dependencies: no points (trailing punctuation must not stop hyphenation)")
	}
	for _, w := range []string{"EPUB", "book.yaml", "https://example.org", "A5", "user@example", "mp3player"} {
		if got := ts.hyphenPoints(w); len(got) != 0 {
			t.Errorf("%s: points %v, want none", w, got)
		}
	}
}

func TestEachChapterIsHyphenatedInItsLanguage(t *testing.T) {
	b := stressBook(0, "a6")
	b.Parts[0].Chapters[1].Lang = "de"
	b.Parts[0].Chapters[2].Lang = "it"
	fs := mustFaces(t)
	ts := newTypesetter(b, fs, Size{297.64, 419.53}, Settings{})
	for i, want := range []string{"en-us", "de-1996", ""} {
		restore := ts.setLang(ts.langOf(b.Parts[0].Chapters[i]))
		got := ""
		if ts.hyph != nil {
			got = ts.hyph.Tag
		}
		if got != want {
			t.Errorf("chapter %d: patterns %q, want %q", i+1, got, want)
		}
		restore()
	}
	n := b.Parts[0].Chapters[1].Notes[0]
	if ts.noteLang[n] != "de" {
		t.Errorf("a note of the German chapter is set in %q", ts.noteLang[n])
	}
	_, warns := mustLayout(t, b)
	if !strings.Contains(strings.Join(warns, "\n"), `no hyphenation patterns for language "it"`) {
		t.Errorf("no warning about Italian: %q", warns)
	}
}
