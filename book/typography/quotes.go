// Package typography turns typewriter text into typeset text on the book
// model: curly quotes chosen by language, apostrophes, en and em dashes
// and ellipses, all as real Unicode characters. It is a transform on the
// model, run once after reading, so every renderer shows the same text.
package typography

import "strings"

// Style is one language's quotation marks and spacing conventions.
type Style struct {
	Open, Close             string // primary (double) marks
	OpenSingle, CloseSingle string // secondary (single) marks
	// InnerSpace goes inside the marks (French: a narrow no-break space).
	InnerSpace string
	// FrenchSpacing puts a no-break space before : ; ! ? as French does.
	FrenchSpacing bool
}

const (
	nbsp       = "\u00a0"
	narrowNbsp = "\u202f"
)

// styles maps a primary language subtag to its conventions.
var styles = map[string]Style{
	"en": {Open: "“", Close: "”", OpenSingle: "‘", CloseSingle: "’"},
	"nl": {Open: "“", Close: "”", OpenSingle: "‘", CloseSingle: "’"},
	"pt": {Open: "“", Close: "”", OpenSingle: "‘", CloseSingle: "’"},
	"de": {Open: "„", Close: "“", OpenSingle: "‚", CloseSingle: "‘"},
	"cs": {Open: "„", Close: "“", OpenSingle: "‚", CloseSingle: "‘"},
	"pl": {Open: "„", Close: "”", OpenSingle: "‚", CloseSingle: "’"},
	"fr": {Open: "«", Close: "»", OpenSingle: "“", CloseSingle: "”", InnerSpace: narrowNbsp, FrenchSpacing: true},
	"es": {Open: "«", Close: "»", OpenSingle: "“", CloseSingle: "”"},
	"it": {Open: "«", Close: "»", OpenSingle: "“", CloseSingle: "”"},
	"ru": {Open: "«", Close: "»", OpenSingle: "„", CloseSingle: "“"},
	"uk": {Open: "«", Close: "»", OpenSingle: "„", CloseSingle: "“"},
	"sv": {Open: "”", Close: "”", OpenSingle: "’", CloseSingle: "’"},
}

// StyleFor returns the conventions for a BCP 47 language tag ("en-GB",
// "fr"), falling back to English for languages it does not know.
func StyleFor(lang string) Style {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if s, ok := styles[primary]; ok {
		return s
	}
	return styles["en"]
}
