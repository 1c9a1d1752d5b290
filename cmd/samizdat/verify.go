package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"samizdat/internal/verify"
)

// childMarker is set in the environment of the builds verify starts; a
// test binary standing in for samizdat runs the command when it sees it.
const childMarker = "SAMIZDAT_RUN_MAIN"

// buildEnvs are the two environments verify builds in: they differ in
// everything that must not change the output.
var buildEnvs = [2][]string{
	{"TZ=UTC", "LANG=C", "LC_ALL=C", "GOMAXPROCS=1"},
	{"TZ=Pacific/Chatham", "LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8", "GOMAXPROCS=" + fmt.Sprint(max(2, runtime.NumCPU()))},
}

func (a *app) verifyCommand() *cobra.Command {
	var formatList, editionList string
	cmd := &cobra.Command{
		Use:   "verify PATH",
		Short: "Build a book twice and check that the outputs are byte-identical",
		Long: `Build the book at PATH twice, in separate temporary folders, from
different working directories, with different time zones, locales and
GOMAXPROCS, and compare the SHA-256 of every output (of every edition,
booklets included). Prints the hashes and
exits 1 on any difference, naming the first differing entry inside an EPUB
or the first differing object of a PDF.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := a.verify(args[0], formatList, editionList)
			if err != nil {
				return a.fail(err)
			}
			same := true
			for _, f := range files {
				if f.Same {
					fmt.Fprintf(a.stdout, "%s  %s\n", f.HashA, f.Name)
					continue
				}
				same = false
				fmt.Fprintf(a.stdout, "%s  %s (first build)\n%s  %s (second build)\n", f.HashA, f.Name, f.HashB, f.Name)
				fmt.Fprintf(a.stderr, "%s: the two builds differ: %s\n", f.Name, f.FirstDifferent)
			}
			if !same {
				a.status = exitContent
				return errors.New("builds differ")
			}
			fmt.Fprintf(a.stdout, "verified: %d outputs byte-identical across two builds\n", len(files))
			return nil
		},
	}
	cmd.Flags().StringVar(&formatList, "format", "", "formats to build, comma-separated (default: all)")
	cmd.Flags().StringVar(&editionList, "edition", "", "editions to build, comma-separated (default: all)")
	return cmd
}

// verify runs the two builds and compares their outputs.
func (a *app) verify(path, formats, editions string) ([]verify.File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("verify: finding the samizdat program: %w", err)
	}
	tmp, err := os.MkdirTemp("", "samizdat-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var outs [2]string
	for i, env := range buildEnvs {
		outs[i] = filepath.Join(tmp, fmt.Sprintf("build%d", i+1))
		work := filepath.Join(tmp, fmt.Sprintf("cwd%d", i+1))
		if err := os.MkdirAll(work, 0o755); err != nil {
			return nil, err
		}
		args := []string{"build", abs, "-o", outs[i], "--quiet"}
		if formats != "" {
			args = append(args, "--format", formats)
		}
		if editions != "" {
			args = append(args, "--edition", editions)
		}
		cmd := exec.Command(exe, args...)
		cmd.Dir = work
		cmd.Env = append(append(os.Environ(), env...), childMarker+"=1")
		if epoch := a.getenv("SOURCE_DATE_EPOCH"); epoch != "" {
			cmd.Env = append(cmd.Env, "SOURCE_DATE_EPOCH="+epoch)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("verify: build %d (%s) failed: %v\n%s", i+1, strings.Join(env, " "), err, strings.TrimSpace(stderr.String()))
		}
	}
	return verify.Dirs(outs[0], outs[1])
}
