package manifest

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Word is a string that remembers where it was written, so that a bad
// value ("page-size: a7") is reported at its own line and column.
type Word struct {
	Value      string
	Line, Col  int
	fromSource bool
}

// UnmarshalYAML keeps the value and its position.
func (w *Word) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: expected a single value", n.Line)}}
	}
	*w = Word{Value: n.Value, Line: n.Line, Col: n.Column, fromSource: true}
	return nil
}

// Set reports whether the value was given.
func (w Word) Set() bool { return w.fromSource }

// Path is a file path as written in YAML, with its position.
type Path = Word

// StringList accepts a single string or a list of strings, as pandoc does
// for subject and bibliography.
type StringList []string

// UnmarshalYAML accepts "x" or [x, y].
func (l *StringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*l = StringList{n.Value}
		return nil
	case yaml.SequenceNode:
		out := make(StringList, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return posError(c, "expected a string in this list")
			}
			out = append(out, c.Value)
		}
		*l = out
		return nil
	}
	return posError(n, "expected a string or a list of strings")
}

// Person is an author or contributor, written as a name or as a mapping
// with name, file-as and role.
type Person struct {
	Name   string `yaml:"name"`
	FileAs string `yaml:"file-as"`
	Role   string `yaml:"role"`
}

// People accepts a name, a list of names, or a list of Person mappings.
type People []Person

// UnmarshalYAML accepts the forms pandoc users write for author.
func (p *People) UnmarshalYAML(n *yaml.Node) error {
	one := func(c *yaml.Node) (Person, error) {
		switch c.Kind {
		case yaml.ScalarNode:
			return Person{Name: c.Value}, nil
		case yaml.MappingNode:
			if err := checkKeys(c, personKeys); err != nil {
				return Person{}, err
			}
			var x Person
			if err := c.Decode(&x); err != nil {
				return Person{}, err
			}
			if x.Name == "" {
				return Person{}, posError(c, "an author needs a name")
			}
			return x, nil
		}
		return Person{}, posError(c, "expected a name or a mapping with name, file-as and role")
	}
	if n.Kind == yaml.SequenceNode {
		out := make(People, 0, len(n.Content))
		for _, c := range n.Content {
			x, err := one(c)
			if err != nil {
				return err
			}
			out = append(out, x)
		}
		*p = out
		return nil
	}
	x, err := one(n)
	if err != nil {
		return err
	}
	*p = People{x}
	return nil
}

var personKeys = []string{"name", "file-as", "role"}

// MatterEntry is one front- or back-matter division: a generated page
// named by kind ("title-page"), or a page read from a file, written as a
// one-key mapping ({preface: preface.md}).
type MatterEntry struct {
	Kind Word
	// File is set for divisions read from a manuscript file.
	File Path
}

// UnmarshalYAML accepts "kind" or {kind: file}.
func (m *MatterEntry) UnmarshalYAML(n *yaml.Node) error {
	switch {
	case n.Kind == yaml.ScalarNode:
		return m.Kind.UnmarshalYAML(n)
	case n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[1].Kind == yaml.ScalarNode:
		if err := m.Kind.UnmarshalYAML(n.Content[0]); err != nil {
			return err
		}
		return m.File.UnmarshalYAML(n.Content[1])
	}
	return posError(n, "expected a page name (title-page) or one page and its file ({preface: preface.md})")
}

// posError makes a yaml.TypeError-shaped error that Decode's caller turns
// into a positioned error.
func posError(n *yaml.Node, msg string) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d:%d: %s", n.Line, n.Column, msg)}}
}

// checkKeys reports the first key of mapping n not among keys, for types
// that decode themselves.
func checkKeys(n *yaml.Node, keys []string) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		known := false
		for _, x := range keys {
			known = known || x == k.Value
		}
		if !known {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if s := nearest(k.Value, keys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return posError(k, msg)
		}
	}
	return nil
}

// Extra is a mapping of free-form metadata, kept in the order written.
type Extra []KeyValue

// KeyValue is one entry of Extra.
type KeyValue struct{ Key, Value string }

// UnmarshalYAML accepts a mapping of names to single values.
func (e *Extra) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return posError(n, "extra: expected a mapping of names to values")
	}
	out := make(Extra, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return posError(v, "extra: expected a single value for "+k.Value)
		}
		out = append(out, KeyValue{Key: k.Value, Value: v.Value})
	}
	*e = out
	return nil
}
