package manpage

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"samizdat/internal/golden"
	"samizdat/internal/tooltest"
)

var header = Header{Section: "1", Date: time.Date(2025, 11, 25, 0, 0, 0, 0, time.UTC), Source: "press", Manual: "press manual"}

// pressTree is a small command tree with what pages must get right:
// flags of each kind, hidden and deprecated ones, an inherited flag, a
// hidden command, a help topic, an example, and help text with
// paragraphs, an indented example, a subheading and characters that
// roff would otherwise read.
func pressTree() *cobra.Command {
	run := func(*cobra.Command, []string) error { return nil }
	root := &cobra.Command{
		Use:   "press",
		Short: "Print pamphlets",
		Long: `press prints pamphlets — cheaply, by hand — from Markdown.

It reads C:\pamphlets and .dotfiles, and 'quoted' names.`,
	}
	root.PersistentFlags().BoolP("verbose", "v", false, "say more")

	set := &cobra.Command{Use: "set FILE...", Short: "Set a manuscript in type", RunE: run,
		Example: "  press set essay.md\n  press set -o out essay.md"}
	set.Flags().StringP("output", "o", "", "the `folder` to write into")
	set.Flags().String("paper", "a5", "paper size")
	set.Flags().Int("copies", 1, "copies to print")
	set.Flags().Int("spare", 0, "spare sheets")
	set.Flags().Duration("wait", 2*time.Second, "time for the ink to dry")
	set.Flags().StringSlice("fonts", nil, "fonts to use")
	set.Flags().Bool("secret", false, "not shown")
	_ = set.Flags().MarkHidden("secret")
	set.Flags().Bool("old", false, "not shown either")
	_ = set.Flags().MarkDeprecated("old", "use --paper")

	fold := &cobra.Command{Use: "fold", Short: "Fold the printed sheets", RunE: run,
		Long: "Fold the sheets in half.\n\n#### By hand:\n\n\tpress fold --by-hand\n\t  ^C stops; ~ is home\n\n.Lines starting with a dot are text."}
	hidden := &cobra.Command{Use: "hidden", Short: "Not listed", Hidden: true, RunE: run}
	topic := &cobra.Command{Use: "paper", Short: "About paper sizes"}
	set.AddCommand(fold)
	root.AddCommand(set, hidden, topic)
	return root
}

func TestPages(t *testing.T) {
	var names []string
	for _, c := range Pages(pressTree()) {
		names = append(names, Name(c))
	}
	want := []string{"press", "press-set", "press-set-fold"}
	if !slices.Equal(names, want) {
		t.Errorf("Pages = %q, want %q", names, want)
	}
}

// pages writes every page of the press tree.
func pages(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, c := range Pages(pressTree()) {
		var b bytes.Buffer
		if err := Write(&b, c, header); err != nil {
			t.Fatal(err)
		}
		out[Name(c)+".1"] = b.Bytes()
	}
	return out
}

func TestWriteGolden(t *testing.T) {
	for name, page := range pages(t) {
		golden.Check(t, filepath.Join("testdata", name), page)
	}
}

func TestWriteDeterministic(t *testing.T) {
	a, b := pages(t), pages(t)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestWriteStructure checks each page's shape without reading roff: the
// title line first, the sections in man(7)'s order, and every flag the
// command takes, and none it hides.
func TestWriteStructure(t *testing.T) {
	sections := regexp.MustCompile(`(?m)^\.SH (.*)$`)
	for _, c := range Pages(pressTree()) {
		var b bytes.Buffer
		if err := Write(&b, c, header); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		name := Name(c)
		t.Run(name, func(t *testing.T) {
			th := `.TH "` + escape(strings.ToUpper(name)) + `" "1" "2025\-11\-25" "press" "press manual"` + "\n"
			if _, rest, _ := strings.Cut(page, "\n"); !strings.HasPrefix(rest, th) {
				t.Errorf("second line is not %q:\n%s", th, page)
			}
			var got []string
			for _, m := range sections.FindAllStringSubmatch(page, -1) {
				got = append(got, m[1])
			}
			order := []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "GLOBAL OPTIONS", "EXAMPLES", "SEE ALSO"}
			if !slices.IsSortedFunc(got, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) }) || slices.Contains(got, "") {
				t.Errorf("sections %q are not in the order %q", got, order)
			}
			for _, s := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SEE ALSO"} {
				if !slices.Contains(got, s) {
					t.Errorf("no %s section", s)
				}
			}
			if !strings.Contains(page, "\n.SH NAME\n"+escape(name)+` \- `+escape(c.Short)+"\n") {
				t.Errorf("NAME does not give %q", name)
			}
			c.Flags().VisitAll(func(f *pflag.Flag) {
				present := strings.Contains(page, `\fB`+escape("--"+f.Name)+`\fR`)
				if want := !f.Hidden && f.Deprecated == ""; present != want {
					t.Errorf("--%s listed: %v, want %v", f.Name, present, want)
				}
			})
			for _, line := range strings.Split(page, "\n") {
				if strings.HasPrefix(line, "'") || strings.HasPrefix(line, ".") && !isRequest(line) {
					t.Errorf("text line %q would be read as a request", line)
				}
			}
		})
	}
}

// isRequest reports whether a line is one of the requests Write uses.
func isRequest(line string) bool {
	req, _, _ := strings.Cut(line, " ")
	return slices.Contains([]string{`.\"`, ".TH", ".nh", ".ad", ".SH", ".SS", ".PP", ".TP", ".EX", ".EE"}, req)
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"--output", `\-\-output`},
		{`C:\dir`, `C:\edir`},
		{"it's `x`", `it\(aqs \(gax\(ga`},
		{"^C ~/x", `\(haC \(ti/x`},
		{"a — b…", `a \[u2014] b\[u2026]`},
		{"é", `\[u00E9]`},
		{"\U0001F4D6", `\[u1F4D6]`},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGroffReads sets every page with groff, as man does, and checks
// that groff has nothing to warn about and that the text reads as the
// help text was written.
func TestGroffReads(t *testing.T) {
	groff := tooltest.Require(t, "groff")
	want := map[string][]string{
		"press.1": {
			"press - Print pamphlets",
			"press prints pamphlets — cheaply, by hand — from Markdown.",
			`It reads C:\pamphlets and .dotfiles, and 'quoted' names.`,
			"-v, --verbose", "SEE ALSO", "press-set(1)",
		},
		"press-set.1": {
			"press set FILE... [flags]",
			"-o, --output folder", "the folder to write into",
			`--paper string`, `paper size (default "a5")`,
			"--copies int", "copies to print (default 1)",
			"--wait duration", "time for the ink to dry (default 2s)",
			"GLOBAL OPTIONS", "press set -o out essay.md",
			"press(1), press-set-fold(1)",
		},
		"press-set-fold.1": {
			"By hand:", "press fold --by-hand", "  ^C stops; ~ is home",
			".Lines starting with a dot are text.",
		},
	}
	for name, page := range pages(t) {
		cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-rLL=200n")
		cmd.Stdin = bytes.NewReader(page)
		cmd.Env = append(cmd.Environ(), "GROFF_NO_SGR=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("groff %s: %v\n%s", name, err, stderr.String())
			continue
		}
		text := stripOverstrike(stdout.String())
		for _, s := range want[name] {
			if !strings.Contains(text, s) {
				t.Errorf("%s as groff sets it lacks %q:\n%s", name, s, text)
			}
		}
	}
}

// stripOverstrike removes the backspaced bold and underline grotty
// writes, as col -b would, and reads a minus sign as the hyphen-minus
// that some groff versions set \- as on a terminal.
func stripOverstrike(s string) string {
	s = strings.ReplaceAll(s, "\u2212", "-")
	r := []rune(s)
	var out []rune
	for i := 0; i < len(r); i++ {
		if i+1 < len(r) && r[i+1] == '\b' {
			i++ // the character and the backspace; the next one stays
			continue
		}
		out = append(out, r[i])
	}
	return string(out)
}
