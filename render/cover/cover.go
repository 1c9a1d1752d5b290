// Package cover draws a typographic cover for a book that has no cover
// image: the title, subtitle and authors set in the book's type family on
// a plain ground, framed by a double rule.
//
// The cover is a PNG of a fixed size, drawn with golang.org/x/image from
// the font files themselves, so it needs no fonts installed on the build
// machine, and compressed by an encoder of the package's own (png.go).
// The output depends only on the text and the font files: there is no
// clock, randomness or map order in it, and two calls with the same input
// return the same bytes.
package cover

import (
	"fmt"
	"strings"

	"samizdat/fonts"
)

// Width and Height are the cover's size in pixels: a 1:1.6 portrait
// rectangle, the proportion e-book stores ask for, large enough for
// high-resolution tablets.
const (
	Width  = 1600
	Height = 2560
)

// Text is what a cover shows.
type Text struct {
	Title    string
	Subtitle string
	// Authors are shown one to a line under the title.
	Authors []string
	// Publisher, when set, is shown at the foot.
	Publisher string
}

// Image is a drawn cover.
type Image struct {
	// PNG is the encoded image.
	PNG           []byte
	Width, Height int
	// Missing lists, in order of first appearance and without repeats,
	// characters of the text that the type family has no glyph for; they
	// are drawn as the font's empty box. The caller should warn about
	// them, since the cover then misspells the title.
	Missing []rune
}

// Draw sets t on a cover using the faces of fam (the default family when
// fam is nil): the title in bold, the subtitle in italic, the authors and
// the publisher in roman.
func Draw(t Text, fam *fonts.Family) (*Image, error) {
	if fam == nil {
		var err error
		if fam, err = fonts.Default(); err != nil {
			return nil, fmt.Errorf("cover: loading the default fonts: %w", err)
		}
	}
	shown := clean(t)
	faces, err := loadFaces(fam, shown)
	if err != nil {
		return nil, err
	}
	c := newCanvas(Width, Height)
	c.frame()
	layoutText(c, faces, shown)
	return &Image{PNG: c.encode(), Width: Width, Height: Height, Missing: missing(fam, t)}, nil
}

// clean trims the texts and folds runs of white space, so that stray line
// ends in metadata do not reach the cover.
func clean(t Text) Text {
	fold := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	out := Text{Title: fold(t.Title), Subtitle: fold(t.Subtitle), Publisher: fold(t.Publisher)}
	for _, a := range t.Authors {
		if a = fold(a); a != "" {
			out.Authors = append(out.Authors, a)
		}
	}
	if out.Title == "" {
		out.Title = "Untitled"
	}
	return out
}

// missing lists the characters of t that the family's faces lack.
func missing(fam *fonts.Family, t Text) []rune {
	var out []rune
	seen := map[rune]bool{}
	check := func(face *fonts.Face, s string) {
		if face == nil {
			return
		}
		for _, r := range s {
			if r == ' ' || seen[r] {
				continue
			}
			if !face.Has(r) {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	check(pick(fam, fonts.Bold), t.Title)
	check(pick(fam, fonts.Italic), t.Subtitle)
	for _, a := range t.Authors {
		check(pick(fam, fonts.Regular), a)
	}
	check(pick(fam, fonts.Regular), t.Publisher)
	return out
}

// pick returns the family's face for style s, falling back to the
// regular face (and then any face) when the family lacks it.
func pick(fam *fonts.Family, s fonts.Style) *fonts.Face {
	if f := fam.Faces[s]; f != nil {
		return f
	}
	if f := fam.Faces[fonts.Regular]; f != nil {
		return f
	}
	for _, f := range fam.Faces {
		if f != nil {
			return f
		}
	}
	return nil
}
