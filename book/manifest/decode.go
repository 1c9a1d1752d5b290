package manifest

import (
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// Decode parses YAML from file into dst, a pointer to Metadata or
// Manifest. firstLine is the file line on which the YAML text starts (1
// for book.yaml, 2 for front matter after its opening ---), so that every
// error names the line in the file the user edits. All problems found are
// returned together as a book.ErrorList.
func Decode(file string, src []byte, firstLine int, dst any) error {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return yamlErrors(file, firstLine, src, nil, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil // an empty document sets nothing
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return book.ErrorList{book.Errorf(at(file, firstLine, doc), "expected a mapping of keys and values, like \"title: My Book\"")}
	}
	c := &checker{file: file, firstLine: firstLine}
	c.checkStruct(doc, reflect.TypeOf(dst).Elem())
	if len(c.errs) > 0 {
		return c.errs
	}
	if err := doc.Decode(dst); err != nil {
		return yamlErrors(file, firstLine, src, doc, err)
	}
	return nil
}

// at converts a node's position to a file position.
func at(file string, firstLine int, n *yaml.Node) book.Pos {
	return book.Pos{File: file, Line: n.Line + firstLine - 1, Col: n.Column}
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

// checker collects the problems of one document's keys, each at its
// position in the file.
type checker struct {
	file      string
	firstLine int
	errs      book.ErrorList
}

// selfChecked is a type that decodes itself but still has keys to check:
// a mapping form (impose:) or a mapping of named entries (editions:).
type selfChecked interface {
	check(c *checker, n *yaml.Node)
}

func (c *checker) at(n *yaml.Node) book.Pos { return at(c.file, c.firstLine, n) }

// checkStruct reports every key of n that t does not declare, recursing
// into nested mappings and lists of mappings. Types with their own
// UnmarshalYAML check themselves.
func (c *checker) checkStruct(n *yaml.Node, t reflect.Type) {
	if n.Kind != yaml.MappingNode {
		c.errs = append(c.errs, book.Errorf(c.at(n), "expected a mapping of keys and values"))
		return
	}
	fields := yamlFields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		ft, ok := fields[key.Value]
		if !ok {
			e := book.Errorf(c.at(key), "unknown key %q", key.Value)
			if s := nearest(key.Value, sortedKeys(fields)); s != "" {
				e.Hint = "did you mean \"" + s + "\"?"
			}
			c.errs = append(c.errs, e)
			continue
		}
		c.checkValue(val, ft)
	}
}

func (c *checker) checkValue(val *yaml.Node, ft reflect.Type) {
	if sc, ok := reflect.New(ft).Interface().(selfChecked); ok {
		sc.check(c, val)
		return
	}
	if reflect.PointerTo(ft).Implements(unmarshalerType) {
		return
	}
	switch {
	case ft.Kind() == reflect.Pointer:
		c.checkValue(val, ft.Elem())
	case ft.Kind() == reflect.Struct:
		c.checkStruct(val, ft)
	case ft.Kind() == reflect.Slice && val.Kind == yaml.SequenceNode:
		for _, x := range val.Content {
			c.checkValue(x, ft.Elem())
		}
	}
}

// yamlFields maps each yaml key of struct t to its field type, following
// inline embedding.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if opts == "inline" {
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		out[name] = f.Type
	}
	return out
}

func sortedKeys(m map[string]reflect.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var (
	lineRE  = lazyregexp.New(`^(?:yaml: )?line (\d+)(?::(\d+))?: (.*)$`)
	valueRE = lazyregexp.New("`([^`]*)`")
)

// yamlErrors turns yaml.v3's errors ("yaml: line 3: …", or a TypeError
// with one "line N: …" per problem) into positioned errors. yaml.v3 gives
// no column, so the column is found from the parsed tree (the node on
// that line holding the offending value) or, for syntax errors, the
// line's first character.
func yamlErrors(file string, firstLine int, src []byte, doc *yaml.Node, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var out book.ErrorList
	for _, m := range msgs {
		line, col, ours := 1, 0, false
		if sub := lineRE().FindStringSubmatch(m); sub != nil {
			line, _ = strconv.Atoi(sub[1])
			if sub[2] != "" {
				col, _ = strconv.Atoi(sub[2])
				ours = true // written by posError, already a full message
			}
			m = sub[3]
		}
		if col == 0 {
			col = columnOf(src, doc, line, m)
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if !ours {
			m = "YAML: " + m
		}
		out = append(out, &book.Error{Pos: book.Pos{File: file, Line: line + firstLine - 1, Col: col}, Msg: m})
	}
	return out
}

// columnOf finds the column of the value a message quotes on a line, or
// the line's first non-blank character.
func columnOf(src []byte, doc *yaml.Node, line int, msg string) int {
	if doc != nil {
		if sub := valueRE().FindStringSubmatch(msg); sub != nil {
			if n := findNode(doc, line, sub[1]); n != nil {
				return n.Column
			}
		}
	}
	lines := strings.Split(string(src), "\n")
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		return len([]rune(l)) - len([]rune(strings.TrimLeft(l, " \t"))) + 1
	}
	return 1
}

func findNode(n *yaml.Node, line int, value string) *yaml.Node {
	if n.Line == line && n.Kind == yaml.ScalarNode && n.Value == value {
		return n
	}
	for _, c := range n.Content {
		if f := findNode(c, line, value); f != nil {
			return f
		}
	}
	return nil
}
