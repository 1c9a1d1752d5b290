package html

import (
	"bytes"
	"strings"

	"samizdat/internal/escape"
)

// writeEscaped writes s as HTML character data or attribute value (see
// internal/escape): & < > and " become entities; every other character,
// typographic quotes and dashes included, is written as it is. Invalid
// UTF-8 becomes U+FFFD and control characters, which neither HTML nor
// XML allow in text, are dropped, so the page always parses.
func writeEscaped(w *bytes.Buffer, s string) { escape.Write(w, s, escape.HTML) }

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
