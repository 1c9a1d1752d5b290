package book

import (
	"strings"
	"testing"
)

func TestDumpPageBreak(t *testing.T) {
	ch := &Chapter{Kind: KindChapter, ID: "c", Blocks: []Block{
		&Paragraph{Inlines: []Inline{&Text{Text: "end of a page "}, &PageBreak{Label: "23"}, &Text{Text: "and the next"}}},
	}}
	var b strings.Builder
	Dump(&b, ch)
	want := `Chapter chapter id="c" title=""
  Para @0:0
    Text "end of a page "
    PageBreak label="23"
    Text "and the next"
`
	if b.String() != want {
		t.Errorf("dump:\n%s\nwant:\n%s", b.String(), want)
	}
}
