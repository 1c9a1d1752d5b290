package cite

import (
	"testing"
)

// FuzzRead feeds arbitrary bytes to the three sources readers: none may
// panic or stop the program (the parser library BibTeX was once read
// with exited on an input this found), and an entry read must format
// without panicking.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"@book{a, title = {A {\\\"o}}, author = {van Gogh, Vincent and {Org}}, year = 1990}",
		"@string{p = {P}} @article{b, journal = p # { and Q}, title = \"T {x}\", month = jun}",
		"[{\"id\": \"a\", \"type\": \"book\", \"title\": \"<i>T</i>\", \"issued\": {\"date-parts\": [[1990, 13]]}}]",
		"references:\n- id: a\n  type: chapter\n  title: \"*T*\"\n  issued: 1776?\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		name := "s.bib"
		switch {
		case len(src) > 0 && src[0] == '[':
			name = "s.json"
		case len(src) > 0 && src[0] == 'r':
			name = "s.yaml"
		}
		entries, err := Read(name, []byte(src))
		if err != nil {
			return
		}
		for _, e := range entries {
			r := newRendering(e, "page", "12-14")
			r.fullNote(false)
			newRendering(e, "", "").shortNote(false, true)
			newRendering(e, "", "").bibEntry()
			newRendering(e, "", "").referenceAD("a")
		}
	})
}
