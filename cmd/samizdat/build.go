package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"samizdat/internal/build"
	"samizdat/render/formats"
)

func (a *app) buildCommand() *cobra.Command {
	var opt build.Options
	var formatList, editionList string
	var quiet, asJSON bool
	cmd := &cobra.Command{
		Use:   "build PATH",
		Short: "Build a book's EPUB, PDF and HTML",
		Long: `Build the book at PATH: a single Markdown manuscript (a one-chapter
pamphlet), a folder with a book.yaml manifest, or a folder of manuscripts
read in name order. Outputs go to _build/ beside the sources unless -o
names another folder; they are written only when every format succeeded.

A book whose book.yaml declares editions: is built in every edition, each
in its own formats, into files named SLUG-EDITION.EXT; --edition builds
only the editions named. --impose booklet writes SLUG-booklet.pdf (or
SLUG-EDITION-booklet.pdf) beside each PDF: the pages in saddle-stitch
order, two to a sheet, to print double-sided and fold.`,
		Example: `  samizdat build manuscripts/handbook
  samizdat build manuscripts/pamphlet --edition ebook
  samizdat build essay.md --format pdf --page-size a6 --impose booklet -o out`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if formatList != "" {
				opt.Formats = strings.Split(formatList, ",")
			}
			if editionList != "" {
				opt.Editions = strings.Split(editionList, ",")
			}
			opt.Getenv = a.getenv
			var bar *progress
			if !quiet && !asJSON {
				bar = newProgress(a.stderr, a.getenv)
				opt.Progress = bar.step
			}
			start := time.Now()
			rep, err := build.Build(args[0], formats.Registry(), opt)
			if bar != nil {
				bar.finish()
			}
			if asJSON {
				if werr := writeJSON(a.stdout, rep, err, time.Since(start)); werr != nil {
					return werr
				}
				if err != nil {
					a.status = exitContent
					var usage *build.UsageError
					if errors.As(err, &usage) {
						a.status = exitUsage
					}
				}
				return err
			}
			if rep != nil {
				a.warnings(rep.Warnings)
			}
			if err != nil {
				return a.fail(err)
			}
			if !quiet {
				for _, o := range rep.Outputs {
					if o.Edition != "" {
						fmt.Fprintf(a.stdout, "wrote %s (%s, %s edition)\n", o.Path, size(o.Size), o.Edition)
						continue
					}
					fmt.Fprintf(a.stdout, "wrote %s (%s)\n", o.Path, size(o.Size))
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opt.OutDir, "output", "o", "", "output folder (default: _build beside the sources)")
	f.StringVar(&formatList, "format", "", "formats to build, comma-separated: epub,pdf,html (default: all)")
	f.StringVar(&editionList, "edition", "", "editions to build, comma-separated (default: every edition book.yaml declares)")
	f.StringVar(&opt.PageSize, "page-size", "", "PDF page size: a4, a5, a6, letter, 6x9in or WIDTHxHEIGHT in mm or in")
	f.StringVar(&opt.Impose, "impose", "", "imposition: booklet writes NAME-booklet.pdf beside the PDF; none turns the book's off")
	f.BoolVarP(&quiet, "quiet", "q", false, "print only warnings and errors")
	f.BoolVar(&opt.AllowOutside, "allow-outside", false, "let the book read files outside its folder (../ paths, absolute paths, links leading out)")
	f.BoolVar(&asJSON, "json", false, "print a machine-readable report (outputs with sizes and SHA-256, warnings, errors, timings) instead")
	return cmd
}

// size formats a byte count for people.
func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
