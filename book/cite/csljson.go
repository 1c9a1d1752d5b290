package cite

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"unicode/utf8"

	"samizdat/book"
)

// ReadCSLJSON reads a CSL-JSON file: a list of items, as Zotero exports
// and pandoc reads them. file names the file in messages; a malformed
// file is reported at the line and column where reading failed.
func ReadCSLJSON(file string, data []byte) ([]*Entry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(file, data, dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, book.Errorf(posAt(file, data, 0), "a CSL-JSON file holds a list of sources: it must start with [")
	}
	var out []*Entry
	var errs book.ErrorList
	ix := newLineIndex(file, data)
	for dec.More() {
		start := skipSpace(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonError(file, data, dec, err)
		}
		pos := ix.pos(start)
		var m map[string]any
		rd := json.NewDecoder(bytes.NewReader(raw))
		rd.UseNumber()
		if err := rd.Decode(&m); err != nil {
			errs = append(errs, book.Errorf(pos, "each source must be an object with an id, a type and its fields"))
			continue
		}
		at := func(field string) book.Pos {
			if i := bytes.Index(raw, []byte(`"`+field+`"`)); i >= 0 {
				return ix.pos(start + i)
			}
			return pos
		}
		e, err := fromMap(m, pos, at, parseCSLMarkup)
		if err != nil {
			errs = append(errs, book.Errors(err)...)
			continue
		}
		out = append(out, e)
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(file, data, dec, err)
	}
	if extra := skipSpace(data, int(dec.InputOffset())); extra < len(data) {
		errs = append(errs, book.Errorf(posAt(file, data, extra), "text after the end of the list of sources"))
	}
	return out, errs.Err()
}

// jsonError positions a JSON error at the offending character. The
// streaming decoder's offsets are not reliable for this, so a syntax
// error is found again by parsing the whole file.
func jsonError(file string, data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syn) {
		var whole any
		if e := json.Unmarshal(data, &whole); errors.As(e, &syn) {
			return book.Errorf(posAt(file, data, int(syn.Offset)-1), "JSON: %v", syn)
		}
	}
	switch {
	case errors.As(err, &syn):
		return book.Errorf(posAt(file, data, int(syn.Offset)-1), "JSON: %v", syn)
	case errors.As(err, &typ):
		return book.Errorf(posAt(file, data, int(typ.Offset)), "JSON: %v", typ)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return book.Errorf(posAt(file, data, len(data)), "JSON: the file ends before the list of sources is closed")
	}
	return book.Errorf(posAt(file, data, int(dec.InputOffset())), "JSON: %v", err)
}

// skipSpace returns the offset of the first non-space byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r' || data[i] == ',') {
		i++
	}
	return i
}

// posAt converts a byte offset into a line and a column counted in
// characters. It scans the file; readers that need many positions use a
// lineIndex.
func posAt(file string, data []byte, off int) book.Pos {
	return newLineIndex(file, data).pos(off)
}

// lineIndex finds the line and column of byte offsets in one file
// without rescanning it for each.
type lineIndex struct {
	file   string
	data   []byte
	starts []int // byte offset of each line
}

func newLineIndex(file string, data []byte) *lineIndex {
	ix := &lineIndex{file: file, data: data, starts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	return ix
}

// pos returns the position of byte offset off.
func (ix *lineIndex) pos(off int) book.Pos {
	off = max(0, min(off, len(ix.data)))
	line := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > off }) - 1
	col := utf8.RuneCount(ix.data[ix.starts[line]:off]) + 1
	return book.Pos{File: ix.file, Line: line + 1, Col: col}
}
