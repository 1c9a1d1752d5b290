package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Subset returns a TrueType file with only the outlines of the glyphs
// given (by index), the components they are built from and glyph 0, the
// missing-glyph box, for embedding in a PDF. A page of a book sets a
// hundred or so of a face's four thousand glyphs.
//
// Glyphs keep their indexes: the file has as many glyph slots as the
// glyphs it keeps reach, the others empty, so a PDF's CIDToGIDMap and
// composite glyphs refer to the same numbers as in the full face and
// nothing is renumbered. Empty slots cost a few bytes once the file is
// compressed; so do the unused glyphs' metrics, which are zeroed.
//
// The file holds what a PDF reader needs of a TrueType font program
// (ISO 32000-1, 9.9): head, hhea, maxp, loca, glyf, hmtx, and the
// hinting programs cvt, fpgm and prep when the face has them, with OS/2
// and the header of post for the tools that look for them, and a
// character map that maps nothing: the PDF maps its codes to glyphs
// itself. Names and layout tables stay out.
//
// A face whose licence forbids subsetting (OS/2 fsType bit 8) is
// embedded whole; one that forbids embedding is an error.
func (f *Face) Subset(glyphs []uint16) ([]byte, error) {
	tables, err := readTables(f.Data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.FileName, err)
	}
	fsType := uint16(0)
	if os2 := find(tables, "OS/2"); len(os2) >= 10 {
		fsType = binary.BigEndian.Uint16(os2[8:])
	}
	switch {
	case fsType&0x000f == 0x0002:
		return nil, fmt.Errorf("%s: the font's licence does not permit embedding it (OS/2 fsType %#04x)", f.FileName, fsType)
	case fsType&0x0200 != 0:
		return nil, fmt.Errorf("%s: the font's licence permits embedding only its bitmaps (OS/2 fsType %#04x)", f.FileName, fsType)
	case fsType&0x0100 != 0:
		return f.Data, nil
	}
	s, err := newSubsetter(tables)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.FileName, err)
	}
	keep, err := s.closure(glyphs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.FileName, err)
	}
	return s.write(keep), nil
}

// subsetter holds the tables a subset rewrites.
type subsetter struct {
	tables          []table
	head, hhea      []byte
	maxp, hmtx      []byte
	glyf            []byte
	loca            []uint32 // numGlyphs+1 offsets into glyf
	numGlyphs       int
	numberOfHMetric int
}

func newSubsetter(tables []table) (*subsetter, error) {
	s := &subsetter{tables: tables}
	for _, t := range []struct {
		tag string
		min int
		dst *[]byte
	}{{"head", 54, &s.head}, {"hhea", 36, &s.hhea}, {"maxp", 6, &s.maxp}, {"hmtx", 0, &s.hmtx}, {"glyf", 0, &s.glyf}} {
		*t.dst = find(tables, t.tag)
		if *t.dst == nil || len(*t.dst) < t.min {
			return nil, fmt.Errorf("the font has no usable %q table (is it a TrueType font with glyf outlines?)", t.tag)
		}
	}
	s.numGlyphs = int(binary.BigEndian.Uint16(s.maxp[4:]))
	if s.numGlyphs == 0 {
		return nil, fmt.Errorf("the font has no glyphs (maxp)")
	}
	s.numberOfHMetric = int(binary.BigEndian.Uint16(s.hhea[34:]))
	if s.numberOfHMetric == 0 || s.numberOfHMetric > s.numGlyphs || len(s.hmtx) < 4*s.numberOfHMetric+2*(s.numGlyphs-s.numberOfHMetric) {
		return nil, fmt.Errorf("the hmtx table is shorter than hhea and maxp say")
	}
	loca := find(tables, "loca")
	long := binary.BigEndian.Uint16(s.head[50:]) == 1
	width := 2
	if long {
		width = 4
	}
	if len(loca) < width*(s.numGlyphs+1) {
		return nil, fmt.Errorf("the loca table is shorter than maxp's %d glyphs", s.numGlyphs)
	}
	s.loca = make([]uint32, s.numGlyphs+1)
	for i := range s.loca {
		if long {
			s.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			s.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if s.loca[i] > uint32(len(s.glyf)) || i > 0 && s.loca[i] < s.loca[i-1] {
			return nil, fmt.Errorf("glyph %d's place in the glyf table is out of order or out of range", i)
		}
	}
	return s, nil
}

// glyph returns a glyph's outline data (empty for a glyph with none).
func (s *subsetter) glyph(g int) []byte { return s.glyf[s.loca[g]:s.loca[g+1]] }

// The flags of a composite glyph's component record.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// closure returns, sorted, the glyphs to keep: glyph 0, the glyphs
// asked for and every glyph a kept composite glyph is built from.
func (s *subsetter) closure(glyphs []uint16) ([]int, error) {
	kept := make([]bool, s.numGlyphs)
	work := []int{0}
	for _, g := range glyphs {
		if int(g) < s.numGlyphs {
			work = append(work, int(g))
		}
	}
	var out []int
	for len(work) > 0 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		if kept[g] {
			continue
		}
		kept[g] = true
		out = append(out, g)
		data := s.glyph(g)
		if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			continue // empty or simple
		}
		for p := 10; ; {
			if p+4 > len(data) {
				return nil, fmt.Errorf("glyph %d: a component record runs past the glyph's data", g)
			}
			flags, comp := binary.BigEndian.Uint16(data[p:]), int(binary.BigEndian.Uint16(data[p+2:]))
			if comp >= s.numGlyphs {
				return nil, fmt.Errorf("glyph %d is built from glyph %d, beyond the font's %d", g, comp, s.numGlyphs)
			}
			work = append(work, comp)
			p += 4 + 2
			if flags&argsAreWords != 0 {
				p += 2
			}
			switch {
			case flags&haveScale != 0:
				p += 2
			case flags&haveXYScale != 0:
				p += 4
			case flags&haveTwoByTwo != 0:
				p += 8
			}
			if flags&moreComponents == 0 {
				break
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// write assembles the subset file from the glyphs kept (sorted).
func (s *subsetter) write(keep []int) []byte {
	n := keep[len(keep)-1] + 1 // glyph slots: up to the last kept glyph
	size := 0
	for _, g := range keep {
		size += (len(s.glyph(g)) + 3) &^ 3
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(n+1))
	hmetrics := min(s.numberOfHMetric, n)
	hmtx := make([]byte, 4*hmetrics+2*(n-hmetrics))
	next := 0
	for g := range n {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if next < len(keep) && keep[next] == g {
			next++
			glyf = append(glyf, s.glyph(g)...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
			copyMetrics(hmtx, s.hmtx, g, hmetrics, s.numberOfHMetric)
		}
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))
	if n > hmetrics {
		// The slots past the full records take the last one's advance.
		copyMetrics(hmtx, s.hmtx, hmetrics-1, hmetrics, s.numberOfHMetric)
	}

	head := slices.Clone(s.head)
	binary.BigEndian.PutUint32(head[headAdjustment:], 0) // set by writeTables
	binary.BigEndian.PutUint16(head[50:], 1)             // long loca offsets
	hhea := slices.Clone(s.hhea)
	binary.BigEndian.PutUint16(hhea[34:], uint16(hmetrics))
	maxp := slices.Clone(s.maxp)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	out := []table{{"head", head}, {"hhea", hhea}, {"maxp", maxp}, {"loca", loca}, {"glyf", glyf}, {"hmtx", hmtx}}
	out = append(out, table{"cmap", emptyCmap()})
	for _, tag := range []string{"cvt ", "fpgm", "prep", "OS/2"} {
		if t := find(s.tables, tag); t != nil {
			out = append(out, table{tag, t})
		}
	}
	if post := find(s.tables, "post"); len(post) >= 32 {
		// Version 3: the header's metrics without glyph names.
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		out = append(out, table{"post", p})
	}
	return writeTables(out)
}

// emptyCmap returns a character map that maps nothing: a PDF maps its
// codes to glyphs itself (CIDToGIDMap), but some readers of TrueType
// files will not open one without a cmap table. It has one Windows
// Unicode subtable in format 4 with only the closing segment.
func emptyCmap() []byte {
	return []byte{
		0, 0, 0, 1, // version 0, one subtable
		0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at offset 12
		0, 4, 0, 24, 0, 0, // format 4, length 24, language 0
		0, 2, 0, 2, 0, 0, 0, 0, // segCountX2 2, searchRange 2, entrySelector 0, rangeShift 0
		0xff, 0xff, 0, 0, // endCode 0xFFFF, reserved pad
		0xff, 0xff, // startCode 0xFFFF
		0, 1, // idDelta 1
		0, 0, // idRangeOffset 0
	}
}

// copyMetrics copies glyph g's horizontal metrics from the face's hmtx
// (with hm full records) into the subset's (with sub full records).
// Past the full records a glyph has only its left side bearing and
// shares the last record's advance.
func copyMetrics(dst, src []byte, g, sub, hm int) {
	advance, lsb := advanceAndBearing(src, g, hm)
	if g < sub {
		binary.BigEndian.PutUint16(dst[4*g:], advance)
		binary.BigEndian.PutUint16(dst[4*g+2:], lsb)
		return
	}
	binary.BigEndian.PutUint16(dst[4*sub+2*(g-sub):], lsb)
}

// advanceAndBearing reads glyph g's advance and left side bearing from
// an hmtx table with hm full records.
func advanceAndBearing(hmtx []byte, g, hm int) (advance, lsb uint16) {
	if g < hm {
		return binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:])
	}
	return binary.BigEndian.Uint16(hmtx[4*(hm-1):]), binary.BigEndian.Uint16(hmtx[4*hm+2*(g-hm):])
}
