package main

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"samizdat/book"
	"samizdat/book/load"
	"samizdat/internal/build"
	"samizdat/render/formats"
)

func (a *app) checkCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check PATH",
		Short: "Read a book and report every problem without building it",
		Long: `Read the book at PATH as build would and report every problem, each
starting with a line FILE:LINE:COL: severity: message, in the order they
stand in the files. Besides the errors that stop a build, check reports
what an editor looks for before a book goes out: block quotations with no
citation or note, citation keys missing from the sources (errors), sources
never cited, keys written twice, malformed sources files, and citations of
a book-length work without a page when the book asks for one with
citations: {locators: true}. Each edition book.yaml declares is checked
too: its settings, its formats and the edition its page list comes from.

Exits 0 when there are only warnings, 1 when there is any error. With
--json the findings are printed as one JSON object for CI.`,
		Example: `  samizdat check manuscripts/pamphlet
  samizdat check --json book/ > findings.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := load.Load(args[0])
			var warnings, errs []*book.Error
			chapters := 0
			if res != nil {
				warnings = res.Warnings
				if res.Book != nil {
					chapters = len(res.Book.BodyChapters())
				}
			}
			if err == nil {
				err = build.CheckEditions(formats.Registry(), res.Book)
			}
			if err != nil {
				errs = book.Errors(err)
			}
			if asJSON {
				if err := writeCheckJSON(a, chapters, errs, warnings); err != nil {
					return err
				}
			} else {
				a.printFindings(errs, warnings)
				fmt.Fprintf(a.stdout, "%s: %s, %s, %s\n", args[0], count(chapters, "chapter"), count(len(errs), "error"), count(len(warnings), "warning"))
			}
			if len(errs) > 0 {
				a.status = exitContent
				return err
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the findings as one JSON object (ok, chapters, errors, warnings) for CI")
	return cmd
}

// finding is an error or a warning with its severity.
type finding struct {
	severity string
	err      *book.Error
}

// printFindings prints errors and warnings together in the order they
// stand in the files, so that a reader can work down them.
func (a *app) printFindings(errs, warnings []*book.Error) {
	var all []finding
	for _, e := range errs {
		all = append(all, finding{"error", e})
	}
	for _, w := range warnings {
		all = append(all, finding{"warning", w})
	}
	sort.SliceStable(all, func(i, j int) bool {
		p, q := all[i].err.Pos, all[j].err.Pos
		if p.File != q.File {
			return p.File < q.File
		}
		if p.Line != q.Line {
			return p.Line < q.Line
		}
		return p.Col < q.Col
	})
	for _, f := range all {
		a.report(f.severity, f.err)
	}
	if len(all) > 1 {
		fmt.Fprintf(a.stderr, "%s, %s\n", count(len(errs), "error"), count(len(warnings), "warning"))
	}
}

// count writes "1 error", "2 errors".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// checkReport is check --json's output.
type checkReport struct {
	OK       bool             `json:"ok"`
	Chapters int              `json:"chapters"`
	Errors   []jsonDiagnostic `json:"errors"`
	Warnings []jsonDiagnostic `json:"warnings"`
}

func writeCheckJSON(a *app, chapters int, errs, warnings []*book.Error) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(checkReport{OK: len(errs) == 0, Chapters: chapters, Errors: diagnostics(errs), Warnings: diagnostics(warnings)})
}
