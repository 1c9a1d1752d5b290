package html

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// writeEscaped writes s as HTML character data or attribute value:
// & < > and " become entities; every other character, typographic quotes
// and dashes included, is written as it is. Invalid UTF-8 becomes U+FFFD
// and control characters, which neither HTML nor XML allow in text, are
// dropped, so the page always parses. Runs of characters written as they
// are go out with one copy each, not rune by rune: nearly all of a book is
// such runs.
func writeEscaped(w *bytes.Buffer, s string) {
	start := 0 // s[start:i] is to be written as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c > '>' && c < 0x7f {
			// Letters and most punctuation: the bulk of any text.
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				w.WriteString(s[start:i])
				w.WriteString(string(utf8.RuneError))
				start = i + size
			case !allowedRune(r):
				w.WriteString(s[start:i])
				start = i + size
			}
			i += size
			continue
		}
		var rep string
		switch c {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		default:
			if c >= ' ' && c != 0x7f || c == '\t' || c == '\n' || c == '\r' {
				i++
				continue
			}
			// any other control character is dropped
		}
		w.WriteString(s[start:i])
		w.WriteString(rep)
		i++
		start = i
	}
	w.WriteString(s[start:])
}

// escape returns s escaped as writeEscaped writes it.
func escape(s string) string {
	var b bytes.Buffer
	writeEscaped(&b, s)
	return b.String()
}

// allowedRune reports whether r may appear in the page's text: not a C0
// or C1 control other than tab, line feed and carriage return, and not one
// of the noncharacters U+FFFE and U+FFFF.
func allowedRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return false
	case r == 0xfffe || r == 0xffff:
		return false
	}
	return true
}

// safeScheme reports whether a link may use a URL scheme. Anything not
// listed — javascript:, vbscript:, data:, file: and schemes not yet
// invented — is refused, because a book's links should only ever lead
// somewhere, never run something.
func safeScheme(scheme string) bool {
	switch scheme {
	case "ftp", "ftps", "gemini", "geo", "gopher", "http", "https", "irc", "ircs",
		"mailto", "news", "nntp", "sftp", "tel", "xmpp":
		return true
	}
	return false
}

// safeURL cleans a link target the way browsers do before they look at it
// (ASCII tabs and line breaks removed, surrounding spaces and controls
// trimmed), encodes inner spaces, which a valid URL may not hold, and
// reports whether it may be linked: a relative reference, or
// an absolute URL with a scheme that safeScheme allows.
func safeURL(raw string) (string, bool) {
	u := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, raw)
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.ReplaceAll(u, " ", "%20")
	if u == "" {
		return "", false
	}
	scheme, ok := urlScheme(u)
	if !ok {
		return u, true // relative reference: cannot run anything
	}
	return u, safeScheme(scheme)
}

// urlScheme returns the lower-cased scheme of u when u starts with one
// (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"), as the URL standard
// parses it.
func urlScheme(u string) (string, bool) {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(u[:i]), true
		default:
			return "", false
		}
	}
	return "", false
}

// className keeps the characters of s that are safe and meaningful in a
// class name (letters, digits, - _ + . #), so that a code block's language
// such as "c++" or "objective-c" becomes a usable class.
func className(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		case r == '-' || r == '_' || r == '+' || r == '.' || r == '#':
			return r
		}
		return -1
	}, s)
}
