package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"samizdat/book"
	"samizdat/internal/build"
)

// Exit statuses: 0 built, 1 a problem in the book, 2 a mistake on the
// command line.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// run executes the command line and returns the exit status. It takes its
// streams and environment as arguments so tests can run it in-process.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	app := &app{stdout: stdout, stderr: stderr, getenv: getenv}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case app.status != 0:
		return app.status
	}
	// cobra's own errors (unknown flag, wrong argument count) are usage.
	fmt.Fprintf(stderr, "samizdat: %v\n", err)
	return exitUsage
}

// app holds what the commands share.
type app struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	// status is the exit status a command chose; 0 leaves it to run.
	status int
	diag   *printer
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "samizdat",
		Short: "Turn Markdown manuscripts into an EPUB, a typeset PDF and an HTML page",
		Long: `samizdat turns Markdown manuscripts — articles and essays dense with
quotations — into books and pamphlets: an EPUB 3 for readers, a typeset PDF
for print and a single HTML page.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(a.buildCommand(), a.checkCommand(), a.verifyCommand(), a.initCommand(), a.serveCommand(), a.importCommand())
	root.AddCommand(a.manCommand(root))
	return root
}

// fail reports err the way a compiler does — one "FILE:LINE:COL: error:
// message" line per problem — and sets the exit status.
func (a *app) fail(err error) error {
	var usage *build.UsageError
	if errors.As(err, &usage) {
		fmt.Fprintf(a.stderr, "samizdat: %s\n", usage.Msg)
		a.status = exitUsage
		return err
	}
	list := book.Errors(err)
	for _, e := range list {
		a.report("error", e)
	}
	if len(list) > 1 {
		fmt.Fprintf(a.stderr, "%d errors\n", len(list))
	}
	a.status = exitContent
	return err
}

// report prints one diagnostic.
func (a *app) report(severity string, e *book.Error) {
	if a.diag == nil {
		a.diag = newPrinter(a.stderr, a.getenv)
	}
	a.diag.print(severity, e)
}

func (a *app) warnings(ws []*book.Error) {
	for _, w := range ws {
		a.report("warning", w)
	}
}
