package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"samizdat/book"
	"samizdat/internal/build"
	"samizdat/internal/skeleton"
)

func (a *app) initCommand() *cobra.Command {
	var kind, title string
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Start a new book folder from a template",
		Long: `Create DIR with a book.yaml listing every setting with a comment, a
first chapter that shows the Markdown samizdat reads, a sources file with
two entries, a .gitignore for _build/ and a CI workflow
(.github/workflows/samizdat.yml) that builds and verifies the book and
uploads the outputs. Templates: pamphlet (one essay, A6, imposed as a
booklet to fold and staple), book (parts and a preface, A5), collection
(articles by several authors with bylines).`,
		Example: "  samizdat init mybook\n  samizdat init essays --template collection --title \"Sheets Passed Hand to Hand\"",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(skeleton.Templates, kind) {
				return a.fail(&build.UsageError{Msg: fmt.Sprintf("unknown template %q; use one of %s", kind, strings.Join(skeleton.Templates, ", "))})
			}
			files, err := skeleton.Write(args[0], kind, title)
			if err != nil {
				return a.fail(&book.Error{Msg: err.Error()})
			}
			for _, f := range files {
				fmt.Fprintf(a.stdout, "wrote %s\n", filepath.Join(args[0], f))
			}
			fmt.Fprintf(a.stdout, "\nNext: samizdat build %s\n", args[0])
			return nil
		},
	}
	cmd.Flags().StringVar(&kind, "template", "book", "pamphlet, book or collection")
	cmd.Flags().StringVar(&title, "title", "", "the book's title (default: from the folder's name)")
	_ = cmd.RegisterFlagCompletionFunc("template", cobra.FixedCompletions(skeleton.Templates, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
