package importer

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"samizdat/book/manifest"
)

// Listing is the result of adding chapters to a book.yaml.
type Listing struct {
	// YAML is the new text of book.yaml.
	YAML []byte
	// Added are the files appended; files already listed are left out.
	Added []string
	// InPart says the book has parts and the files went into the last;
	// Part is its title.
	InPart bool
	Part   string
}

// NewManifest is the book.yaml for a new book folder: a title made from
// the folder's name and the chapters, with a comment saying what to add.
func NewManifest(folderName string, files []string) []byte {
	var b strings.Builder
	b.WriteString("# Made by samizdat import: add the book's author, date, publisher and\n")
	b.WriteString("# front matter here. Each chapter's own details are in its front matter.\n")
	b.WriteString("title: " + yamlString(humanize(folderName)) + "\n")
	b.WriteString("chapters:\n")
	for _, f := range files {
		b.WriteString("  - " + yamlString(f) + "\n")
	}
	return []byte(b.String())
}

// humanize makes a title of a folder name: "my-first_book" → "My first
// book".
func humanize(name string) string {
	s := strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
	if s == "" {
		return "Untitled"
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// AddChapters appends files (paths relative to the book folder, with
// forward slashes) to the chapter list of the book.yaml text src, named
// file in messages. It edits the text rather than re-encoding the YAML,
// so the file's comments, order and layout stay as the editor wrote them.
// A book with parts gets the files at the end of its last part. The
// result is decoded again to make sure it is a valid manifest listing the
// new files.
func AddChapters(file string, src []byte, files []string) (*Listing, error) {
	var m manifest.Manifest
	if err := manifest.Decode(file, src, 1, &m); err != nil {
		return nil, fmt.Errorf("%s has errors; fix them before importing into the book:\n%w", file, err)
	}
	listed := map[string]bool{}
	for _, c := range m.Chapters {
		listed[path.Clean(c.Value)] = true
	}
	for _, p := range m.Parts {
		for _, c := range p.Chapters {
			listed[path.Clean(c.Value)] = true
		}
	}
	out := &Listing{YAML: src}
	for _, f := range files {
		if !listed[path.Clean(f)] {
			out.Added = append(out.Added, f)
			listed[path.Clean(f)] = true
		}
	}
	if len(out.Added) == 0 {
		return out, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	lines := splitLines(src)
	var doc *yaml.Node
	if len(root.Content) > 0 {
		doc = root.Content[0]
	}
	var edited []string
	switch parts := mapValue(doc, "parts"); {
	case doc == nil || doc.Kind == yaml.MappingNode && mapValue(doc, "chapters") == nil && parts == nil:
		// No list yet: add one at the end of the file.
		edited = append(lines, "chapters:")
		edited = append(edited, items("  ", out.Added)...)
	case parts != nil && len(parts.Content) > 0 && parts.Kind == yaml.SequenceNode:
		last := parts.Content[len(parts.Content)-1]
		out.InPart, out.Part = true, scalarValue(mapValue(last, "title"))
		var err error
		if edited, err = appendToList(lines, last, out.Added); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	default:
		var err error
		if edited, err = appendToList(lines, doc, out.Added); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	eol := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		eol = "\r\n"
	}
	out.YAML = []byte(strings.Join(edited, eol) + eol)
	if err := verifyListing(file, out); err != nil {
		return nil, err
	}
	return out, nil
}

// appendToList appends files to the chapters: list of mapping m, whatever
// form the list is written in, or adds the key.
func appendToList(lines []string, m *yaml.Node, files []string) ([]string, error) {
	key, list := mapEntry(m, "chapters")
	switch {
	case key == nil:
		// A part with no chapters yet: add the key after its last line.
		at := lastLine(m)
		indent := strings.Repeat(" ", max(m.Column-1, 0))
		if m.Style&yaml.FlowStyle != 0 || multiline(m) {
			return nil, fmt.Errorf("line %d: add a chapters: list to the last part by hand, then import again", m.Line)
		}
		add := append([]string{indent + "chapters:"}, items(indent+"  ", files)...)
		return slices.Insert(lines, at, add...), nil
	case list.Kind == yaml.SequenceNode && list.Style&yaml.FlowStyle != 0:
		return appendFlow(lines, list, files)
	case list.Kind == yaml.SequenceNode && len(list.Content) > 0:
		last := list.Content[len(list.Content)-1]
		if multiline(last) {
			return nil, fmt.Errorf("line %d: the last chapter is written over several lines; add the new chapters by hand", last.Line)
		}
		line := lines[last.Line-1]
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		return slices.Insert(lines, lastLine(last), items(indent, files)...), nil
	case list.Kind == yaml.ScalarNode && list.Tag == "!!null":
		// "chapters:" with nothing after it (or "~").
		l := lines[key.Line-1]
		lines[key.Line-1] = l[:key.Column-1] + "chapters:"
		indent := strings.Repeat(" ", key.Column-1) + "  "
		return slices.Insert(lines, key.Line, items(indent, files)...), nil
	}
	return nil, fmt.Errorf("line %d: chapters: is not a list", key.Line)
}

// appendFlow adds files inside a [a.md, b.md] list before its bracket.
func appendFlow(lines []string, list *yaml.Node, files []string) ([]string, error) {
	quoted := make([]string, len(files))
	for i, f := range files {
		quoted[i] = yamlString(f)
	}
	text := strings.Join(lines, "\n")
	start := lineOffset(lines, list.Line) + list.Column - 1
	end := closingFlowBracket(text, start)
	if end < 0 {
		return nil, fmt.Errorf("line %d: cannot find the end of the chapters list", list.Line)
	}
	insert := strings.Join(quoted, ", ")
	if strings.TrimSpace(text[start+1:end]) != "" {
		insert = ", " + insert
	}
	trimmed := strings.TrimRight(text[:end], " \t\n")
	text = trimmed + insert + text[end:]
	return strings.Split(text, "\n"), nil
}

// closingFlowBracket finds the ']' closing the '[' at text[start],
// skipping quoted strings and nested brackets.
func closingFlowBracket(text string, start int) int {
	depth := 0
	var quote byte
	for i := start; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// verifyListing decodes the edited manifest and checks that its last
// chapter list ends with the files added.
func verifyListing(file string, l *Listing) error {
	var m manifest.Manifest
	if err := manifest.Decode(file, l.YAML, 1, &m); err != nil {
		return fmt.Errorf("adding the chapters would break %s (a bug in samizdat import): %w", file, err)
	}
	list := m.Chapters
	if len(m.Parts) > 0 {
		list = m.Parts[len(m.Parts)-1].Chapters
	}
	if len(list) < len(l.Added) {
		return fmt.Errorf("adding the chapters to %s failed (a bug in samizdat import)", file)
	}
	tail := list[len(list)-len(l.Added):]
	for i, f := range l.Added {
		if tail[i].Value != f {
			return fmt.Errorf("adding the chapters to %s put %q where %q belongs (a bug in samizdat import)", file, tail[i].Value, f)
		}
	}
	return nil
}

// LastChapterDir is the folder (relative to the book) of the last chapter
// book.yaml lists, where imported chapters go beside their fellows; "" for
// the book folder itself.
func LastChapterDir(src []byte) string {
	var m manifest.Manifest
	if manifest.Decode("", src, 1, &m) != nil {
		return ""
	}
	list := m.Chapters
	if len(m.Parts) > 0 {
		list = m.Parts[len(m.Parts)-1].Chapters
	}
	if len(list) == 0 {
		return ""
	}
	dir := path.Dir(path.Clean(list[len(list)-1].Value))
	if dir == "." || strings.HasPrefix(dir, "..") || path.IsAbs(dir) {
		return ""
	}
	return dir
}

func items(indent string, files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = indent + "- " + yamlString(f)
	}
	return out
}

// splitLines splits text into lines without their line ends, dropping the
// final empty line a trailing newline makes.
func splitLines(src []byte) []string {
	s := strings.TrimRight(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func lineOffset(lines []string, line int) int {
	off := 0
	for i := 0; i < line-1 && i < len(lines); i++ {
		off += len(lines[i]) + 1
	}
	return off
}

// lastLine is the last source line a node spans (1-based).
func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		last = max(last, lastLine(c))
	}
	return last
}

// multiline reports whether a node holds a scalar written over several
// lines, after which a line cannot be inserted by line number.
func multiline(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		return n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n")
	}
	for _, c := range n.Content {
		if multiline(c) {
			return true
		}
	}
	return false
}

func mapEntry(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	_, v := mapEntry(m, key)
	return v
}

func scalarValue(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}
