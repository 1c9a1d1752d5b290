package importer

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseHeaderLine(t *testing.T) {
	tests := []struct {
		line string
		want []headerLine // nil: not a header line
	}{
		{"Published: 26/04/2010", []headerLine{{"Published", fieldDate, "26/04/2010"}}},
		{"Written by: Kostas Doe", []headerLine{{"Written by", fieldAuthor, "Kostas Doe"}}},
		{"Originally listed under: People and groups", []headerLine{{"Originally listed under", fieldSubject, "People and groups"}}},
		{"Tags: a, b", []headerLine{{"Tags", fieldSubjects, "a, b"}}},
		{"Source: The Harbour Bulletin", []headerLine{{"Source", fieldSource, "The Harbour Bulletin"}}},
		{"Reading time: 6 minutes", []headerLine{{"Reading time", fieldOther, "6 minutes"}}},
		{"By Ruth Okafor and Tomás Ibarra", []headerLine{{"By", fieldAuthor, "Ruth Okafor and Tomás Ibarra"}}},
		{"By Ludwig van Beethoven", []headerLine{{"By", fieldAuthor, "Ludwig van Beethoven"}}},
		{"12 June 1976", []headerLine{{"Date", fieldDate, "12 June 1976"}}},
		{"By Jane Smith | 26 April 2010", []headerLine{{"By", fieldAuthor, "Jane Smith"}, {"Date", fieldDate, "26 April 2010"}}},
		// The start of the text, not metadata:
		{"By 1926 the battle lines were redrawn.", nil},
		{"By then it was too late", nil},
		{"The argument goes: revolutions always end badly.", nil},
		{"Trotsky replied:", nil},
		{"URL: http://example.org/x", []headerLine{{"URL", fieldOther, "http://example.org/x"}}},
		{"http://example.org/x", nil},
		{"Note: " + strings.Repeat("a long sentence that goes on ", 6), nil},
		{"Leon Trotsky and the fight", nil},
	}
	for _, tt := range tests {
		got, ok := parseHeaderLine(tt.line)
		if ok != (tt.want != nil) || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseHeaderLine(%q) = %+v, %v; want %+v", tt.line, got, ok, tt.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kostas Doe", []string{"Kostas Doe"}},
		{"Ruth Okafor and Tomás Ibarra", []string{"Ruth Okafor", "Tomás Ibarra"}},
		{"Ana Lima, Bo Ek and Cy Twombly", []string{"Ana Lima", "Bo Ek", "Cy Twombly"}},
		{"Jane Smith, Editor", []string{"Jane Smith, Editor"}},
		{"Smith & Jones", []string{"Smith", "Jones"}},
		{"By Jane Smith", []string{"Jane Smith"}},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFusedCaption(t *testing.T) {
	tests := []struct {
		para          string
		first         bool
		caption, rest string
	}{
		{"Leon TrotskyThe defeat of the revolution", false, "Leon Trotsky", "The defeat of the revolution"},
		{"Photo: Ana LimaWorkers at the terminal voted", true, "Photo: Ana Lima", "Workers at the terminal voted"},
		{"Rosa Luxemburg (1871-1919)The pamphlet", false, "Rosa Luxemburg (1871-1919)", "The pamphlet"},
		{"Strikers outside the worksThe strike began", true, "Strikers outside the works", "The strike began"},
		// Sentence case only in the first paragraph, where a lead
		// picture's caption lands.
		{"Strikers outside the worksThe strike began", false, "", ""},
		// Camel-case names are never cut.
		{"McDonald's workers struck", true, "", ""},
		{"Follow us on LinkedIn for news", false, "", ""},
		{"YouTube removed the video", true, "", ""},
		{"PowerPoint slides were shown", true, "", ""},
		{"The defeat of the revolution", true, "", ""},
		{"He said so.The end", true, "", ""},
	}
	for _, tt := range tests {
		c, r, ok := fusedCaption(tt.para, tt.first)
		if ok != (tt.caption != "") || c != tt.caption || r != tt.rest {
			t.Errorf("fusedCaption(%q, %v) = %q, %q, %v; want %q, %q", tt.para, tt.first, c, r, ok, tt.caption, tt.rest)
		}
	}
}

func TestShapeOf(t *testing.T) {
	tests := []struct {
		p    string
		want quoteShape
	}{
		{`"The whole point is that we cannot leave them aside."`, quotedWhole},
		{`"They called it "socialism in one country" and went on."`, quotedWhole},
		{`"[W]hile they remained alive, the opposition was a danger.`, quotedOpen},
		{`"Lost revolution" in Germany was decisive.`, notQuoted},
		{`"A" and "B"`, notQuoted},
		{`This "lost revolution" was decisive.`, notQuoted},
		{`“The committee is not a favour.”`, quotedWhole},
		{`“We asked for that in November.`, quotedOpen},
		{`"Strike!", and "Let us carry on" - the banners read.`, notQuoted},
	}
	for _, tt := range tests {
		if got := shapeOf(tt.p); got != tt.want {
			t.Errorf("shapeOf(%q) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

func TestQuoteGroups(t *testing.T) {
	W, O, N := quotedWhole, quotedOpen, notQuoted
	tests := []struct {
		shapes   []quoteShape
		quotable []bool
		groups   map[int]int
		unclosed []int
	}{
		{[]quoteShape{N, W, N}, nil, map[int]int{1: 1}, nil},
		{[]quoteShape{N, O, W, N}, nil, map[int]int{1: 2}, nil},
		{[]quoteShape{O, O, W}, nil, map[int]int{0: 3}, nil},
		{[]quoteShape{W, W}, nil, map[int]int{0: 2}, nil},
		{[]quoteShape{N, O, N}, nil, map[int]int{}, []int{1}},
		{[]quoteShape{W, O, N}, nil, map[int]int{0: 1}, []int{1}},
		// A heading or list between quoted paragraphs ends the run.
		{[]quoteShape{O, W}, []bool{true, false}, map[int]int{}, []int{0}},
	}
	for _, tt := range tests {
		q := tt.quotable
		if q == nil {
			q = make([]bool, len(tt.shapes))
			for i := range q {
				q[i] = true
			}
		}
		g, u := quoteGroups(tt.shapes, q)
		if !reflect.DeepEqual(g, tt.groups) || !reflect.DeepEqual(u, tt.unclosed) {
			t.Errorf("quoteGroups(%v) = %v, %v; want %v, %v", tt.shapes, g, u, tt.groups, tt.unclosed)
		}
	}
}

func TestHeadingLike(t *testing.T) {
	yes := []string{"The fight begins", "What comes \"next\"", "1. The first years", "Part II", "1968"}
	no := []string{"Trotsky replied:", "It was fought against.", "a lower-case start", "Why?",
		"This one is far too long to be a heading because it has many many words in it", "Done. Next thing"}
	for _, s := range yes {
		if !headingLike(s) {
			t.Errorf("headingLike(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if headingLike(s) {
			t.Errorf("headingLike(%q) = true, want false", s)
		}
	}
}

// TestTextStructure checks the decisions that depend on neighbours: a
// heading stands between paragraphs, never first or last; a run of short
// lines is text; a bullet block is a list; a break line is a break.
func TestTextStructure(t *testing.T) {
	src := "Title\n\nBy Jo Bloggs\n\nShort opener\n\nA first paragraph of text.\n\nA heading\n\nSecond paragraph.\n\n" +
		"One\n\nTwo\n\nThird paragraph.\n\n- apples\n- pears\n\n* * *\n\nLast paragraph.\n\nSigned off\n"
	a, err := readText("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	want := "Short opener\n\nA first paragraph of text.\n\n## A heading\n\nSecond paragraph.\n\nOne\n\nTwo\n\n" +
		"Third paragraph.\n\n- apples\n- pears\n\n* * *\n\nLast paragraph.\n\nSigned off\n"
	if a.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", a.Body, want)
	}
	if a.Meta.Title != "Title" || !reflect.DeepEqual(a.Meta.Authors, []string{"Jo Bloggs"}) {
		t.Errorf("meta = %+v", a.Meta)
	}
}

func TestTextMetadataVariants(t *testing.T) {
	src := "Title: The real title\n===\nDate: 2019-03-14\nPublished: 15/03/2019\nCategories: Housing; Rent\n" +
		"Category: Housing\nSubtitle: A subtitle\nStandfirst: Another\nSource: One\nAppeared in: Two\nHeadline: Other\n\nText.\n"
	a, err := readText("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	m := a.Meta
	if m.Title != "The real title" || m.Date != "2019-03-14" || m.Subtitle != "A subtitle" || m.Source != "One" ||
		!reflect.DeepEqual(m.Subjects, []string{"Housing", "Rent"}) {
		t.Errorf("meta = %+v", m)
	}
	wantOther := []Field{{"Published", "15/03/2019"}, {"Standfirst", "Another"}, {"Appeared in", "Two"}, {"Headline", "Other"}}
	if !reflect.DeepEqual(m.Other, wantOther) {
		t.Errorf("other = %+v, want %+v", m.Other, wantOther)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, "second date") || a.Warnings[0].Pos.Line != 4 {
		t.Errorf("warnings = %v, want one about the second date at line 4", a.Warnings)
	}
}
