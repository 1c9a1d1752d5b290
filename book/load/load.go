// Package load assembles a Book from what the user points samizdat at: a
// single manuscript (a one-chapter pamphlet), a folder with a book.yaml
// manifest, or a folder of manuscripts read in name order. It reads every
// file through the Markdown reader, loads and checks images, applies the
// transforms every renderer relies on (typography, note numbering, link
// resolution) and reports all problems found, each at FILE:LINE:COL.
package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"samizdat/book"
	"samizdat/book/markdown"
	"samizdat/book/typography"
)

// ManifestName is the file that makes a folder a book.
const ManifestName = "book.yaml"

// Result is a loaded book and the warnings found on the way.
type Result struct {
	Book     *book.Book
	Warnings []*book.Error
	// Root is the book folder; file names in messages are relative to it.
	Root string
}

// Load reads the book at path. File names in messages are given relative
// to the current directory as the user wrote path, so an editor can jump
// to them. When the book has errors, Load returns them together with a
// Result holding the warnings found on the way (its Book is incomplete and
// must not be rendered), so that a check can report both.
func Load(path string) (*Result, error) { return LoadWith(path, Options{}) }

// Options change how a book is read.
type Options struct {
	// AllowOutside lets a book read files outside its folder (../ paths,
	// absolute paths, links leading out), which is refused by default so
	// that a manuscript from elsewhere cannot pull private files into a
	// published book.
	AllowOutside bool
	// Cache, when set, keeps manuscripts between loads of one book, so
	// that only those whose bytes changed are parsed again.
	Cache *Cache
}

// LoadWith is Load with options.
func LoadWith(path string, opt Options) (*Result, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fileError(path, "no such file or folder")
		}
		return nil, fileError(path, "%v", err)
	}
	l := &loader{ids: book.NewIDs(), assets: map[string]*book.Asset{}, allowOutside: opt.AllowOutside, cache: opt.Cache}
	for _, k := range reservedIDs {
		l.ids.Claim(k)
	}
	switch {
	case info.IsDir():
		l.root = path
		if _, err := os.Stat(filepath.Join(path, ManifestName)); err == nil {
			err = l.fromManifest()
			if err != nil {
				return nil, err
			}
		} else if err := l.fromFolder(); err != nil {
			return nil, err
		}
	case strings.EqualFold(filepath.Ext(path), ".md") || strings.EqualFold(filepath.Ext(path), ".markdown"):
		l.root = filepath.Dir(path)
		if err := l.fromFile(filepath.Base(path)); err != nil {
			return nil, err
		}
	default:
		return nil, fileError(path, "not a Markdown manuscript (.md) or a book folder")
	}
	res := &Result{Book: l.b, Root: l.root}
	if err := l.errs.Err(); err != nil {
		res.Warnings = l.warnings
		return res, err
	}
	l.finish()
	res.Warnings = l.warnings
	if err := l.errs.Err(); err != nil {
		return res, err
	}
	return res, nil
}

// reservedIDs are the ids of generated divisions, claimed first so that
// no chapter or heading takes them.
var reservedIDs = []string{"cover", "half-title", "title-page", "copyright", "contents", "toc", "nav", "notes", "bibliography"}

// loader holds the state of one Load.
type loader struct {
	root         string
	allowOutside bool
	b            *book.Book
	ids          *book.IDs
	assets       map[string]*book.Asset
	errs         book.ErrorList
	warnings     []*book.Error
	// chapterFiles maps a manuscript's path (relative to root) to its
	// chapter, for resolving links between manuscripts.
	chapterFiles map[string]*book.Chapter
	// linkBase maps each chapter to its file, for resolving relative links.
	linkBase map[*book.Chapter]string
	// sources is where the book's sources and citation settings are.
	sources sourceSpec
	// cache keeps manuscripts between loads; nil reads every one.
	cache *Cache
	// pre holds manuscripts prepared ahead of reading (prefetch.go).
	pre *prefetcher
	// The root with its links resolved, once confine has needed it.
	resolvedRoot    string
	resolvedRootErr error
	rootResolved    bool
}

// display is the name of a file in messages: as the user would type it
// from the current directory.
func (l *loader) display(rel string) string {
	return filepath.Join(l.root, filepath.FromSlash(rel))
}

// readChapter reads and parses one manuscript given relative to the root.
func (l *loader) readChapter(rel string, at book.Pos) (*markdown.Document, error) {
	data, err := l.readFile(rel, at)
	if err != nil {
		return nil, err
	}
	stem := strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel))
	doc, err := l.parse(rel, data, markdown.Options{
		Asset:      func(ref string, pos book.Pos) (*book.Asset, error) { return l.asset(rel, ref, pos) },
		IDs:        l.ids,
		FallbackID: book.Slug(stem, true, "chapter"),
	})
	if err != nil {
		return nil, err
	}
	l.warnings = append(l.warnings, doc.Warnings...)
	if l.chapterFiles == nil {
		l.chapterFiles, l.linkBase = map[string]*book.Chapter{}, map[*book.Chapter]string{}
	}
	l.chapterFiles[rel] = doc.Chapter
	l.linkBase[doc.Chapter] = rel
	return doc, nil
}

// finish runs the transforms every renderer relies on. Citations are
// formatted after typography, which would otherwise curl the quotation
// marks of web addresses in notes; the formatter typographs the sources'
// text itself. Notes are numbered last, once citations have added theirs.
func (l *loader) finish() {
	l.resolveLinks()
	typography.Book(l.b)
	l.citations()
	book.NumberNotes(l.b)
}
