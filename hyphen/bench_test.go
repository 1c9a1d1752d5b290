package hyphen

import (
	"strings"
	"testing"
)

// shippedTags are the tags of the shipped pattern files.
var shippedTags = []string{"en-us", "en-gb", "de-1996", "fr", "es", "ru"}

// BenchmarkLoad measures what a build pays to make one language's
// hyphenator: reading and parsing its pattern file.
func BenchmarkLoad(b *testing.B) {
	for _, lang := range shippedTags {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHyphenate measures hyphenating ordinary words of each
// language, patterns and exceptions both.
func BenchmarkHyphenate(b *testing.B) {
	words := map[string]string{
		"en-us":   "typesetting manuscripts hyphenation paragraph justification reproducible quotations associate",
		"en-gb":   "typesetting manuscripts hyphenation paragraph justification reproducible university",
		"de-1996": "Silbentrennung Donaudampfschifffahrt Rechtschreibung Zeitschriften Wissenschaft",
		"fr":      "typographie bibliothèque imprimerie orthographe développement",
		"es":      "extraordinario tipografía biblioteca desarrollo ortografía",
		"ru":      "переносы типография библиотека орфография развитие",
	}
	for _, lang := range shippedTags {
		b.Run(lang, func(b *testing.B) {
			h, err := Load(lang)
			if err != nil {
				b.Fatal(err)
			}
			ws := strings.Fields(words[lang])
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				h.Hyphenate(ws[i%len(ws)])
			}
		})
	}
}
