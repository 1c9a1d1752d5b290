package pdf

import (
	"strings"
	"sync"
)

// faceSignal tells the document being started which faces the pages set,
// as the paginator makes them, so that fpdf reads each face while the
// rest of the book is laid out rather than after. The faces are embedded
// in their fixed order whenever the pages are made, so the file does not
// depend on timing.
type faceSignal struct {
	// set is closed when a page sets text in the face; only the
	// paginator's goroutine closes it.
	set   [numFonts]chan struct{}
	shown [numFonts]bool
	done  chan struct{}
	once  sync.Once
}

func newFaceSignal() *faceSignal {
	s := &faceSignal{done: make(chan struct{})}
	for i := range s.set {
		s.set[i] = make(chan struct{})
	}
	return s
}

// page notes the faces a page draws text in (as setTexts counts them:
// runs that are not only spaces).
func (s *faceSignal) page(pg *Page) {
	for _, t := range pg.Texts {
		if !s.shown[t.Font] && strings.TrimSpace(t.Drawn()) != "" {
			s.shown[t.Font] = true
			close(s.set[t.Font])
		}
	}
}

// close says that every page is made.
func (s *faceSignal) close() { s.once.Do(func() { close(s.done) }) }

// embed embeds, in order, each face the pages set, waiting until a face
// is known to be set or every page is made.
func (s *faceSignal) embed(d *drawer) error {
	for f := range Font(numFonts) {
		select {
		case <-s.set[f]:
		case <-s.done:
			select {
			case <-s.set[f]:
			default:
				continue
			}
		}
		if err := d.addFace(f); err != nil {
			return err
		}
	}
	return nil
}
