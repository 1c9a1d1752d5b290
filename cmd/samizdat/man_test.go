package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"samizdat/internal/manpage"
	"samizdat/internal/tooltest"
)

// TestManPages writes the manual and checks it against the command tree:
// one page for each command, cobra's completion commands included, each
// dated from SOURCE_DATE_EPOCH and listing every flag the command takes.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := samizdat(t, "man", dir); code != 0 {
		t.Fatalf("man: exit %d: %s", code, stderr)
	}
	root := (&app{stdout: io.Discard, stderr: io.Discard, getenv: os.Getenv}).rootCommand()
	root.InitDefaultCompletionCmd() // as Execute does before running man
	var want []string
	for _, c := range manpage.Pages(root) {
		name := manpage.Name(c) + ".1"
		want = append(want, name)
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		page := string(data)
		th := `.TH "` + strings.ToUpper(strings.ReplaceAll(manpage.Name(c), "-", `\-`)) + `" "1" "2025\-11\-25" "samizdat" "samizdat manual"`
		if !strings.Contains(page, "\n"+th+"\n") {
			t.Errorf("%s has no line %s", name, th)
		}
		c.InitDefaultHelpFlag()
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && !strings.Contains(page, `\fB\-\-`+strings.ReplaceAll(f.Name, "-", `\-`)+`\fR`) {
				t.Errorf("%s does not list --%s", name, f.Name)
			}
		})
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("man wrote %q, want %q", got, want)
	}
	for _, must := range []string{"samizdat.1", "samizdat-build.1", "samizdat-completion-bash.1"} {
		if !slices.Contains(got, must) {
			t.Errorf("no page %s", must)
		}
	}

	groff := tooltest.Require(t, "groff")
	for _, name := range got {
		out, err := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z", filepath.Join(dir, name)).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("groff %s: %v\n%s", name, err, out)
		}
	}
}
