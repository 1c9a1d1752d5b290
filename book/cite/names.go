package cite

import "strings"

// nameOrder says how the names of a list are written.
type nameOrder int

const (
	// displayOrder writes every name given name first: "Louis D. Brandeis".
	displayOrder nameOrder = iota
	// invertFirst writes the first name family name first, as a
	// bibliography does: "Warren, Samuel D., and Louis D. Brandeis".
	invertFirst
	// invertAll writes every name family name first (sorting keys).
	invertAll
	// shortForm writes family names only: "Warren and Brandeis".
	shortForm
)

// nameList is how a list of names is formatted, after CSL's name element.
type nameList struct {
	order nameOrder
	// commaBeforeAnd puts a comma before "and" even for two names (CSL's
	// delimiter-precedes-last="always"); otherwise only for three or more.
	commaBeforeAnd bool
	// etAlMin and etAlUseFirst shorten long lists to the first names and
	// "et al."; zero etAlMin never shortens.
	etAlMin, etAlUseFirst int
}

// Chicago's name lists: notes, short notes, and the bibliography.
var (
	noteNames  = nameList{order: displayOrder, etAlMin: 4, etAlUseFirst: 1}
	shortNames = nameList{order: shortForm, etAlMin: 4, etAlUseFirst: 1}
	bibNames   = nameList{order: invertFirst, commaBeforeAnd: true, etAlMin: 11, etAlUseFirst: 7}
	sortNames  = nameList{order: invertAll, commaBeforeAnd: true}
)

// format writes the names, or nothing when there are none.
func (nl nameList) format(names []Name) Text {
	if len(names) == 0 {
		return nil
	}
	etAl := false
	if n := len(names); n > 1 && names[n-1].Literal == "others" {
		names, etAl = names[:n-1], true // BibTeX's "and others"
	}
	if n := len(names); nl.etAlMin > 0 && n >= nl.etAlMin && nl.etAlUseFirst < n {
		names, etAl = names[:nl.etAlUseFirst], true
	}
	var parts []string
	for i, n := range names {
		switch {
		case nl.order == shortForm:
			parts = append(parts, shortName(n))
		case nl.order == invertAll || nl.order == invertFirst && i == 0:
			parts = append(parts, invertedName(n))
		default:
			parts = append(parts, displayName(n))
		}
	}
	var s string
	switch {
	case etAl && len(parts) == 1:
		s = parts[0] + " et al."
	case etAl:
		s = strings.Join(parts, ", ") + ", et al."
	case len(parts) == 1:
		s = parts[0]
	case len(parts) == 2 && !nl.commaBeforeAnd:
		s = parts[0] + " and " + parts[1]
	default:
		s = strings.Join(parts[:len(parts)-1], ", ") + ", and " + parts[len(parts)-1]
	}
	return plain(strings.ReplaceAll(s, "'", "’"))
}

// spaced joins name parts with spaces, leaving out empty ones; a particle
// ending in an apostrophe or hyphen ("d’") runs into the next part.
func spaced(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "’") && !strings.HasSuffix(b.String(), "'") && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// displayName writes a name given name first: "Alexis de Tocqueville",
// "Zechariah Chafee Jr.".
func displayName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	family := spaced(n.NonDroppingParticle, n.Family)
	if n.Suffix != "" {
		if n.CommaSuffix {
			family += ", " + n.Suffix
		} else {
			family += " " + n.Suffix
		}
	}
	return spaced(n.Given, n.DroppingParticle, family)
}

// invertedName writes a name family name first, with particles demoted
// after the given name as Chicago does: "Tocqueville, Alexis de",
// "Gogh, Vincent van", "Chafee, Zechariah, Jr.".
func invertedName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	s := n.Family
	if given := spaced(n.Given, n.DroppingParticle, n.NonDroppingParticle); given != "" {
		s += ", " + given
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// shortName writes the family name with a particle that is never
// dropped: "Tocqueville", "van Gogh".
func shortName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	if n.Family == "" {
		return n.Given
	}
	return spaced(n.NonDroppingParticle, n.Family)
}

// sameNames reports whether two name lists are the same people.
func sameNames(a, b []Name) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// roleLabel is a contributor's label in one of CSL's forms.
type labelForm int

const (
	labelShort     labelForm = iota // "ed.", "eds.", "trans."
	labelVerb                       // "edited by", "translated by"
	labelVerbShort                  // "ed.", "trans."
)

// roleLabel returns the English term for a contributor role, as the
// Chicago styles define them ("trans." in every short form).
func roleLabel(role string, form labelForm, plural bool) string {
	switch role + "/" + [...]string{"short", "verb", "verb-short"}[form] {
	case "editor/short":
		if plural {
			return "eds."
		}
		return "ed."
	case "editor/verb":
		return "edited by"
	case "editor/verb-short":
		return "ed."
	case "translator/short", "translator/verb-short":
		return "trans."
	case "translator/verb":
		return "translated by"
	case "editortranslator/short":
		if plural {
			return "eds. and trans."
		}
		return "ed. and trans."
	case "editortranslator/verb":
		return "edited and translated by"
	case "editortranslator/verb-short":
		return "ed. and trans."
	case "recipient/verb", "recipient/verb-short":
		return "to"
	case "interviewer/verb", "interviewer/verb-short":
		return "interview by"
	case "container-author/verb", "container-author/verb-short", "reviewed-author/verb-short":
		return "by"
	}
	return ""
}

// roles writes the editor and translator with their labels, merged into
// one "ed. and trans." when they are the same people; the label comes
// before the names ("ed. Hans Reiss") or, with after set, after them
// ("Elizabeth P. Peabody, ed.").
func roles(ed, tr []Name, nl nameList, form labelForm, capitalize, after bool, delim string) Text {
	one := func(role string, names []Name) Text {
		if len(names) == 0 {
			return nil
		}
		label := roleLabel(role, form, len(names) > 1)
		if capitalize {
			label = upperFirst(label)
		}
		if after {
			return join(", ", nl.format(names), plain(label))
		}
		return join(" ", plain(label), nl.format(names))
	}
	if len(ed) > 0 && sameNames(ed, tr) {
		return one("editortranslator", ed)
	}
	return join(delim, one("editor", ed), one("translator", tr))
}

// upperFirst capitalizes the first letter of s.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
