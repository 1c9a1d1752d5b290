package pdf

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
)

// TestBodyInPieces checks that a chapter's body set in pieces side by
// side gives the galley it gives set whole, whatever falls at the cuts:
// a paragraph, a heading, a section break, or a block that yields no
// entries at all, after which the piece must be set again.
func TestBodyInPieces(t *testing.T) {
	fs := mustFaces(t)
	r := rand.New(rand.NewPCG(3, 4))
	empty := booktest.P() // a paragraph with no text: no lines
	before := map[string]book.Block{
		"paragraph":     booktest.P(booktest.T(prose(r, 40))),
		"heading":       &book.Heading{Level: 2, Inlines: []book.Inline{booktest.T("A heading")}},
		"section break": &book.SectionBreak{},
		"no entries":    empty,
	}
	for name, atCut := range before {
		t.Run(name, func(t *testing.T) {
			var bs []book.Block
			for i := range 4 * minPiece {
				switch {
				case (i+1)%minPiece == 0: // the last block before each cut
					bs = append(bs, atCut)
				case (i+2)%minPiece == 0 || i%7 == 3:
					// A quotation ends the flow in another state than a
					// paragraph would, so that a cut after a block that
					// yields nothing starts from the wrong one.
					bs = append(bs, &book.BlockQuote{Blocks: []book.Block{booktest.P(booktest.T(prose(r, 30)))}})
				default:
					bs = append(bs, booktest.P(booktest.T(prose(r, 50))))
				}
			}
			set := func(pieces int) ([]entry, int) {
				ts := newTypesetter(&book.Book{}, fs, Size{419.53, 595.28}, Settings{})
				ts.pieces = pieces
				defer ts.setLang("en")()
				out := ts.bodyBlocks(nil, bs, ts.bodyEnv())
				paras := ts.paras
				for i := range out {
					out[i].flow.para = 0 // numbered per piece; only tells lines apart
				}
				return out, paras
			}
			whole, _ := set(1)
			cut, paras := set(4)
			if len(whole) == 0 {
				t.Fatal("the body gave no entries")
			}
			if !reflect.DeepEqual(whole, cut) {
				t.Errorf("set in 4 pieces, the galley differs from the one set whole (%d and %d entries)", len(whole), len(cut))
			}
			if paras < 3<<24 {
				t.Errorf("the typesetter's paragraph count %#x is below the last piece's numbers", paras)
			}
		})
	}
	ts := newTypesetter(&book.Book{}, fs, Size{419.53, 595.28}, Settings{})
	if es := ts.block(empty, ts.bodyEnv(), false); len(es) != 0 {
		t.Fatalf("an empty paragraph gave %d entries; the case of a block that gives none is not tested", len(es))
	}
}
