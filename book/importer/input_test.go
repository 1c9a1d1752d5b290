package importer

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"samizdat/book"
)

// TestBadInput checks that each kind of unusable input is refused with a
// message naming the file (and the line, where there is one).
func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		format Format
		pos    string // the message's position
		msg    string // a part of the message
	}{
		{"empty.txt", "", FormatAuto, "empty.txt", "the file is empty"},
		{"blank.txt", " \n\n\t\n", FormatAuto, "blank.txt", "the file is empty"},
		{"nul.txt", "Title\n\nText with a \x00 NUL.\n", FormatAuto, "nul.txt:3:13", "NUL byte"},
		{"controls.txt", strings.Repeat("\x01\x02\x03 ab", 40), FormatAuto, "controls.txt:1:1", "binary file"},
		{"doc.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", FormatAuto, "doc.pdf:1:1", "a PDF document"},
		{"book.epub", "PK\x03\x04\x14\x00\x00\x00", FormatAuto, "book.epub:1:1", "ZIP archive"},
		{"pic.png", "\x89PNG\r\n\x1a\n\x00\x00", FormatAuto, "pic.png:1:1", "a PNG image"},
		{"date.txt", "A title\n\nPublished: sometime in spring\n\nText.\n", FormatAuto, "date.txt:3:12", `cannot read the date "sometime in spring"`},
		{"baddate.txt", "A title\n\nWritten by: Jo\nDate: 31/02/2010\n\nText.\n", FormatAuto, "baddate.txt:4:7", "February has no day 31"},
		{"onlymeta.txt", "A title\n\nBy Jo Bloggs\n", FormatAuto, "onlymeta.txt:3", "no text"},
		{"nav.html", `<html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav><footer>© 2024</footer></body></html>`, FormatAuto, "nav.html", "found no article"},
		{"scraps.html", "<html><body><div><p>Sign in to read more.</p></div></body></html>", FormatHTML, "scraps.html", "found no article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Import(tt.name, []byte(tt.data), Options{Format: tt.format})
			if err == nil {
				t.Fatalf("imported %+v, want an error", a.Meta)
			}
			list := book.Errors(err)
			if len(list) != 1 {
				t.Fatalf("errors = %v, want one", list)
			}
			if got := list[0].Pos.String(); got != tt.pos {
				t.Errorf("position = %s, want %s (%v)", got, tt.pos, err)
			}
			if !strings.Contains(list[0].Error(), tt.msg) {
				t.Errorf("message %q does not say %q", list[0].Error(), tt.msg)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	text := "Café society\n\nBy Zoë Brontë\n\n“Naïve” thinking – and more.\n"
	cp1252, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, data string
		warning    string // "" for none
	}{
		{"utf8.txt", text, ""},
		{"bom.txt", "\ufeff" + text, ""},
		{"crlf.txt", strings.ReplaceAll(text, "\n", "\r\n"), ""},
		{"cr.txt", strings.ReplaceAll(text, "\n", "\r"), ""},
		{"cp1252.txt", cp1252, "1:4: the file is not UTF-8 (byte 0xe9 here): read it as Windows-1252"},
		{"latin1.txt", strings.Replace(cp1252, "\x93", "\x81", 1), "read it as Latin-1"},
		{"utf16.txt", utf16, "the file is UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Import(tt.name, []byte(tt.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != "Café society" || len(a.Meta.Authors) != 1 || a.Meta.Authors[0] != "Zoë Brontë" {
				t.Errorf("meta = %+v", a.Meta)
			}
			if tt.name != "latin1.txt" && !strings.Contains(a.Body, "Naïve") {
				t.Errorf("body = %q", a.Body)
			}
			var warnings []string
			for _, w := range a.Warnings {
				warnings = append(warnings, w.Error())
			}
			joined := strings.Join(warnings, "\n")
			if tt.warning == "" && len(warnings) > 0 || !strings.Contains(joined, tt.warning) {
				t.Errorf("warnings = %q, want %q", joined, tt.warning)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		data string
		want Format
	}{
		{"<!DOCTYPE html><html>", FormatHTML},
		{"\n  <html lang=en>", FormatHTML},
		{"<?xml version='1.0'?><html>", FormatHTML},
		{"<!-- saved from url -->\n<html>", FormatHTML},
		{"<div><p>text</p></div>", FormatHTML},
		{"A title\n\nText with <b> in it", FormatText},
		{"< not a tag", FormatText},
		{"", FormatText},
	}
	for _, tt := range tests {
		if got := sniffBytes([]byte(tt.data)); got != tt.want {
			t.Errorf("sniff(%q) = %v, want %v", tt.data, got, tt.want)
		}
	}
	for _, s := range []string{"", "auto", "text", "TXT", "html", "htm"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("docx"); err == nil {
		t.Error("ParseFormat(docx) succeeded")
	}
}

// TestForcedFormat reads an HTML page as text when told to, so that its
// tags become text the Markdown reader does not take for HTML.
func TestForcedFormat(t *testing.T) {
	a, err := Import("page.html", []byte("<p>A title</p>\n\nSome <b>text</b> here.\n"), Options{Format: FormatText})
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Title != "<p>A title</p>" || !strings.Contains(a.Body, `Some \<b>text\</b> here.`) {
		t.Errorf("title %q, body %q", a.Meta.Title, a.Body)
	}
}
