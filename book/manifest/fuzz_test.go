package manifest

import "testing"

// FuzzDecode feeds arbitrary YAML to the strict decoder: never a panic,
// and errors always carry the file's name and a line.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"title: x\nauthor: [a, {name: b, file-as: c}]\nchapters: [a.md]\n",
		"parts:\n  - title: x\n    chapters: [a.md]\nfront-matter: [title-page, {preface: p.md}]\n",
		"notes: {scope: book}\npdf: {page-size: a6}\nepub: {embed-fonts: true}\n",
		"impose: {up: 4, paper: 0.1mm}\npdf: {margins: {top: 1in}}\neditions:\n  a: {formats: [pdf], impose: booklet}\n  b:\n",
		"title: [\n", "\t- x", "- a\n- b\n", "&a [*a]", "title: *x\n", "? [a]\n: b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m Manifest
		err := Decode("book.yaml", []byte(s), 1, &m)
		if err == nil {
			return
		}
		for _, e := range errorsOf(err) {
			if e.Pos.File != "book.yaml" || e.Pos.Line < 1 {
				t.Fatalf("error without a position: %v", e)
			}
		}
	})
}
