package build

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"samizdat/book"
	"samizdat/render"
)

// bookletFormat is the imposed sheet file's format. It is made only for
// an edition that is imposed (or when asked for by name), never as one of
// "every format", so it is left out of the default list.
const bookletFormat = "booklet"

// edition is one edition being built: the book as that edition renders
// it. A book that declares no editions is built as one edition with no
// name, whose files are named SLUG.EXT rather than SLUG-NAME.EXT.
type edition struct {
	name string
	pos  book.Pos
	book *book.Book
}

// job is one output file to render.
type job struct {
	ed   *edition
	r    render.Renderer
	path string
}

// label names a job in progress reports and timings.
func (j job) label() string {
	if j.ed.name == "" {
		return j.r.Name()
	}
	return j.ed.name + "/" + j.r.Name()
}

// editionBook is the book as edition ed renders it: the book's content
// and metadata with the edition's settings and identifier. Only the top
// of the book is copied; renderers read it and change nothing.
func editionBook(b *book.Book, ed *book.Edition) *book.Book {
	c := *b
	c.Output, c.Notes = ed.Output, ed.Notes
	if ed.Identifier != "" {
		c.Meta.Identifier = ed.Identifier
	}
	return &c
}

// overrides applies the command line's settings, which win over the
// book's and every edition's.
func (opt Options) overrides(out *book.OutputSettings) error {
	if opt.PageSize != "" {
		out.PageSize, out.PageSizePos = opt.PageSize, book.Pos{File: "--page-size"}
	}
	switch opt.Impose {
	case "":
	case "none":
		out.Impose = book.Imposition{}
	case "booklet":
		if out.Impose.Layout == "" {
			out.Impose = book.Imposition{Layout: "booklet", Up: 2, Pos: book.Pos{File: "--impose"}}
		}
	default:
		return &UsageError{Msg: fmt.Sprintf("unknown imposition %q; use --impose booklet (or none)", opt.Impose)}
	}
	return nil
}

// planEditions returns the editions to build: those named with
// --edition, else every one the book declares, else the book itself.
func planEditions(b *book.Book, opt Options) ([]*edition, error) {
	if len(b.Editions) == 0 {
		if len(opt.Editions) > 0 {
			return nil, &UsageError{Msg: fmt.Sprintf("--edition %s: the book declares no editions", strings.Join(opt.Editions, ","))}
		}
		if err := opt.overrides(&b.Output); err != nil {
			return nil, err
		}
		return []*edition{{book: b}}, nil
	}
	chosen := b.Editions
	if len(opt.Editions) > 0 {
		chosen = nil
		for _, name := range opt.Editions {
			ed := findEdition(b.Editions, strings.TrimSpace(name))
			if ed == nil {
				return nil, &UsageError{Msg: fmt.Sprintf("unknown edition %q; the book's editions are %s", name, strings.Join(editionNames(b.Editions), ", "))}
			}
			if !slices.Contains(chosen, ed) {
				chosen = append(chosen, ed)
			}
		}
	}
	var out []*edition
	for _, ed := range chosen {
		e := &edition{name: ed.Name, pos: ed.Pos, book: editionBook(b, ed)}
		if err := opt.overrides(&e.book.Output); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func findEdition(eds []*book.Edition, name string) *book.Edition {
	for _, ed := range eds {
		if ed.Name == name {
			return ed
		}
	}
	return nil
}

func editionNames(eds []*book.Edition) []string {
	names := make([]string, len(eds))
	for i, ed := range eds {
		names[i] = ed.Name
	}
	return names
}

// planJobs resolves every edition's formats into the files to render.
// An edition is made in its own formats (else the book's, else every
// format but the booklet); an imposed edition that makes a PDF makes its
// booklet beside it. Formats named on the command line replace the list
// of a book without editions and select among an edition's (pdf
// selects the booklet too). File names carry the edition's name.
func planJobs(reg *render.Registry, eds []*edition, cli []string, dir, slug string) ([]job, error) {
	cli, err := checkFormats(reg, cli)
	if err != nil {
		return nil, err
	}
	var jobs []job
	seen := map[string]job{}
	for _, ed := range eds {
		out := &ed.book.Output
		names := out.Formats
		if ed.name == "" && len(cli) > 0 {
			names = cli
		}
		if len(names) == 0 {
			names = defaultFormats(reg)
		}
		names = withBooklet(normalise(names), out.Impose.Layout != "")
		if ed.name != "" && len(cli) > 0 {
			names = slices.DeleteFunc(names, func(f string) bool {
				return !slices.Contains(cli, f) && !(f == bookletFormat && slices.Contains(cli, "pdf"))
			})
		}
		if slices.Contains(names, bookletFormat) && out.Impose.Layout == "" {
			out.Impose = book.Imposition{Layout: "booklet", Up: 2, Pos: ed.pos}
		}
		for _, n := range names {
			r, ok := reg.Lookup(n)
			if !ok && n == bookletFormat {
				return nil, fmt.Errorf("%s: imposition asked for, but this samizdat has no %q renderer", ed.pos, bookletFormat)
			}
			if !ok {
				msg := fmt.Sprintf("unknown format %q; samizdat writes %s", n, strings.Join(reg.Names(), ", "))
				if ed.name == "" {
					return nil, &UsageError{Msg: msg}
				}
				return nil, book.ErrorList{book.Errorf(ed.pos, "edition %q: %s", ed.name, msg)}
			}
			base := slug
			if ed.name != "" {
				base += "-" + ed.name
			}
			j := job{ed: ed, r: r, path: filepath.Join(dir, base+r.Extension())}
			if other, dup := seen[j.path]; dup {
				return nil, book.ErrorList{book.Errorf(ed.pos, "%s and %s would both be written to %s: rename an edition", other.label(), j.label(), filepath.Base(j.path))}
			}
			seen[j.path] = j
			jobs = append(jobs, j)
		}
	}
	if len(jobs) == 0 {
		var made []string
		for _, ed := range eds {
			made = append(made, fmt.Sprintf("%s (%s)", ed.name, strings.Join(withBooklet(orDefault(reg, ed.book.Output.Formats), ed.book.Output.Impose.Layout != ""), ", ")))
		}
		return nil, &UsageError{Msg: fmt.Sprintf("no edition is made in %s; the editions make %s", strings.Join(cli, ", "), strings.Join(made, "; "))}
	}
	return jobs, nil
}

// checkFormats normalises the command line's formats and refuses an
// unknown one.
func checkFormats(reg *render.Registry, cli []string) ([]string, error) {
	cli = normalise(cli)
	for _, n := range cli {
		if _, ok := reg.Lookup(n); !ok {
			return nil, &UsageError{Msg: fmt.Sprintf("unknown format %q; samizdat writes %s", n, strings.Join(reg.Names(), ", "))}
		}
	}
	return cli, nil
}

// normalise lower-cases and trims format names and drops repeats.
func normalise(names []string) []string {
	var out []string
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// withBooklet puts the booklet right after the PDF of an imposed edition.
func withBooklet(names []string, imposed bool) []string {
	i := slices.Index(names, "pdf")
	if !imposed || i < 0 || slices.Contains(names, bookletFormat) {
		return names
	}
	return slices.Insert(slices.Clone(names), i+1, bookletFormat)
}

// defaultFormats are the formats made when nothing names any.
func defaultFormats(reg *render.Registry) []string {
	return slices.DeleteFunc(reg.Names(), func(n string) bool { return n == bookletFormat })
}

func orDefault(reg *render.Registry, names []string) []string {
	if len(names) == 0 {
		return defaultFormats(reg)
	}
	return normalise(names)
}

// CheckEditions reports what would stop a build of b's editions that
// reading the book cannot know, for samizdat check: an edition naming a
// format no renderer writes, two outputs of one name. It reports
// nothing for a book without editions, whose formats are the command
// line's business.
func CheckEditions(reg *render.Registry, b *book.Book) error {
	if len(b.Editions) == 0 {
		return nil
	}
	eds, err := planEditions(b, Options{})
	if err != nil {
		return err
	}
	_, err = planJobs(reg, eds, nil, "", b.Slug)
	return err
}
