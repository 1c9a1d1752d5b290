// Package book holds samizdat's document model — the one contract between
// the readers that fill it (Markdown manuscripts, manifests, later imported
// articles and sources) and the renderers that consume it (EPUB, PDF, HTML).
//
// The model is deliberately plain data: a renderer never reaches back into a
// reader, and every transform that all formats share (smart typography,
// note numbering, citation formatting) is done once on the model before any
// renderer runs.
package book

// Book is a whole publication: metadata, front matter, the body grouped into
// parts and chapters, back matter, and the settings every renderer honours.
type Book struct {
	Meta Metadata
	// Front holds front-matter divisions in reading order (half-title,
	// title page, copyright, dedication, epigraph, preface).
	Front []*Chapter
	// Parts hold the body. A book without parts has exactly one Part whose
	// Title is empty; renderers then show no part headings.
	Parts []*Part
	// Back holds back-matter divisions in reading order (notes,
	// bibliography, colophon).
	Back []*Chapter
	// Notes says how footnotes are numbered and where they are placed.
	Notes NoteSettings
	// Assets are the images and other files the book refers to, in the
	// order of first reference, each loaded and checked by the reader.
	// The cover image (Meta.CoverImage) is among them; a renderer
	// recognises it by pointer.
	Assets []*Asset
	// Slug names the output files (NAME.epub, NAME.pdf, NAME.html).
	Slug string
	// Output holds per-format settings from the manifest or front matter.
	Output OutputSettings
	// Inputs lists every file read to make the book, in the order read;
	// build dates and reproducibility checks are derived from it.
	Inputs []string
	// Editions are the editions book.yaml declares, in the order written;
	// empty means the book has one edition, made with Output and Notes.
	Editions []*Edition
}

// Edition is one edition of a book as book.yaml declares it ("pamphlet",
// "reader", "ebook"): its own output settings, note placement and
// identifier, over the book's shared content and metadata. A build of an
// edition renders the book with these in place of Book.Output,
// Book.Notes and Meta.Identifier, and names its files SLUG-NAME.EXT.
type Edition struct {
	Name string
	// Pos is where the edition is declared, for reporting problems.
	Pos Pos
	// Output is complete: the book's settings with the edition's
	// overrides applied, so a renderer needs nothing else.
	Output OutputSettings
	Notes  NoteSettings
	// Identifier is the edition's own identifier (an ISBN for print,
	// another for the e-book); empty means the book's.
	Identifier string
}

// Part groups chapters under an optional title.
type Part struct {
	ID    string
	Title []Inline
	// Chapters are the part's chapters in reading order.
	Chapters []*Chapter
}

// Kind says what role a division plays in the book; renderers draw
// generated pages (title page, copyright) from the metadata and give each
// kind its landmark and ARIA role.
type Kind int

// The kinds of division. KindChapter is the body; the others are front and
// back matter.
const (
	KindChapter Kind = iota
	KindHalfTitle
	KindTitlePage
	KindCopyright
	KindDedication
	KindEpigraph
	KindPreface
	KindContents
	KindNotes
	KindBibliography
	KindColophon
)

var kindNames = [...]string{
	KindChapter:      "chapter",
	KindHalfTitle:    "half-title",
	KindTitlePage:    "title-page",
	KindCopyright:    "copyright",
	KindDedication:   "dedication",
	KindEpigraph:     "epigraph",
	KindPreface:      "preface",
	KindContents:     "contents",
	KindNotes:        "notes",
	KindBibliography: "bibliography",
	KindColophon:     "colophon",
}

// String returns the manifest name of the kind ("title-page", "notes" …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Generated reports whether a division of this kind is made by samizdat
// rather than read from a manuscript file: drawn by each renderer from the
// metadata (half-title, title page, copyright, contents, notes), or, for
// the bibliography, filled with Blocks by the citation transform (one
// paragraph per entry, which renderers set with a hanging indent).
func (k Kind) Generated() bool {
	switch k {
	case KindHalfTitle, KindTitlePage, KindCopyright, KindContents, KindNotes, KindBibliography:
		return true
	}
	return false
}

// Chapter is one division of the book: a chapter of the body, or a front or
// back matter page. Its ID is unique in the book and safe as a file name
// and XML id.
type Chapter struct {
	Kind  Kind
	ID    string
	Title []Inline
	// Byline is set when the chapter is an article with its own author,
	// date or original source (collections by several authors).
	Byline *Byline
	// Lang is the chapter's language when it differs from the book's.
	Lang   string
	Blocks []Block
	// Notes are the chapter's footnotes in order of first reference.
	Notes []*Note
	// Source is where the chapter came from (the manuscript file).
	Source Pos
}

// Byline is the author, date and original publication of an article.
type Byline struct {
	Authors []Person
	Date    string
	Source  string
}

// Metadata describes the publication. Keys follow pandoc's front matter.
type Metadata struct {
	Title        string
	Subtitle     string
	Authors      []Person
	Date         string
	Lang         string
	Description  string
	Subjects     []string
	Rights       string
	Publisher    string
	Identifier   string
	CoverImage   *Asset
	Bibliography []string
	// Source is where the text first appeared (an article's original site).
	Source   string
	Category string
	// Series is the series the book belongs to, and SeriesPosition its
	// number in it ("2", "2.5"); both empty for a book on its own.
	Series, SeriesPosition string
	// Extra holds metadata samizdat has no field for (an imported
	// article's "Issue: 42"), kept in the order written.
	Extra []KeyValue
	// PageSource names the print edition whose page numbers the text's
	// PageBreaks carry (its identifier, else its title and edition
	// name), for the EPUB's pageBreakSource; empty when there are none.
	PageSource string
}

// KeyValue is one free-form metadata entry.
type KeyValue struct {
	Key, Value string
}

// Person is an author or contributor.
type Person struct {
	Name string
	// FileAs is the sorting form ("Orwell, George"); empty means derive it.
	FileAs string
	// Role is a MARC relator code ("aut", "edt", "trl"); empty means author.
	Role string
}

// Asset is a file carried into the outputs, such as an image.
type Asset struct {
	// Name is the path relative to the book folder, with forward slashes;
	// renderers use it to build stable names inside their containers.
	Name      string
	MediaType string
	Data      []byte
	// Width and Height are the image's pixel dimensions.
	Width, Height int
}

// NoteScope says how note numbers run.
type NoteScope int

// Note numbering scopes.
const (
	// ScopeChapter restarts note numbers at 1 in every chapter.
	ScopeChapter NoteScope = iota
	// ScopeBook numbers notes through the whole book.
	ScopeBook
)

// NotePlacement says where notes are shown.
type NotePlacement int

// Note placements.
const (
	// PlaceFootnotes puts notes at the page foot in print and as popups in
	// the e-book and in the HTML page.
	PlaceFootnotes NotePlacement = iota
	// PlaceChapterEnd collects each chapter's notes at its end.
	PlaceChapterEnd
	// PlaceBookEnd collects all notes in a Notes division at the book's end.
	PlaceBookEnd
)

// NoteSettings is the one note setting that every renderer honours.
type NoteSettings struct {
	Scope     NoteScope
	Placement NotePlacement
}

// OutputSettings holds settings for particular outputs.
type OutputSettings struct {
	// PageSize names the PDF page size ("a5", "a4", "6x9in", "148x210mm").
	PageSize string
	// PageSizePos is where PageSize was set, for reporting a bad value.
	PageSizePos Pos
	// EmbedFonts asks the EPUB to carry the fonts.
	EmbedFonts bool
	// RectoChapters opens every chapter of the print edition on a
	// right-hand page.
	RectoChapters bool
	// HyphenExceptions are the book's own hyphenations ("sam-iz-dat"; a
	// word written without hyphens is never broken), applied before the
	// language's patterns.
	HyphenExceptions []string
	// Formats are the formats to build when none are named on the command
	// line; empty means all.
	Formats []string
	// Margins override the print page's margins; a zero field keeps the
	// margin derived from the page size.
	Margins Margins
	// Impose asks for an imposed sheet file (SLUG-booklet.pdf) beside the
	// print PDF.
	Impose Imposition
	// PageList names the print edition whose page breaks the EPUB marks
	// (epub: {page-list: EDITION}); empty means none.
	PageList    string
	PageListPos Pos
}

// Margins are print margins in points; zero means derived from the page
// size. Inner is the binding side.
type Margins struct {
	Top, Bottom, Inner, Outer float64
}

// Imposition says how the print edition's pages are arranged on sheets for
// printing and folding.
type Imposition struct {
	// Layout is "" (no imposition) or "booklet": saddle-stitch order,
	// two pages side by side on a sheet twice the page size, printed
	// double-sided with a short-edge flip.
	Layout string
	// Up is the number of pages on each side of a sheet: 2, or 4 for a
	// small booklet twice on a sheet four times the page size (A6 on A4).
	Up int
	// FourUp says how four pages share a sheet side: "double" (the same
	// booklet sheet twice, cut apart into two copies) or "cut-stack"
	// (one booklet: the printed stack is cut in two and the halves
	// stacked).
	FourUp string
	// Signature is the number of sheets folded together for sewn or
	// perfect-bound copies; 0 means one signature of every sheet.
	Signature int
	// Paper is the paper's thickness in points, for creep compensation:
	// inner sheets' pages move toward the spine by half a thickness per
	// sheet they lie inside. 0 means no compensation.
	Paper float64
	// CropMarks draws marks where the sheets are to be cut.
	CropMarks bool
	// Bleed is how far, in points, pages extend past the trim for a
	// print shop's cutting; 0 means none.
	Bleed float64
	// Pos is where the imposition is set, for reporting problems.
	Pos Pos
}

// Note is a footnote or a citation's note. Its ID is unique in the book.
type Note struct {
	ID string
	// Number is the note's number in its scope, assigned by NumberNotes.
	Number int
	Blocks []Block
	// Refs counts the references to the note; each NoteRef has its own
	// index so that renderers can give every reference a distinct id.
	Refs   int
	Source Pos
}

// AllChapters returns every division of the book in reading order: front
// matter, the chapters of every part, back matter.
func (b *Book) AllChapters() []*Chapter {
	var out []*Chapter
	out = append(out, b.Front...)
	for _, p := range b.Parts {
		out = append(out, p.Chapters...)
	}
	return append(out, b.Back...)
}

// BodyChapters returns the chapters of every part in reading order.
func (b *Book) BodyChapters() []*Chapter {
	var out []*Chapter
	for _, p := range b.Parts {
		out = append(out, p.Chapters...)
	}
	return out
}
