package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseCSLMarkup reads the small HTML-like markup CSL-JSON allows in text
// variables — <i>, <b>, <sc>, <sup>, <sub>, <span class="nocase"> and
// <span style="font-variant:small-caps;"> — into styled text. Italics
// are kept; nocase protects case; the rest keep their text. Straight
// quotation marks and apostrophes become typographic ones.
func parseCSLMarkup(s string) Text {
	var out Text
	type state struct {
		tag    string
		italic bool
		nocase bool
	}
	stack := []state{{}}
	cur := func() state { return stack[len(stack)-1] }
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			st := cur()
			out = append(out, Run{S: buf.String(), Italic: st.italic, NoCase: st.nocase})
			buf.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if end := strings.IndexByte(s[i:], '>'); end > 0 {
				tag := s[i+1 : i+end]
				name := strings.ToLower(strings.Fields(strings.TrimPrefix(tag, "/") + " x")[0])
				switch {
				case strings.HasPrefix(tag, "/") && len(stack) > 1 && cur().tag == name:
					flush()
					stack = stack[:len(stack)-1]
					i += end + 1
					continue
				case name == "i" || name == "b" || name == "sc" || name == "sup" || name == "sub" || name == "span":
					flush()
					st := cur()
					st.tag = name
					if name == "i" {
						st.italic = !st.italic
					}
					if name == "span" && strings.Contains(tag, "nocase") {
						st.nocase = true
					}
					stack = append(stack, st)
					i += end + 1
					continue
				}
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		buf.WriteRune(r)
		i += size
	}
	flush()
	return smartQuotes(out)
}

// smartQuotes turns straight quotation marks and apostrophes into
// typographic ones, deciding open or close from the characters around.
func smartQuotes(t Text) Text {
	cs := t.cells()
	for i, c := range cs {
		if c.r != '"' && c.r != '\'' {
			continue
		}
		var before, after rune = ' ', ' '
		if i > 0 {
			before = cs[i-1].r
		}
		if i+1 < len(cs) {
			after = cs[i+1].r
		}
		opening := (unicode.IsSpace(before) || strings.ContainsRune("([{—–“‘-/", before)) && !unicode.IsSpace(after)
		switch {
		case c.r == '"' && opening:
			cs[i].r = '“'
		case c.r == '"':
			cs[i].r = '”'
		case opening && !unicode.IsDigit(after):
			cs[i].r = '‘'
		default:
			cs[i].r = '’'
		}
	}
	return fromCells(cs)
}

// parseParticles splits name particles written into the family or given
// name, as CSL processors do unless told not to: "van Gogh" gives the
// non-dropping particle "van"; a given name "Alexis de" gives the
// dropping particle "de".
func parseParticles(n Name) Name {
	if n.NonDroppingParticle == "" {
		words := strings.Fields(n.Family)
		i := 0
		for i < len(words)-1 && lowerStart(words[i]) {
			i++
		}
		if i > 0 {
			n.NonDroppingParticle = strings.Join(words[:i], " ")
			n.Family = strings.Join(words[i:], " ")
		}
	}
	if n.DroppingParticle == "" {
		words := strings.Fields(n.Given)
		j := len(words)
		for j > 1 && lowerStart(words[j-1]) {
			j--
		}
		if j < len(words) {
			n.DroppingParticle = strings.Join(words[j:], " ")
			n.Given = strings.Join(words[:j], " ")
		}
	}
	return n
}

func lowerStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}
