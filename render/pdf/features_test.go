package pdf

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/internal/readback"
	"samizdat/internal/tooltest"
	"samizdat/render"
)

// TestNoWidowsOrOrphans checks every layout for a paragraph's first line
// alone at the foot of a page and its last line alone at the top of one.
func TestNoWidowsOrOrphans(t *testing.T) {
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := mustLayout(t, c.book(t))
			for _, pg := range doc.Pages {
				if len(pg.flow) == 0 {
					continue
				}
				if f := pg.flow[0]; f.lines > 1 && f.line == f.lines-1 {
					t.Errorf("page %d starts with the last line of a %d-line paragraph", pg.Number, f.lines)
				}
				if f := pg.flow[len(pg.flow)-1]; f.lines > 1 && f.line == 0 {
					t.Errorf("page %d ends with the first line of a %d-line paragraph", pg.Number, f.lines)
				}
			}
		})
	}
}

// TestNoLineIsOverfullOrRagged checks every line of the sample books: no
// text runs past the measure, and every line of a justified paragraph
// but its last reaches the measure's end.
func TestNoLineIsOverfullOrRagged(t *testing.T) {
	for _, c := range layoutCases()[9:] {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := mustLayout(t, c.book(t))
			justified := 0
			for _, pg := range doc.Pages {
				for _, x := range pg.Texts {
					if x.X+x.Width > pg.Area.Right()+tol {
						t.Errorf("page %d: %q overruns the measure by %.2f pt", pg.Number, x.Text, x.X+x.Width-pg.Area.Right())
					}
				}
				for _, f := range pg.flow {
					if !f.justified || f.ragged {
						continue
					}
					justified++
					if f.short > 0.05 {
						t.Errorf("page %d: line %d of a %d-line justified paragraph stops %.2f pt short of the measure", pg.Number, f.line+1, f.lines, f.short)
					}
				}
			}
			if justified < 100 {
				t.Errorf("only %d justified lines checked", justified)
			}
		})
	}
}

func TestLigaturesReadBackAsLetters(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	b := booktest.Sample()
	ch := b.Parts[0].Chapters[0]
	ch.Blocks = append([]book.Block{booktest.P(booktest.T("The first office, an effort to baffle the flat fjord; a shelf."))}, ch.Blocks...)
	doc, _ := mustLayout(t, b)
	drawn := ""
	for _, pg := range doc.Pages {
		for _, x := range pg.Texts {
			drawn += x.Drawn() + " "
		}
	}
	for _, lig := range []string{"ﬁ", "ﬃ", "ﬀ", "ﬄ", "ﬂ"} {
		if !strings.Contains(drawn, lig) {
			t.Errorf("no %s drawn", lig)
		}
	}
	text := run(t, pdftotext, writeTemp(t, "lig.pdf", renderBook(t, b)), "-")
	if !strings.Contains(text, "The first office, an effort to baffle the flat fjord; a shelf.") {
		t.Errorf("pdftotext does not read the ligatures back as letters:\n%s", text[:min(len(text), 600)])
	}
	if strings.ContainsAny(text, "ﬁﬂﬀﬃﬄ") {
		t.Error("pdftotext reads ligature characters")
	}
}

func TestPageLabels(t *testing.T) {
	qpdf := tooltest.Require(t, "qpdf")
	b := booktest.Sample()
	doc, _ := mustLayout(t, b)
	first := 0
	for i, pg := range doc.Pages {
		if pg.Folio == "1" {
			first = i
			break
		}
	}
	path := writeTemp(t, "sample.pdf", renderBook(t, b))
	var got struct {
		PageLabels []struct {
			Index int            `json:"index"`
			Label map[string]any `json:"label"`
		} `json:"pagelabels"`
	}
	if err := json.Unmarshal([]byte(run(t, qpdf, "--json", "--json-key=pagelabels", path)), &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"0 /r 1", strconv.Itoa(first) + " /D 1"}
	var have []string
	for _, l := range got.PageLabels {
		have = append(have, strconv.Itoa(l.Index)+" "+l.Label["/S"].(string)+" "+strconv.Itoa(int(l.Label["/St"].(float64))))
	}
	if strings.Join(have, ", ") != strings.Join(want, ", ") {
		t.Errorf("page labels %q, want %q", have, want)
	}
	out := run(t, qpdf, "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
		t.Errorf("qpdf --check after adding the labels:\n%s", out)
	}
}

func TestXMPMetadata(t *testing.T) {
	pdfinfo := tooltest.Require(t, "pdfinfo")
	b := booktest.Sample()
	meta := run(t, pdfinfo, "-meta", writeTemp(t, "sample.pdf", renderBook(t, b)))
	for _, want := range []string{
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">A Sample Book",
		"<rdf:li>Mara Vell</rdf:li><rdf:li>Jonas Brand</rdf:li>",
		"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">A book that uses every element of the samizdat model.",
		"<rdf:li>Printing</rdf:li><rdf:li>Pamphlets</rdf:li>",
		"<dc:language><rdf:Bag><rdf:li>" + b.Meta.Lang + "</rdf:li>",
		"<pdf:Keywords>Printing, Pamphlets</pdf:Keywords>",
		"<xmp:CreateDate>2026-03-04T05:06:07Z</xmp:CreateDate>",
	} {
		if !strings.Contains(meta, want) {
			t.Errorf("XMP lacks %q:\n%s", want, meta)
		}
	}
}

// TestFootnotesShareTheirReferencePageReadBack reads the sample books'
// PDFs back with pdftotext, page by page, and checks that the words
// before each note reference, with its number, are on the page that
// holds the note's text.
func TestFootnotesShareTheirReferencePageReadBack(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	for _, c := range layoutCases()[9:] {
		t.Run(c.name, func(t *testing.T) {
			b := c.book(t)
			text := run(t, pdftotext, "-enc", "UTF-8", writeTemp(t, c.name+".pdf", renderBook(t, b)), "-")
			var pages []string
			for _, p := range strings.Split(text, "\f") {
				pages = append(pages, readback.Normalize(p))
			}
			checked := 0
			for _, ch := range b.BodyChapters() {
				for _, ref := range noteRefs(ch.Blocks) {
					key := ref.before + strconv.Itoa(ref.note.Number)
					note := readback.Normalize(plain(firstParagraph(ref.note)))
					note = strconv.Itoa(ref.note.Number) + note[:min(len(note), 40)]
					found := false
					for _, p := range pages {
						if strings.Contains(p, note) && strings.Contains(p, key) {
							found = true
							break
						}
					}
					if !found {
						t.Errorf("note %s: no page holds both its text %q and its reference %q", ref.note.ID, note, key)
					}
					checked++
				}
			}
			if checked == 0 {
				t.Fatal("the book has no note references")
			}
		})
	}
}

// noteRefInText is a note reference and the letters of the text just
// before it.
type noteRefInText struct {
	note   *book.Note
	before string
}

// noteRefs finds the first references to notes in the paragraphs of
// blocks, each
// with up to twelve letters and digits that precede it in its paragraph.
func noteRefs(blocks []book.Block) []noteRefInText {
	var out []noteRefInText
	book.WalkBlocks(blocks, func(bl book.Block) bool {
		p, ok := bl.(*book.Paragraph)
		if !ok {
			return true
		}
		var sofar strings.Builder
		var walk func(ins []book.Inline)
		walk = func(ins []book.Inline) {
			for _, in := range ins {
				switch n := in.(type) {
				case *book.NoteRef:
					if n.Index != 1 {
						// The note goes with its first reference.
						sofar.WriteString(strconv.Itoa(n.Note.Number))
						continue
					}
					before := readback.Normalize(sofar.String())
					rs := []rune(before)
					out = append(out, noteRefInText{note: n.Note, before: string(rs[max(0, len(rs)-12):])})
					sofar.WriteString(strconv.Itoa(n.Note.Number))
				case *book.Emph:
					walk(n.Inlines)
				case *book.Strong:
					walk(n.Inlines)
				case *book.Strike:
					walk(n.Inlines)
				case *book.Link:
					walk(n.Inlines)
				default:
					sofar.WriteString(book.PlainText([]book.Inline{in}))
				}
			}
		}
		walk(p.Inlines)
		return true
	})
	return out
}

// firstParagraph returns the inlines of a note's first paragraph.
func firstParagraph(n *book.Note) []book.Inline {
	for _, bl := range n.Blocks {
		if p, ok := bl.(*book.Paragraph); ok {
			return p.Inlines
		}
	}
	return nil
}

func TestBibliography(t *testing.T) {
	entry := func(s string) book.Block { return booktest.P(booktest.T(s)) }
	long := "Milton, John. Areopagitica: A Speech of Mr. John Milton for the Liberty of Unlicenc’d Printing, to the Parlament of England. London, 1644."
	b := booktest.Sample()
	b.Back = append(b.Back, &book.Chapter{Kind: book.KindBibliography, ID: "bibliography", Blocks: []book.Block{entry(long), entry("Mill, John Stuart. On Liberty. London: John W. Parker and Son, 1859.")}})
	doc, _ := mustLayout(t, b)
	at := anchorPages(doc)
	pg := doc.Pages[at["bibliography"]]
	var lines []Text
	for _, x := range pg.Texts {
		if x.Role == RoleBody {
			lines = append(lines, x)
		}
	}
	if len(lines) < 3 || !strings.HasPrefix(lines[0].Text, "Milton,") {
		t.Fatalf("bibliography page texts: %+v", lines)
	}
	hang := lines[1].X - lines[0].X
	if hang <= 0 {
		t.Errorf("the entry's second line starts at %.1f, not indented from its first at %.1f", lines[1].X, lines[0].X)
	}
	var mill *Text
	for i := range lines {
		if strings.HasPrefix(lines[i].Text, "Mill,") {
			mill = &lines[i]
		}
	}
	if mill == nil || mill.X != lines[0].X {
		t.Errorf("the second entry does not start flush with the first: %+v", mill)
	}
	toc := doc.Pages[at["contents"]]
	listed := false
	for _, l := range toc.Links {
		listed = listed || l.Dest == "bibliography"
	}
	if !listed {
		t.Error("the contents do not list the bibliography")
	}

	empty := booktest.Sample()
	empty.Back = append(empty.Back, &book.Chapter{Kind: book.KindBibliography, ID: "bibliography", Source: book.Pos{File: "book.yaml", Line: 9}})
	doc, warns := mustLayout(t, empty)
	if _, ok := anchorPages(doc)["bibliography"]; ok {
		t.Error("an empty bibliography was laid out")
	}
	if !strings.Contains(strings.Join(warns, "\n"), "book.yaml:9") || !strings.Contains(strings.Join(warns, "\n"), "bibliography has no entries") {
		t.Errorf("warnings %q do not report the empty bibliography at its place", warns)
	}
}

func TestRectoChapters(t *testing.T) {
	for _, recto := range []bool{false, true} {
		b := stressBook(book.PlaceFootnotes, "a5")
		doc, err := LayoutWith(b, render.Options{Date: testDate()}, Settings{RectoChapters: recto})
		if err != nil {
			t.Fatal(err)
		}
		at := anchorPages(doc)
		versos := 0
		for _, ch := range b.BodyChapters() {
			if doc.Pages[at[ch.ID]].Number%2 == 0 {
				versos++
			}
		}
		if recto && versos > 0 {
			t.Errorf("recto-chapters: %d chapters open on a verso", versos)
		}
		if !recto && versos == 0 {
			t.Error("without recto-chapters every chapter still opens on a recto (the test book should have one on a verso)")
		}
		var buf bytes.Buffer
		if err := (&Renderer{Settings: Settings{RectoChapters: recto}}).Render(&buf, b, render.Options{Date: testDate()}); err != nil {
			t.Fatal(err)
		}
	}
}
