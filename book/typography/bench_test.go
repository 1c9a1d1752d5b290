package typography

import (
	"strings"
	"testing"
)

// benchPassages are passages as the reader hands them over: plain prose,
// which typography leaves alone, and prose with quotes, apostrophes,
// dashes and ellipses split across emphasis and note references.
var benchPassages = map[string][]string{
	"plain": {strings.Repeat("The press stood in the back room, under a sheet that smelled of oil and paper. ", 6)},
	"marks": {
		strings.Repeat("It's one thing to own a book -- and another to read it aloud. ", 3) + `"Send more copies,`,
		"\uFFFC",
		`" wrote a reader from a town `, "nobody", ` had heard of... The 1921--1922 edition.`,
	},
	"plain-pieces": {
		"Some readers copied the pages out longhand, adding ", "notes", " of their own",
		" ", "in the margins.", "\uFFFC", " The editor kept a ledger of every quotation.",
	},
}

// BenchmarkSmarten typographs passages of a few shapes; most prose has
// nothing to change, and that case should cost little and allocate less.
func BenchmarkSmarten(b *testing.B) {
	for _, lang := range []string{"en", "fr"} {
		st := StyleFor(lang)
		for _, name := range []string{"plain", "plain-pieces", "marks"} {
			pieces := benchPassages[name]
			b.Run(lang+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Smarten(pieces, st)
				}
			})
		}
	}
}
