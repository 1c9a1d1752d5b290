package importer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// convert renders the cleaned article as Markdown, its footnotes as
// Markdown notes at the end.
func (h *htmlReader) convert(root *html.Node) (string, error) {
	conv := h.converter()
	out, err := conv.ConvertNode(root)
	if err != nil {
		return "", err
	}
	body := trimLines(string(out))
	for i, n := range h.noteDivs {
		md, err := conv.ConvertNode(n)
		if err != nil {
			return "", err
		}
		lines := strings.Split(strings.TrimSpace(trimLines(string(md))), "\n")
		for j := 1; j < len(lines); j++ {
			if lines[j] != "" {
				lines[j] = "    " + lines[j]
			}
		}
		body += "\n[^" + strconv.Itoa(i+1) + "]: " + strings.Join(lines, "\n") + "\n"
	}
	return body, nil
}

// trimLines drops the spaces the converter leaves at line ends (as in an
// empty "> " line inside a quotation) and ends the text with one newline.
func trimLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n") + "\n"
}

// converter makes the HTML-to-Markdown converter: CommonMark with tables
// and strikethrough, samizdat's placeholders for images and note
// references, and escapes for samizdat's own syntax.
func (h *htmlReader) converter() *converter.Converter {
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(commonmark.WithEmDelimiter("*")),
		table.NewTablePlugin(),
		strikethrough.NewStrikethroughPlugin(),
	))
	conv.Register.RendererFor(imageTag, converter.TagTypeInline, h.renderImage, converter.PriorityEarly)
	conv.Register.RendererFor(noteRefTag, converter.TagTypeInline, renderNoteRef, converter.PriorityEarly)
	// '@' would open a citation and "[^" a note reference in samizdat's
	// Markdown: escape them where they would.
	conv.Register.EscapedChar('@', '^')
	conv.Register.UnEscaper(unescapeCitation, converter.PriorityStandard)
	return conv
}

// renderNoteRef writes a note reference placeholder as [^n].
func renderNoteRef(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	w.WriteString("[^" + attr(n, "data-n") + "]")
	return converter.RenderSuccess
}

// renderImage writes the Markdown prepared for an image placeholder.
func (h *htmlReader) renderImage(_ converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	i, err := strconv.Atoi(attr(n, "data-n"))
	if err != nil || i < 0 || i >= len(h.images) {
		return converter.RenderSuccess
	}
	w.WriteString(h.images[i])
	return converter.RenderSuccess
}

// unescapeCitation keeps the escape of an '@' that starts a word and is
// followed by a citation key's first character ("@smith"), and of a '^'
// right after '[' ("[^1]"); it returns -1 (no escape) otherwise.
func unescapeCitation(chars []byte, index int) int {
	c := chars[index]
	if c != '@' && c != '^' {
		return -1
	}
	prev := byte(' ')
	for i := index - 1; i >= 0; i-- {
		if chars[i] != marker.BytesMarkerEscaping[0] {
			prev = chars[i]
			break
		}
	}
	if c == '^' {
		if prev == '[' {
			return 1
		}
		return -1
	}
	if prev >= 0x80 || unicode.IsLetter(rune(prev)) || unicode.IsDigit(rune(prev)) || prev == '_' {
		return -1
	}
	if index+1 < len(chars) {
		next := rune(chars[index+1])
		if unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_' || next == '{' || next >= 0x80 {
			return 1
		}
	}
	return -1
}
