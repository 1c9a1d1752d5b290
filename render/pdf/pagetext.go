package pdf

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// The pages' text is written ahead of drawing, several pages at once:
// turning runs into text objects (tjArray, lineWriter) is most of the
// work of drawing a page, and it needs nothing from fpdf. fpdf is given
// a placeholder for each segment, and the segment, with the operator
// that selects its face and size, goes in when the streams are
// compressed.

// placeholderMark starts the comment line that stands in the page's
// content for a segment of its text until compressStreams puts the text
// in (see fillText).
const placeholderMark = "%samizdat-text "

// placeholder returns the line that stands for segment k of page i.
func placeholder(i, k int) string {
	return placeholderMark + strconv.Itoa(i) + " " + strconv.Itoa(k)
}

// fillText writes a content stream to w with each placeholder replaced by
// its segment of text, counting the segments put in.
func fillText(w io.Writer, stream []byte, texts [][]textSegment, filled *int) error {
	for {
		at := bytes.Index(stream, []byte(placeholderMark))
		if at < 0 {
			_, err := w.Write(stream)
			return err
		}
		if _, err := w.Write(stream[:at]); err != nil {
			return err
		}
		rest := stream[at+len(placeholderMark):]
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
		}
		var i, k int
		if _, err := fmt.Sscanf(string(rest[:end]), "%d %d", &i, &k); err != nil || i < 0 || i >= len(texts) || k < 0 || k >= len(texts[i]) {
			return fmt.Errorf("pdf: a text placeholder %q names no segment", rest[:end])
		}
		if err := texts[i][k].write(w); err != nil {
			return err
		}
		*filled++
		stream = rest[end:]
	}
}

// textSegment is a stretch of a page's text in one face and size.
type textSegment struct {
	font Font
	size float64
	ops  string
}

// write writes the segment's text objects, after the operator that
// selects its face and size: a text state operator, which may stand
// outside a text object and holds until changed.
func (s textSegment) write(w io.Writer) error {
	var buf [32]byte
	b := append(buf[:0], fontResource(s.font)...)
	b = append(b, ' ')
	b = appendFixed(b, s.size)
	b = append(b, " Tf\n"...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	_, err := io.WriteString(w, s.ops)
	return err
}

// pageFontSize is the size a page starts in, in the regular face:
// drawer.page selects it for the bookmarks.
const pageFontSize = 10

// setTexts writes every page's text, on as many goroutines as there are
// processors, and returns it by page with the characters each face sets.
// It consumes the pages' runs: each page's Texts are let go once written,
// for a long book the better part of its layout's memory. Pages whose
// text early (when not nil) wrote as they were made are taken from it.
func setTexts(pages []*Page, fs faces, early *earlyTexts) ([][]textSegment, runeSets) {
	out := make([][]textSegment, len(pages))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(pages)))
	sets := make([]runeSets, workers, workers+1)
	next := make(chan int, len(pages))
	for i, pg := range pages {
		if segs, ok := early.written(pg); ok {
			out[i] = segs
			continue
		}
		next <- i
	}
	close(next)
	if early != nil {
		sets = append(sets, early.tw.runes)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tw := newTextWriter(fs)
			for i := range next {
				out[i] = tw.page(pages[i])
				pages[i].Texts = nil
			}
			sets[w] = tw.runes
		}()
	}
	wg.Wait()
	runes := sets[0]
	for _, s := range sets[1:] {
		for f := range s {
			for r := range s[f] {
				runes[f][r] = true
			}
		}
	}
	return out, runes
}

// earlyTexts writes the text of pages as the paginator finishes them,
// on a goroutine of its own, and lets each page's runs go once written.
type earlyTexts struct {
	pages chan *Page
	done  chan struct{}
	tw    *textWriter
	segs  map[*Page][]textSegment
}

// startEarlyTexts starts the writer.
func startEarlyTexts(fs faces) *earlyTexts {
	e := &earlyTexts{pages: make(chan *Page, 64), done: make(chan struct{}), tw: newTextWriter(fs), segs: map[*Page][]textSegment{}}
	go func() {
		defer close(e.done)
		for pg := range e.pages {
			e.segs[pg] = e.tw.page(pg)
			pg.Texts = nil
		}
	}()
	return e
}

// page hands the writer a finished page.
func (e *earlyTexts) page(pg *Page) { e.pages <- pg }

// close waits for the pages handed over to be written.
func (e *earlyTexts) close() {
	close(e.pages)
	<-e.done
}

// written returns the text written for pg, if it was; e may be nil.
// Only after close.
func (e *earlyTexts) written(pg *Page) ([]textSegment, bool) {
	if e == nil {
		return nil, false
	}
	segs, ok := e.segs[pg]
	return segs, ok
}

// textWriter writes pages' text on one goroutine.
type textWriter struct {
	faces faces
	// tj remembers each run's part of a TJ operand, by face: the same
	// words recur on every page. (A map keyed by the string alone is
	// looked up faster than one keyed by a face and a string.)
	tj    [numFonts]map[string]tjRun
	runes runeSets
	lines lineWriter
}

func newTextWriter(fs faces) *textWriter {
	tw := &textWriter{faces: fs}
	for i := range tw.runes {
		tw.runes[i] = map[rune]bool{}
		tw.tj[i] = map[string]tjRun{}
	}
	return tw
}

// page writes a page's runs of text, a line's runs in one face and size
// as one text object (see lineWriter), cut into segments where the face
// or size changes.
func (tw *textWriter) page(pg *Page) []textSegment {
	var segs []textSegment
	font, size := FontRegular, float64(pageFontSize)
	lw := &tw.lines
	cut := func(s string) { segs = append(segs, textSegment{font, size, s}) }
	for _, t := range pg.Texts {
		drawn := t.Drawn()
		if strings.TrimSpace(drawn) == "" {
			continue
		}
		if font != t.Font || size != t.Size {
			lw.flush(cut)
			font, size = t.Font, t.Size
		}
		tj, ok := tw.tj[t.Font][drawn]
		if !ok {
			tj = tjArray(tw.faces[t.Font], drawn)
			tw.tj[t.Font][drawn] = tj
			set := tw.runes[t.Font]
			for _, r := range drawn {
				set[r] = true
			}
		}
		// A ligature glyph reads back as its letters: the marked
		// content's ActualText is what text extraction, search and
		// screen readers see.
		actual := ""
		if hasLigature(drawn) {
			actual = unligate(drawn)
		}
		lw.add(t.Font, t.Size, t.X, pg.Height-t.Y, tj, actual)
	}
	lw.flush(cut)
	return segs
}
