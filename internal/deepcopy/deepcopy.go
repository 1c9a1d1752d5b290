// Package deepcopy copies Go values all the way down: pointers, slices,
// maps and interfaces are copied, not shared, except where the caller
// says to share. A pointer met twice is copied once, so a copy keeps the
// original's sharing (a note reference and the chapter's note list point
// at the same copied note) and its cycles.
//
// `samizdat serve` keeps each manuscript as first read and hands the
// loader a copy on every rebuild, since the transforms that follow
// reading (typography, citations, note numbers) change the model in
// place. Copying by reflection covers every field the model has or will
// have, with nothing to keep in step by hand.
package deepcopy

import "reflect"

// Copy returns a deep copy of v. keep, when not nil, is asked about
// every pointer before it is followed: when it returns true, the pointer
// (as replaced by keep's second result) goes into the copy as it is.
// Unexported struct fields cannot be set by reflection and make Copy
// panic: the model has none.
func Copy[T any](v T, keep func(p reflect.Value) (reflect.Value, bool)) T {
	c := &copier{keep: keep, done: map[uintptr]reflect.Value{}}
	in := reflect.ValueOf(&v).Elem()
	out := reflect.New(in.Type()).Elem()
	c.copy(out, in)
	return out.Interface().(T)
}

type copier struct {
	keep func(reflect.Value) (reflect.Value, bool)
	done map[uintptr]reflect.Value
}

// copy sets dst, a settable value of src's type, to a copy of src.
func (c *copier) copy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		if c.keep != nil {
			if v, ok := c.keep(src); ok {
				dst.Set(v)
				return
			}
		}
		if p, ok := c.done[src.Pointer()]; ok {
			dst.Set(p)
			return
		}
		p := reflect.New(src.Type().Elem())
		c.done[src.Pointer()] = p
		c.copy(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			c.copy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Array:
		for i := range src.Len() {
			c.copy(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(src.Type().Key()).Elem()
			c.copy(k, it.Key())
			v := reflect.New(src.Type().Elem()).Elem()
			c.copy(v, it.Value())
			m.SetMapIndex(k, v)
		}
		dst.Set(m)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := reflect.New(src.Elem().Type()).Elem()
		c.copy(v, src.Elem())
		dst.Set(v)
	case reflect.Struct:
		for i := range src.NumField() {
			c.copy(dst.Field(i), src.Field(i))
		}
	default:
		dst.Set(src)
	}
}
