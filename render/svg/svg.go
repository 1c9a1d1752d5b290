// Package svg draws the pages that render/pdf lays out as SVG: a second
// backend of the same layout, so that a preview in a browser shows exactly
// the PDF's line and page breaks without a PDF viewer. Text is drawn run
// by run at the layout's positions in the same fonts, which the page
// embedding the SVG declares as web fonts (see FontFaces).
package svg

import (
	"encoding/base64"
	"fmt"
	"io"
	"strings"

	"golang.org/x/image/font/gofont/gomono"

	"samizdat/fonts"
	"samizdat/render/pdf"
)

// family names the web fonts SVG text refers to, one per layout face.
var family = [...]string{
	pdf.FontRegular:    "sz-serif",
	pdf.FontItalic:     "sz-serif",
	pdf.FontBold:       "sz-serif",
	pdf.FontBoldItalic: "sz-serif",
	pdf.FontMono:       "sz-mono",
}

// FontFile is one web font the pages need: its CSS family, style and
// weight, a file name to serve it under, and its bytes.
type FontFile struct {
	Family, Style, Weight, Name string
	Data                        []byte
}

// FontFiles lists the faces of fam (the default family when nil) and the
// monospaced face, as the pages use them.
func FontFiles(fam *fonts.Family) ([]FontFile, error) {
	if fam == nil {
		var err error
		if fam, err = fonts.Default(); err != nil {
			return nil, err
		}
	}
	styles := [4][2]string{{"normal", "400"}, {"italic", "400"}, {"normal", "700"}, {"italic", "700"}}
	var out []FontFile
	for s, face := range fam.Faces {
		out = append(out, FontFile{Family: "sz-serif", Style: styles[s][0], Weight: styles[s][1], Name: face.FileName, Data: face.Data})
	}
	return append(out, FontFile{Family: "sz-mono", Style: "normal", Weight: "400", Name: "GoMono.ttf", Data: gomono.TTF}), nil
}

// FontFaces writes CSS @font-face rules for files; url gives each file's
// address (nil embeds them as data: URIs, for a self-contained page).
func FontFaces(w io.Writer, files []FontFile, url func(FontFile) string) error {
	for _, f := range files {
		var src string
		if url != nil {
			src = url(f)
		} else {
			src = "data:font/ttf;base64," + base64.StdEncoding.EncodeToString(f.Data)
		}
		if _, err := fmt.Fprintf(w, "@font-face { font-family: %q; font-style: %s; font-weight: %s; src: url(%q) format(\"truetype\"); }\n",
			f.Family, f.Style, f.Weight, src); err != nil {
			return err
		}
	}
	return nil
}

// Page writes one laid-out page as an <svg> element sized in points.
// imageURL gives the address of an image asset ("" leaves the image out).
func Page(w io.Writer, p *pdf.Page, imageURL func(name string) string) error {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="page" data-page="%d" data-folio="%s" width="%s" height="%s" viewBox="0 0 %s %s">`,
		p.Number, esc(p.Folio), num(p.Width), num(p.Height), num(p.Width), num(p.Height))
	fmt.Fprintf(&b, `<rect width="%s" height="%s" fill="#fff"/>`, num(p.Width), num(p.Height))
	for _, im := range p.Images {
		if imageURL == nil || im.Asset == nil {
			continue
		}
		if u := imageURL(im.Asset.Name); u != "" {
			fmt.Fprintf(&b, `<image x="%s" y="%s" width="%s" height="%s" href="%s" preserveAspectRatio="none"/>`,
				num(im.X), num(im.Y), num(im.W), num(im.H), esc(u))
		}
	}
	for _, r := range p.Rules {
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000" stroke-width="%s"/>`,
			num(r.X1), num(r.Y1), num(r.X2), num(r.Y2), num(r.Thickness))
	}
	// Spaces inside a run (code, verse) are part of its measured width;
	// browsers collapse spaces in SVG text, so they are drawn as no-break
	// spaces, which keep their width.
	for _, t := range p.Texts {
		style, weight := "normal", "400"
		if t.Font == pdf.FontItalic || t.Font == pdf.FontBoldItalic {
			style = "italic"
		}
		if t.Font == pdf.FontBold || t.Font == pdf.FontBoldItalic {
			weight = "700"
		}
		// textLength pins the run to the width the layout measured, so a
		// browser's own kerning cannot move a line's right edge.
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-family="%s" font-style="%s" font-weight="%s" font-size="%s" textLength="%s" lengthAdjust="spacingAndGlyphs">%s</text>`,
			num(t.X), num(t.Y), family[t.Font], style, weight, num(t.Size), num(t.Width), esc(strings.ReplaceAll(t.Text, " ", "\u00a0")))
	}
	for _, l := range p.Links {
		href := l.URL
		if href == "" {
			href = "#" + l.Dest
		}
		fmt.Fprintf(&b, `<a href="%s"><rect x="%s" y="%s" width="%s" height="%s" fill="transparent"/></a>`,
			esc(href), num(l.X), num(l.Y), num(l.W), num(l.H))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// num formats a length to a hundredth of a point, without trailing zeros.
func num(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func esc(s string) string { return escaper.Replace(s) }
