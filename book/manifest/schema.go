// Package manifest decodes samizdat's YAML — a book's book.yaml and a
// manuscript's front matter — into typed structs, strictly: an unknown key,
// a wrong type or a malformed document is an error at its FILE:LINE:COL,
// with the nearest valid key suggested for a misspelling.
//
// Keys follow pandoc's front matter wherever pandoc has a convention.
package manifest

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
	Bibliography StringList `yaml:"bibliography"`
	// Source is where an article first appeared.
	Source   string `yaml:"source"`
	Category string `yaml:"category"`

	Notes *NoteSettings `yaml:"notes"`
	PDF   *PDFSettings  `yaml:"pdf"`
	EPUB  *EPUBSettings `yaml:"epub"`
}

// NoteSettings chooses note numbering and placement.
type NoteSettings struct {
	// Scope is "chapter" (numbers restart in each chapter) or "book".
	Scope Word `yaml:"scope"`
	// Placement is "footnotes", "chapter-end" or "book-end".
	Placement Word `yaml:"placement"`
}

// PDFSettings holds print settings.
type PDFSettings struct {
	PageSize Word `yaml:"page-size"`
}

// EPUBSettings holds e-book settings.
type EPUBSettings struct {
	EmbedFonts bool `yaml:"embed-fonts"`
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
}

// PartEntry is one part of a book: a title and its chapter files.
type PartEntry struct {
	Title    string `yaml:"title"`
	Chapters []Path `yaml:"chapters"`
}
