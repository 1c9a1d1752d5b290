// Command gen writes a generated book for benchmarks (see
// internal/benchbook) into a folder:
//
//	gen -pages N -o DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"samizdat/internal/benchbook"
)

func main() {
	pages := flag.Int("pages", 10, "approximate length in A5 pages")
	out := flag.String("o", "", "folder to write the book into")
	flag.Parse()
	if *out == "" || *pages < 1 {
		fmt.Fprintln(os.Stderr, "usage: gen -pages N -o DIR")
		os.Exit(2)
	}
	if err := benchbook.Write(*out, *pages); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
