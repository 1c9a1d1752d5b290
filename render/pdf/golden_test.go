package pdf

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"samizdat/book/booktest"
	"samizdat/internal/golden"
)

// dumpDocument writes the structure of a laid-out document: each page's
// folio and every line of text with its role, face, size and position
// (to a tenth of a point), rules, images, links and outline marks.
func dumpDocument(d *Document) []byte {
	var b bytes.Buffer
	roles := [...]string{"body", "heading", "title", "note", "marker", "head", "folio"}
	for _, p := range d.Pages {
		fmt.Fprintf(&b, "page %d folio=%q %.1fx%.1f area=(%.1f %.1f %.1f %.1f)\n", p.Number, p.Folio, p.Width, p.Height, p.Area.X, p.Area.Y, p.Area.W, p.Area.H)
		for _, m := range p.Marks {
			fmt.Fprintf(&b, "  mark %d %q y=%.1f\n", m.Level, m.Title, m.Y)
		}
		for _, t := range p.Texts {
			fmt.Fprintf(&b, "  %-7s f%d %4.1f (%6.1f %6.1f) w=%6.1f %q\n", roles[t.Role], t.Font, t.Size, t.X, t.Y, t.Width, t.Text)
		}
		for _, r := range p.Rules {
			fmt.Fprintf(&b, "  rule (%.1f %.1f)-(%.1f %.1f) %.2f\n", r.X1, r.Y1, r.X2, r.Y2, r.Thickness)
		}
		for _, im := range p.Images {
			fmt.Fprintf(&b, "  image %s (%.1f %.1f %.1f %.1f)\n", im.Asset.Name, im.X, im.Y, im.W, im.H)
		}
		for _, l := range p.Links {
			fmt.Fprintf(&b, "  link (%.1f %.1f %.1f %.1f) url=%q dest=%q\n", l.X, l.Y, l.W, l.H, l.URL, l.Dest)
		}
	}
	return b.Bytes()
}

// TestGoldenLayout compares the layout of the sample book with a golden
// dump, so that any change to line or page breaking is seen and accepted
// on purpose (go test -update).
func TestGoldenLayout(t *testing.T) {
	doc, _ := mustLayout(t, booktest.Sample())
	got := dumpDocument(doc)
	golden.Check(t, filepath.Join("testdata", "sample.layout.golden"), got)
}
