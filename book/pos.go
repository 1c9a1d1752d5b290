package book

import (
	"errors"
	"fmt"
	"strings"
)

// Pos is a position in a source file. Line and Col count from 1; Col counts
// characters, not bytes. A zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as FILE:LINE:COL, the form editors and
// compilers use, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a problem in an input file, reported at its position.
type Error struct {
	Pos Pos
	Msg string
	// Hint, when set, suggests a fix ("did you mean …").
	Hint string
}

// Error returns "FILE:LINE:COL: message".
func (e *Error) Error() string {
	if e.Hint != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Pos, e.Msg, e.Hint)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// Errorf makes an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// ErrorList collects every problem found in one pass, so that a user sees
// all of them at once instead of fixing one per build.
type ErrorList []*Error

// Error joins the messages one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Errors flattens err into its *Error items; an error that carries no
// position becomes one item without a position.
func Errors(err error) []*Error {
	var list ErrorList
	if errors.As(err, &list) {
		return list
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return []*Error{{Msg: err.Error()}}
}
