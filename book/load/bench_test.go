package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchSentences are the prose of the benchmark book: mostly plain, as
// most prose is, with some quotes, apostrophes, dashes and ellipses for
// typography to change.
var benchSentences = []string{
	"The press stood in the back room, under a sheet that smelled of oil and paper.",
	"Every copy that left the room was read by more people than anyone could count.",
	"A reading circle met on Thursdays, and nobody was ever asked to bring anything but a chair.",
	"The stencils wore out after a few hundred sheets, so the text was cut again by hand.",
	"What a pamphlet lacks in polish it makes up in the speed with which it travels.",
	"Some readers copied the pages out longhand, adding notes of their own in the margins.",
	"The editor kept a ledger of every *quotation* and where it came from, in pencil.",
	"When the paper ran short, the margins grew narrower and the type a little smaller.",
	"It's one thing to own a book and another to have read it aloud to a room.",
	"The second edition -- printed in 1921--1922 -- corrected eleven misprints.",
	"\"Send more copies,\" wrote a reader from a town nobody had heard of...",
	"A good footnote tells the reader where to look, and then gets out of the way.",
}

// writeBenchBook writes a book of chapters chapters of prose, headings and
// notes into a temporary folder and returns the folder.
func writeBenchBook(b *testing.B, chapters int) string {
	dir := b.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "chapters"), 0o755); err != nil {
		b.Fatal(err)
	}
	manifest := "title: A Benchmark Book\nauthor: The Benchmark\nlang: en\nchapters:\n"
	k := 0
	for c := 1; c <= chapters; c++ {
		var text, notes strings.Builder
		fmt.Fprintf(&text, "# Chapter %d\n\n", c)
		for p := range 40 {
			if p > 0 && p%8 == 0 {
				fmt.Fprintf(&text, "## Section %d.%d\n\n", c, p/8)
			}
			for s := range 6 {
				if s > 0 {
					text.WriteString(" ")
				}
				text.WriteString(benchSentences[k%len(benchSentences)])
				k += 7
			}
			if p%5 == 2 {
				fmt.Fprintf(&text, "[^n%d]", p)
				fmt.Fprintf(&notes, "[^n%d]: %s\n", p, benchSentences[k%len(benchSentences)])
			}
			text.WriteString("\n\n")
		}
		name := fmt.Sprintf("chapters/%04d.md", c)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text.String()+notes.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		manifest += "  - " + name + "\n"
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), []byte(manifest), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad loads a book of about 250 pages: reading, parsing and the
// transforms (typography above all) that every build waits for.
func BenchmarkLoad(b *testing.B) {
	dir := writeBenchBook(b, 25)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}
