package hyphen

import (
	_ "embed"
	"fmt"
	"strings"
)

// The pattern files, embedded as strings so that Load reads them in
// place: the Hyphenator's pattern table points into them rather than
// into a copy.
var (
	//go:embed patterns/hyph-en-us.tex
	patternsEnUS string
	//go:embed patterns/hyph-en-gb.tex
	patternsEnGB string
	//go:embed patterns/hyph-de-1996.tex
	patternsDe1996 string
	//go:embed patterns/hyph-fr.tex
	patternsFr string
	//go:embed patterns/hyph-es.tex
	patternsEs string
	//go:embed patterns/hyph-ru.tex
	patternsRu string
)

// patternSource returns the text of the pattern file of a tag that
// PatternTag returns.
func patternSource(tag string) (string, bool) {
	switch tag {
	case "en-us":
		return patternsEnUS, true
	case "en-gb":
		return patternsEnGB, true
	case "de-1996":
		return patternsDe1996, true
	case "fr":
		return patternsFr, true
	case "es":
		return patternsEs, true
	case "ru":
		return patternsRu, true
	}
	return "", false
}

// PatternTag returns the tag of the pattern set that hyphenates a
// language, given as a BCP 47 tag ("en", "en-GB", "de-CH", "fr"), or ""
// when none is shipped. English is American unless the tag names a
// country that spells the British way.
func PatternTag(lang string) string {
	tag := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	primary, region, _ := strings.Cut(tag, "-")
	switch primary {
	case "en":
		switch region {
		case "gb", "uk", "ie", "au", "nz", "za", "in":
			return "en-gb"
		}
		return "en-us"
	case "de":
		return "de-1996"
	case "fr", "es", "ru":
		return primary
	}
	return ""
}

// Load returns the hyphenator for a language (see PatternTag). It parses
// the pattern file anew on every call, so callers that hyphenate much
// keep the result; parsing reads the embedded file in place and costs
// little. A language without patterns is an error that names it;
// callers typically then leave its words unhyphenated.
func Load(lang string) (*Hyphenator, error) {
	tag := PatternTag(lang)
	if tag == "" {
		return nil, fmt.Errorf("hyphen: no hyphenation patterns for language %q", lang)
	}
	name := "patterns/hyph-" + tag + ".tex"
	src, ok := patternSource(tag)
	if !ok {
		return nil, fmt.Errorf("hyphen: %s is not embedded", name)
	}
	h, err := parse(name, src)
	if err != nil {
		return nil, err
	}
	h.Tag = tag
	return h, nil
}
