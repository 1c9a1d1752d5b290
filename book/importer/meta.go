package importer

import (
	"strings"
	"unicode"
)

// Meta is an article's metadata, as the manuscript's front matter will
// hold it.
type Meta struct {
	Title    string
	Subtitle string
	Authors  []string
	// Date is ISO 8601 at the precision the article gave.
	Date     string
	Subjects []string
	Source   string
	Lang     string
	// Other holds the article's metadata that samizdat has no field for,
	// in the order met, so that nothing the article said is dropped.
	Other []Field
}

// Field is one "Key: value" of metadata.
type Field struct {
	Key, Value string
}

// field is what a metadata key means.
type field int

const (
	fieldOther field = iota
	fieldTitle
	fieldSubtitle
	fieldAuthor
	fieldDate
	fieldSubject
	fieldSubjects // a comma-separated list
	fieldSource
)

// metaKeys maps the keys article dumps use (lower case, single spaces) to
// the field each means.
var metaKeys = map[string]field{
	"title": fieldTitle, "headline": fieldTitle,
	"subtitle": fieldSubtitle, "standfirst": fieldSubtitle, "strapline": fieldSubtitle,
	"written by": fieldAuthor, "author": fieldAuthor, "authors": fieldAuthor, "by": fieldAuthor,
	"posted by": fieldAuthor, "words by": fieldAuthor, "writer": fieldAuthor, "byline": fieldAuthor,
	"published": fieldDate, "published on": fieldDate, "date": fieldDate, "posted": fieldDate,
	"posted on": fieldDate, "first published": fieldDate, "date published": fieldDate,
	"publication date": fieldDate, "dated": fieldDate,
	"originally listed under": fieldSubject, "listed under": fieldSubject, "filed under": fieldSubject,
	"category": fieldSubject, "section": fieldSubject, "topic": fieldSubject, "subject": fieldSubject,
	"categories": fieldSubjects, "topics": fieldSubjects, "tags": fieldSubjects, "tagged": fieldSubjects,
	"keywords": fieldSubjects, "subjects": fieldSubjects,
	"source": fieldSource, "originally published in": fieldSource, "first published in": fieldSource,
	"published in": fieldSource, "publication": fieldSource, "appeared in": fieldSource,
	"originally appeared in": fieldSource,
}

// headerLine is one line of an article's header, understood.
type headerLine struct {
	key   string // as written, for fields kept as they are
	field field
	value string
}

// splitKeyValue reads "Key: value". The key must look like a label — one
// to five words, starting with a letter, no sentence punctuation — so that
// a sentence with a colon is not taken for metadata.
func splitKeyValue(line string) (key, value string, ok bool) {
	i := strings.Index(line, ":")
	if i <= 0 {
		return "", "", false
	}
	key, value = strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
	if value == "" || len(key) > 40 || strings.HasPrefix(value, "//") {
		return "", "", false
	}
	words := strings.Fields(key)
	if len(words) == 0 || len(words) > 5 || !unicode.IsLetter([]rune(key)[0]) {
		return "", "", false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '-' && r != '\'' && r != '’' && r != '/' {
			return "", "", false
		}
	}
	return key, value, true
}

// normKey folds a key for lookup in metaKeys.
func normKey(k string) string {
	return strings.ToLower(strings.Join(strings.Fields(k), " "))
}

// parseHeaderLine understands one line under the title: "Key: value", a
// byline ("By Jane Smith") or a date on its own. ok is false for a line
// that is none of these — the start of the text.
func parseHeaderLine(line string) ([]headerLine, bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil, false
	}
	// "By Jane Smith | 26 April 2010": several items on one line.
	if parts := strings.Split(line, " | "); len(parts) > 1 {
		var out []headerLine
		for _, p := range parts {
			h, ok := parseHeaderLine(p)
			if !ok {
				return nil, false
			}
			out = append(out, h...)
		}
		return out, true
	}
	if key, value, ok := splitKeyValue(line); ok {
		f, known := metaKeys[normKey(key)]
		if !known && !unknownKeyLike(key, value, line) {
			return nil, false
		}
		return []headerLine{{key: key, field: f, value: value}}, true
	}
	if name, ok := byline(line); ok {
		return []headerLine{{key: "By", field: fieldAuthor, value: name}}, true
	}
	if looksLikeDate(line) {
		return []headerLine{{key: "Date", field: fieldDate, value: line}}, true
	}
	return nil, false
}

// unknownKeyLike reports whether a "Key: value" line with a key samizdat
// does not know reads as metadata ("Reading time: 6 minutes") rather than
// as a sentence with a colon ("The argument goes: revolutions fail.").
func unknownKeyLike(key, value, line string) bool {
	words := strings.Fields(key)
	if len(line) > 120 || len(words) > 3 || articles()[strings.ToLower(words[0])] {
		return false
	}
	return !strings.ContainsAny(value[len(value)-1:], ".!?") || len(strings.Fields(value)) <= 2
}

// byline reads "By Jane Smith": "By" and a short run of capitalised
// words with no closing punctuation (which "By 1926 the lines were
// redrawn." fails).
func byline(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "By ")
	if !ok {
		rest, ok = strings.CutPrefix(line, "by ")
	}
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(rest[len(rest)-1:], ".!?:;") {
		return "", false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] {
			return "", false
		}
		if unicode.IsDigit(r) {
			return "", false
		}
	}
	return rest, true
}

// articles begin sentences, never metadata labels.
var articles = wordSet("the a an this that these those it he she they we i")

// nameParticles are the lower-case words names contain ("Ludwig van
// Beethoven"), and "and" between two names.
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true,
	"del": true, "la": true, "le": true, "du": true, "dos": true, "das": true, "bin": true,
	"al": true, "and": true, "&": true, "y": true, "ter": true, "ten": true,
}

// splitAuthors separates "Jane Smith and Ali Khan" or "A, B and C" into
// names. A comma splits only between names of two or more words, so that
// "Jane Smith, Editor" stays one name.
func splitAuthors(v string) []string {
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(strings.TrimPrefix(v, "By "), "by ")
	var out []string
	for _, part := range splitWords(v, " and ", " & ") {
		pieces := strings.Split(part, ",")
		multi := len(pieces) > 1
		for _, p := range pieces {
			if len(strings.Fields(p)) < 2 {
				multi = false
			}
		}
		if !multi {
			pieces = []string{part}
		}
		for _, p := range pieces {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// splitWords splits s at every separator given.
func splitWords(s string, seps ...string) []string {
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// splitList separates "Tags: a, b; c" into its items.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
