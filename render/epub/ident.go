package epub

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"

	"samizdat/book"
	"samizdat/render"
)

// identifier is the publication's unique identifier and what the copyright
// page shows of it.
type identifier struct {
	// value is the package's unique identifier: urn:isbn:… or urn:uuid:….
	value string
	// isbn is the ISBN as the manuscript wrote it (without "urn:isbn:"),
	// empty when the book has none.
	isbn string
	// other is the manuscript's own identifier when it is neither an ISBN
	// nor a UUID; it is kept as a second dc:identifier.
	other string
}

// bookIdentifier chooses the unique identifier. An ISBN (bare or as
// urn:isbn:) becomes urn:isbn:DIGITS; a urn:uuid: is kept; anything else,
// or nothing, gets a name-based (version 5) UUID computed from the title,
// the authors and the text, so that rebuilding an unchanged book keeps its
// identity in readers' libraries while a different book never shares it.
func bookIdentifier(b *book.Book, opt render.Options) identifier {
	id := strings.TrimSpace(b.Meta.Identifier)
	lower := strings.ToLower(id)
	if digits, shown, ok := parseISBN(id); ok {
		if !isbnChecksumOK(digits) {
			opt.Warnf(book.Pos{}, "identifier %q has a wrong ISBN check digit", id)
		}
		return identifier{value: "urn:isbn:" + digits, isbn: shown}
	}
	if strings.HasPrefix(lower, "urn:uuid:") && isUUID(lower[len("urn:uuid:"):]) {
		return identifier{value: lower}
	}
	return identifier{value: "urn:uuid:" + uuid5(urlNamespace, "samizdat:book:"+contentDigest(b)), other: id}
}

// parseISBN recognises "urn:isbn:…", "ISBN …" and bare ISBN-10 or ISBN-13
// numbers with optional hyphens or spaces. It returns the digits and the
// form to show on the copyright page.
func parseISBN(s string) (digits, shown string, ok bool) {
	rest := s
	explicit := false
	for _, prefix := range []string{"urn:isbn:", "isbn-13:", "isbn-10:", "isbn:", "isbn"} {
		if len(rest) >= len(prefix) && strings.EqualFold(rest[:len(prefix)], prefix) {
			rest = strings.TrimSpace(rest[len(prefix):])
			explicit = true
			break
		}
	}
	var b strings.Builder
	for i, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case (r == 'X' || r == 'x') && i == len(rest)-1:
			b.WriteByte('X')
		case r == '-' || r == ' ':
		default:
			return "", "", false
		}
	}
	d := b.String()
	if len(d) != 10 && len(d) != 13 {
		return "", "", false
	}
	if len(d) == 13 && strings.Contains(d, "X") {
		return "", "", false
	}
	if !explicit && !isbnChecksumOK(d) {
		// A bare number that fails the check is more likely some other
		// identifier than a mistyped ISBN.
		return "", "", false
	}
	return d, rest, true
}

// isbnChecksumOK verifies an ISBN-10 or ISBN-13 check digit.
func isbnChecksumOK(d string) bool {
	switch len(d) {
	case 10:
		sum := 0
		for i := 0; i < 10; i++ {
			v := int(d[i] - '0')
			if d[i] == 'X' {
				if i != 9 {
					return false
				}
				v = 10
			}
			sum += v * (10 - i)
		}
		return sum%11 == 0
	case 13:
		sum := 0
		for i := 0; i < 13; i++ {
			w := 1
			if i%2 == 1 {
				w = 3
			}
			sum += int(d[i]-'0') * w
		}
		return sum%10 == 0
	}
	return false
}

// isUUID reports whether s is a UUID in its textual form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
				return false
			}
		}
	}
	return true
}

// urlNamespace is RFC 9562's namespace for names that are URLs or, as
// here, URN-like strings.
const urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"

// uuid5 returns the name-based UUID (version 5, SHA-1) of name in ns.
func uuid5(ns, name string) string {
	nsBytes, err := hex.DecodeString(strings.ReplaceAll(ns, "-", ""))
	if err != nil {
		panic("epub: bad UUID namespace constant") // a constant in this file
	}
	h := sha1.New()
	h.Write(nsBytes)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u)
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}
