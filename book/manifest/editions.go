package manifest

import (
	"reflect"

	"gopkg.in/yaml.v3"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// EditionSettings are what one edition changes: the formats it is made
// in, its own identifier, and the same notes:, pdf:, epub: and impose:
// sections as the top level of book.yaml. A key it sets overrides the
// book's; a key it leaves out keeps the book's.
type EditionSettings struct {
	// Formats the edition is made in; default: the book's formats:.
	Formats []Word `yaml:"formats"`
	// Identifier is the edition's own (an ISBN for print, another for
	// the e-book); default: the book's.
	Identifier Word            `yaml:"identifier"`
	Notes      *NoteSettings   `yaml:"notes"`
	PDF        *PDFSettings    `yaml:"pdf"`
	EPUB       *EPUBSettings   `yaml:"epub"`
	Impose     *ImposeSettings `yaml:"impose"`
}

// Edition is one entry of editions:, its name with its position.
type Edition struct {
	Name Word
	EditionSettings
}

// Editions are the editions a book.yaml declares, written as a mapping
// from each edition's name to its settings and kept in the order written.
type Editions []Edition

// UnmarshalYAML keeps the editions in order.
func (e *Editions) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return posError(n, editionsShape)
	}
	out := make(Editions, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		var ed Edition
		if err := ed.Name.UnmarshalYAML(n.Content[i]); err != nil {
			return err
		}
		if v := n.Content[i+1]; !isNull(v) {
			if err := v.Decode(&ed.EditionSettings); err != nil {
				return err
			}
		}
		out = append(out, ed)
	}
	*e = out
	return nil
}

const editionsShape = "editions: expected a mapping from each edition's name to its settings, like\n  editions:\n    reader: {pdf: {page-size: a5}}"

// editionNameRE is a name that is safe in a file name on every system and
// reads as one word: lower-case letters and digits joined by hyphens.
var editionNameRE = lazyregexp.New(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// check reports bad and repeated names and checks each edition's keys.
func (e *Editions) check(c *checker, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		c.errs = append(c.errs, book.Errorf(c.at(n), "%s", editionsShape))
		return
	}
	if len(n.Content) == 0 {
		c.errs = append(c.errs, book.Errorf(c.at(n), "editions: names no edition; remove it, or name each edition with its settings"))
		return
	}
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch {
		case key.Kind != yaml.ScalarNode:
			c.errs = append(c.errs, book.Errorf(c.at(key), "an edition's name must be a single word"))
			continue
		case first[key.Value] != nil:
			c.errs = append(c.errs, book.Errorf(c.at(key), "edition %q is declared twice (first at line %d)", key.Value, c.at(first[key.Value]).Line))
		case !editionNameRE().MatchString(key.Value):
			e := book.Errorf(c.at(key), "edition name %q must be lower-case letters, digits and hyphens: it names the edition's files (SLUG-%s.pdf)", key.Value, key.Value)
			if s := book.Slug(key.Value, true, ""); s != "" && editionNameRE().MatchString(s) {
				e.Hint = "did you mean \"" + s + "\"?"
			}
			c.errs = append(c.errs, e)
		}
		if first[key.Value] == nil {
			first[key.Value] = key
		}
		if !isNull(val) {
			c.checkStruct(val, reflect.TypeOf(EditionSettings{}))
		}
	}
}

// Names returns the editions' names in order.
func (e Editions) Names() []string {
	out := make([]string, len(e))
	for i, ed := range e {
		out[i] = ed.Name.Value
	}
	return out
}

// isNull reports whether n is an empty value ("reader:" with nothing
// after it), which declares an edition made with the book's settings.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
