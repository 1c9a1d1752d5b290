package epub

import (
	"regexp"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

func TestParseISBN(t *testing.T) {
	tests := []struct {
		in, digits, shown string
		ok                bool
	}{
		{"urn:isbn:9780000000002", "9780000000002", "9780000000002", true},
		{"URN:ISBN:978-0-00-000000-2", "9780000000002", "978-0-00-000000-2", true},
		{"978-0-00-000000-2", "9780000000002", "978-0-00-000000-2", true},
		{"ISBN 978 0 00 000000 2", "9780000000002", "978 0 00 000000 2", true},
		{"ISBN-10: 0-306-40615-2", "0306406152", "0-306-40615-2", true},
		{"080442957X", "080442957X", "080442957X", true},
		{"urn:isbn:9780000000003", "9780000000003", "9780000000003", true}, // explicit, wrong check digit: kept, warned
		{"9780000000003", "", "", false},                                   // bare number failing the check
		{"urn:uuid:0b5e2c1a-0000-4000-8000-000000000000", "", "", false},
		{"https://example.org/book", "", "", false},
		{"12345", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		digits, shown, ok := parseISBN(tt.in)
		if digits != tt.digits || shown != tt.shown || ok != tt.ok {
			t.Errorf("parseISBN(%q) = %q, %q, %v; want %q, %q, %v", tt.in, digits, shown, ok, tt.digits, tt.shown, tt.ok)
		}
	}
}

var uuidURN = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestBookIdentifier(t *testing.T) {
	tests := []struct {
		in       string
		value    string // exact, or "uuid" for a derived version-5 UUID
		isbn     string
		other    string
		warnings int
	}{
		{"urn:isbn:9780000000002", "urn:isbn:9780000000002", "9780000000002", "", 0},
		{"978-0-00-000000-2", "urn:isbn:9780000000002", "978-0-00-000000-2", "", 0},
		{"urn:isbn:9780000000003", "urn:isbn:9780000000003", "9780000000003", "", 1},
		{"urn:uuid:0B5E2C1A-0000-4000-8000-000000000000", "urn:uuid:0b5e2c1a-0000-4000-8000-000000000000", "", "", 0},
		{"https://example.org/book", "uuid", "", "https://example.org/book", 0},
		{"", "uuid", "", "", 0},
	}
	for _, tt := range tests {
		b := booktest.Sample()
		b.Meta.Identifier = tt.in
		var warnings []string
		id := bookIdentifier(b, render.Options{Warn: func(_ book.Pos, m string) { warnings = append(warnings, m) }})
		if tt.value == "uuid" {
			if !uuidURN.MatchString(id.value) {
				t.Errorf("%q: identifier %q is not a version-5 UUID URN", tt.in, id.value)
			}
		} else if id.value != tt.value {
			t.Errorf("%q: identifier %q; want %q", tt.in, id.value, tt.value)
		}
		if id.isbn != tt.isbn || id.other != tt.other || len(warnings) != tt.warnings {
			t.Errorf("%q: isbn %q, other %q, warnings %q; want %q, %q, %d", tt.in, id.isbn, id.other, warnings, tt.isbn, tt.other, tt.warnings)
		}
	}
}

// TestDerivedIdentifierStable checks that the derived UUID is the same
// for the same book, whatever the build settings, and differs when the
// title, authors or text differ.
func TestDerivedIdentifierStable(t *testing.T) {
	id := func(change func(*book.Book)) string {
		b := booktest.Sample()
		b.Meta.Identifier = ""
		change(b)
		return bookIdentifier(b, render.Options{}).value
	}
	base := id(func(*book.Book) {})
	same := []func(*book.Book){
		func(b *book.Book) { b.Notes.Placement = book.PlaceBookEnd },
		func(b *book.Book) { b.Output.EmbedFonts = true },
		func(b *book.Book) { b.Meta.Description = "Another blurb." },
	}
	for i, c := range same {
		if got := id(c); got != base {
			t.Errorf("change %d altered the identifier: %s vs %s", i, got, base)
		}
	}
	differ := []func(*book.Book){
		func(b *book.Book) { b.Meta.Title = "Another Book" },
		func(b *book.Book) { b.Meta.Authors = b.Meta.Authors[:1] },
		func(b *book.Book) {
			b.Parts[0].Chapters[1].Blocks = []book.Block{booktest.P(booktest.T("Different text."))}
		},
		func(b *book.Book) { b.Parts[0].Chapters[0].Notes[0].Blocks = nil },
	}
	for i, c := range differ {
		if got := id(c); got == base {
			t.Errorf("change %d kept the identifier %s", i, got)
		}
	}
}

// TestUUID5 checks the version-5 algorithm against RFC 9562's example
// (the DNS namespace and "www.example.com").
func TestUUID5(t *testing.T) {
	got := uuid5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")
	if want := "2ed6657d-e927-568b-95e1-2665a8aea6a2"; got != want {
		t.Errorf("uuid5 = %s; want %s", got, want)
	}
}

func TestMetadataHelpers(t *testing.T) {
	for _, tt := range []struct {
		p    book.Person
		want string
	}{
		{book.Person{Name: "Mara Vell"}, "Vell, Mara"},
		{book.Person{Name: "Ralph Waldo Emerson"}, "Emerson, Ralph Waldo"},
		{book.Person{Name: "Martin Luther King Jr."}, "King, Martin Luther, Jr."},
		{book.Person{Name: "Plato"}, "Plato"},
		{book.Person{Name: "Orwell, George"}, "Orwell, George"},
		{book.Person{Name: "George Orwell", FileAs: "Orwell, G."}, "Orwell, G."},
	} {
		if got := fileAs(tt.p); got != tt.want {
			t.Errorf("fileAs(%q) = %q; want %q", tt.p.Name, got, tt.want)
		}
	}
	for _, tt := range []struct {
		in   string
		w3c  bool
		html bool
	}{
		{"2026", true, true},
		{"2026-11", true, true},
		{"2026-11-01", true, true},
		{"2026-11-01T10:00:00Z", true, false},
		{"2026-11-01T10:00+02:00", true, false},
		{"2026-13-01", false, false},
		{"2026-02-30", false, false},
		{"1 November 2026", false, false},
		{"", false, false},
	} {
		if got := isW3CDate(tt.in); got != tt.w3c {
			t.Errorf("isW3CDate(%q) = %v", tt.in, got)
		}
		if got := isHTMLDate(tt.in); got != tt.html {
			t.Errorf("isHTMLDate(%q) = %v", tt.in, got)
		}
	}
	p := &plan{}
	for _, tt := range []struct{ in, want string }{
		{"", "en"}, {"en", "en"}, {"de_AT", "de-AT"}, {"sr-Latn-RS", "sr-Latn-RS"}, {"not a tag", "en"},
	} {
		if got := p.normLang(tt.in, book.Pos{}); got != tt.want {
			t.Errorf("normLang(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ role, want string }{{"", "aut"}, {"trl", "trl"}, {"EDT", "edt"}, {"editor", "aut"}} {
		if got := p.relator(book.Person{Role: tt.role}); got != tt.want {
			t.Errorf("relator(%q) = %q; want %q", tt.role, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"the-press", "the-press"}, {"ch1-n1", "ch1-n1"}, {"1st", "x1st"}, {"a b", "a-b"},
		{"Ελευθερία", "Ελευθερία"}, {"", "x"}, {"-x", "x-x"}, {"a:b", "a-b"},
	} {
		if got := xmlID(tt.in); got != tt.want {
			t.Errorf("xmlID(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, fallback, want string }{
		{"the-press", "x", "the-press"}, {"Ελευθερία", "chapter", "chapter"}, {"a b/c", "x", "a-b-c"}, {"", "", ""},
	} {
		if got := safeName(tt.in, tt.fallback); got != tt.want {
			t.Errorf("safeName(%q, %q) = %q; want %q", tt.in, tt.fallback, got, tt.want)
		}
	}
	s := newNameSet()
	s.reserve("nav")
	for _, tt := range []struct{ in, want string }{{"a", "a"}, {"A", "A-2"}, {"a", "a-3"}, {"nav", "nav-2"}} {
		if got := s.take(tt.in); got != tt.want {
			t.Errorf("take(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if !strings.HasPrefix(ncName("9lives"), "x") {
		t.Errorf("ncName does not make a leading digit safe")
	}
}
