package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"strings"

	"samizdat/book"
	"samizdat/book/booktest"
)

// The stress book: forty chapters in four parts, hundreds of notes
// (several paragraphs, lists, code and quotations inside notes, notes
// referred to more than once and from other notes), tables, PNG and JPEG
// figures and inline images, articles with bylines, cross-chapter links,
// and chapters in Greek, Russian, Arabic, Hebrew, Chinese and Japanese.
// It is built in Go so that every variant is one function call away and
// nothing depends on the Markdown reader.

// stressLanguage is a chapter written in another language and script:
// language tag, title, and a paragraph of running text.
type stressLanguage struct{ lang, title, text string }

// stressLanguages lists the chapters in other scripts.
func stressLanguages() []stressLanguage {
	return []stressLanguage{
		{"el", "Περί ελευθερίας του τύπου", "Η ελευθερία του λόγου είναι το θεμέλιο κάθε ελεύθερης κοινωνίας· ο τύπος που δεν λογοκρίνεται φέρνει το φως."},
		{"ru", "О свободе печати", "Самиздат — это книги, которые читатели перепечатывали сами и передавали из рук в руки, несмотря на запреты."},
		{"ar", "في حرية الصحافة", "حرية الكلمة أساس كل مجتمع حر، والمطبعة التي لا تخضع للرقابة تحمل النور إلى القراء."},
		{"he", "על חופש העיתונות", "חופש הביטוי הוא יסוד כל חברה חופשית, והדפוס שאינו מצונזר מביא אור לקוראים."},
		{"zh-Hans", "论出版自由", "言论自由是一切自由社会的基础，不受审查的印刷品把光带给读者。"},
		{"ja", "出版の自由について", "言論の自由はすべての自由な社会の基礎であり、検閲されない印刷物は読者に光をもたらす。"},
	}
}

// stressWords make up the running text; sentences are drawn from them by
// position so that the book is the same on every build.
func stressWords() []string {
	return strings.Fields(`press paper ink type lamp reader sheet folio
	quire margin letter word line page binding stitch courier village river
	winter candle censor licence liberty argument conscience printer`)
}

// sentence returns a deterministic sentence of n words, the k-th of its
// chapter.
func sentence(ch, k, n int) string {
	words := stressWords()
	var w []string
	for i := 0; i < n; i++ {
		w = append(w, words[(ch*7+k*13+i*5)%len(words)])
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// stressJPEG returns a small JPEG, a diagonal gradient.
func stressJPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(40 + 150*x/w), uint8(60 + 100*y/h), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err) // encoding an in-memory image cannot fail
	}
	return buf.Bytes()
}

// stressNote builds the i-th note of chapter ch, varying its shape.
func stressNote(ch, i int) *book.Note {
	T, P := booktest.T, booktest.P
	id := fmt.Sprintf("c%02d-n%d", ch, i)
	n := &book.Note{ID: id, Source: book.Pos{File: fmt.Sprintf("chapters/%02d.md", ch), Line: 40 + i, Col: 1}}
	switch i % 5 {
	case 0:
		n.Blocks = []book.Block{P(T(sentence(ch, i, 9)))}
	case 1: // several paragraphs
		n.Blocks = []book.Block{P(T(sentence(ch, i, 12))), P(T("A second paragraph: "), &book.Emph{Inlines: []book.Inline{T(sentence(ch, i+1, 6))}}), P(T(sentence(ch, i+2, 8)))}
	case 2: // a list, bulleted then numbered
		n.Blocks = []book.Block{
			P(T("The note lists three things:")),
			&book.List{Tight: true, Items: []book.ListItem{{Blocks: []book.Block{P(T("paper"))}}, {Blocks: []book.Block{P(T("ink"))}}, {Blocks: []book.Block{P(T("patience"))}}}},
			&book.List{Ordered: true, Start: 4, Items: []book.ListItem{{Blocks: []book.Block{P(T("fold")), P(T(sentence(ch, i, 5)))}}, {Blocks: []book.Block{P(T("stitch"))}}}},
		}
	case 3: // starts with a quotation, has code
		n.Blocks = []book.Block{
			&book.BlockQuote{Blocks: []book.Block{P(T(sentence(ch, i, 10)))}},
			&book.CodeBlock{Lang: "sh", Text: fmt.Sprintf("samizdat build chapter-%02d\n", ch)},
		}
	default: // a link and a table
		n.Blocks = []book.Block{
			P(T("See "), &book.Link{URL: "https://example.org/notes/" + id, Inlines: []book.Inline{T("the archive")}}, T(" for the sheet.")),
			&book.Table{Head: [][]book.Inline{{T("Copy")}, {T("Hands")}}, Rows: [][][]book.Inline{{{T("first")}, {T("3")}}, {{T("second")}, {T("12")}}}},
		}
	}
	return n
}

// stressChapter builds chapter ch (from 1) of the body.
func stressChapter(ch int, png, jpg *book.Asset) *book.Chapter {
	T, P := booktest.T, booktest.P
	words, langs := stressWords(), stressLanguages()
	word := words[ch%len(words)]
	c := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("chapter-%02d", ch),
		Title:  []book.Inline{T(fmt.Sprintf("Chapter %d: The %s", ch, strings.ToUpper(word[:1])+word[1:]))},
		Source: book.Pos{File: fmt.Sprintf("chapters/%02d.md", ch), Line: 1, Col: 1}}
	// Chapters 6, 12 … 36 are in the other languages.
	if l := ch/6 - 1; ch%6 == 0 && l < len(langs) {
		sl := langs[l]
		c.Lang, c.Title = sl.lang, []book.Inline{T(sl.title)}
	}
	notes := 3 + ch%6
	for i := 0; i < notes; i++ {
		c.Notes = append(c.Notes, stressNote(ch, i))
	}
	ref := func(i, idx int) book.Inline { return &book.NoteRef{Note: c.Notes[i], Index: idx} }
	if c.Lang != "" {
		sl := langs[ch/6-1]
		c.Blocks = append(c.Blocks, P(T(sl.text), ref(0, 1)), P(T(sl.text), &book.LineBreak{}, T(sl.text)))
		c.Notes[0].Blocks = []book.Block{P(T(sl.text))}
	} else {
		c.Blocks = append(c.Blocks, P(T(sentence(ch, 0, 14)), ref(0, 1), T(" "), T(sentence(ch, 1, 9))))
	}
	c.Blocks = append(c.Blocks,
		&book.Heading{Level: 2, ID: fmt.Sprintf("c%02d-first", ch), Inlines: []book.Inline{T("First Section")}},
		P(T(sentence(ch, 2, 11)), ref(1, 1), T(" "), &book.Strong{Inlines: []book.Inline{T(sentence(ch, 3, 4))}}),
		&book.BlockQuote{Blocks: []book.Block{P(T(sentence(ch, 4, 16))), P(T(sentence(ch, 5, 12)))}, Source: ref(2, 1)},
		P(T("Again the first note,"), ref(0, 2), T(" and a link to "),
			&book.Link{URL: fmt.Sprintf("#chapter-%02d", ch%40+1), Inlines: []book.Inline{T("the next chapter")}}, T(".")),
		&book.SectionBreak{},
	)
	for i := 3; i < notes; i++ {
		c.Blocks = append(c.Blocks, P(T(sentence(ch, 6+i, 10)), ref(i, 1)))
	}
	// A note refers to another note.
	c.Notes[1].Blocks = append(c.Notes[1].Blocks, P(T("Compare note "), ref(2, 2), T(".")))
	c.Notes[1].Refs, c.Notes[0].Refs, c.Notes[2].Refs = 1, 2, 2
	for i := 3; i < notes; i++ {
		c.Notes[i].Refs = 1
	}
	switch ch % 4 {
	case 0:
		c.Blocks = append(c.Blocks, &book.Table{Align: []book.Align{book.AlignLeft, book.AlignCenter, book.AlignRight},
			Head: [][]book.Inline{{T("Town")}, {T("Copies")}, {T("Year")}},
			Rows: [][][]book.Inline{{{T("Riverside")}, {T("40")}, {T("1921")}}, {{T("Millford")}, {T("120")}, {T("1922")}}, {{T("Ελευσίνα")}, {T("7")}, {T("1923")}}}})
	case 1:
		c.Blocks = append(c.Blocks, &book.Figure{Image: &book.Image{Asset: png, Alt: "A grey gradient, darker to the left"}, Caption: []book.Inline{T(fmt.Sprintf("Figure %d: a gradient", ch))}})
	case 2:
		c.Blocks = append(c.Blocks, &book.Figure{Image: &book.Image{Asset: jpg, Alt: "A blue and green gradient"}, Caption: []book.Inline{T(fmt.Sprintf("Figure %d: a photograph", ch))}},
			P(T("An inline mark "), &book.Image{Asset: png, Alt: "a small grey square"}, T(" in the text.")))
	default:
		c.Blocks = append(c.Blocks,
			&book.DefinitionList{Items: []book.Definition{{Term: []book.Inline{T("Quire")}, Defs: [][]book.Block{{P(T(sentence(ch, 20, 7)))}}}}},
			&book.CodeBlock{Lang: "yaml", Text: "title: Stress\nnotes: {placement: footnotes}\n"},
			&book.Heading{Level: 3, ID: fmt.Sprintf("c%02d-deeper", ch), Classes: []string{"smallcaps"}, Inlines: []book.Inline{T("A Smaller Heading")}},
			&book.List{Items: []book.ListItem{{Blocks: []book.Block{P(T(sentence(ch, 21, 6)))}}, {Blocks: []book.Block{P(T(sentence(ch, 22, 6)))}}}},
		)
	}
	if ch%10 == 5 {
		c.Byline = &book.Byline{Authors: []book.Person{{Name: "Ada Quill"}, {Name: "Yusuf al-Katib"}}, Date: "1921-03-04", Source: "The Coastal Review"}
	}
	return c
}

// stressBook returns the stress book with notes placed as given.
func stressBook(place book.NotePlacement) *book.Book {
	T, P := booktest.T, booktest.P
	png := &book.Asset{Name: "images/gradient.png", MediaType: "image/png", Data: booktest.PNG(200, 100), Width: 200, Height: 100}
	jpg := &book.Asset{Name: "images/photo.jpg", MediaType: "image/jpeg", Data: stressJPEG(160, 120), Width: 160, Height: 120}
	b := &book.Book{
		Meta: book.Metadata{
			Title: "Forty Sheets", Subtitle: "A Stress Test for the EPUB Edition",
			Authors: []book.Person{{Name: "Mara Vell"}, {Name: "Jonas Brand"}, {Name: "Tess Translator", Role: "trl"}},
			Date:    "2026-11-02", Lang: "en-GB", Description: "Forty chapters, hundreds of notes, six scripts.",
			Subjects: []string{"Printing", "Testing"}, Rights: "© 2026 The Stress Collective. CC BY-SA 4.0.",
			Publisher: "Hand Press", Identifier: "978-0-00-000000-2",
		},
		Front: []*book.Chapter{
			{Kind: book.KindHalfTitle, ID: "half-title"},
			{Kind: book.KindTitlePage, ID: "title-page"},
			{Kind: book.KindCopyright, ID: "copyright"},
			{Kind: book.KindDedication, ID: "dedication", Blocks: []book.Block{P(T("For everyone who passed a sheet on."))}},
			{Kind: book.KindEpigraph, ID: "epigraph", Blocks: []book.Block{&book.BlockQuote{Blocks: []book.Block{P(T("Manuscripts don’t burn.")), P(T("— Mikhail Bulgakov"))}}}},
			{Kind: book.KindContents, ID: "contents"},
			{Kind: book.KindPreface, ID: "preface", Title: []book.Inline{T("Preface")}, Blocks: []book.Block{P(T("This book exists to be difficult."))}},
		},
		Assets: []*book.Asset{png, jpg},
		Notes:  book.NoteSettings{Placement: place},
		Slug:   "stress",
	}
	partNames := []string{"Making", "Copying", "Carrying", "Reading"}
	for p, name := range partNames {
		part := &book.Part{ID: fmt.Sprintf("part-%d", p+1), Title: []book.Inline{T(fmt.Sprintf("Part %d: %s", p+1, name))}}
		for i := 1; i <= 10; i++ {
			part.Chapters = append(part.Chapters, stressChapter(p*10+i, png, jpg))
		}
		b.Parts = append(b.Parts, part)
	}
	if place == book.PlaceBookEnd {
		b.Back = append(b.Back, &book.Chapter{Kind: book.KindNotes, ID: "notes"})
	}
	b.Back = append(b.Back,
		&book.Chapter{Kind: book.KindBibliography, ID: "bibliography", Title: []book.Inline{T("Bibliography")}, Blocks: []book.Block{
			P(T("Milton, John. "), &book.Emph{Inlines: []book.Inline{T("Areopagitica")}}, T(". London, 1644.")),
			P(T("Mill, John Stuart. "), &book.Emph{Inlines: []book.Inline{T("On Liberty")}}, T(". London: John W. Parker, 1859.")),
			P(T("Булгаков, Михаил. "), &book.Emph{Inlines: []book.Inline{T("Мастер и Маргарита")}}, T(". Москва, 1967.")),
		}},
		&book.Chapter{Kind: book.KindColophon, ID: "colophon", Title: []book.Inline{T("Colophon")}, Blocks: []book.Block{P(T("Set by machine, checked by hand."))}},
	)
	book.NumberNotes(b)
	return b
}

// stressVariants are the stress book with each note placement.
func stressVariants() []struct {
	name string
	book func() *book.Book
} {
	return []struct {
		name string
		book func() *book.Book
	}{
		{"stress-footnotes", func() *book.Book { return stressBook(book.PlaceFootnotes) }},
		{"stress-chapter-end", func() *book.Book { return stressBook(book.PlaceChapterEnd) }},
		{"stress-book-end", func() *book.Book { return stressBook(book.PlaceBookEnd) }},
	}
}
