package cite

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"samizdat/book"
	"samizdat/book/manifest"
)

// cslTypes are the item types of CSL 1.0.2. "letter" is accepted as
// another name for personal_communication, the type CSL gives letters.
var cslTypes = []string{
	"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
	"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
	"entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
	"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
	"musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
	"personal_communication", "post", "post-weblog", "regulation", "report", "review",
	"review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}

// nameVars and dateVars are the CSL variables that hold names and dates;
// every other variable is text.
var (
	nameVars = map[string]bool{
		"author": true, "editor": true, "translator": true, "container-author": true,
		"recipient": true, "interviewer": true, "reviewed-author": true, "collection-editor": true,
		"composer": true, "director": true, "illustrator": true, "original-author": true,
		"editorial-director": true, "chair": true, "compiler": true, "contributor": true,
		"curator": true, "executive-producer": true, "guest": true, "host": true,
		"narrator": true, "organizer": true, "performer": true, "producer": true,
		"script-writer": true, "series-creator": true,
	}
	dateVars = map[string]bool{
		"issued": true, "accessed": true, "original-date": true, "event-date": true,
		"submitted": true, "available-date": true,
	}
)

// rawVars are addresses and identifiers, kept exactly as written.
var rawVars = map[string]bool{"URL": true, "DOI": true, "ISBN": true, "ISSN": true, "PMID": true, "PMCID": true}

// fieldAt finds where a field of an entry is written, for messages.
type fieldAt func(field string) book.Pos

// fromMap builds an entry from a decoded CSL item (from JSON or YAML):
// strings, numbers, lists of names and dates. markup reads a text value.
func fromMap(m map[string]any, pos book.Pos, at fieldAt, markup func(string) Text) (*Entry, error) {
	id, ok := scalar(m["id"])
	if !ok || id == "" {
		return nil, book.Errorf(pos, "a source has no id: give every source an id, the key you cite it by")
	}
	e := newEntry(id, pos)
	typ, hasType := scalar(m["type"])
	switch {
	case typ == "" && hasType:
		// pandoc writes an empty type for BibTeX's @misc: format it
		// generically.
	case typ == "":
		return nil, book.Errorf(pos, "source %q has no type: add type: book (or chapter, article-journal, …)", id)
	case typ == "letter":
		typ = "personal_communication"
	case !knownType(typ):
		err := book.Errorf(at("type"), "source %q has the unknown type %q", id, typ)
		if s := manifest.Nearest(typ, append([]string{"letter"}, cslTypes...)); s != "" {
			err.Hint = "did you mean \"" + s + "\"?"
		}
		return nil, err
	}
	e.Type = typ
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		switch {
		case k == "id" || k == "type":
		case nameVars[k]:
			names, err := namesValue(v)
			if err != nil {
				return nil, book.Errorf(at(k), "source %q: %s: %v", id, k, err)
			}
			e.Names[k] = names
		case dateVars[k]:
			d, err := dateValue(v)
			if err != nil {
				return nil, book.Errorf(at(k), "source %q: %s: %v", id, k, err)
			}
			e.Dates[k] = d
		case k == "language":
			e.Lang, _ = scalar(v)
		default:
			s, ok := scalar(v)
			switch name := cslVarName(k); {
			case !ok || s == "":
			case rawVars[name]:
				e.Vars[name] = plain(strings.TrimSpace(s))
			default:
				e.Vars[name] = markup(s)
			}
		}
	}
	return e, nil
}

// cslVarName maps the spellings pandoc accepts to CSL's: "url" to "URL".
func cslVarName(k string) string {
	switch strings.ToLower(k) {
	case "url":
		return "URL"
	case "doi":
		return "DOI"
	case "isbn":
		return "ISBN"
	case "issn":
		return "ISSN"
	case "archive-location":
		return "archive_location"
	case "container-title-short", "journalabbreviation":
		return "container-title-short"
	case "shorttitle":
		return "title-short"
	}
	return k
}

func knownType(t string) bool {
	for _, k := range cslTypes {
		if k == t {
			return true
		}
	}
	return false
}

// scalar returns a string or number value as text.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case fmt.Stringer: // json.Number
		return x.String(), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case int:
		return strconv.Itoa(x), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

// namesValue reads a list of names: mappings with family, given and the
// particles, or a literal; a plain string is read as "Family, Given" or
// as a literal name.
func namesValue(v any) ([]Name, error) {
	list, ok := v.([]any)
	if !ok {
		if s, ok := scalar(v); ok {
			return []Name{nameFromString(s)}, nil
		}
		return nil, fmt.Errorf("expected a list of names")
	}
	var out []Name
	for _, item := range list {
		switch x := item.(type) {
		case map[string]any:
			var n Name
			parse := true
			for k, val := range x {
				s, _ := scalar(val)
				switch k {
				case "family":
					n.Family = s
				case "given":
					n.Given = s
				case "dropping-particle":
					n.DroppingParticle = s
				case "non-dropping-particle":
					n.NonDroppingParticle = s
				case "suffix":
					n.Suffix = s
				case "literal":
					n.Literal = s
				case "comma-suffix":
					n.CommaSuffix = s == "true" || s == "1"
				case "parse-names":
					parse = !(s == "false" || s == "0")
				}
			}
			if parse {
				n = parseParticles(n)
			}
			if n.Family == "" && n.Given == "" && n.Literal == "" {
				return nil, fmt.Errorf("a name has neither family, given nor literal")
			}
			out = append(out, n)
		default:
			s, ok := scalar(item)
			if !ok {
				return nil, fmt.Errorf("expected a name")
			}
			out = append(out, nameFromString(s))
		}
	}
	return out, nil
}

// nameFromString reads "Family, Given" or takes the text as a literal.
func nameFromString(s string) Name {
	if family, given, ok := strings.Cut(s, ","); ok {
		return parseParticles(Name{Family: strings.TrimSpace(family), Given: strings.TrimSpace(given)})
	}
	return Name{Literal: strings.TrimSpace(s)}
}

// dateValue reads a date: a mapping with date-parts (or raw, literal,
// season, circa), or a string in the form pandoc writes ("1890-12-15").
func dateValue(v any) (Date, error) {
	if s, ok := scalar(v); ok {
		if d, ok := parseEDTF(s); ok {
			return d, nil
		}
		return Date{Literal: s}, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return Date{}, fmt.Errorf("expected a date such as 1890-12-15 or {date-parts: [[1890, 12, 15]]}")
	}
	var d Date
	switch {
	case m["date-parts"] != nil:
		outer, ok := m["date-parts"].([]any)
		if !ok {
			return d, fmt.Errorf("date-parts must be a list of [year, month, day] lists")
		}
		var parts [][]int
		for _, o := range outer {
			inner, ok := o.([]any)
			if !ok {
				return d, fmt.Errorf("date-parts must be a list of [year, month, day] lists")
			}
			var ps []int
			for _, x := range inner {
				s, _ := scalar(x)
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil {
					return d, fmt.Errorf("%q in date-parts is not a number", s)
				}
				ps = append(ps, n)
			}
			parts = append(parts, ps)
		}
		if d, ok = dateFromParts(parts); !ok {
			return d, fmt.Errorf("date-parts %v is not a date", parts)
		}
	case m["raw"] != nil:
		s, _ := scalar(m["raw"])
		if d, ok = parseEDTF(s); !ok {
			d = Date{Literal: s}
		}
	case m["literal"] != nil:
		s, _ := scalar(m["literal"])
		d = Date{Literal: s}
	default:
		return d, fmt.Errorf("a date needs date-parts, raw or literal")
	}
	if s, ok := scalar(m["season"]); ok && d.From.Month == 0 {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 4 {
			d.From.Season = n
		}
	}
	if s, ok := scalar(m["circa"]); ok && s != "" && s != "false" && s != "0" {
		d.Circa = true
	}
	return d, nil
}
