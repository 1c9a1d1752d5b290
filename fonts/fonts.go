// Package fonts holds samizdat's default type family, Gentium Book Plus
// (SIL International, Open Font License; the files are Debian's
// fonts-sil-gentiumplus, unmodified, with OFL.txt beside them), and loads a
// user's own TrueType files.
//
// Code in the PDF is set in Go Mono (Bigelow & Holmes for the Go project,
// BSD licence; golang.org/x/image/font/gofont), whose licence and readme
// are kept unmodified in GOFONT-LICENSE.txt and GOFONT-README.txt.
//
// Renderers measure text through Face (advances and kerning read from the
// font by golang.org/x/image/font/sfnt) and embed Face.Data as it is.
package fonts

import (
	"embed"
	"fmt"
)

//go:embed gentium/*.ttf gentium/OFL.txt
var gentium embed.FS

// Style is one of the four faces of a family.
type Style int

// The four styles of a family, in the order Family.Faces holds them.
const (
	Regular Style = iota
	Italic
	Bold
	BoldItalic
)

var styleNames = [...]string{"Regular", "Italic", "Bold", "BoldItalic"}

// String returns the style's name as used in font file names.
func (s Style) String() string { return styleNames[s] }

// Family is a type family of four faces.
type Family struct {
	Name  string
	Faces [4]*Face
	// License is the text of the fonts' licence, shipped with any output
	// that embeds the files.
	License string
}

// Face returns the face for a style.
func (f *Family) Face(s Style) *Face { return f.Faces[s] }

// Default returns the embedded Gentium Book Plus family. Each call parses
// the files anew, so callers share nothing mutable.
func Default() (*Family, error) {
	fam := &Family{Name: "Gentium Book Plus"}
	for s := Regular; s <= BoldItalic; s++ {
		name := "gentium/GentiumBookPlus-" + s.String() + ".ttf"
		data, err := gentium.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("fonts: embedded %s: %w", name, err)
		}
		face, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		face.Style = s
		fam.Faces[s] = face
	}
	lic, err := gentium.ReadFile("gentium/OFL.txt")
	if err != nil {
		return nil, fmt.Errorf("fonts: embedded licence: %w", err)
	}
	fam.License = string(lic)
	return fam, nil
}
