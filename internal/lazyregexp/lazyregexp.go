// Package lazyregexp defers compiling a package's regular expressions to
// their first use. A package-level regexp.MustCompile runs at start-up in
// every process that links the package, whether or not the process ever
// matches anything: `samizdat build` links the importer but never imports
// an article, and compiling the importer's patterns cost it more than
// half a millisecond before main ran.
package lazyregexp

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr the first time it is called
// and returns the same *regexp.Regexp from then on; it is safe to call
// from several goroutines. Like regexp.MustCompile it panics when expr is
// not a valid expression, but at the first call rather than at start-up,
// so a bad pattern shows only in a test that uses it.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
