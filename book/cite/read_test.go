package cite

import (
	"testing"

	"samizdat/book"
)

// TestReadErrors is the table of broken sources files and the first
// message each must give, at the line and column of the problem.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"JSON syntax", "s.json", "[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"b\" \"type\": \"book\"}\n]\n",
			"s.json:3:14: JSON: invalid character '\"' after object key:value pair"},
		{"JSON not a list", "s.json", "{\"id\": \"a\"}\n", "s.json:1:1: a CSL-JSON file holds a list of sources: it must start with ["},
		{"JSON unclosed", "s.json", "[{\"id\": \"a\", \"type\": \"book\"}", "s.json:1:29: JSON: the file ends before the list of sources is closed"},
		{"JSON no id", "s.json", "[\n {\"type\": \"book\"}\n]", "s.json:2:2: a source has no id: give every source an id, the key you cite it by"},
		{"JSON no type", "s.json", "[\n {\"id\": \"a\"}\n]", "s.json:2:2: source \"a\" has no type: add type: book (or chapter, article-journal, …)"},
		{"JSON unknown type", "s.json", "[\n {\"id\": \"a\",\n  \"type\": \"bok\"}\n]", "s.json:3:3: source \"a\" has the unknown type \"bok\" (did you mean \"book\"?)"},
		{"JSON bad names", "s.json", "[{\"id\": \"a\", \"type\": \"book\",\n \"author\": [{\"suffix\": \"Jr.\"}]}]",
			"s.json:2:2: source \"a\": author: a name has neither family, given nor literal"},
		{"JSON bad date", "s.json", "[{\"id\": \"a\", \"type\": \"book\",\n \"issued\": {\"date-parts\": [[\"x\"]]}}]",
			"s.json:2:2: source \"a\": issued: \"x\" in date-parts is not a number"},
		{"YAML syntax", "s.yaml", "references:\n- id: a\n  type: [book\n", "s.yaml:2:1: YAML: did not find expected ',' or ']'"},
		{"YAML no references", "s.yaml", "sources:\n- id: a\n", "s.yaml:1:1: no references: list in this file: CSL YAML starts with references: and a list of sources"},
		{"YAML not a list", "s.yaml", "references:\n  id: a\n", "s.yaml:2:3: references: must be a list of sources, each starting with \"- id: …\""},
		{"YAML unknown type", "s.yaml", "references:\n- id: a\n  type: leter\n", "s.yaml:3:3: source \"a\" has the unknown type \"leter\" (did you mean \"letter\"?)"},
		{"BibTeX no comma", "s.bib", "@book{a,\n  title = {A}\n  year = 1990\n}\n", "s.bib:2:14: BibTeX: expected a comma or the end of entry \"a\" after the field title"},
		{"BibTeX undefined macro", "s.bib", "@book{a,\n  title = {A},\n  publisher = press,\n}\n",
			"s.bib:3:15: BibTeX: \"press\" is not defined: put the value in braces, {press}, or define it with @string"},
		// The parser counts a brace after a backslash as any other: the
		// title ends there, and what follows is read as fields (it
		// would have stopped the program at "zz").
		{"BibTeX brace after a backslash", "s.bib", "@book{a,\n  title = {x\\},\n  author = zz}\n",
			"s.bib:3:12: BibTeX: \"zz\" is not defined: put the value in braces, {zz}, or define it with @string"},
		{"BibTeX unclosed brace", "s.bib", "@book{a,\n  title = {A {B},\n}\n", "s.bib:1:1: BibTeX: the entry \"a\" is never closed: a closing brace is missing"},
		{"BibTeX no key", "s.bib", "@book{,\n  title = {A},\n}\n", "s.bib:1:7: BibTeX: @book needs a citation key (letters, digits and - _ : . / +)"},
		{"BibTeX no type", "s.bib", "@{a, title = {A}}\n", "s.bib:1:1: BibTeX: @ must be followed by an entry type such as @book"},
		{"unknown format", "s.txt", "x", "s.txt: cannot tell the format of this sources file: name it .json (CSL JSON), .yaml (CSL YAML) or .bib (BibTeX/BibLaTeX)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.file, []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := book.Errors(err)[0].Error(); got != tt.want {
				t.Errorf("error =\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestReadCSLJSONEntries(t *testing.T) {
	src := `[
  {"id": "vg", "type": "letter", "author": [{"family": "van Gogh", "given": "Vincent"}],
   "recipient": [{"family": "Gogh", "given": "Theo", "non-dropping-particle": "van"}],
   "title": "A <i>Letter</i> about <span class=\"nocase\">iPhones</span> and 'pictures'",
   "issued": {"date-parts": [[1888, 9, 8]]}, "volume": 2},
  {"id": "t", "type": "book", "author": [{"family": "Tocqueville", "given": "Alexis de"}],
   "title": "Democracy", "issued": {"raw": "1835?"}}
]`
	es, err := ReadCSLJSON("s.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	vg := es[0]
	if vg.Type != "personal_communication" || vg.Pos.Line != 2 || vg.Pos.Col != 3 {
		t.Errorf("type %q at %v", vg.Type, vg.Pos)
	}
	if n := vg.Names["author"][0]; n.NonDroppingParticle != "van" || n.Family != "Gogh" {
		t.Errorf("author = %+v, want the particle split off", n)
	}
	if got := vg.Var("title").Marked(); got != "A *Letter* about iPhones and ‘pictures’" {
		t.Errorf("title = %s", got)
	}
	if got := titleCase(vg.Var("title")).String(); got != "A Letter about iPhones and ‘Pictures’" {
		t.Errorf("title case = %s (nocase must keep iPhones)", got)
	}
	if vg.Var("volume").String() != "2" || vg.Dates["issued"].textForm() != "September 8, 1888" {
		t.Errorf("volume %q, date %q", vg.Var("volume"), vg.Dates["issued"].textForm())
	}
	if n := es[1].Names["author"][0]; n.DroppingParticle != "de" || n.Given != "Alexis" {
		t.Errorf("author = %+v, want the dropping particle split off", n)
	}
	if d := es[1].Dates["issued"]; !d.Circa || d.yearForm() != "1835" {
		t.Errorf("date = %+v, want an uncertain 1835", d)
	}
}

func TestLatex(t *testing.T) {
	tests := map[string]string{
		`G{\"o}del`:                  "Gödel",
		`\'{E}mile Zola`:             "Émile Zola",
		`S\o ren`:                    "Søren",
		`Gro{\ss}`:                   "Groß",
		`Fran\c{c}ois`:               "François",
		`\v{S}koda`:                  "Škoda",
		"``Quoted'' -- and --- done": "“Quoted” – and — done",
		`J'accuse\ldots!`:            "J’accuse…!",
		`A \emph{Co-operative} Hall`: "A *Co-operative* Hall",
		`\textsc{Nasa} \& co`:        "Nasa & co",
		`50\% of \$5`:                "50% of $5",
		`{\i}`:                       "ı",
		`\'{\i}`:                     "í",
	}
	for in, want := range tests {
		if got := latexText(in).Marked(); got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}

func TestBibTeXNames(t *testing.T) {
	tests := []struct {
		in   string
		want []Name
	}{
		{"Ludwig van Beethoven", []Name{{Given: "Ludwig", DroppingParticle: "van", Family: "Beethoven"}}},
		{"van Gogh, Vincent", []Name{{Given: "Vincent", DroppingParticle: "van", Family: "Gogh"}}},
		{"Chafee, Jr., Zechariah", []Name{{Given: "Zechariah", Family: "Chafee", Suffix: "Jr."}}},
		{"{Royal Society of London} and J.G. Smith", []Name{{Literal: "Royal Society of London"}, {Given: "J. G.", Family: "Smith"}}},
		{"de la Fontaine, Jean and Plato", []Name{{Given: "Jean", DroppingParticle: "de la", Family: "Fontaine"}, {Family: "Plato"}}},
		{"Smith, Anne and others", []Name{{Given: "Anne", Family: "Smith"}, {Literal: "others"}}},
	}
	for _, tt := range tests {
		got := readBibNames(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %+v", tt.in, got)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: name %d = %+v, want %+v", tt.in, i, got[i], tt.want[i])
			}
		}
	}
}

func TestPageRanges(t *testing.T) {
	for in, want := range map[string]string{
		"3-10": "3–10", "71-72": "71–72", "96-117": "96–117", "100-104": "100–104",
		"101-108": "101–8", "808-833": "808–33", "1103-1104": "1103–4", "321-328": "321–28",
		"498-532": "498–532", "1087-1089": "1087–89", "1496-1500": "1496–1500",
		"11564-11615": "11564–615", "12991-13001": "12991–3001", "823--25": "823–25",
		"1-2, 5-9": "1–2, 5–9", "xii-xv": "xii–xv",
	} {
		if got := pageRange(in, false); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
	if got := pageRange("xii-xv", true); got != "xii-xv" {
		t.Errorf("locator xii-xv became %s; citeproc leaves it", got)
	}
}

func TestPunctuate(t *testing.T) {
	for _, tt := range []struct {
		in   Text
		want string
	}{
		{concat(quoted(plain("Title")), plain(", 12.")), "“Title,” 12."},
		{concat(quoted(plain("Why?")), plain(", in")), "“Why?” in"},
		{concat(italic(plain("Why?")), plain(", 2.")), "*Why?*, 2."},
		{concat(italic(plain("Why?")), plain(". Next")), "*Why?* Next"},
		{plain("ed.. Next  word"), "ed. Next word"},
		{concat(quoted(plain("End")), plain(".")), "“End.”"},
	} {
		if got := punctuate(tt.in).Marked(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestCaseChanges(t *testing.T) {
	for in, want := range map[string]string{
		"the right to privacy":          "The Right to Privacy",
		"common sense: addressed to me": "Common Sense: Addressed to Me",
		"self-reliance":                 "Self-Reliance",
		"a thing to fight for":          "A Thing to Fight For",
		"über die NATO":                 "über Die NATO", // a word outside ASCII is left alone
		"people's tragedy":              "People’s Tragedy",
	} {
		if got := titleCase(smartQuotes(plain(in))).String(); got != want {
			t.Errorf("title case %q = %q, want %q", in, got, want)
		}
	}
	if got := sentenceCase(plain("The Duplicating Machine: A History of NASA")).String(); got != "The duplicating machine: A history of NASA" {
		t.Errorf("sentence case = %q", got)
	}
}

func TestDates(t *testing.T) {
	for in, want := range map[string]string{
		"1890-12-15": "December 15, 1890", "1919-06": "June 1919", "1996": "1996",
		"1862-21": "Spring 1862", "1776?": "[1776?]", "1790/1792": "1790–1792",
		"1890-05-01/1890-05-03": "May 1–3, 1890",
	} {
		d, ok := parseEDTF(in)
		if !ok {
			t.Errorf("%s: not read", in)
			continue
		}
		if got := d.textForm(); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
	if _, ok := parseEDTF("forthcoming"); ok {
		t.Error("forthcoming read as a date")
	}
}
