// Command samizdat turns Markdown manuscripts into books: an EPUB for
// readers, a typeset PDF for print and an HTML page.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
