package manifest

import (
	"fmt"
	"reflect"
	"strconv"

	"gopkg.in/yaml.v3"

	"samizdat/internal/lazyregexp"
)

// MarginSettings override the print page's margins; a margin left out
// keeps the one derived from the page size.
type MarginSettings struct {
	Top    Length `yaml:"top"`
	Bottom Length `yaml:"bottom"`
	// Inner is the binding side, Outer the fore-edge.
	Inner Length `yaml:"inner"`
	Outer Length `yaml:"outer"`
}

// ImposeSettings ask for an imposed sheet file beside the print PDF,
// written as a layout's name (impose: booklet, or none to turn it off) or
// as a mapping of its settings (impose: {up: 4, signature: 4}), whose
// layout is booklet unless it says otherwise. A key left out keeps the
// value set above it (the book's, for an edition).
type ImposeSettings struct {
	// Layout is "booklet" or "none".
	Layout Word `yaml:"layout"`
	// Up is 2 (two pages on a sheet twice the page size) or 4.
	Up Word `yaml:"up"`
	// FourUp is "double" or "cut-stack", for up: 4.
	FourUp Word `yaml:"four-up"`
	// Signature is the number of sheets folded together.
	Signature Word `yaml:"signature"`
	// Paper is one sheet's thickness, for creep compensation.
	Paper     Length `yaml:"paper"`
	CropMarks *bool  `yaml:"crop-marks"`
	Bleed     Length `yaml:"bleed"`
	// Line and Col are where the setting is written.
	Line int `yaml:"-"`
	Col  int `yaml:"-"`
}

// UnmarshalYAML accepts a layout's name or a mapping of settings.
func (s *ImposeSettings) UnmarshalYAML(n *yaml.Node) error {
	type fields ImposeSettings // without this method, to decode the mapping
	switch n.Kind {
	case yaml.ScalarNode:
		*s = ImposeSettings{}
		if err := s.Layout.UnmarshalYAML(n); err != nil {
			return err
		}
	case yaml.MappingNode:
		var f fields
		if err := n.Decode(&f); err != nil {
			return err
		}
		*s = ImposeSettings(f)
	default:
		return posError(n, "impose: expected a layout (impose: booklet) or a mapping of settings (impose: {layout: booklet, up: 4})")
	}
	s.Line, s.Col = n.Line, n.Column
	return nil
}

// check checks the mapping form's keys like a struct's.
func (s *ImposeSettings) check(c *checker, n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		c.checkStruct(n, reflect.TypeOf(*s))
	}
}

// Length is a distance written with its unit ("3mm", "0.1mm", "9pt",
// "0.125in"), kept in points with the position it was written at.
type Length struct {
	// Points is the length in PostScript points (1/72 in).
	Points float64
	Word
}

var lengthRE = lazyregexp.New(`^([0-9]+(?:\.[0-9]*)?|\.[0-9]+) *(mm|cm|pt|in)$`)

// pointsPer are the points in one of each unit.
var pointsPer = map[string]float64{"mm": 72 / 25.4, "cm": 720 / 25.4, "pt": 1, "in": 72}

// UnmarshalYAML reads a number and its unit; a bare 0 needs none.
func (l *Length) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return posError(n, "expected a length such as 3mm, 9pt or 0.125in")
	}
	*l = Length{Word: Word{Value: n.Value, Line: n.Line, Col: n.Column, fromSource: true}}
	if n.Value == "0" {
		return nil
	}
	sub := lengthRE().FindStringSubmatch(n.Value)
	if sub == nil {
		if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return posError(n, fmt.Sprintf("length %s needs a unit: write %smm, %spt or %sin", n.Value, n.Value, n.Value, n.Value))
		}
		return posError(n, fmt.Sprintf("%q is not a length: write a number and a unit, such as 3mm, 9pt or 0.125in", n.Value))
	}
	v, _ := strconv.ParseFloat(sub[1], 64)
	l.Points = v * pointsPer[sub[2]]
	return nil
}
