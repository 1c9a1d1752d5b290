package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Run is a stretch of formatted citation text that shares one style.
type Run struct {
	S string
	// Italic sets the run in italics (a book's or a journal's title).
	Italic bool
	// NoCase protects the run from case changes: title case and the
	// capital at the start of a note leave it as written.
	NoCase bool
	// URL, when set, makes the run a link to that address.
	URL string
}

// Text is formatted citation text: a note, a bibliography entry or a
// field of a source, as runs of styled characters. The zero value is
// empty text, which the formatters treat as a missing part.
type Text []Run

// plain makes unstyled text; an empty string gives empty Text.
func plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{{S: s}}
}

// String returns the characters without styles.
func (t Text) String() string {
	var b strings.Builder
	for _, r := range t {
		b.WriteString(r.S)
	}
	return b.String()
}

// Empty reports whether the text has no characters.
func (t Text) Empty() bool {
	for _, r := range t {
		if r.S != "" {
			return false
		}
	}
	return true
}

// Marked returns the text with italics marked *so*, the form the golden
// files use to compare with pandoc.
func (t Text) Marked() string {
	var b strings.Builder
	for _, r := range t.visible() {
		if r.Italic {
			b.WriteString("*" + r.S + "*")
		} else {
			b.WriteString(r.S)
		}
	}
	return b.String()
}

// italic sets the text in italics; italics inside italics become roman,
// as CSL's flip-flop rule has it (a ship's name inside a book title).
func italic(t Text) Text {
	out := make(Text, len(t))
	for i, r := range t {
		r.Italic = !r.Italic
		out[i] = r
	}
	return out
}

// link makes the text a link to url.
func link(t Text, url string) Text {
	out := make(Text, len(t))
	for i, r := range t {
		r.URL = url
		out[i] = r
	}
	return out
}

// quoted puts the text in double quotation marks; double marks inside
// become single ones.
func quoted(t Text) Text {
	if t.Empty() {
		return nil
	}
	inner := make(Text, len(t))
	for i, r := range t {
		r.S = strings.NewReplacer("“", "‘", "”", "’").Replace(r.S)
		inner[i] = r
	}
	return concat(plain("“"), inner, plain("”"))
}

// concat joins texts without a delimiter.
func concat(parts ...Text) Text {
	var out Text
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// join joins the non-empty parts with delim, as a CSL group does; it is
// empty when every part is.
func join(delim string, parts ...Text) Text {
	var out Text
	for _, p := range parts {
		if p.Empty() {
			continue
		}
		if len(out) > 0 {
			out = append(out, Run{S: delim})
		}
		out = append(out, p...)
	}
	return out
}

// affix wraps non-empty text in a prefix and a suffix.
func affix(prefix string, t Text, suffix string) Text {
	if t.Empty() {
		return nil
	}
	return concat(plain(prefix), t, plain(suffix))
}

// merge joins neighbouring runs of the same style and drops empty ones.
func (t Text) merge() Text {
	var out Text
	for _, r := range t {
		if r.S == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Italic == r.Italic && out[n-1].NoCase == r.NoCase && out[n-1].URL == r.URL {
			out[n-1].S += r.S
			continue
		}
		out = append(out, r)
	}
	return out
}

// visible merges runs that look the same, dropping the case protection
// that only matters while formatting.
func (t Text) visible() Text {
	out := make(Text, len(t))
	for i, r := range t {
		r.NoCase = false
		out[i] = r
	}
	return out.merge()
}

// cell is one character of text with its run's style, so that the
// punctuation rules can look across run boundaries.
type cell struct {
	r   rune
	run Run
}

func (t Text) cells() []cell {
	var out []cell
	for _, r := range t {
		for _, c := range r.S {
			out = append(out, cell{c, r})
		}
	}
	return out
}

func fromCells(cs []cell) Text {
	var out Text
	for _, c := range cs {
		r := c.run
		r.S = string(c.r)
		out = append(out, r)
	}
	return out.merge()
}

// punctuate applies the rules of American punctuation to assembled text,
// as citeproc does: a comma or full stop after a closing quotation mark
// moves inside it; a full stop after a question or exclamation mark or
// another full stop is dropped, and so is a comma after a question or
// exclamation mark in the same style (a question mark ending an italic
// title keeps the comma after it); doubled spaces become one.
func punctuate(t Text) Text {
	cs := t.cells()
	for i := 0; i+1 < len(cs); i++ {
		if cs[i].r == '”' && (cs[i+1].r == ',' || cs[i+1].r == '.') {
			cs[i].r, cs[i+1].r = cs[i+1].r, cs[i].r
			cs[i].run, cs[i+1].run = cs[i+1].run, cs[i].run
		}
	}
	out := cs[:0:0]
	for _, c := range cs {
		if len(out) > 0 {
			prev, prevRun := lastMark(out)
			same := prevRun.Italic == c.run.Italic
			switch {
			case c.r == '.' && (prev == '?' || prev == '!' || prev == '.'):
				continue
			case c.r == ',' && (prev == '?' || prev == '!') && same:
				continue
			case c.r == ',' && prev == ',':
				continue
			case c.r == ' ' && out[len(out)-1].r == ' ':
				continue
			}
		}
		out = append(out, c)
	}
	return fromCells(out)
}

// lastMark is the last character before any closing quotation marks, so
// that "Enlightenment?”," loses its comma.
func lastMark(cs []cell) (rune, Run) {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].r != '”' && cs[i].r != '’' {
			return cs[i].r, cs[i].run
		}
		if i == 0 {
			break
		}
		if unicode.IsLetter(cs[i-1].r) || unicode.IsDigit(cs[i-1].r) {
			return cs[i].r, cs[i].run
		}
	}
	return 0, Run{}
}

// endsWith reports whether the text's last character is one of chars.
func (t Text) endsWith(chars string) bool {
	s := t.String()
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(chars, r)
}

// capitalizeFirst capitalizes the first letter of the text unless that
// run is protected, as pandoc does at the start of a note ("See", "Ibid.").
func capitalizeFirst(t Text) Text {
	out := append(Text(nil), t...)
	for i, r := range out {
		if r.S == "" {
			continue
		}
		if r.NoCase {
			return out
		}
		first, size := utf8.DecodeRuneInString(r.S)
		if !unicode.IsLetter(first) {
			if strings.TrimLeftFunc(r.S, func(c rune) bool { return !unicode.IsLetter(c) }) == "" {
				continue
			}
			return out
		}
		out[i].S = string(unicode.ToUpper(first)) + r.S[size:]
		return out
	}
	return out
}
