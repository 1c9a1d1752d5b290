package markdown

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"samizdat/book"
	"samizdat/internal/lazyregexp"
)

// citationNode is the goldmark node for a pandoc citation; the walker turns
// it into a book.Citation.
type citationNode struct {
	ast.BaseInline
	items  []book.CiteItem
	inText bool
	raw    string
	start  int // byte offset in the source
}

var kindCitation = ast.NewNodeKind("Citation")

func (n *citationNode) Kind() ast.NodeKind { return kindCitation }

func (n *citationNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Raw": n.raw}, nil)
}

// citationParser reads pandoc's citation syntax: bracketed
// [see @a, 12; @b, chap. 3], suppressed-author [-@a], and in-text @key
// with an optional [locator] after it.
type citationParser struct{}

func (citationParser) Trigger() []byte { return []byte{'[', '@'} }

// keyRE matches a citation key after '@': pandoc's rule, a letter, digit
// or '_' first, then those and internal punctuation.
var keyRE = lazyregexp.New(`^(?:\{[^{}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/][\p{L}\p{N}_])*)`)

func (citationParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	if line[0] == '@' {
		return parseInText(line, seg, block)
	}
	end := closingBracket(line)
	if end < 0 {
		return nil
	}
	// [@x](url) and [@x][ref] are links, [@x]: a definition.
	if end+1 < len(line) && strings.IndexByte("([:", line[end+1]) >= 0 {
		return nil
	}
	items, ok := parseItems(string(line[1:end]))
	if !ok {
		return nil
	}
	block.Advance(end + 1)
	return &citationNode{items: items, raw: string(line[:end+1]), start: seg.Start}
}

func parseInText(line []byte, seg text.Segment, block text.Reader) ast.Node {
	if prev := block.PrecendingCharacter(); unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == '_' {
		return nil // an e-mail address or a handle inside a word
	}
	key := keyRE().Find(line[1:])
	if key == nil {
		return nil
	}
	n := 1 + len(key)
	item := book.CiteItem{Key: strings.Trim(string(key), "{}")}
	// "@key [p. 33]" carries a locator in brackets after the key.
	if n+1 < len(line) && line[n] == ' ' && line[n+1] == '[' {
		if end := closingBracket(line[n+1:]); end > 0 && !strings.Contains(string(line[n+2:n+1+end]), "@") {
			item.LocatorLabel, item.Locator, item.Suffix = splitLocator(string(line[n+2 : n+1+end]))
			n += 1 + end + 1
		}
	}
	block.Advance(n)
	return &citationNode{items: []book.CiteItem{item}, inText: true, raw: string(line[:n]), start: seg.Start}
}

// maxCitation bounds the length of a bracketed citation, so that a line
// of many unclosed brackets costs linear time, not quadratic.
const maxCitation = 2048

// closingBracket returns the index of the ']' closing the '[' at line[0],
// or -1 when there is none within maxCitation bytes.
func closingBracket(line []byte) int {
	line = line[:min(len(line), maxCitation)]
	depth := 0
	for i, c := range line {
		switch c {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// parseItems splits the inside of a bracketed citation into items. Every
// ';'-separated part must cite a key, else the brackets are not a citation.
func parseItems(s string) ([]book.CiteItem, bool) {
	var items []book.CiteItem
	for _, part := range strings.Split(s, ";") {
		at := strings.Index(part, "@")
		for at >= 0 {
			if at == 0 || part[at-1] == ' ' || part[at-1] == '-' {
				break
			}
			next := strings.Index(part[at+1:], "@")
			if next < 0 {
				at = -1
			} else {
				at += 1 + next
			}
		}
		if at < 0 {
			return nil, false
		}
		key := keyRE().FindString(part[at+1:])
		if key == "" {
			return nil, false
		}
		item := book.CiteItem{Key: strings.Trim(key, "{}")}
		prefix := part[:at]
		if strings.HasSuffix(prefix, "-") {
			item.SuppressAuthor = true
			prefix = prefix[:len(prefix)-1]
		}
		item.Prefix = strings.TrimSpace(prefix)
		rest := part[at+1+len(key):]
		if strings.HasPrefix(rest, ",") {
			item.LocatorLabel, item.Locator, item.Suffix = splitLocator(strings.TrimSpace(rest[1:]))
		} else {
			item.Suffix = strings.TrimSpace(rest)
		}
		items = append(items, item)
	}
	return items, len(items) > 0
}

// locatorTerms maps the locator words and abbreviations pandoc knows to
// CSL locator labels.
var locatorTerms = map[string]string{
	"p": "page", "p.": "page", "pp.": "page", "page": "page", "pages": "page",
	"chap.": "chapter", "chaps.": "chapter", "chapter": "chapter", "chapters": "chapter", "ch.": "chapter",
	"sec.": "section", "secs.": "section", "section": "section", "sections": "section", "§": "section", "§§": "section",
	"para.": "paragraph", "paras.": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph", "¶": "paragraph", "¶¶": "paragraph",
	"l.": "line", "ll.": "line", "line": "line", "lines": "line",
	"n.": "note", "nn.": "note", "note": "note", "notes": "note",
	"vol.": "volume", "vols.": "volume", "volume": "volume", "volumes": "volume",
	"fig.": "figure", "figure": "figure", "bk.": "book", "book": "book",
}

// locatorRE matches a locator: numbers or roman numerals, ranges and
// comma-separated lists of them ("823–25", "xii", "4, 7–9").
var locatorRE = lazyregexp.New(`^(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+|[IVXLCDM]+)(?:\s*[-–—]\s*(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+|[IVXLCDM]+))?(?:\s*,\s*(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+)(?:\s*[-–—]\s*(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+))?)*`)

// splitLocator reads "pp. 823–25, emphasis added" into its label
// ("page"), locator ("823–25") and the suffix after it. A bare number is a
// page; text that starts with neither a term nor a number is all suffix.
func splitLocator(s string) (label, locator, suffix string) {
	label = "page"
	termed := false
	if word, rest, ok := strings.Cut(s, " "); ok {
		if l, known := locatorTerms[strings.ToLower(word)]; known {
			label, s, termed = l, strings.TrimSpace(rest), true
		}
	}
	loc := locatorRE().FindString(s)
	if loc != "" && len(loc) < len(s) && unicode.IsLetter(rune(s[len(loc)])) {
		loc = "" // a word such as "did" or "mix", not a numeral
	}
	if loc == "" {
		if !termed {
			return "", "", strings.TrimSpace(s)
		}
		loc, _, _ = strings.Cut(s, ",")
	}
	return label, strings.TrimSpace(loc), strings.TrimSpace(strings.TrimLeft(s[len(loc):], ", "))
}
