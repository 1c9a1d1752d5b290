package cover

import (
	"fmt"
	"testing"
)

// TestGlyphExtent checks that a glyph's extent bounds its flattened
// outline: no more edges than it says, none above its top. The cover
// relies on both: it sets aside room for a line's edges from them and
// outlines a line only when the rows reach its top.
func TestGlyphExtent(t *testing.T) {
	faces := handbookFaces(t)
	const text = "Liberty, & Ægir’s “quoted” fjord ÅÇĚǾ ½ 自"
	for _, tf := range []*typeface{faces.bold, faces.italic, faces.roman} {
		for _, size := range []int{13, 44, 97, 200} {
			t.Run(fmt.Sprintf("%s at %dpx", tf.face.FileName, size), func(t *testing.T) {
				z := sized{tf: tf, size: size}
				for _, r := range text {
					e := z.extent(r)
					segs, ok := z.load(r)
					if !ok {
						continue
					}
					var o outline
					o.addSegments(segs, 0, 0)
					if len(o.edges) > e.edges {
						t.Errorf("%q has %d edges; its extent says at most %d", r, len(o.edges), e.edges)
					}
					if len(o.edges) > 0 && o.minY < e.top {
						t.Errorf("%q reaches up to %d; its extent says %d", r, o.minY, e.top)
					}
				}
				l := placeLine(z, text, 5*subPerPixel+3, int64(size)*subPerPixel+7)
				var o outline
				z.addTo(&o, text, l.x, l.y)
				if len(o.edges) > l.edges || o.minY < l.top {
					t.Errorf("the line has %d edges up to %d; placed with at most %d up to %d", len(o.edges), o.minY, l.edges, l.top)
				}
			})
		}
	}
}
