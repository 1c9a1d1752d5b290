package epub

import (
	_ "embed"
	"strings"

	"samizdat/fonts"
)

// baseCSS is the book's typography, the same for every book.
//
//go:embed book.css
var baseCSS string

// stylesheet returns the publication's one stylesheet: @font-face rules
// and the body's font family when fonts are embedded, then the base
// typography.
func (p *plan) stylesheet() []byte {
	var b strings.Builder
	if p.fontFamily != "" {
		family := cssString(p.fontFamily)
		for _, f := range p.fonts {
			if f.face == nil {
				continue
			}
			style, weight := "normal", "normal"
			switch f.face.Style {
			case fonts.Italic:
				style = "italic"
			case fonts.Bold:
				weight = "bold"
			case fonts.BoldItalic:
				style, weight = "italic", "bold"
			}
			// The URL is relative to the stylesheet in css/.
			b.WriteString("@font-face {\n\tfont-family: " + family + ";\n\tfont-style: " + style +
				";\n\tfont-weight: " + weight + ";\n\tsrc: url(\"../" + f.href + "\");\n}\n\n")
		}
		b.WriteString("body {\n\tfont-family: " + family + ", serif;\n}\n\n")
	}
	b.WriteString(baseCSS)
	return []byte(b.String())
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ")
	return `"` + r.Replace(s) + `"`
}
