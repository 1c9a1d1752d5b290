package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"samizdat/book/load"
)

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check PATH",
		Short: "Read a book and report every problem without building it",
		Long: `Read the book at PATH as build would and print each problem as
FILE:LINE:COL: severity: message. Exits 0 when there are only warnings, 1
when there is any error.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := load.Load(args[0])
			if err != nil {
				return a.fail(err)
			}
			a.warnings(res.Warnings)
			fmt.Fprintf(a.stdout, "%s: %d chapters, %d warnings\n", args[0], len(res.Book.BodyChapters()), len(res.Warnings))
			return nil
		},
	}
}
