package importer

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// isoOutRE matches the dates the importer writes, which YAML may hold
// unquoted.
var isoOutRE = lazyregexp.New(`^\d{4}(?:-\d{2}(?:-\d{2})?)?$`)

// Manuscript returns the article as a samizdat manuscript: YAML front
// matter with its metadata, then its text. Metadata samizdat has no key
// for is kept under extra: ("Issue: 42"), so nothing the article said
// about itself is lost.
func (a *Article) Manuscript() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	m := a.Meta
	scalar(&b, "title", m.Title)
	scalar(&b, "subtitle", m.Subtitle)
	listOrScalar(&b, "author", m.Authors)
	if isoOutRE().MatchString(m.Date) {
		b.WriteString("date: " + m.Date + "\n")
	} else {
		scalar(&b, "date", m.Date)
	}
	listOrScalar(&b, "subject", m.Subjects)
	scalar(&b, "source", m.Source)
	scalar(&b, "lang", m.Lang)
	if len(m.Other) > 0 {
		// The article's other "Key: value" lines, kept in order; a key
		// that comes again gets a number, as a YAML mapping needs.
		b.WriteString("extra:\n")
		seen := map[string]int{}
		for _, f := range m.Other {
			key := book.OneLine(f.Key)
			if seen[key]++; seen[key] > 1 {
				key += " " + strconv.Itoa(seen[key])
			}
			b.WriteString("  " + yamlString(key) + ": " + yamlString(book.OneLine(f.Value)) + "\n")
		}
	}
	b.WriteString("---\n\n")
	b.WriteString(strings.TrimLeft(a.Body, "\n"))
	return []byte(b.String())
}

// scalar writes "key: value" with the value quoted as YAML needs; an
// empty value writes nothing.
func scalar(b *strings.Builder, key, value string) {
	if value = book.OneLine(value); value != "" {
		b.WriteString(key + ": " + yamlString(value) + "\n")
	}
}

// listOrScalar writes one value as a scalar and several as a list.
func listOrScalar(b *strings.Builder, key string, values []string) {
	switch len(values) {
	case 0:
	case 1:
		scalar(b, key, values[0])
	default:
		b.WriteString(key + ":\n")
		for _, v := range values {
			b.WriteString("  - " + yamlString(book.OneLine(v)) + "\n")
		}
	}
}

// yamlString quotes s as a YAML scalar when it must be.
func yamlString(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
	}
	return strings.TrimSuffix(string(out), "\n")
}
