package hyphen

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed patterns/*.tex
var patternFiles embed.FS

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
// keep the result. A language without patterns is an error that names
// it; callers typically then leave its words unhyphenated.
func Load(lang string) (*Hyphenator, error) {
	tag := PatternTag(lang)
	if tag == "" {
		return nil, fmt.Errorf("hyphen: no hyphenation patterns for language %q", lang)
	}
	name := "patterns/hyph-" + tag + ".tex"
	src, err := patternFiles.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s: %w", name, err)
	}
	h, err := Parse(name, src)
	if err != nil {
		return nil, err
	}
	h.Tag = tag
	return h, nil
}
