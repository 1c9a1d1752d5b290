// Package benchbook writes the generated books samizdat's benchmarks
// build: a book folder with a book.yaml and chapters of prose, quotations
// and notes, about as many A5 pages long as asked. The prose is assembled
// from sentences written for samizdat's benchmarks, shuffled by a fixed
// seed, so every book of the same size is the same. bench/gen writes one
// for bench/run; package benchmarks write one into a temporary folder.
package benchbook

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// sentences are the material paragraphs are made of.
var sentences = []string{
	"The press stood in the back room, under a sheet that smelled of oil and paper.",
	"Every copy that left the room was read by more people than anyone could count.",
	"A reading circle met on Thursdays, and nobody was ever asked to bring anything but a chair.",
	"The stencils wore out after a few hundred sheets, so the text was cut again by hand.",
	"What a pamphlet lacks in polish it makes up in the speed with which it travels.",
	"Some readers copied the pages out longhand, adding notes of their own in the margins.",
	"The editor kept a ledger of every quotation and where it came from, in pencil.",
	"When the paper ran short, the margins grew narrower and the type a little smaller.",
	"It is one thing to own a book and another to have read it aloud to a room.",
	"The second edition corrected eleven misprints and introduced four new ones.",
	"Letters arrived from towns the editors had never heard of, asking for more copies.",
	"A good footnote tells the reader where to look, and then gets out of the way.",
	"The typesetter argued that a justified line should never look like a row of rivers.",
	"Nobody remembers who first folded the sheets in half and stapled them at the spine.",
	"Over the winter the circle read the whole essay twice, a chapter every week.",
	"The quotations were checked against the originals in the public library on Saturdays.",
}

var quotations = []struct{ text, source string }{
	{"Give me the liberty to know, to utter, and to argue freely according to conscience, above all liberties.", "John Milton, *Areopagitica* (London, 1644)."},
	{"If all mankind minus one, were of one opinion, and only one person were of the contrary opinion, mankind would be no more justified in silencing that one person, than he, if he had the power, would be justified in silencing mankind.", "John Stuart Mill, *On Liberty* (London, 1859), chap. 2."},
	{"Words are also actions, and actions are a kind of words.", "Ralph Waldo Emerson, \"The Poet,\" in *Essays: Second Series* (Boston, 1844)."},
}

// wordsPerPage is about what an A5 page of 10.5 pt text holds.
const wordsPerPage = 330

// Write writes a book of about pages A5 pages into dir: a book.yaml
// and one chapter per ten pages. The same size always gives the same
// book.
func Write(dir string, pages int) error {
	r := rand.New(rand.NewSource(int64(pages)))
	chapters := max(1, pages/10)
	perChapter := pages * wordsPerPage / chapters
	if err := os.MkdirAll(filepath.Join(dir, "chapters"), 0o755); err != nil {
		return err
	}
	var list []string
	for c := 1; c <= chapters; c++ {
		name := fmt.Sprintf("chapters/%04d.md", c)
		list = append(list, name)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(chapter(r, c, perChapter)), 0o644); err != nil {
			return err
		}
	}
	manifest := fmt.Sprintf("title: A Generated Book of %d Pages\nauthor: The Benchmark\nlang: en\ndate: 2026-11-25\nslug: bench\nchapters:\n", pages)
	for _, l := range list {
		manifest += "  - " + l + "\n"
	}
	return os.WriteFile(filepath.Join(dir, "book.yaml"), []byte(manifest), 0o644)
}

// chapter writes one chapter of about words words: paragraphs, a
// section heading, a quotation with its source note and ordinary notes.
// Note labels carry the chapter's number, so that the chapters joined
// into one file (as pandoc reads them) keep every note distinct.
func chapter(r *rand.Rand, n, words int) string {
	var b, notes strings.Builder
	fmt.Fprintf(&b, "# Chapter %d\n\n", n)
	written, note := 0, 0
	for p := 0; written < words; p++ {
		if p > 0 && p%7 == 0 {
			fmt.Fprintf(&b, "## Section %d.%d\n\n", n, p/7)
		}
		if p%5 == 3 {
			q := quotations[r.Intn(len(quotations))]
			note++
			fmt.Fprintf(&b, "> %s[^c%dn%d]\n\n", q.text, n, note)
			fmt.Fprintf(&notes, "[^c%dn%d]: %s\n", n, note, q.source)
			written += len(strings.Fields(q.text))
			continue
		}
		var para []string
		for s := 0; s < 4+r.Intn(4); s++ {
			para = append(para, sentences[r.Intn(len(sentences))])
		}
		if p%4 == 1 {
			note++
			para[len(para)-1] += fmt.Sprintf("[^c%dn%d]", n, note)
			fmt.Fprintf(&notes, "[^c%dn%d]: %s\n", n, note, sentences[r.Intn(len(sentences))])
		}
		text := strings.Join(para, " ")
		written += len(strings.Fields(text))
		b.WriteString(text + "\n\n")
	}
	return b.String() + notes.String()
}
