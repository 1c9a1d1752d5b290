package cite

import (
	"path"
	"strings"

	"samizdat/book"
)

// Formats are the sources file extensions samizdat reads, for messages.
const Formats = ".json (CSL JSON), .yaml (CSL YAML) or .bib (BibTeX/BibLaTeX)"

// Read reads a sources file, choosing the format by its extension as
// pandoc does. name is the file as messages should name it.
func Read(name string, data []byte) ([]*Entry, error) {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/"))) {
	case ".json":
		return ReadCSLJSON(name, data)
	case ".yaml", ".yml":
		return ReadCSLYAML(name, data)
	case ".bib", ".bibtex", ".biblatex":
		return ReadBibTeX(name, data)
	}
	return nil, book.Errorf(book.Pos{File: name}, "cannot tell the format of this sources file: name it %s", Formats)
}
