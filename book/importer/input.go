package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"samizdat/book"
)

// Format is the form an article comes in.
type Format int

// The forms samizdat imports. FormatAuto sniffs the form from the content.
const (
	FormatAuto Format = iota
	FormatText
	FormatHTML
)

// String names the format as --from spells it.
func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatHTML:
		return "html"
	}
	return "auto"
}

// ParseFormat reads --from's value: "text", "html", or "" / "auto" to sniff.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "html", "htm":
		return FormatHTML, nil
	}
	return FormatAuto, fmt.Errorf("unknown format %q: use text or html", s)
}

// magic lists the signatures of binary files people mistake for articles,
// so that the message can say what the file is.
var magic = []struct {
	prefix, what string
}{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (an EPUB, DOCX or ODT?)"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1f\x8b", "a gzip archive"},
	{"{\\rtf", "an RTF document"},
	{"\xd0\xcf\x11\xe0", "a Word 97-2003 document"},
}

// decoded is an input turned into UTF-8 text.
type decoded struct {
	text     string
	warnings []*book.Error
}

// decode checks that data is text and returns it as UTF-8 with LF line
// ends. A byte order mark chooses UTF-8 or UTF-16; otherwise text that is
// not valid UTF-8 is read as Windows-1252 (a superset of Latin-1's
// printable characters, which is what such files almost always are),
// with a warning. declared, when set, is the encoding an HTML page
// declares for itself, named declaredName.
func decode(name string, data []byte, declared encoding.Encoding, declaredName string) (*decoded, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, book.ErrorList{book.Errorf(book.Pos{File: name}, "the file is empty: there is no article to import")}
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return nil, book.ErrorList{book.Errorf(book.Pos{File: name, Line: 1, Col: 1},
				"this is %s, not an article: import reads plain text or HTML", m.what)}
		}
	}
	out := &decoded{}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		u, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, book.ErrorList{book.Errorf(book.Pos{File: name, Line: 1, Col: 1}, "the file starts as UTF-16 but is not: %v", err)}
		}
		data = u
		out.warnings = append(out.warnings, book.Errorf(book.Pos{File: name, Line: 1, Col: 1}, "the file is UTF-16: converted to UTF-8"))
	}
	if err := checkBinary(name, data); err != nil {
		return nil, err
	}
	switch {
	case declared != nil:
		u, err := declared.NewDecoder().Bytes(data)
		if err != nil {
			return nil, book.ErrorList{book.Errorf(book.Pos{File: name, Line: 1, Col: 1}, "cannot convert from the page's declared encoding: %v", err)}
		}
		data = u
		out.warnings = append(out.warnings, book.Errorf(book.Pos{File: name}, "the page is encoded in %s, as it declares: converted to UTF-8", declaredName))
	case !utf8.Valid(data):
		off := firstInvalid(data)
		pos := offsetPos(name, data, off)
		u, latin1 := decode1252(data)
		what := "Windows-1252 (Latin-1)"
		if latin1 {
			what = "Latin-1"
		}
		out.warnings = append(out.warnings, book.Errorf(pos, "the file is not UTF-8 (byte 0x%02x here): read it as %s and converted to UTF-8; check accented letters and quotation marks", data[off], what))
		data = u
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	out.text = strings.ReplaceAll(text, "\r", "\n")
	return out, nil
}

// checkBinary refuses data with NUL bytes or many control characters: a
// binary file read as text would import as garbage.
func checkBinary(name string, data []byte) error {
	controls := 0
	for i, c := range data {
		if c == 0 {
			return book.ErrorList{book.Errorf(offsetPos(name, data, i), "NUL byte: this looks like a binary file, not an article")}
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	if controls*20 > len(data) {
		return book.ErrorList{book.Errorf(book.Pos{File: name, Line: 1, Col: 1}, "%d control characters in %d bytes: this looks like a binary file, not an article", controls, len(data))}
	}
	return nil
}

// decode1252 converts Windows-1252 to UTF-8. The five bytes Windows-1252
// leaves undefined are read as Latin-1 (the C1 controls), and latin1
// reports that one was met.
func decode1252(data []byte) (out []byte, latin1 bool) {
	out = make([]byte, 0, len(data)+len(data)/4)
	for _, c := range data {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r, latin1 = rune(c), true
		}
		out = utf8.AppendRune(out, r)
	}
	return out, latin1
}

// firstInvalid is the offset of the first byte that is not UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// offsetPos converts a byte offset to a line and column (in characters,
// counting each undecodable byte as one).
func offsetPos(name string, data []byte, off int) book.Pos {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	col := 1
	for i := start; i < off; {
		_, n := utf8.DecodeRune(data[i:off])
		i += n
		col++
	}
	return book.Pos{File: name, Line: line, Col: col}
}

// sniff tells HTML from plain text by the first thing in the file: a plain
// text article never begins with a tag.
func sniff(text string) Format {
	t := strings.TrimLeft(text, " \t\n\f\ufeff")
	if len(t) < 2 || t[0] != '<' {
		return FormatText
	}
	c := t[1]
	if c == '!' || c == '?' || c == '/' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
		return FormatHTML
	}
	return FormatText
}
