package hyphen

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

func TestHyphenate(t *testing.T) {
	tests := []struct {
		lang, word, want string
	}{
		{"en", "hyphenation", "hy-phen-ation"},
		{"en-US", "typesetting", "type-set-ting"},
		{"en", "manuscripts", "man-u-scripts"},
		{"en", "associate", "as-so-ciate"}, // Knuth's exception list
		{"en", "Pamphlet", "Pam-phlet"},    // case is kept
		{"en", "the", "the"},               // too short for 2+3
		{"en-GB", "hyphenation", "hy-phen-a-tion"},
		{"en-GB", "university", "uni-ver-sity"}, // the file's exceptions
		{"de", "Silbentrennung", "Sil-ben-tren-nung"},
		{"de-CH", "Donaudampfschifffahrt", "Do-nau-dampf-schiff-fahrt"},
		{"fr", "typographie", "ty-po-gra-phie"},
		{"es", "extraordinario", "ex-tra-or-di-na-rio"},
		{"ru", "переносы", "пе-ре-но-сы"},
	}
	cache := map[string]*Hyphenator{}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			h := cache[tt.lang]
			if h == nil {
				var err error
				if h, err = Load(tt.lang); err != nil {
					t.Fatal(err)
				}
				cache[tt.lang] = h
			}
			if got := h.Hyphenate(tt.word); got != tt.want {
				t.Errorf("Hyphenate(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestHyphenminsComeFromTheFileHeaders(t *testing.T) {
	want := map[string][2]int{"en": {2, 3}, "en-GB": {2, 3}, "de": {2, 2}, "fr": {2, 2}, "es": {2, 2}, "ru": {2, 2}}
	for lang, mins := range want {
		h, err := Load(lang)
		if err != nil {
			t.Fatal(err)
		}
		if h.LeftMin != mins[0] || h.RightMin != mins[1] {
			t.Errorf("%s: hyphenmins %d, %d; want %d, %d", lang, h.LeftMin, h.RightMin, mins[0], mins[1])
		}
		for _, p := range h.Points("abcdefghijklmnopqrstuvwxyz") {
			if p < h.LeftMin || p > 26-h.RightMin {
				t.Errorf("%s: point %d breaks the hyphenmins", lang, p)
			}
		}
	}
}

func TestExceptionsOverridePatterns(t *testing.T) {
	h, err := Load("en")
	if err != nil {
		t.Fatal(err)
	}
	h.AddExceptions("sam-iz-dat", "hyphenation", "Ta-ble-cloth")
	for word, want := range map[string]string{
		"samizdat":    "sam-iz-dat",
		"Samizdat":    "Sam-iz-dat",
		"hyphenation": "hyphenation", // listed without hyphens: never broken
		"tablecloth":  "ta-ble-cloth",
	} {
		if got := h.Hyphenate(word); got != want {
			t.Errorf("Hyphenate(%q) = %q, want %q", word, got, want)
		}
	}
	// An exception's points still obey the hyphenmins.
	h.AddExceptions("a-b-c-d-e-f")
	if got := h.Points("abcdef"); !reflect.DeepEqual(got, []int{2, 3}) {
		t.Errorf("Points(abcdef) = %v, want [2 3]", got)
	}
}

func TestPatternTag(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "en-us", "EN-us": "en-us", "en-CA": "en-us", "en-GB": "en-gb", "en_AU": "en-gb",
		"de": "de-1996", "de-AT": "de-1996", "fr-CA": "fr", "es-MX": "es", "ru": "ru",
		"it": "", "": "", "x": "",
	} {
		if got := PatternTag(lang); got != want {
			t.Errorf("PatternTag(%q) = %q, want %q", lang, got, want)
		}
	}
	if _, err := Load("it"); err == nil || !strings.Contains(err.Error(), `"it"`) {
		t.Errorf("Load(it) error = %v, want one naming the language", err)
	}
}

func TestParseErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no patterns": `\hyphenation{ta-ble}`,
		"empty":       `\patterns{ % nothing }` + "\n}",
		"digits only": `\patterns{ 12 }`,
	} {
		if _, err := Parse(name, []byte(src)); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}

// TestPatternFilesCarryTheirLicences checks that every shipped pattern
// file still has its copyright and licence header, and that each loads.
func TestPatternFilesCarryTheirLicences(t *testing.T) {
	files, err := fs.Glob(patternFiles, "patterns/*.tex")
	if err != nil || len(files) != 6 {
		t.Fatalf("pattern files: %v (%v)", files, err)
	}
	for _, f := range files {
		src, err := patternFiles.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head := string(src[:min(len(src), 3000)])
		if !strings.Contains(head, "% copyright:") && !strings.Contains(head, "Copyright") {
			t.Errorf("%s: no copyright notice", f)
		}
		if !strings.Contains(head, "% licence:") {
			t.Errorf("%s: no licence header", f)
		}
		if _, err := Parse(f, src); err != nil {
			t.Error(err)
		}
	}
}

func BenchmarkPoints(b *testing.B) {
	h, err := Load("en")
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("typesetting manuscripts hyphenation paragraph justification reproducible quotations")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		h.Points(words[i%len(words)])
	}
}

// FuzzPoints hyphenates arbitrary words: no panic, and every point lies
// inside the word, in order, within the hyphenmins.
func FuzzPoints(f *testing.F) {
	h, err := Load("en")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"hyphenation", "", "a", "....", "ĲSSELMEER", "naïve", "x\u0301y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		n := len([]rune(word))
		prev := 0
		for _, p := range h.Points(word) {
			if p <= prev || p < h.LeftMin || p > n-h.RightMin {
				t.Fatalf("Points(%q) has %d (n=%d, previous %d)", word, p, n, prev)
			}
			prev = p
		}
	})
}
