package cite

import (
	"strings"

	"gopkg.in/yaml.v3"

	"samizdat/book"
	"samizdat/book/manifest"
)

// ReadCSLYAML reads CSL YAML as pandoc writes it: a mapping whose
// references: key lists the sources.
func ReadCSLYAML(file string, data []byte) ([]*Entry, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlSyntax(file, data, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, book.Errorf(book.Pos{File: file, Line: 1, Col: 1}, "the file is empty: write references: and a list of sources")
	}
	doc := root.Content[0]
	var list *yaml.Node
	switch doc.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(doc.Content); i += 2 {
			if doc.Content[i].Value == "references" {
				list = doc.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		list = doc // a bare list, as some tools write
	}
	if list == nil {
		return nil, book.Errorf(book.Pos{File: file, Line: doc.Line, Col: doc.Column}, "no references: list in this file: CSL YAML starts with references: and a list of sources")
	}
	return ReadYAMLReferences(file, 1, list)
}

// ReadYAMLReferences reads a YAML list of sources, from a CSL YAML file
// or from the references: key of a book's front matter or book.yaml.
// firstLine is the file line on which the YAML text starts.
func ReadYAMLReferences(file string, firstLine int, list *yaml.Node) ([]*Entry, error) {
	pos := func(n *yaml.Node) book.Pos {
		return book.Pos{File: file, Line: n.Line + firstLine - 1, Col: n.Column}
	}
	if list.Kind != yaml.SequenceNode {
		return nil, book.Errorf(pos(list), "references: must be a list of sources, each starting with \"- id: …\"")
	}
	var out []*Entry
	var errs book.ErrorList
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			errs = append(errs, book.Errorf(pos(item), "each source must be a mapping with an id, a type and its fields"))
			continue
		}
		m, _ := yamlValue(item).(map[string]any)
		at := func(field string) book.Pos {
			for i := 0; i+1 < len(item.Content); i += 2 {
				if item.Content[i].Value == field {
					return pos(item.Content[i])
				}
			}
			return pos(item)
		}
		e, err := fromMap(m, pos(item), at, parseMarkdownValue)
		if err != nil {
			errs = append(errs, book.Errors(err)...)
			continue
		}
		out = append(out, e)
	}
	return out, errs.Err()
}

// yamlValue converts a YAML node into strings, lists and maps.
func yamlValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return yamlValue(n.Content[0])
		}
	case yaml.AliasNode:
		if n.Alias != nil {
			return yamlValue(n.Alias)
		}
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, yamlValue(c))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = yamlValue(n.Content[i+1])
		}
		return out
	case yaml.ScalarNode:
		return n.Value
	}
	return nil
}

// yamlSyntax positions a YAML syntax error with the manifest decoder's
// rules, so that messages read the same as for book.yaml.
func yamlSyntax(file string, data []byte, err error) error {
	var probe struct{}
	if e := manifest.Decode(file, data, 1, &probe); e != nil {
		return e
	}
	return book.Errorf(book.Pos{File: file, Line: 1, Col: 1}, "YAML: %v", err)
}

// parseMarkdownValue reads a value the way pandoc reads YAML metadata:
// as Markdown, so *italics* and _italics_ are italic, straight quotes
// curl, -- and --- become dashes and ... an ellipsis.
func parseMarkdownValue(s string) Text {
	var out Text
	var buf strings.Builder
	it := false
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, Run{S: buf.String(), Italic: it})
			buf.Reset()
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			i++
			buf.WriteRune(rs[i])
		case c == '*' && i+1 < len(rs) && rs[i+1] == '*':
			i++ // strong: keep the text
		case c == '*' || c == '_' && (it && (i+1 == len(rs) || !isWordRune(rs[i+1])) || !it && (i == 0 || !isWordRune(rs[i-1]))):
			flush()
			it = !it
		case c == '-' && i+2 < len(rs) && rs[i+1] == '-' && rs[i+2] == '-':
			buf.WriteRune('—')
			i += 2
		case c == '-' && i+1 < len(rs) && rs[i+1] == '-':
			buf.WriteRune('–')
			i++
		case c == '.' && i+2 < len(rs) && rs[i+1] == '.' && rs[i+2] == '.':
			buf.WriteRune('…')
			i += 2
		default:
			buf.WriteRune(c)
		}
	}
	flush()
	return smartQuotes(out)
}
