package typography

import (
	"strings"
	"testing"
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
