package hyphen

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/hyphenations.golden from the current code")

// goldenWords are ordinary words of each shipped language, with some
// from the files' exception lists, capitals, apostrophes and words too
// short to break.
var goldenWords = map[string]string{
	"en-us": `hyphenation typesetting manuscripts associate associates declination obligatory
		philanthropic present presents project projects reciprocity recognizance reformation
		retribution table tables Pamphlet the breaking paragraphs justification reproducible
		quotations computer algorithm publishing chapter bibliography footnote typography
		independence extraordinary university characteristics misunderstanding don't`,
	"en-gb": `hyphenation typesetting university universities however manuscript manuscripts
		reciprocity throughout something colour organisation behaviour paragraph chapter
		bibliography footnote typography independence extraordinary characteristics`,
	"de-1996": `Silbentrennung Donaudampfschifffahrt Rechtschreibung Zeitschriften Wissenschaft
		Bibliothek Buchdruck Schifffahrt Straße Fußgängerübergang Häuser Mädchen Grundgesetz
		Verfassungsgericht Kindergarten Weltanschauung Geschwindigkeitsbegrenzung Aufgabe
		beispielsweise übermorgen Öffentlichkeit`,
	"fr": `typographie bibliothèque imprimerie orthographe développement aujourd'hui
		extraordinaire anticonstitutionnellement ordinateur communication électricité
		préparation Québec hôpital cœur œuvre représentation`,
	"es": `extraordinario tipografía biblioteca desarrollo ortografía ferrocarril
		paralelepípedo murciélago electroencefalografista desafortunadamente España
		pingüino corazón chorizo llamarada`,
	"ru": `переносы типография библиотека орфография развитие достопримечательность
		здравствуйте электричество Москва государство пространство объявление
		подъезд самиздат`,
}

// TestGoldenHyphenations hyphenates goldenWords in every language and
// compares the result with testdata/hyphenations.golden, so that a
// change to how patterns are read or looked up cannot change where
// words break unnoticed. Run with -update to rewrite the file after a
// deliberate change.
func TestGoldenHyphenations(t *testing.T) {
	var got strings.Builder
	for _, tag := range shippedTags {
		h, err := Load(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(goldenWords[tag]) {
			fmt.Fprintf(&got, "%s\t%s\t%s\n", tag, w, h.Hyphenate(w))
		}
	}
	const golden = "testdata/hyphenations.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	wantLines := bufio.NewScanner(strings.NewReader(string(want)))
	gotLines := bufio.NewScanner(strings.NewReader(got.String()))
	for wantLines.Scan() {
		if !gotLines.Scan() {
			t.Fatalf("missing %q", wantLines.Text())
		}
		if g, w := gotLines.Text(), wantLines.Text(); g != w {
			t.Errorf("got %q, want %q", g, w)
		}
	}
	if gotLines.Scan() {
		t.Errorf("extra %q (run with -update after a deliberate change)", gotLines.Text())
	}
}
