package cite

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The BibTeX scanner gives field values as written, TeX and all. This
// file turns that TeX into text: accents ({\"o}, \'e, \c{c}) into
// letters, special letters (\o, \ss, \ae) and symbols (\&, \S), quotes and
// dashes (``, '', --, ---) into their characters, \emph and \textit into
// italics, and groups in braces into case-protected runs, as BibTeX uses
// them ("{NASA}").

// accents maps TeX accent commands to combining characters.
var accents = map[string]rune{
	"'": '\u0301', "`": '\u0300', "^": '\u0302', "\"": '\u0308', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B',
	"c": '\u0327', "d": '\u0323', "b": '\u0331', "k": '\u0328', "r": '\u030A',
	"t": '\u0361',
}

// symbols maps TeX commands without arguments to characters.
var symbols = map[string]string{
	"o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}",
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
	"S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"copyright": "©", "textcopyright": "©", "pounds": "£", "textsterling": "£", "euro": "€",
	"texteuro": "€", "textdegree": "°", "guillemotleft": "«", "guillemotright": "»",
	"guillemetleft": "«", "guillemetright": "»", "textasciitilde": "~", "textbackslash": "\\",
	" ": " ", ",": "\u202F", ";": " ", "@": "", "/": "", "-": "", "\\": " ", "textbar": "|",
	"LaTeX": "LaTeX", "TeX": "TeX",
}

// italicCommands set their argument in italics; plainCommands keep it as
// text.
var (
	italicCommands = map[string]bool{"emph": true, "textit": true, "textsl": true, "mkbibemph": true}
	plainCommands  = map[string]bool{
		"textbf": true, "textsc": true, "textrm": true, "textup": true, "textsf": true,
		"texttt": true, "textmd": true, "textnormal": true, "mbox": true, "text": true,
		"url": true, "mkbibquote": false, "enquote": false, "bibstring": true, "noopsort": false,
	}
)

// latexText converts a TeX field value into styled text. Braces protect
// their contents' case; $…$ math keeps its text.
func latexText(s string) Text {
	p := &latexParser{src: []rune(s)}
	p.run(false, false, 0)
	p.flush()
	return fromCells(composeCells(p.out.cells()))
}

// latexPlain converts a TeX value into plain text (names, places).
func latexPlain(s string) string {
	return latexText(s).String()
}

type latexParser struct {
	src    []rune
	i      int
	out    Text
	buf    strings.Builder
	italic bool
	nocase bool
}

func (p *latexParser) flush() {
	if p.buf.Len() > 0 {
		p.out = append(p.out, Run{S: p.buf.String(), Italic: p.italic, NoCase: p.nocase})
		p.buf.Reset()
	}
}

// setStyle changes the style of what follows.
func (p *latexParser) setStyle(italic, nocase bool) {
	if italic != p.italic || nocase != p.nocase {
		p.flush()
		p.italic, p.nocase = italic, nocase
	}
}

// run reads until the closing brace of the current group (or the end),
// in the given style; depth counts the braces around.
func (p *latexParser) run(italic, nocase bool, depth int) {
	p.setStyle(italic, nocase)
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == '}':
			p.i++
			if depth > 0 {
				return
			}
		case c == '{':
			p.i++
			p.run(italic, true, depth+1)
			p.setStyle(italic, nocase)
		case c == '\\':
			p.command(italic, nocase, depth)
			p.setStyle(italic, nocase)
		case c == '$':
			p.i++ // math: keep the text between the dollars
		case c == '~':
			p.buf.WriteRune('\u00A0')
			p.i++
		case c == '-' && p.peek(1) == '-' && p.peek(2) == '-':
			p.buf.WriteRune('—')
			p.i += 3
		case c == '-' && p.peek(1) == '-':
			p.buf.WriteRune('–')
			p.i += 2
		case c == '`' && p.peek(1) == '`':
			p.buf.WriteRune('“')
			p.i += 2
		case c == '\'' && p.peek(1) == '\'':
			p.buf.WriteRune('”')
			p.i += 2
		case c == '`':
			p.buf.WriteRune('‘')
			p.i++
		case c == '\'':
			p.buf.WriteRune('’')
			p.i++
		case c == '"':
			p.buf.WriteRune('”')
			p.i++
		case unicode.IsSpace(c):
			p.buf.WriteRune(' ')
			for p.i < len(p.src) && unicode.IsSpace(p.src[p.i]) {
				p.i++
			}
		default:
			p.buf.WriteRune(c)
			p.i++
		}
	}
}

func (p *latexParser) peek(n int) rune {
	if p.i+n < len(p.src) {
		return p.src[p.i+n]
	}
	return 0
}

// command reads one TeX command at p.i (a backslash).
func (p *latexParser) command(italic, nocase bool, depth int) {
	p.i++ // the backslash
	if p.i >= len(p.src) {
		return
	}
	var name string
	if c := p.src[p.i]; unicode.IsLetter(c) {
		start := p.i
		for p.i < len(p.src) && unicode.IsLetter(p.src[p.i]) {
			p.i++
		}
		name = string(p.src[start:p.i])
	} else {
		name = string(c)
		p.i++
	}
	if mark, ok := accents[name]; ok {
		base := p.argument()
		if base == "" {
			base = " "
		}
		rs := []rune(base)
		p.buf.WriteRune(dotless(rs[0]))
		p.buf.WriteRune(mark)
		p.buf.WriteString(string(rs[1:]))
		return
	}
	if s, ok := symbols[name]; ok {
		p.buf.WriteString(s)
		if unicode.IsLetter([]rune(name)[0]) {
			p.skipSpaceAfterWord()
		}
		return
	}
	switch {
	case italicCommands[name]:
		p.group(!italic, nocase, depth)
	case name == "href":
		p.argument() // the address
		p.group(italic, nocase, depth)
	case name == "it" || name == "itshape" || name == "em":
		p.skipSpaceAfterWord()
		p.setStyle(!italic, nocase)
	default:
		// An unknown command or a plain one (\textsc): keep its argument.
		p.skipSpaceAfterWord()
		if p.i < len(p.src) && p.src[p.i] == '{' {
			p.group(italic, nocase, depth)
		}
	}
}

// group reads a braced argument in a style, without protecting case.
func (p *latexParser) group(italic, nocase bool, depth int) {
	p.skipSpaces()
	if p.i < len(p.src) && p.src[p.i] == '{' {
		p.i++
		p.run(italic, nocase, depth+1)
	}
}

// argument returns the text of the next argument: a braced group or a
// single character, TeX-decoded.
func (p *latexParser) argument() string {
	p.skipSpaces()
	if p.i >= len(p.src) {
		return ""
	}
	if p.src[p.i] == '{' {
		depth, start := 0, p.i
		for p.i < len(p.src) {
			switch p.src[p.i] {
			case '{':
				depth++
			case '}':
				depth--
			}
			p.i++
			if depth == 0 {
				break
			}
		}
		inner := string(p.src[start+1 : max(start+1, p.i-1)])
		return latexPlain(inner)
	}
	if p.src[p.i] == '\\' { // a letter command such as \i or \o; no accents of accents
		p.i++
		start := p.i
		for p.i < len(p.src) && unicode.IsLetter(p.src[p.i]) {
			p.i++
		}
		if p.i == start && p.i < len(p.src) {
			p.i++
		}
		return symbols[string(p.src[start:p.i])]
	}
	c := p.src[p.i]
	p.i++
	return string(c)
}

func (p *latexParser) skipSpaces() {
	for p.i < len(p.src) && p.src[p.i] == ' ' {
		p.i++
	}
}

// skipSpaceAfterWord drops the space that ends a command name (\ss{} or
// "\ss tal").
func (p *latexParser) skipSpaceAfterWord() {
	if p.i+1 < len(p.src) && p.src[p.i] == '{' && p.src[p.i+1] == '}' {
		p.i += 2
		return
	}
	p.skipSpaces()
}

// dotless turns \i and \j back into i and j under an accent.
func dotless(r rune) rune {
	switch r {
	case 'ı':
		return 'i'
	case 'ȷ':
		return 'j'
	}
	return r
}

// composeCells joins letters and combining accents into single
// characters (NFC), keeping each letter's style.
func composeCells(cs []cell) []cell {
	var out []cell
	for _, c := range cs {
		if unicode.Is(unicode.Mn, c.r) && len(out) > 0 {
			prev := out[len(out)-1]
			composed := []rune(norm.NFC.String(string([]rune{prev.r, c.r})))
			if len(composed) == 1 {
				out[len(out)-1].r = composed[0]
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
