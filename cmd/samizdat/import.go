package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"samizdat/book"
	"samizdat/book/importer"
	"samizdat/book/importer/fetch"
	"samizdat/internal/build"
)

// importFlags are the options of samizdat import.
type importFlags struct {
	output, into, from string
	fetchImages, force bool
}

func (a *app) importCommand() *cobra.Command {
	var fl importFlags
	cmd := &cobra.Command{
		Use:   "import FILE_OR_URL...",
		Short: "Turn published articles (plain text or HTML) into manuscripts",
		Long: `Read articles — plain-text dumps or saved HTML pages, or pages fetched
from a URL — and write each as a manuscript that build takes as it is: the
article's title, author, date, category and source in front matter, its
headings as ## headings and its quotations as > block quotations, ready
for their sources to be added.

Plain text is read in the form such dumps take: the title on the first
line; metadata lines under it (Published: 26/04/2010, Written by: NAME,
Originally listed under: CATEGORY, By NAME, Author:, Date:, ...); then
paragraphs separated by blank lines, with short unpunctuated lines as
headings and paragraphs wholly in quotation marks as quotations. HTML
pages are reduced to their article (menus, advertisements and related
links dropped) with the page's title, byline, date, site name and
language.

Each article is written to a file named after its title in the current
folder, to OUT.md with -o (one article; - for standard output), or into
the book folder BOOKDIR with --into, which also adds it to the chapter
list of BOOKDIR/book.yaml (made if missing; in a book with parts, to the
last part). Nothing is written unless every article was read. The network
is used only for URL arguments and --fetch-images.`,
		Example: `  samizdat import article.txt
  samizdat import saved-page.html -o chapters/03-library.md
  samizdat import *.txt --into manuscripts/collection
  samizdat import https://example.org/news/story --fetch-images --into book`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runImport(args, fl)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.output, "output", "o", "", "the manuscript to write, for one article (- for standard output)")
	f.StringVar(&fl.into, "into", "", "a book folder to write the manuscripts into and list them in its book.yaml")
	f.StringVar(&fl.from, "from", "", "the articles' form, text or html (default: told from the content)")
	f.BoolVar(&fl.fetchImages, "fetch-images", false, "download an HTML article's images (or copy them from beside a saved page) into images/")
	f.BoolVar(&fl.force, "force", false, "replace manuscripts that already exist")
	return cmd
}

// imported is one article read, with where it goes.
type imported struct {
	article *importer.Article
	out     string // the manuscript's path; "-" for standard output
	images  []importer.File
}

func (a *app) runImport(args []string, fl importFlags) error {
	format, err := importer.ParseFormat(fl.from)
	if err != nil {
		return a.fail(&build.UsageError{Msg: "--from: " + err.Error()})
	}
	switch {
	case fl.output != "" && fl.into != "":
		return a.fail(&build.UsageError{Msg: "-o and --into cannot be used together"})
	case fl.output != "" && len(args) > 1:
		return a.fail(&build.UsageError{Msg: "-o names one manuscript, but there are several articles: use --into BOOKDIR, or no -o to write each beside the others"})
	case fl.output == "-" && fl.fetchImages:
		return a.fail(&build.UsageError{Msg: "--fetch-images needs a folder to save images in: name a file with -o, or use --into"})
	}
	// dir is where manuscripts go and rel the manuscripts' folder within
	// the book, for --into.
	dir, rel, manifestSrc, err := a.importTarget(fl)
	if err != nil {
		return a.fail(err)
	}
	client := &fetch.Client{UserAgent: "samizdat-import"}
	var (
		done  []*imported
		errs  book.ErrorList
		taken = map[string]bool{}
	)
	for _, arg := range args {
		im, err := a.importOne(arg, format, fl, dir, client, taken)
		if err != nil {
			errs = append(errs, book.Errors(err)...)
			continue
		}
		done = append(done, im)
	}
	if len(errs) > 0 {
		return a.fail(errs)
	}
	files, listing, err := a.importFiles(done, fl, rel, manifestSrc)
	if err != nil {
		return a.fail(err)
	}
	if err := importer.WriteAll(files); err != nil {
		return a.fail(err)
	}
	a.importSummary(done, fl, listing)
	return nil
}

// importTarget works out where manuscripts go: the folder of -o's file,
// the book folder (beside the chapters it already lists) for --into, or
// the current folder.
func (a *app) importTarget(fl importFlags) (dir, rel string, manifestSrc []byte, err error) {
	switch {
	case fl.output == "-":
		return "", "", nil, nil
	case fl.output != "":
		return filepath.Dir(fl.output), "", nil, nil
	case fl.into == "":
		return ".", "", nil, nil
	}
	if info, err := os.Stat(fl.into); err == nil && !info.IsDir() {
		return "", "", nil, &build.UsageError{Msg: fmt.Sprintf("--into %s: not a folder", fl.into)}
	}
	src, err := os.ReadFile(filepath.Join(fl.into, "book.yaml"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fl.into, "", nil, nil
	case err != nil:
		return "", "", nil, err
	}
	rel = importer.LastChapterDir(src)
	return filepath.Join(fl.into, filepath.FromSlash(rel)), rel, src, nil
}

// importOne reads one article and names its manuscript and images.
func (a *app) importOne(arg string, format importer.Format, fl importFlags, dir string, client *fetch.Client, taken map[string]bool) (*imported, error) {
	opt := importer.Options{Format: format}
	var data []byte
	pageFile := ""
	if isWebAddress(arg) {
		page, err := client.Page(arg)
		if err != nil {
			return nil, &book.Error{Pos: book.Pos{File: arg}, Msg: err.Error()}
		}
		data, opt.URL, opt.ContentType = page.Data, page.URL, page.ContentType
	} else {
		info, err := os.Stat(arg)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, &book.Error{Pos: book.Pos{File: arg}, Msg: "no such file"}
		case err != nil:
			return nil, &book.Error{Pos: book.Pos{File: arg}, Msg: err.Error()}
		case info.IsDir():
			return nil, &book.Error{Pos: book.Pos{File: arg}, Msg: "a folder, not an article: name the files to import"}
		case info.Size() > fetch.MaxPageBytes:
			return nil, &book.Error{Pos: book.Pos{File: arg}, Msg: fmt.Sprintf("%d MB is too large for an article", info.Size()>>20)}
		}
		if data, err = os.ReadFile(arg); err != nil {
			return nil, &book.Error{Pos: book.Pos{File: arg}, Msg: err.Error()}
		}
		pageFile = arg
	}
	im := &imported{}
	// saved maps an image's address, and byContent its bytes, to the
	// file it was saved as: a picture shown twice is saved once.
	saved, byContent := map[string]string{}, map[[sha256.Size]byte]string{}
	if fl.fetchImages {
		opt.SaveImage = func(ref importer.ImageRef) (string, error) {
			key := ref.URL + "\x00" + ref.Src
			if p, ok := saved[key]; ok {
				return p, nil
			}
			img, ext, err := client.Image(ref, pageFile)
			if err != nil {
				return "", err
			}
			sum := sha256.Sum256(img)
			if p, ok := byContent[sum]; ok {
				saved[key] = p
				return p, nil
			}
			name := fmt.Sprintf("images/%s-%d%s", book.Slug(ref.Title, true, "article"), ref.N, ext)
			im.images = append(im.images, importer.File{Path: filepath.Join(dir, filepath.FromSlash(name)), Data: img})
			saved[key], byContent[sum] = name, name
			return name, nil
		}
	}
	art, err := importer.Import(arg, data, opt)
	if err != nil {
		return nil, err
	}
	im.article = art
	switch {
	case fl.output != "":
		im.out = fl.output
	default:
		im.out = uniqueName(dir, book.Slug(art.Meta.Title, true, "article"), taken)
	}
	return im, nil
}

// uniqueName is dir/stem.md, with a number added when another article of
// this import already took the name.
func uniqueName(dir, stem string, taken map[string]bool) string {
	name := filepath.Join(dir, stem+".md")
	for i := 2; taken[name]; i++ {
		name = filepath.Join(dir, fmt.Sprintf("%s-%d.md", stem, i))
	}
	taken[name] = true
	return name
}

// importFiles lists every file to write — images, manuscripts, then
// book.yaml — refusing to replace manuscripts unless --force.
func (a *app) importFiles(done []*imported, fl importFlags, rel string, manifestSrc []byte) ([]importer.File, *importer.Listing, error) {
	var files []importer.File
	var errs book.ErrorList
	var chapters []string
	for _, im := range done {
		files = append(files, im.images...)
		if im.out == "-" {
			continue
		}
		if _, err := os.Stat(im.out); err == nil && !fl.force && fl.output == "" {
			errs = append(errs, &book.Error{Pos: book.Pos{File: im.out}, Msg: "already exists; pass --force to replace it, or -o to name another file"})
		}
		files = append(files, importer.File{Path: im.out, Data: im.article.Manuscript()})
		chapters = append(chapters, path.Join(rel, filepath.Base(im.out)))
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	if fl.into == "" {
		return files, nil, nil
	}
	manifest := filepath.Join(fl.into, "book.yaml")
	var listing *importer.Listing
	if manifestSrc == nil {
		abs, err := filepath.Abs(fl.into)
		if err != nil {
			return nil, nil, err
		}
		// A folder without book.yaml is read as a book of its manuscripts
		// in name order: the new book.yaml keeps them, in that order.
		existing := folderManuscripts(fl.into, chapters)
		listing = &importer.Listing{YAML: importer.NewManifest(filepath.Base(abs), append(existing, chapters...)), Added: chapters}
	} else {
		var err error
		if listing, err = importer.AddChapters(manifest, manifestSrc, chapters); err != nil {
			return nil, nil, err
		}
	}
	if len(listing.Added) > 0 {
		files = append(files, importer.File{Path: manifest, Data: listing.YAML})
	}
	return files, listing, nil
}

// folderManuscripts lists the Markdown files already in dir, in name
// order, leaving out those about to be written.
func folderManuscripts(dir string, writing []string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".md" || ext == ".markdown") && !slices.Contains(writing, e.Name()) {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// importSummary prints each article's warnings and a line saying what it
// holds; with -o - the manuscript itself goes to standard output and the
// summary to standard error.
func (a *app) importSummary(done []*imported, fl importFlags, listing *importer.Listing) {
	out := a.stdout
	if fl.output == "-" {
		out = a.stderr
	}
	for _, im := range done {
		a.warnings(im.article.Warnings)
		if im.out == "-" {
			a.stdout.Write(im.article.Manuscript())
		}
		s := im.article.Stats
		where := im.out
		if where == "-" {
			where = "standard output"
		}
		line := fmt.Sprintf("%s: %q — %s, %s, %s", where, im.article.Meta.Title,
			plural(s.Words, "word"), plural(s.Headings, "heading"), plural(s.Quotations, "quotation"))
		if s.Images > 0 {
			line += ", " + plural(s.Images, "image")
		}
		fmt.Fprintf(out, "%s, %s\n", line, plural(len(im.article.Warnings), "warning"))
	}
	if listing != nil && len(listing.Added) > 0 {
		to := "its chapters"
		switch {
		case listing.Part != "":
			to = fmt.Sprintf("the chapters of its last part, %q", listing.Part)
		case listing.InPart:
			to = "the chapters of its last part"
		}
		fmt.Fprintf(out, "%s: added %s to %s\n", filepath.Join(fl.into, "book.yaml"), plural(len(listing.Added), "manuscript"), to)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// isWebAddress tells a URL argument from a file name.
func isWebAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.Contains(s, "\n")
}
