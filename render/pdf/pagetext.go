package pdf

import (
	"bytes"
	"runtime"
	"strings"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// The pages' text is written ahead of drawing, several pages at once:
// turning runs into text objects (tjArray, lineWriter) is most of the
// work of drawing a page, and it needs nothing from fpdf. Each page's
// text is compressed as soon as it is written, into a content stream of
// its own that compressStreams adds to the page's /Contents after fpdf's
// (rules and images): a page's content may be an array of streams,
// read as one. So the text is never held uncompressed for the whole
// book, nor copied through fpdf, and for most pages it is written and
// compressed while the rest of the book is still being laid out.

// appendSelect appends the operator that selects face f at size: a
// text state operator, which may stand outside a text object and holds
// until changed.
func appendSelect(b []byte, f Font, size float64) []byte {
	b = append(b, fontResource(f)...)
	b = append(b, ' ')
	b = appendFixed(b, size)
	return append(b, " Tf\n"...)
}

// pageFontSize is the size textWriter.page starts from, with the
// regular face, before a page's first run sets its own.
const pageFontSize = 10

// setTexts writes every page's text, on as many goroutines as there are
// processors, and returns it by page with the characters each face sets.
// It consumes the pages' runs: each page's Texts are let go once written,
// for a long book the better part of its layout's memory. Pages whose
// text early (when not nil) wrote as they were made are taken from it;
// when no more than fewLeft are left (the contents pages, as a rule),
// early's writer, its compressor warm, writes them on this goroutine:
// a new writer's compressor tables cost more in page faults than those
// pages take to write.
func setTexts(pages []*Page, fs faces, early *earlyTexts) ([][]byte, runeSets) {
	out := make([][]byte, len(pages))
	var left []int
	for i, pg := range pages {
		if segs, ok := early.written(pg); ok {
			out[i] = segs
			continue
		}
		left = append(left, i)
	}
	if early != nil && len(left) <= fewLeft {
		for _, i := range left {
			out[i] = early.tw.stream(pages[i])
			pages[i].Texts = nil
		}
		return out, early.tw.runes
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(left)))
	sets := make([]runeSets, workers, workers+1)
	next := make(chan int, len(left))
	for _, i := range left {
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
				out[i] = tw.stream(pages[i])
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

// fewLeft is how many pages setTexts writes with the early writer alone.
const fewLeft = 16

// compressor returns early's compressor, warm from the pages it wrote,
// for compressStreams; nil when there is none.
func (e *earlyTexts) compressor() *zlib.Writer {
	if e == nil {
		return nil
	}
	return e.tw.zw
}

// earlyTexts writes the text of pages as the paginator finishes them,
// on a goroutine of its own, and hands each page's runs back once
// written, for the paginator to fill another page with: a 1,000-page
// book's pages hold some 30 MB of runs, which were otherwise allocated
// afresh page after page (and every fresh page of memory costs the
// kernel a fault) while the garbage collector had yet to reclaim them.
type earlyTexts struct {
	pages chan *Page
	// free holds runs of written pages, emptied, to be filled again.
	free chan []Text
	done chan struct{}
	tw   *textWriter
	segs map[*Page][]byte
}

// startEarlyTexts starts the writer.
func startEarlyTexts(fs faces) *earlyTexts {
	e := &earlyTexts{pages: make(chan *Page, 8), free: make(chan []Text, 16), done: make(chan struct{}), tw: newTextWriter(fs), segs: map[*Page][]byte{}}
	go func() {
		defer close(e.done)
		for pg := range e.pages {
			e.segs[pg] = e.tw.stream(pg)
			select {
			case e.free <- pg.Texts[:0]:
			default: // enough spare already
			}
			pg.Texts = nil
		}
	}()
	return e
}

// page hands the writer a finished page.
func (e *earlyTexts) page(pg *Page) { e.pages <- pg }

// spare returns an empty run slice with room for n runs, from a page
// already written, or nil when none is at hand.
func (e *earlyTexts) spare(n int) []Text {
	select {
	case s := <-e.free:
		if cap(s) >= n {
			return s
		}
	default:
	}
	return nil
}

// close waits for the pages handed over to be written.
func (e *earlyTexts) close() {
	close(e.pages)
	<-e.done
}

// written returns the text stream written for pg, if it was; e may be
// nil. Only after close.
func (e *earlyTexts) written(pg *Page) ([]byte, bool) {
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
	// z and zw compress each page's text, with one writer reused.
	z  bytes.Buffer
	zw *zlib.Writer
}

// stream returns pg's text as a compressed content stream (zlib, at the
// fastest level, as compressStreams packs fpdf's), nil for a page
// without text.
func (tw *textWriter) stream(pg *Page) []byte {
	text := tw.page(pg)
	if len(text) == 0 {
		return nil
	}
	tw.z.Reset()
	if tw.zw == nil {
		tw.zw, _ = zlib.NewWriterLevel(&tw.z, zlib.BestSpeed) // the level is valid
	} else {
		tw.zw.Reset(&tw.z)
	}
	// Writes into a buffer do not fail.
	tw.zw.Write(text)
	tw.zw.Close()
	return bytes.Clone(tw.z.Bytes())
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
// as one text object (see lineWriter), each stretch in one face and size
// after the operator that selects it. The bytes are the writer's own,
// good until the next page.
func (tw *textWriter) page(pg *Page) []byte {
	font, size := FontRegular, float64(pageFontSize)
	selected := false
	lw := &tw.lines
	lw.out = lw.out[:0]
	for _, t := range pg.Texts {
		drawn := t.Drawn()
		if strings.TrimSpace(drawn) == "" {
			continue
		}
		if font != t.Font || size != t.Size {
			lw.close()
			font, size = t.Font, t.Size
			selected = false
		}
		if !selected {
			lw.out = appendSelect(lw.out, font, size)
			selected = true
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
	lw.close()
	return lw.out
}
