package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func (a *app) manCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "man [DIR]",
		Short: "Write manual pages for samizdat and each of its commands",
		Long: `Write one troff manual page per command (samizdat.1, samizdat-build.1 …)
into DIR (default: the current folder), for installing under
/usr/local/share/man/man1. The pages' date is SOURCE_DATE_EPOCH when set.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return a.fail(err)
			}
			date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			if secs, err := strconv.ParseInt(a.getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
				date = time.Unix(secs, 0).UTC()
			}
			header := &doc.GenManHeader{Title: "SAMIZDAT", Section: "1", Source: "samizdat", Manual: "samizdat manual", Date: &date}
			if err := doc.GenManTree(root, header, dir); err != nil {
				return a.fail(err)
			}
			fmt.Fprintf(a.stdout, "wrote manual pages into %s\n", dir)
			return nil
		},
	}
}
