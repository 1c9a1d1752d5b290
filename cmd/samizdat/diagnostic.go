package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"samizdat/book"
)

// printer writes diagnostics the way compilers do: the position, the
// severity and the message, then the source line and a caret under the
// column, in colour on a terminal unless NO_COLOR is set.
type printer struct {
	w     io.Writer
	color bool
	// lines caches the files read for source lines.
	lines map[string][]string
}

// newPrinter decides on colour: only for a terminal, and never when the
// NO_COLOR convention (no-color.org) asks for none.
func newPrinter(w io.Writer, getenv func(string) string) *printer {
	color := getenv("NO_COLOR") == "" && isTerminal(w, getenv)
	return &printer{w: w, color: color, lines: map[string][]string{}}
}

const (
	bold    = "\x1b[1m"
	red     = "\x1b[1;31m"
	magenta = "\x1b[1;35m"
	green   = "\x1b[1;32m"
	cyan    = "\x1b[36m"
	reset   = "\x1b[0m"
)

func (p *printer) paint(code, s string) string {
	if !p.color {
		return s
	}
	return code + s + reset
}

// print writes one diagnostic of the given severity ("error", "warning").
func (p *printer) print(severity string, e *book.Error) {
	sevColor := red
	if severity == "warning" {
		sevColor = magenta
	}
	if e.Pos.File == "" {
		fmt.Fprintf(p.w, "samizdat: %s %s\n", p.paint(sevColor, severity+":"), e.Msg)
	} else {
		fmt.Fprintf(p.w, "%s %s %s\n", p.paint(bold, e.Pos.String()+":"), p.paint(sevColor, severity+":"), e.Msg)
	}
	if line, ok := p.sourceLine(e.Pos); ok {
		fmt.Fprintf(p.w, "  %s\n", line)
		if e.Pos.Col > 0 {
			fmt.Fprintf(p.w, "  %s%s\n", caretPad(line, e.Pos.Col), p.paint(green, "^"))
		}
	}
	if e.Hint != "" {
		fmt.Fprintf(p.w, "  %s %s\n", p.paint(cyan, "hint:"), e.Hint)
	}
}

// sourceLine returns the text of the position's line, tabs shown as
// spaces, when the file can be read and the line is short enough to help.
func (p *printer) sourceLine(pos book.Pos) (string, bool) {
	if pos.Line <= 0 || pos.File == "" {
		return "", false
	}
	lines, ok := p.lines[pos.File]
	if !ok {
		lines = readLines(pos.File)
		p.lines[pos.File] = lines
	}
	if pos.Line > len(lines) {
		return "", false
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	if !utf8.ValidString(line) || utf8.RuneCountInString(line) > 200 || strings.TrimSpace(line) == "" {
		return "", false
	}
	return strings.ReplaceAll(line, "\t", " "), true
}

// readLines reads a file's lines, up to a size that a diagnostic is
// worth; a larger or unreadable file gives none.
func readLines(name string) []string {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(io.LimitReader(f, 8<<20))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// caretPad is the blank space that puts a caret under column col.
func caretPad(line string, col int) string {
	n := min(col-1, utf8.RuneCountInString(line))
	return strings.Repeat(" ", max(n, 0))
}
