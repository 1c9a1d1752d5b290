// Package manifest decodes samizdat's YAML — a book's book.yaml and a
// manuscript's front matter — into typed structs, strictly: an unknown key,
// a wrong type or a malformed document is an error at its FILE:LINE:COL,
// with the nearest valid key suggested for a misspelling.
//
// Keys follow pandoc's front matter wherever pandoc has a convention.
package manifest

import "gopkg.in/yaml.v3"

// Metadata is the publication metadata shared by book.yaml and a
// manuscript's front matter, plus the output settings either may carry.
type Metadata struct {
	Title        string     `yaml:"title"`
	Subtitle     string     `yaml:"subtitle"`
	Author       People     `yaml:"author"`
	Date         string     `yaml:"date"`
	Lang         string     `yaml:"lang"`
	Description  string     `yaml:"description"`
	Subject      StringList `yaml:"subject"`
	Rights       string     `yaml:"rights"`
	Publisher    string     `yaml:"publisher"`
	Identifier   string     `yaml:"identifier"`
	CoverImage   Path       `yaml:"cover-image"`
	Bibliography PathList   `yaml:"bibliography"`
	// References lists sources inline, in CSL YAML, as pandoc allows.
	References References `yaml:"references"`
	// Citations chooses how citations are formatted.
	Citations *CitationSettings `yaml:"citations"`
	// Source is where an article first appeared.
	Source   string `yaml:"source"`
	Category string `yaml:"category"`

	// Series names the series the book belongs to and its number in it.
	Series *SeriesSettings `yaml:"series"`
	// Extra keeps metadata samizdat has no key for, as written
	// (samizdat import puts an article's other "Key: value" lines here).
	Extra Extra `yaml:"extra"`

	Notes       *NoteSettings        `yaml:"notes"`
	PDF         *PDFSettings         `yaml:"pdf"`
	EPUB        *EPUBSettings        `yaml:"epub"`
	Hyphenation *HyphenationSettings `yaml:"hyphenation"`
	// Impose asks for an imposed sheet file beside the print PDF; in a
	// manuscript's front matter it imposes a one-chapter pamphlet.
	Impose *ImposeSettings `yaml:"impose"`
}

// SeriesSettings places the book in a series.
type SeriesSettings struct {
	Name     string `yaml:"name"`
	Position string `yaml:"position"`
}

// HyphenationSettings adds the book's own hyphenations to the language's.
type HyphenationSettings struct {
	// Exceptions are words with hyphens where they may break
	// ("sam-iz-dat"); a word written without hyphens is never broken.
	Exceptions StringList `yaml:"exceptions"`
}

// NoteSettings chooses note numbering and placement.
type NoteSettings struct {
	// Scope is "chapter" (numbers restart in each chapter) or "book".
	Scope Word `yaml:"scope"`
	// Placement is "footnotes", "chapter-end" or "book-end".
	Placement Word `yaml:"placement"`
}

// CitationSettings chooses the citation style and its options.
type CitationSettings struct {
	// Style is "notes" (a full note the first time a work is cited in a
	// chapter, a short one after), "full-notes", "short-notes" or
	// "author-date".
	Style Word `yaml:"style"`
	// Ibid uses "Ibid." for a note citing the same work as the note
	// before it.
	Ibid bool `yaml:"ibid"`
	// Locators asks for a page or other locator in every citation of a
	// book-length work; check reports those without one.
	Locators bool `yaml:"locators"`
	// BibliographyPerChapter ends each chapter with the works it cites.
	BibliographyPerChapter bool `yaml:"bibliography-per-chapter"`
}

// PDFSettings holds print settings. The switches are pointers so that an
// edition can turn off what the book turns on.
type PDFSettings struct {
	PageSize Word `yaml:"page-size"`
	// RectoChapters opens every chapter on a right-hand page.
	RectoChapters *bool `yaml:"recto-chapters"`
	// Margins override the margins derived from the page size.
	Margins *MarginSettings `yaml:"margins"`
}

// EPUBSettings holds e-book settings.
type EPUBSettings struct {
	EmbedFonts *bool `yaml:"embed-fonts"`
	// PageList names the print edition whose page numbers the e-book
	// carries.
	PageList Word `yaml:"page-list"`
}

// Manifest is a book folder's book.yaml.
type Manifest struct {
	Metadata `yaml:",inline"`

	// Slug names the output files; default: the folder's name.
	Slug string `yaml:"slug"`
	// Formats to build when the command line names none.
	Formats []Word `yaml:"formats"`
	// Chapters lists manuscript files in reading order, for a book
	// without parts.
	Chapters []Path `yaml:"chapters"`
	// Parts group chapters under titles; exclusive with Chapters.
	Parts []PartEntry `yaml:"parts"`
	// FrontMatter and BackMatter list divisions in order: a generated
	// page by name ("title-page") or a page from a file ({preface: f.md}).
	FrontMatter []MatterEntry `yaml:"front-matter"`
	BackMatter  []MatterEntry `yaml:"back-matter"`
	// Editions are the book's editions in the order written; none means
	// one edition made with the settings above.
	Editions Editions `yaml:"editions"`
}

// PartEntry is one part of a book: a title and its chapter files.
type PartEntry struct {
	Title    string `yaml:"title"`
	Chapters []Path `yaml:"chapters"`
}

// References is an inline list of sources (CSL YAML) kept as its YAML
// node, so that the citation reader can report problems at their lines.
type References struct {
	Node *yaml.Node
}

// UnmarshalYAML keeps the list as written.
func (r *References) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return posError(n, "references: must be a list of sources, each starting with \"- id: …\"")
	}
	r.Node = n
	return nil
}

// Set reports whether references were given.
func (r References) Set() bool { return r.Node != nil }

// PathList is one path or a list of paths, each with its position, as
// bibliography: takes them.
type PathList []Path

// UnmarshalYAML accepts "sources.bib" or [a.json, b.bib].
func (l *PathList) UnmarshalYAML(n *yaml.Node) error {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		return posError(n, "expected a file name or a list of file names")
	}
	out := make(PathList, 0, len(nodes))
	for _, c := range nodes {
		var p Path
		if err := p.UnmarshalYAML(c); err != nil {
			return posError(c, "expected a file name")
		}
		out = append(out, p)
	}
	*l = out
	return nil
}

// Values returns the paths as written.
func (l PathList) Values() []string {
	out := make([]string, len(l))
	for i, p := range l {
		out[i] = p.Value
	}
	return out
}
