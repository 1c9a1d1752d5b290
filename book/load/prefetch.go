package load

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"samizdat/book"
	"samizdat/book/manifest"
	"samizdat/book/markdown"
)

// Parsing a manuscript with goldmark needs nothing from the rest of the
// book; reading it into the model does (ids unique across the book,
// images registered in order). So the loader prepares the manifest's
// manuscripts side by side before it reads them one after another.
// Preparing is only a head start: it reports nothing and records
// nothing, and the reading checks, reads and reports every file as it
// always did, taking the prepared parse only when it was made from the
// very bytes it read.

// prepared is a manuscript being prepared on another goroutine.
type prepared struct {
	done chan struct{}
	data []byte
	p    *markdown.Prepared
	err  error
}

// prefetcher holds the manuscripts prepared ahead of reading.
type prefetcher struct {
	mu    sync.Mutex
	files map[string]*prepared
}

// prefetch starts preparing the chapters the manifest lists, as many at
// once as there are processors. A file it cannot read or confine is left
// for the reading to report.
func (l *loader) prefetch(m *manifest.Manifest) {
	var rels []string
	for _, p := range m.Chapters {
		rels = append(rels, filepath.ToSlash(filepath.Clean(p.Value)))
	}
	for _, part := range m.Parts {
		for _, p := range part.Chapters {
			rels = append(rels, filepath.ToSlash(filepath.Clean(p.Value)))
		}
	}
	// A loader with a cache (the preview) parses only what changed, and
	// a head start on every manuscript would be work thrown away.
	if len(rels) < 2 || runtime.GOMAXPROCS(0) < 2 || l.cache != nil {
		return
	}
	pf := &prefetcher{files: map[string]*prepared{}}
	type job struct {
		name, full string
		pr         *prepared
	}
	var jobs []job
	for _, rel := range rels {
		if _, dup := pf.files[rel]; dup {
			continue
		}
		full, err := l.confine(rel, book.Pos{})
		if err != nil {
			continue
		}
		pr := &prepared{done: make(chan struct{})}
		pf.files[rel] = pr
		jobs = append(jobs, job{l.display(rel), full, pr})
	}
	// The workers take the manuscripts in the order they will be read.
	next := make(chan job, len(jobs))
	for _, j := range jobs {
		next <- j
	}
	close(next)
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		go func() {
			for j := range next {
				pr := j.pr
				if pr.data, pr.err = os.ReadFile(j.full); pr.err == nil {
					pr.p, pr.err = markdown.Prepare(j.name, pr.data)
				}
				close(pr.done)
			}
		}()
	}
	l.pre = pf
}

// take returns the prepared parse of rel if one was made from data, and
// forgets it: a Prepared is read once.
func (pf *prefetcher) take(rel string, data []byte) *markdown.Prepared {
	if pf == nil {
		return nil
	}
	pf.mu.Lock()
	pr := pf.files[rel]
	delete(pf.files, rel)
	pf.mu.Unlock()
	if pr == nil {
		return nil
	}
	<-pr.done
	if pr.err != nil || !bytes.Equal(pr.data, data) {
		return nil
	}
	return pr.p
}

// parseManuscript parses data, from the prepared parse when there is
// one.
func (l *loader) parseManuscript(rel string, data []byte, opt markdown.Options) (*markdown.Document, error) {
	if p := l.pre.take(rel, data); p != nil {
		return p.Read(opt)
	}
	return markdown.Parse(l.display(rel), data, opt)
}
