package load

import (
	"path/filepath"
	"strings"
	"testing"

	"samizdat/book"
)

const citeChapter = "# A\n\nText [@mill, 3].\n"

const millJSON = `[{"id": "mill", "type": "book", "author": [{"family": "Mill", "given": "John Stuart"}], "title": "On Liberty", "issued": {"date-parts": [[1859]]}}]`

// TestCitationErrors is the table of citation and sources problems the
// loader must report, with the first message of each.
func TestCitationErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"sources file missing", map[string]string{"book.yaml": "bibliography: [s.json, gone.bib]\nchapters: [a.md]\n", "a.md": citeChapter, "s.json": millJSON},
			`book.yaml:1:24: file "gone.bib" not found`},
		{"sources file outside the book", map[string]string{"book.yaml": "bibliography: ../s.json\nchapters: [a.md]\n", "a.md": citeChapter},
			`book.yaml:1:15: "../s.json" is outside the book folder (build with --allow-outside to allow it)`},
		{"unknown style", map[string]string{"book.yaml": "bibliography: s.json\ncitations: {style: note}\nchapters: [a.md]\n", "a.md": citeChapter, "s.json": millJSON},
			`book.yaml:2:20: unknown citation style "note"; use one of notes, full-notes, short-notes, author-date (did you mean "notes"?)`},
		{"key not in the sources", map[string]string{"book.yaml": "bibliography: s.json\nchapters: [a.md]\n", "a.md": "# A\n\nText [@mil, 3].\n", "s.json": millJSON},
			`a.md:3:6: citation key @mil is not in the sources (did you mean @mill?)`},
		{"no sources at all", map[string]string{"book.yaml": "chapters: [a.md]\n", "a.md": citeChapter},
			`a.md:3:6: citation key @mill is not in the sources (name a sources file with bibliography: in the front matter or book.yaml)`},
		{"malformed inline references", map[string]string{"a.md": "---\nreferences:\n- id: x\n  type: boook\n---\n" + citeChapter},
			`a.md:4:3: source "x" has the unknown type "boook" (did you mean "book"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			path := dir
			if _, ok := tt.files["book.yaml"]; !ok {
				path = filepath.Join(dir, "a.md")
			}
			_, err := Load(path)
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			got := strings.Split(err.Error(), "\n")[0]
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			if got != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

// TestCitationsLoaded: a pamphlet with inline references gets its notes
// numbered after its citations are formatted, and a listed bibliography
// gets its entries; the result keeps the warnings when there are errors.
func TestCitationsLoaded(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"book.yaml": "bibliography: s.json\nback-matter: [bibliography]\nchapters: [a.md]\n",
		"a.md":      "# A\n\nOne.[^n] Two [@mill, 3].\n\n[^n]: Mine.\n",
		"s.json":    millJSON,
	})
	res, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ch := res.Book.BodyChapters()[0]
	if len(ch.Notes) != 2 || ch.Notes[1].Number != 2 || !strings.HasPrefix(book.PlainText(ch.Notes[1].Blocks[0].(*book.Paragraph).Inlines), "John Stuart Mill, On Liberty") {
		t.Errorf("notes = %+v", ch.Notes)
	}
	bib := res.Book.Back[0]
	if bib.Kind != book.KindBibliography || len(bib.Blocks) != 1 {
		t.Errorf("bibliography = %+v", bib)
	}

	dir = writeTree(t, map[string]string{"a.md": "# A\n\n> Unsourced.\n\nText [@nobody].\n"})
	res, err = Load(filepath.Join(dir, "a.md"))
	if err == nil || res == nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "block quotation without a source") {
		t.Errorf("err %v, result %+v: want the error and the warning found before it", err, res)
	}
}
