package load

import (
	"bytes"
	"reflect"
	"slices"
	"sync"

	"samizdat/book"
	"samizdat/book/markdown"
	"samizdat/internal/deepcopy"
	"samizdat/internal/digest"
)

// Cache keeps manuscripts as first read, so that loading a book again —
// `samizdat serve` after a save — parses only the manuscripts whose
// bytes changed. A manuscript is read again from its parse when its
// bytes, the ids taken before it (which decide its heading ids) and its
// images are as they were; the loader gets a deep copy, since the
// transforms after reading change the model in place. A Cache may be
// shared by loads one after another, not at once.
type Cache struct {
	mu     sync.Mutex
	byFile map[string]*parsed
	// Parsed and Reused count manuscripts parsed and taken from the
	// cache, for the preview's log and for tests.
	Parsed, Reused int
}

// parsed is one manuscript as the reader left it.
type parsed struct {
	data []byte
	// before fingerprints the ids taken before the manuscript was read;
	// taken are the ids its reading took.
	before digest.Sum
	taken  []string
	// assets are the images it asked for, in order, with what came back.
	assets []assetCall
	doc    *markdown.Document
}

// assetCall is one image a manuscript asked the loader for.
type assetCall struct {
	ref   string
	pos   book.Pos
	asset *book.Asset
}

// parse reads a manuscript through the cache (or straight, without one).
func (l *loader) parse(rel string, data []byte, opt markdown.Options) (*markdown.Document, error) {
	c := l.cache
	if c == nil {
		return l.parseManuscript(rel, data, opt)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	before := digest.Of(l.ids.Taken())
	if p := c.byFile[rel]; p != nil && p.before == before && bytes.Equal(p.data, data) {
		if doc, ok := l.replay(p, opt); ok {
			c.Reused++
			return doc, nil
		}
	}
	p := &parsed{data: bytes.Clone(data), before: before}
	n := len(l.ids.Taken())
	asset := opt.Asset
	opt.Asset = func(ref string, pos book.Pos) (*book.Asset, error) {
		a, err := asset(ref, pos)
		p.assets = append(p.assets, assetCall{ref, pos, a})
		return a, err
	}
	doc, err := l.parseManuscript(rel, data, opt)
	c.Parsed++
	if err != nil {
		delete(c.byFile, rel)
		return nil, err
	}
	p.taken = slices.Clone(l.ids.Taken()[n:])
	// The cache keeps the parse as it is now; the loader gets a copy.
	p.doc = copyDocument(doc, nil)
	if c.byFile == nil {
		c.byFile = map[string]*parsed{}
	}
	c.byFile[rel] = p
	return doc, nil
}

// replay reads a manuscript again from its parse: its images are asked
// for again (they may have changed, and the book lists them in order of
// first use), its ids taken again, and the loader gets a copy that points
// at the images as they are now. It reports false when an image now fails
// to load, so that the manuscript is parsed again and the error reported
// where the reader reports it.
func (l *loader) replay(p *parsed, opt markdown.Options) (*markdown.Document, bool) {
	now := map[*book.Asset]*book.Asset{}
	for _, call := range p.assets {
		a, err := opt.Asset(call.ref, call.pos)
		if err != nil || (a == nil) != (call.asset == nil) {
			return nil, false
		}
		if call.asset != nil {
			now[call.asset] = a
		}
	}
	for _, id := range p.taken {
		l.ids.Claim(id)
	}
	return copyDocument(p.doc, now), true
}

// copyDocument copies a parsed manuscript deeply, sharing its images
// (replaced as assets says) and its front matter, which the loader only
// reads.
func copyDocument(doc *markdown.Document, assets map[*book.Asset]*book.Asset) *markdown.Document {
	keep := func(v reflect.Value) (reflect.Value, bool) {
		a, ok := v.Interface().(*book.Asset)
		if !ok {
			return v, false
		}
		if b, ok := assets[a]; ok {
			return reflect.ValueOf(b), true
		}
		return v, true
	}
	c := *doc
	c.Chapter = deepcopy.Copy(doc.Chapter, keep)
	c.Warnings = slices.Clone(doc.Warnings)
	return &c
}
