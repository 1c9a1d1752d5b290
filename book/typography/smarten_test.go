package typography

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSmarten(t *testing.T) {
	tests := []struct {
		lang string
		in   []string
		want []string
	}{
		{"en", []string{`"Hello," she said.`}, []string{`“Hello,” she said.`}},
		{"en", []string{`It's the '90s, 'tis said.`}, []string{`It’s the ’90s, ‘tis said.`}},
		{"en", []string{`He said 'no' twice.`}, []string{`He said ‘no’ twice.`}},
		{"en", []string{`the workers' hall`}, []string{`the workers’ hall`}},
		{"en", []string{`Wait... then -- the 1917--1921 years --- over.`}, []string{`Wait… then – the 1917–1921 years — over.`}},
		{"en", []string{`left - right`}, []string{"left\u00a0– right"}},
		{"en", []string{`well-known`}, []string{`well-known`}},
		{"en", []string{`"`, "emphasised", `" word`}, []string{`“`, "emphasised", `” word`}},
		{"en", []string{`("quoted")`}, []string{`(“quoted”)`}},
		{"en", []string{`"`, "\uFFFC", `"`}, []string{`“`, "\uFFFC", `”`}},
		{"en-GB", []string{`"A 'nested' quote"`}, []string{`“A ‘nested’ quote”`}},
		{"de", []string{`Er sagte "Ja" und 'nein'.`}, []string{`Er sagte „Ja“ und ‚nein‘.`}},
		{"fr", []string{`Il dit "oui" : vraiment ?`}, []string{"Il dit «\u202foui\u202f»\u00a0: vraiment\u202f?"}},
		{"fr", []string{`Il dit " oui " et l'homme rit!`}, []string{"Il dit «\u202foui\u202f» et l’homme rit\u202f!"}},
		{"fr", []string{`voir http://exemple.fr à 10:30`}, []string{`voir http://exemple.fr à 10:30`}},
		{"ru", []string{`Он сказал "да".`}, []string{`Он сказал «да».`}},
		{"xx", []string{`"unknown"`}, []string{`“unknown”`}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+strings.Join(tt.in, "|"), func(t *testing.T) {
			got := Smarten(tt.in, StyleFor(tt.lang))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Smarten(%q) =\n  %q\nwant\n  %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSmarten checks the lazy reading, which copies a piece only from its
// first change on, against the eager one, which builds every piece's
// output, on passages split into pieces at "|" ("O" standing for an
// object). A passage with no byte a rule starts at must come back as it
// went in.
func FuzzSmarten(f *testing.F) {
	for _, s := range []string{
		`"Hello," she said.`, `It's the '90s, 'tis said.`, `Wait... then -- the 1917--1921 years --- over.`,
		`left - right`, `"|emphasised|" word`, `"|O|"`, `Il dit " oui " et l'homme rit!`,
		`Il dit "oui" : vraiment ?`, `voir http://exemple.fr à 10:30`, "a \xff\"b\xfe' c", " -|-| - |", "Quoi|?| ?",
	} {
		for _, lang := range []uint8{0, 1, 2} {
			f.Add(s, lang)
		}
	}
	langs := []string{"en", "fr", "de", "sv"}
	f.Fuzz(func(t *testing.T, s string, lang uint8) {
		st := StyleFor(langs[int(lang)%len(langs)])
		pieces := strings.Split(s, "|")
		for i, p := range pieces {
			if p == "O" {
				pieces[i] = string(object)
			}
		}
		got := Smarten(pieces, st)
		eager := append([]string(nil), pieces...)
		sm := smartener{eager: true}
		sm.run(eager, st)
		if strings.Join(got, "|") != strings.Join(eager, "|") {
			t.Errorf("Smarten(%q) = %q, the eager reading gives %q", pieces, got, eager)
		}
		if !strings.ContainsAny(s, "-.\"';!?:") && utf8.ValidString(s) && strings.Join(got, "|") != strings.Join(pieces, "|") {
			t.Errorf("Smarten(%q) = %q, changed a passage without marks", pieces, got)
		}
	})
}
