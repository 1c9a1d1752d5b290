// Package digest fingerprints Go values: a SHA-256 over everything a value
// holds, followed through pointers, slices, maps and interfaces. It lets
// `samizdat serve` tell which parts of a book changed between two reads
// without each part of the model having to say what it is made of, so a
// field added to the model later is covered without anyone remembering to
// add it here.
package digest

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"math"
	"reflect"
	"sort"
)

// Sum is a fingerprint.
type Sum [sha256.Size]byte

// Of fingerprints vs in order. Equal sums mean equal values, field for
// field; pointers are followed, not compared, and a pointer met a second
// time is written as a reference to the first meeting, so shared nodes
// and cycles are hashed once. Functions and channels cannot be compared
// and make Of panic: a value holding one is a programming error.
func Of(vs ...any) Sum {
	d := &digester{h: sha256.New(), seen: map[uintptr]int{}}
	for _, v := range vs {
		d.value(reflect.ValueOf(v))
	}
	var s Sum
	d.h.Sum(s[:0])
	return s
}

type digester struct {
	h    hash.Hash
	seen map[uintptr]int
	buf  [8]byte
}

func (d *digester) u64(x uint64) {
	binary.LittleEndian.PutUint64(d.buf[:], x)
	d.h.Write(d.buf[:])
}

func (d *digester) str(s string) {
	d.u64(uint64(len(s)))
	d.h.Write([]byte(s))
}

func (d *digester) value(v reflect.Value) {
	if !v.IsValid() {
		d.u64(0)
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			d.u64(1)
		} else {
			d.u64(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		d.u64(math.Float64bits(v.Float()))
	case reflect.String:
		d.str(v.String())
	case reflect.Slice:
		if v.IsNil() {
			d.u64(math.MaxUint64)
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			d.u64(uint64(v.Len()))
			d.h.Write(v.Bytes())
			return
		}
		fallthrough
	case reflect.Array:
		d.u64(uint64(v.Len()))
		for i := range v.Len() {
			d.value(v.Index(i))
		}
	case reflect.Struct:
		d.str(v.Type().String())
		for i := range v.NumField() {
			d.value(v.Field(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			d.u64(0)
			return
		}
		if at, ok := d.seen[v.Pointer()]; ok {
			d.u64(3)
			d.u64(uint64(at))
			return
		}
		d.seen[v.Pointer()] = len(d.seen)
		d.u64(4)
		d.value(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			d.u64(0)
			return
		}
		d.str(v.Elem().Type().String())
		d.value(v.Elem())
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		d.u64(uint64(len(keys)))
		for _, k := range keys {
			d.value(k)
			d.value(v.MapIndex(k))
		}
	default:
		panic("digest: cannot fingerprint a " + v.Kind().String())
	}
}
