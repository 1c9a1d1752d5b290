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
	_ "embed" // the family's files
	"fmt"
)

// The family's files are embedded one by one as byte slices rather than
// as a file system, whose ReadFile copies: the slices point into the
// program's image, so a build reads only the pages of the fonts it uses.
// They are shared by every Face made from them and never written.
var (
	//go:embed gentium/GentiumBookPlus-Regular.ttf
	gentiumRegular []byte
	//go:embed gentium/GentiumBookPlus-Italic.ttf
	gentiumItalic []byte
	//go:embed gentium/GentiumBookPlus-Bold.ttf
	gentiumBold []byte
	//go:embed gentium/GentiumBookPlus-BoldItalic.ttf
	gentiumBoldItalic []byte
	//go:embed gentium/OFL.txt
	gentiumLicense string
)

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

// Default returns the embedded Gentium Book Plus family. Each call makes
// new faces (their measuring caches are their own); the font files'
// bytes are shared, read-only.
func Default() (*Family, error) {
	fam := &Family{Name: "Gentium Book Plus", License: gentiumLicense}
	for s, data := range [...][]byte{gentiumRegular, gentiumItalic, gentiumBold, gentiumBoldItalic} {
		name := "gentium/GentiumBookPlus-" + Style(s).String() + ".ttf"
		face, err := Parse(name, data)
		if err != nil {
			return nil, fmt.Errorf("fonts: embedded %s: %w", name, err)
		}
		face.Style = Style(s)
		fam.Faces[s] = face
	}
	return fam, nil
}
