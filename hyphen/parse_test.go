package hyphen

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// reference is the plain reading of Liang's algorithm that this package
// began with: a map from each pattern's letters to its values, filled
// from a comment-stripped copy of the file, looked up substring by
// substring. It is slow and allocates much, which is why the package no
// longer uses it; the tests use it as the oracle that the compact
// pattern table must agree with on every word.
type reference struct {
	patterns   map[string][]uint8
	maxRunes   int
	exceptions map[string][]int
}

// parseReference reads src as the package once did, with its errors.
func parseReference(name, src string) (*reference, error) {
	text := referenceStripComments(src)
	pats, ok := referenceGroup(text, `\patterns`)
	if !ok {
		return nil, fmt.Errorf("hyphen: %s has no \\patterns{…}", name)
	}
	ref := &reference{patterns: map[string][]uint8{}, exceptions: map[string][]int{}}
	for _, p := range strings.Fields(pats) {
		var letters strings.Builder
		values := []uint8{0}
		for _, r := range p {
			if r >= '0' && r <= '9' {
				values[len(values)-1] = uint8(r - '0')
				continue
			}
			letters.WriteRune(unicode.ToLower(r))
			values = append(values, 0)
		}
		if letters.Len() == 0 {
			return nil, fmt.Errorf("hyphen: %s: pattern %q has no letters", name, p)
		}
		ref.patterns[letters.String()] = values
		ref.maxRunes = max(ref.maxRunes, len(values)-1)
	}
	if len(ref.patterns) == 0 {
		return nil, fmt.Errorf("hyphen: %s has no patterns", name)
	}
	if exc, ok := referenceGroup(text, `\hyphenation`); ok {
		for _, w := range strings.Fields(exc) {
			var plain strings.Builder
			var at []int
			n := 0
			for _, r := range w {
				if r == '-' {
					at = append(at, n)
					continue
				}
				plain.WriteRune(unicode.ToLower(r))
				n++
			}
			if n > 0 {
				ref.exceptions[plain.String()] = at
			}
		}
	}
	return ref, nil
}

func referenceStripComments(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if i := strings.IndexByte(line, '%'); i >= 0 && (i == 0 || line[i-1] != '\\') {
			b.WriteString(line[:i])
			b.WriteByte('\n')
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

func referenceGroup(text, cmd string) (string, bool) {
	i := strings.Index(text, cmd+"{")
	if i < 0 {
		return "", false
	}
	rest := text[i+len(cmd)+1:]
	j := strings.IndexByte(rest, '}')
	if j < 0 {
		return "", false
	}
	return rest[:j], true
}

// points returns the points of word within the hyphenmins left and
// right.
func (ref *reference) points(word string, left, right int) []int {
	n := utf8.RuneCountInString(word)
	if n < left+right {
		return nil
	}
	lower := strings.Map(unicode.ToLower, word)
	if at, ok := ref.exceptions[lower]; ok {
		var out []int
		for _, k := range at {
			if k >= left && k <= n-right {
				out = append(out, k)
			}
		}
		return out
	}
	dotted := "." + lower + "."
	var offs []int
	for i := range dotted {
		offs = append(offs, i)
	}
	offs = append(offs, len(dotted))
	runes := len(offs) - 1
	values := make([]uint8, runes+1)
	for i := 0; i < runes; i++ {
		for j := i + 1; j <= runes && j-i <= ref.maxRunes; j++ {
			for k, x := range ref.patterns[dotted[offs[i]:offs[j]]] {
				values[i+k] = max(values[i+k], x)
			}
		}
	}
	var at []int
	for k := left; k <= n-right; k++ {
		if values[k+1]%2 == 1 {
			at = append(at, k)
		}
	}
	return at
}

// TestPointsAgreeWithReference hyphenates, in every shipped language,
// each pattern's own letters, pairs of them run together, the
// exceptions and random strings of the language's letters, and checks that the pattern table
// finds the points the reference map finds.
func TestPointsAgreeWithReference(t *testing.T) {
	for _, tag := range shippedTags {
		t.Run(tag, func(t *testing.T) {
			src, err := patternFiles.ReadFile("patterns/hyph-" + tag + ".tex")
			if err != nil {
				t.Fatal(err)
			}
			ref, err := parseReference(tag, string(src))
			if err != nil {
				t.Fatal(err)
			}
			h, err := Load(tag)
			if err != nil {
				t.Fatal(err)
			}
			if h.patterns.maxRunes != ref.maxRunes {
				t.Errorf("longest pattern %d letters, want %d", h.patterns.maxRunes, ref.maxRunes)
			}
			checked := 0
			check := func(word string) {
				checked++
				got, want := h.Points(word), ref.points(word, h.LeftMin, h.RightMin)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Points(%q) = %v, want %v", word, got, want)
				}
			}
			var keys, letters []string
			seen := map[rune]bool{}
			for key := range ref.patterns {
				keys = append(keys, strings.Trim(key, "."))
				for _, r := range key {
					if !seen[r] && r != '.' {
						seen[r] = true
						letters = append(letters, string(r))
					}
				}
			}
			rng := rand.New(rand.NewPCG(1, uint64(len(keys))))
			for _, k := range keys {
				check(k)
				check(k + keys[rng.IntN(len(keys))])
				check(strings.ToUpper(k[:1]) + k[1:])
			}
			for w := range ref.exceptions {
				check(w)
			}
			for range 5000 {
				var w strings.Builder
				for range 3 + rng.IntN(20) {
					w.WriteString(letters[rng.IntN(len(letters))])
				}
				check(w.String())
			}
			t.Logf("%d words agree", checked)
		})
	}
}

// FuzzParse reads arbitrary pattern files and hyphenates a word with
// them: Parse must fail where the reference fails, with the same error,
// and otherwise find the same points. The seeds try what TeX's syntax
// allows: comments, an escaped %, braces, capitals, spaces beyond ASCII,
// invalid UTF-8 and patterns given twice.
func FuzzParse(f *testing.F) {
	for _, seed := range [][2]string{
		{"\\patterns{a1b\n}", "xabx"},
		{"% \\patterns{x1y}\n\\patterns{.ab1c %c\n 2d1e}", "abcde"},
		{"\\patterns{a1b\\%c 1d1 %e1f\n 1x}", "a\\%cd"},
		{"\\patterns{\\%1a %b1c\n b1c}\\hyphenation{ab-c-d}", "abcd"},
		{"\\patterns{A1B 2Ç ab1c}", "Xabçab"},
		{"\\patterns{\xff1a a1\xc3}", "a\xff\xffa"},
		{"\\patterns{a1\xc3}", "xa\xc3x"},
		{"\\patterns{a1\xc3 b\xd0\xb01}", "b\xd0\xb0xa\xc3"},
		{"\\patterns{a1b\u00a0c1d\u2003e1f\u0085g1h}", "abcdefgh"},
		{"\\patterns{ab1c%comment\nc1d}", "abcd"},
		{"\\patterns{ 12 }", "abc"},
		{"\\patterns{a1b", "abab"},
		{"\\hyphenation{ta-ble}\\patterns{t1a a1b}", "table"},
		{"\\patterns{a1b a3b 1a}", "aabb"},
		{"\\patterns{1i1\u0130 k1\u212a}", "iiKk"},
		{"\\patterns{}", "abc"},
		{"\\patterns{\n%\n}", "abc"},
		{"\\patterns{\u0430\u04311\u0432 .\u0432\u04331}", "\u0430\u0431\u0432\u0433\u0434"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, src, word string) {
		ref, refErr := parseReference("fuzz", src)
		h, err := Parse("fuzz", []byte(src))
		if (err == nil) != (refErr == nil) || err != nil && err.Error() != refErr.Error() {
			t.Fatalf("Parse error %v, want %v", err, refErr)
		}
		if err != nil {
			return
		}
		if h.patterns.maxRunes != ref.maxRunes {
			t.Errorf("longest pattern %d letters, want %d", h.patterns.maxRunes, ref.maxRunes)
		}
		got, want := h.Points(word), ref.points(word, h.LeftMin, h.RightMin)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Points(%q) = %v, want %v", word, got, want)
		}
	})
}
