package svg

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"samizdat/book/booktest"
	"samizdat/render"
	"samizdat/render/pdf"
)

func layoutSample(t *testing.T) *pdf.Document {
	t.Helper()
	doc, err := pdf.Layout(booktest.Sample(), render.Options{Date: time.Unix(0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestPagesMatchLayout draws every page of the sample and reads the SVG
// back: it must be well-formed, and hold every text run of the layout at
// the layout's position.
func TestPagesMatchLayout(t *testing.T) {
	doc := layoutSample(t)
	for _, p := range doc.Pages {
		var buf bytes.Buffer
		if err := Page(&buf, p, func(name string) string { return "/assets/" + name }); err != nil {
			t.Fatal(err)
		}
		type run struct{ x, y, text string }
		var got []run
		dec := xml.NewDecoder(&buf)
		var cur *run
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("page %d: not well-formed: %v", p.Number, err)
			}
			switch e := tok.(type) {
			case xml.StartElement:
				if e.Name.Local == "text" {
					cur = &run{}
					for _, a := range e.Attr {
						switch a.Name.Local {
						case "x":
							cur.x = a.Value
						case "y":
							cur.y = a.Value
						}
					}
				}
			case xml.CharData:
				if cur != nil {
					cur.text += string(e)
				}
			case xml.EndElement:
				if e.Name.Local == "text" {
					got = append(got, *cur)
					cur = nil
				}
			}
		}
		if len(got) != len(p.Texts) {
			t.Fatalf("page %d: %d text runs drawn, layout has %d", p.Number, len(got), len(p.Texts))
		}
		for i, tx := range p.Texts {
			if got[i].text != strings.ReplaceAll(tx.Text, " ", "\u00a0") || got[i].x != num(tx.X) || got[i].y != num(tx.Y) {
				t.Errorf("page %d run %d = %+v, layout %q at (%s, %s)", p.Number, i, got[i], tx.Text, num(tx.X), num(tx.Y))
			}
		}
	}
}

func TestFontFaces(t *testing.T) {
	files, err := FontFiles(nil)
	if err != nil {
		t.Fatal(err)
	}
	var css strings.Builder
	if err := FontFaces(&css, files, func(f FontFile) string { return "/fonts/" + f.Name }); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`font-family: "sz-serif"; font-style: italic; font-weight: 700; src: url("/fonts/GentiumBookPlus-BoldItalic.ttf")`, `"sz-mono"`} {
		if !strings.Contains(css.String(), want) {
			t.Errorf("CSS lacks %s:\n%s", want, css.String())
		}
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{1: "1", 1.5: "1.5", 1.256: "1.26", -0.001: "0", 100.10: "100.1"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
}
