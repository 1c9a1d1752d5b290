package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"samizdat/internal/manpage"
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
			header := manpage.Header{Section: "1", Date: date, Source: "samizdat", Manual: "samizdat manual"}
			for _, c := range manpage.Pages(root) {
				var page bytes.Buffer
				if err := manpage.Write(&page, c, header); err != nil {
					return a.fail(err)
				}
				name := filepath.Join(dir, manpage.Name(c)+"."+header.Section)
				if err := os.WriteFile(name, page.Bytes(), 0o644); err != nil {
					return a.fail(err)
				}
			}
			fmt.Fprintf(a.stdout, "wrote manual pages into %s\n", dir)
			return nil
		},
	}
}
