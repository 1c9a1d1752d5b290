package pdf

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"samizdat/book"
	"samizdat/book/booktest"
	"samizdat/render"
)

// TestIncrementalMatchesFullLayout edits one division at a time — the
// first chapter, one in the middle, the last — and checks that laying out
// the edited book after the original gives exactly the pages a fresh
// layout gives, that the pages before the edited division are kept (the
// very same pages), and that the warnings are the same.
func TestIncrementalMatchesFullLayout(t *testing.T) {
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			probe := c.book(t)
			chapters := bodyChapters(probe)
			if len(chapters) == 0 {
				t.Fatal("the book has no chapters")
			}
			for _, at := range slices.Compact([]int{0, len(chapters) / 2, len(chapters) - 1}) {
				var inc Incremental
				opt, warns := warnRecorder()
				first, _, err := inc.Layout(c.book(t), opt)
				if err != nil {
					t.Fatal(err)
				}
				firstPlain := slices.Clone(inc.prev.pages.plain)
				if len(firstPlain) != len(first.Pages) {
					t.Fatalf("%d pages kept for the next layout, %d laid out", len(firstPlain), len(first.Pages))
				}
				*warns = nil

				edited := c.book(t)
				lengthen(bodyChapters(edited)[at])
				got, reuse, err := inc.Layout(edited, opt)
				if err != nil {
					t.Fatal(err)
				}
				gotWarns := *warns

				full := c.book(t)
				lengthen(bodyChapters(full)[at])
				fopt, fwarns := warnRecorder()
				want, err := Layout(full, fopt)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(dumpDocument(got), dumpDocument(want)) || !reflect.DeepEqual(got.Pages, want.Pages) {
					t.Fatalf("chapter %d edited: the incremental layout differs from a full one (%d pages against %d)", at, len(got.Pages), len(want.Pages))
				}
				if !slices.Equal(gotWarns, *fwarns) {
					t.Errorf("chapter %d edited: warnings %q, want %q", at, gotWarns, *fwarns)
				}
				if reuse.Division == 0 || reuse.Pages == 0 {
					t.Fatalf("chapter %d edited: nothing was reused (%+v)", at, reuse)
				}
				// The pages before the edit are the very pages made
				// before (the contents' numbers are written into copies
				// of them); the pages after are new.
				plain := inc.prev.pages.plain
				for i := range reuse.Pages {
					if plain[i] != firstPlain[i] {
						t.Fatalf("chapter %d edited: page %d was made again though it comes before the edit", at, i+1)
					}
				}
				for i := reuse.Pages; i < min(len(plain), len(firstPlain)); i++ {
					if plain[i] == firstPlain[i] {
						t.Fatalf("chapter %d edited: page %d, after the restart, is an old page", at, i+1)
					}
				}
			}
		})
	}
}

// TestIncrementalCarriedNote restarts at a chapter whose first page
// carries the end of a note begun on the chapter before: the note's lines
// must still be there.
func TestIncrementalCarriedNote(t *testing.T) {
	mk := func(testing.TB) *book.Book {
		T := booktest.T
		var chapters []*book.Chapter
		for c := range 3 {
			ch := &book.Chapter{Kind: book.KindChapter, ID: fmt.Sprintf("c%d", c), Title: []book.Inline{T(fmt.Sprintf("Chapter %d", c+1))}}
			for i := range 6 {
				ch.Blocks = append(ch.Blocks, booktest.P(T(strings.Repeat(fmt.Sprintf("Paragraph %d of chapter %d goes on. ", i, c), 8))))
			}
			if c == 0 {
				n := &book.Note{ID: "long", Number: 1, Refs: 1}
				for range 12 {
					n.Blocks = append(n.Blocks, booktest.P(T(strings.Repeat("A note long enough to run on to the next page. ", 6))))
				}
				ch.Notes = []*book.Note{n}
				last := ch.Blocks[len(ch.Blocks)-1].(*book.Paragraph)
				last.Inlines = append(last.Inlines, &book.NoteRef{Note: n, Index: 1})
			}
			chapters = append(chapters, ch)
		}
		return &book.Book{Meta: book.Metadata{Title: "Carried", Lang: "en"}, Parts: []*book.Part{{Chapters: chapters}}, Output: book.OutputSettings{PageSize: "a6"}}
	}
	var inc Incremental
	if _, _, err := inc.Layout(mk(t), render.Options{}); err != nil {
		t.Fatal(err)
	}
	states := inc.prev.pages.states
	if len(states) < 2 || len(states[1].carry) == 0 {
		t.Fatal("the note does not run on into the second chapter: the test no longer tests a carried note")
	}
	edited := mk(t)
	lengthen(edited.Parts[0].Chapters[1])
	got, reuse, err := inc.Layout(edited, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if reuse.Division != 1 {
		t.Fatalf("restarted at division %d, want 1", reuse.Division)
	}
	full := mk(t)
	lengthen(full.Parts[0].Chapters[1])
	want, _ := mustLayout(t, full)
	if !bytes.Equal(dumpDocument(got), dumpDocument(want)) {
		t.Error("the incremental layout differs from a full one")
	}
}

// TestIncrementalBooklet checks a book to be imposed as a booklet, whose
// pages are padded to a multiple of four: the padded pages are the same
// as a full layout's after each version.
func TestIncrementalBooklet(t *testing.T) {
	mk := func(grown bool) *book.Book {
		b := manuscript("pamphlet", "a6")(t)
		b.Output.Impose = book.Imposition{Layout: "booklet"}
		if grown {
			lengthen(bodyChapters(b)[len(bodyChapters(b))-1])
		}
		return b
	}
	var inc Incremental
	padded := false
	for _, grown := range []bool{false, true, false} {
		flat := mk(grown)
		flat.Output.Impose = book.Imposition{}
		plain, _ := mustLayout(t, flat)
		padded = padded || len(plain.Pages)%4 != 0
		got, _, err := inc.Layout(mk(grown), render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := mustLayout(t, mk(grown))
		if len(got.Pages)%4 != 0 || !bytes.Equal(dumpDocument(got), dumpDocument(want)) {
			t.Fatalf("lengthened %v: %d pages, a full layout %d, and they differ", grown, len(got.Pages), len(want.Pages))
		}
	}
	if !padded {
		t.Fatal("no version needed padding: the test no longer tests it")
	}
}

// TestIncrementalGlobalChange checks that a change every page may show —
// the book's title, in the running heads — lays the whole book out again.
func TestIncrementalGlobalChange(t *testing.T) {
	var inc Incremental
	b := manuscript("pamphlet", "a6")(t)
	if _, _, err := inc.Layout(b, render.Options{}); err != nil {
		t.Fatal(err)
	}
	b2 := manuscript("pamphlet", "a6")(t)
	b2.Meta.Title += " (second edition)"
	doc, reuse, err := inc.Layout(b2, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if reuse.Pages != 0 || reuse.Division != 0 {
		t.Errorf("a new title kept %d pages (%+v)", reuse.Pages, reuse)
	}
	want, _ := mustLayout(t, manuscript("pamphlet", "a6")(t))
	if bytes.Equal(dumpDocument(doc), dumpDocument(want)) {
		t.Error("the new title changed no page")
	}
}

// bodyChapters returns the chapters of every part.
func bodyChapters(b *book.Book) []*book.Chapter {
	var out []*book.Chapter
	for _, p := range b.Parts {
		out = append(out, p.Chapters...)
	}
	return out
}

// lengthen adds a long paragraph to the end of a chapter, enough to move the
// pages after it.
func lengthen(ch *book.Chapter) {
	var ins []book.Inline
	for i := range 40 {
		if i > 0 {
			ins = append(ins, &book.Space{})
		}
		ins = append(ins, &book.Text{Text: "An added sentence that moves every page after it further on."})
	}
	ch.Blocks = append(ch.Blocks, &book.Paragraph{Inlines: ins})
}

// warnRecorder returns options that record warnings, and the record.
func warnRecorder() (render.Options, *[]string) {
	var warns []string
	return render.Options{Date: testDate(), Warn: func(p book.Pos, m string) { warns = append(warns, p.String()+": "+m) }}, &warns
}
