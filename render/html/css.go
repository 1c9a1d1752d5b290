package html

import (
	"encoding/base64"
	"fmt"
	"strings"

	"samizdat/fonts"
)

// fontFaces returns @font-face rules that embed the family's four faces
// as data: URIs, so that the page shows the book's type without fetching
// anything.
func fontFaces(fam *fonts.Family) string {
	var b strings.Builder
	for s := fonts.Regular; s <= fonts.BoldItalic; s++ {
		face := fam.Face(s)
		if face == nil || len(face.Data) == 0 {
			continue
		}
		style, weight := "normal", 400
		if s == fonts.Italic || s == fonts.BoldItalic {
			style = "italic"
		}
		if s == fonts.Bold || s == fonts.BoldItalic {
			weight = 700
		}
		fmt.Fprintf(&b, "@font-face {\n  font-family: %s;\n  font-style: %s;\n  font-weight: %d;\n  font-display: swap;\n  src: url(\"data:font/ttf;base64,",
			cssString(fam.Name), style, weight)
		b.WriteString(base64.StdEncoding.EncodeToString(face.Data))
		b.WriteString("\") format(\"truetype\");\n}\n")
	}
	return b.String()
}

// cssString quotes s as a CSS string. Quotes, backslashes, line breaks and
// the characters that would end a <style> element or break its XML
// reading (< > &) are written as CSS hex escapes.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// stylesheet returns the page's CSS: the typography of a printed book on
// screen (a measure of about 34em, justified and hyphenated text, indents
// on paragraphs that follow paragraphs, set-off quotations), a dark scheme,
// notes that light up when jumped to, and print rules. family is the body
// type's family name.
func stylesheet(family string) string {
	return strings.ReplaceAll(baseCSS, "FAMILY", cssString(family))
}

// baseCSS is the stylesheet with FAMILY in place of the body family. It
// must contain neither "<" nor "&", so that the page stays well-formed XML.
const baseCSS = `:root {
  color-scheme: light dark;
  --text: #1d1b18;
  --paper: #fdfcf7;
  --muted: #5f5a52;
  --rule: #c9c3b8;
  --link: #274b8a;
  --mark: #fbefb8;
  --code: #f1eee6;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e4e0d6;
    --paper: #1b1a18;
    --muted: #a49e92;
    --rule: #4d4942;
    --link: #9fbaf0;
    --mark: #4f4313;
    --code: #2a2825;
  }
}
html {
  font-size: 112.5%;
  background: var(--paper);
  color: var(--text);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  font-family: FAMILY, "Gentium Book Plus", "Gentium Plus", Georgia, "Times New Roman", serif;
  line-height: 1.5;
  max-width: 34em;
  margin: 0 auto;
  padding: 2em 1.25em 4em;
  font-kerning: normal;
  font-variant-ligatures: common-ligatures;
  overflow-wrap: break-word;
}
a { color: var(--link); }
p {
  margin: 0;
  text-align: justify;
  -webkit-hyphens: auto;
  hyphens: auto;
  orphans: 2;
  widows: 2;
}
p + p { text-indent: 1.5em; }
h1, h2, h3, h4, h5, h6 {
  font-weight: normal;
  line-height: 1.25;
  text-align: start;
  -webkit-hyphens: manual;
  hyphens: manual;
  break-after: avoid;
}
h1 { font-size: 1.8em; margin: 0 0 1.5em; }
h2 { font-size: 1.3em; margin: 1.75em 0 0.75em; }
h3 { font-size: 1.1em; font-style: italic; margin: 1.5em 0 0.5em; }
h4, h5, h6 { font-size: 1em; font-style: italic; margin: 1.25em 0 0.25em; }
h5, h6 { font-style: normal; font-variant: small-caps; }
section.division, section.part, nav.contents { margin-top: 5em; }
.part > h1.part-title { text-align: center; font-size: 2em; margin: 1em 0 2em; }
.title-page { text-align: center; margin: 3em 0 4em; }
.title-page h1 { font-size: 2.4em; margin: 0 0 0.25em; text-align: center; }
.title-page .subtitle { text-align: center; font-size: 1.3em; font-style: italic; margin-bottom: 2em; }
.title-page .author { text-align: center; font-size: 1.15em; font-variant: small-caps; letter-spacing: 0.04em; }
.title-page .publisher { text-align: center; margin-top: 3em; }
.title-page p + p { text-indent: 0; }
.cover { display: block; margin: 0 auto 3em; max-width: 100%; height: auto; }
.copyright p { text-align: start; text-indent: 0; font-size: 0.85em; margin-bottom: 0.5em; color: var(--muted); }
.dedication, .epigraph { margin: 4em 2em; font-style: italic; }
.bibliography p { text-indent: -2em; padding-left: 2em; text-align: left; margin: 0 0 0.4em; }
.dedication p { text-align: center; text-indent: 0; }
.epigraph blockquote { margin: 0; font-size: 1em; }
.epigraph p + p { text-indent: 0; margin-top: 0.5em; }
.byline { margin: -1em 0 2em; color: var(--muted); }
.byline p { text-align: start; text-indent: 0; }
.byline .byline-authors { font-variant: small-caps; letter-spacing: 0.04em; color: var(--text); }
nav.contents ol { list-style: none; padding: 0; margin: 0; }
nav.contents ol ol { padding-inline-start: 1.5em; }
nav.contents li { margin: 0.35em 0; }
nav.contents .toc-part > a { font-variant: small-caps; letter-spacing: 0.04em; }
nav.contents a { text-decoration: none; }
blockquote { margin: 1.25em 1.5em; font-size: 0.95em; }
blockquote p { text-align: start; }
ul, ol { margin: 1em 0; padding-inline-start: 1.75em; }
ul ul, ul ol, ol ul, ol ol { margin: 0.25em 0; }
li + li { margin-top: 0.25em; }
li > p + p { text-indent: 0; margin-top: 0.5em; }
dl { margin: 1em 0; }
dt { font-style: italic; }
dd { margin: 0 0 0.5em 1.5em; }
dd p, li p { text-align: start; }
code, pre {
  font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.85em;
  -webkit-hyphens: none;
  hyphens: none;
}
pre {
  margin: 1.25em 0;
  padding: 0.75em 1em;
  background: var(--code);
  overflow-x: auto;
  white-space: pre;
  line-height: 1.4;
}
pre code { font-size: 1em; }
table { border-collapse: collapse; margin: 1.5em auto; font-size: 0.95em; }
th, td { padding: 0.25em 0.75em; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: normal; font-style: italic; border-bottom-color: var(--text); }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; font-variant-numeric: tabular-nums; }
hr.section-break { border: 0; margin: 1.5em 0; text-align: center; overflow: visible; height: auto; }
hr.section-break::after { content: "⁂"; color: var(--muted); }
figure { margin: 1.75em 0; text-align: center; break-inside: avoid; }
figure img, p img { max-width: 100%; height: auto; }
figcaption { margin-top: 0.5em; font-size: 0.9em; font-style: italic; text-align: center; }
.noteref { font-size: 0.75em; line-height: 0; vertical-align: super; }
.noteref a { text-decoration: none; padding: 0 0.1em; }
.footnotes, .endnotes { margin-top: 3em; padding-top: 0.75em; border-top: 1px solid var(--rule); font-size: 0.88em; }
.footnotes .footnote { margin: 0 0 0.6em; }
.footnotes p, .endnotes p { text-align: start; }
.footnotes p + p, .endnotes p + p { text-indent: 0; margin-top: 0.4em; }
.endnotes h2 { font-size: 1.1em; margin-top: 0; }
.endnotes ol { padding-inline-start: 2em; margin: 0; }
.endnotes li { margin: 0 0 0.6em; }
.notes-chapter h2 { font-size: 1.1em; }
.notes-chapter h2 a { color: inherit; text-decoration: none; }
.note-label { font-weight: bold; margin-inline-end: 0.2em; }
.backlink { text-decoration: none; margin-inline-start: 0.3em; }
:target { scroll-margin-top: 2em; }
.footnote:target, .endnotes li:target, .noteref a:target { background: var(--mark); }
.citation { font-style: normal; }
@page { margin: 2cm 2.2cm; }
@media print {
  :root { --text: #000; --paper: #fff; --muted: #333; --link: #000; --mark: transparent; --code: #f2f2f2; }
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  p a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
  section.division, section.part, nav.contents, .title-page { break-before: page; margin-top: 0; }
  .part > h1.part-title { margin-top: 30%; break-after: page; }
  pre, blockquote, figure, table, .footnote, li { break-inside: avoid; }
  .backlink { display: none; }
}
`
