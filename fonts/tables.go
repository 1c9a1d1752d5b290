package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// An sfnt file (TrueType) is a directory of tables, each named by a
// four-letter tag. Subsetting reads some tables, rewrites a few and
// copies the rest; golang.org/x/image/font/sfnt reads glyphs and
// metrics but does not hand out the tables' bytes, so the directory is
// read here.

// table is one table of a font file: its tag and its bytes.
type table struct {
	tag  string
	data []byte
}

// readTables returns the tables of a TrueType file, in directory order.
func readTables(data []byte) ([]table, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("too short for a table directory")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("the table directory (%d tables) runs past the end of the file", n)
	}
	tables := make([]table, 0, n)
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q runs past the end of the file", tag)
		}
		tables = append(tables, table{tag, data[off : off+length]})
	}
	return tables, nil
}

// find returns the table with the tag, or nil.
func find(tables []table, tag string) []byte {
	for _, t := range tables {
		if t.tag == tag {
			return t.data
		}
	}
	return nil
}

// checksum is the sfnt checksum of a table: the sum of its big-endian
// 32-bit words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// headAdjustment is where the head table keeps checkSumAdjustment.
const headAdjustment = 8

// writeTables assembles a TrueType file from tables: the directory
// sorted by tag as the format asks, each table on a four-byte boundary,
// and head's checkSumAdjustment set so that the whole file sums to the
// format's magic number.
func writeTables(tables []table) []byte {
	tables = slices.Clone(tables)
	slices.SortFunc(tables, func(a, b table) int {
		switch {
		case a.tag < b.tag:
			return -1
		case a.tag > b.tag:
			return 1
		}
		return 0
	})
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	// searchRange, entrySelector and rangeShift: a binary search's
	// starting point over the directory.
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel))
	head := -1
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		if t.tag == "head" {
			head = len(out)
		}
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if head >= 0 && len(out) >= head+headAdjustment+4 {
		binary.BigEndian.PutUint32(out[head+headAdjustment:], 0xB1B0AFBA-checksum(out))
	}
	return out
}
