// Package manpage writes a manual page in roff (man(7)) for each command
// of a cobra command tree: NAME, SYNOPSIS, DESCRIPTION, OPTIONS,
// EXAMPLES and SEE ALSO, from the commands' own help text and flags.
//
// It replaces cobra's doc package, which converts the help text to roff
// through a Markdown renderer (go-md2man and blackfriday): that renderer
// builds its tables when the process starts, so every samizdat run paid
// for it, though only `samizdat man` uses it. The help text is plain
// prose, and reads as it is written.
package manpage

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Header is what every page's title line carries besides the page's name.
type Header struct {
	Section string    // the manual section, "1" for commands
	Date    time.Time // the pages' date; the caller decides, never the clock
	Source  string    // the software the pages document, "samizdat"
	Manual  string    // the manual's title, "samizdat manual"
}

// Pages lists the commands that have a page: root, then each command
// under it, depth first and in name order, leaving out hidden and
// deprecated commands and help topics, as cobra's help does.
func Pages(root *cobra.Command) []*cobra.Command {
	pages := []*cobra.Command{root}
	for _, c := range children(root) {
		pages = append(pages, Pages(c)...)
	}
	return pages
}

// Name is the name of cmd's page: its command path with dashes for
// spaces, "samizdat-build". The page's file is Name + "." + section.
func Name(cmd *cobra.Command) string {
	return strings.ReplaceAll(cmd.CommandPath(), " ", "-")
}

// Write writes cmd's page to w. It adds cobra's default --help flag to
// cmd, as cobra does before it prints help, so that every page lists it
// whichever command is running.
func Write(w io.Writer, cmd *cobra.Command, h Header) error {
	cmd.InitDefaultHelpFlag()
	var b bytes.Buffer
	name := Name(cmd)
	fmt.Fprintf(&b, ".\\\" The help text of %s, as a manual page.\n", cmd.CommandPath())
	fmt.Fprintf(&b, ".TH %s %s %s %s %s\n", quote(strings.ToUpper(name)), quote(h.Section),
		quote(h.Date.Format("2006-01-02")), quote(h.Source), quote(h.Manual))
	b.WriteString(".nh\n.ad l\n")

	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "%s \\- %s\n", escape(name), escape(cmd.Short))

	b.WriteString(".SH SYNOPSIS\n")
	path := cmd.CommandPath()
	fmt.Fprintf(&b, "\\fB%s\\fR%s\n", escape(path), escape(strings.TrimPrefix(cmd.UseLine(), path)))

	b.WriteString(".SH DESCRIPTION\n")
	writeText(&b, cmp.Or(cmd.Long, cmd.Short))

	writeFlags(&b, "OPTIONS", cmd.NonInheritedFlags())
	writeFlags(&b, "GLOBAL OPTIONS", cmd.InheritedFlags())

	if cmd.Example != "" {
		b.WriteString(".SH EXAMPLES\n")
		writeExample(&b, strings.Split(strings.Trim(cmd.Example, "\n"), "\n"))
	}

	var related []string
	if cmd.HasParent() {
		related = append(related, Name(cmd.Parent()))
	}
	for _, c := range children(cmd) {
		related = append(related, Name(c))
	}
	if len(related) > 0 {
		b.WriteString(".SH SEE ALSO\n")
		for i, r := range related {
			sep := ",\n"
			if i == len(related)-1 {
				sep = "\n"
			}
			fmt.Fprintf(&b, "\\fB%s\\fR(%s)%s", escape(r), escape(h.Section), sep)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// children are the commands under cmd that have pages, in name order.
func children(cmd *cobra.Command) []*cobra.Command {
	var cs []*cobra.Command
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() && !c.IsAdditionalHelpTopicCommand() {
			cs = append(cs, c)
		}
	}
	slices.SortFunc(cs, func(a, b *cobra.Command) int { return strings.Compare(a.Name(), b.Name()) })
	return cs
}

// writeFlags lists flags under the heading, one tagged paragraph each,
// in the form cobra's help prints them: "-o, --output string", then the
// usage and the default when it is not the type's zero value.
func writeFlags(b *bytes.Buffer, heading string, flags *pflag.FlagSet) {
	if !flags.HasAvailableFlags() {
		return
	}
	b.WriteString(".SH " + heading + "\n")
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		b.WriteString(".TP\n")
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			fmt.Fprintf(b, "\\fB%s\\fR, ", escape("-"+f.Shorthand))
		}
		fmt.Fprintf(b, "\\fB%s\\fR", escape("--"+f.Name))
		arg, usage := pflag.UnquoteUsage(f)
		if arg != "" {
			fmt.Fprintf(b, " \\fI%s\\fR", escape(arg))
		}
		b.WriteString("\n")
		if def, ok := shownDefault(f); ok {
			usage += " (default " + def + ")"
		}
		b.WriteString(textLine(usage) + "\n")
	})
}

// shownDefault is a flag's default as cobra's help shows it: quoted for
// strings, and not at all when it is the zero value of the flag's type.
func shownDefault(f *pflag.Flag) (string, bool) {
	switch f.Value.Type() {
	case "string":
		return fmt.Sprintf("%q", f.DefValue), f.DefValue != ""
	case "duration":
		return f.DefValue, f.DefValue != "0s" && f.DefValue != "0"
	case "stringSlice", "stringArray", "intSlice", "uintSlice", "boolSlice":
		return f.DefValue, f.DefValue != "[]"
	}
	switch f.DefValue {
	case "", "false", "0", "<nil>":
		return "", false
	}
	return f.DefValue, true
}

// writeText sets help text as roff. Blank lines part paragraphs; a
// paragraph whose every line is indented is an example, set as written;
// a paragraph that is one line of "#"s and a title (cobra's completion
// help has "#### Linux:") is a subheading. Everything else is prose.
func writeText(b *bytes.Buffer, text string) {
	for para := range strings.SplitSeq(strings.TrimSpace(text), "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		lines := strings.Split(strings.Trim(para, "\n"), "\n")
		switch {
		case len(lines) == 1 && strings.HasPrefix(lines[0], "#"):
			b.WriteString(".SS " + escape(strings.TrimSpace(strings.TrimLeft(lines[0], "#"))) + "\n")
		case !slices.ContainsFunc(lines, func(l string) bool { return !indented(l) }):
			writeExample(b, lines)
		default:
			paragraph(b)
			for _, l := range lines {
				b.WriteString(textLine(strings.TrimSpace(l)) + "\n")
			}
		}
	}
}

// indented reports whether a line of help text starts with white space.
func indented(line string) bool {
	return strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
}

// writeExample sets lines in an example block, with the indentation they
// share taken off.
func writeExample(b *bytes.Buffer, lines []string) {
	margin := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " \t")); margin < 0 || n < margin {
			margin = n
		}
	}
	paragraph(b)
	b.WriteString(".EX\n")
	for _, l := range lines {
		if len(l) >= margin && margin > 0 {
			l = l[margin:]
		}
		b.WriteString(textLine(strings.ReplaceAll(l, "\t", "    ")) + "\n")
	}
	b.WriteString(".EE\n")
}

// paragraph starts a paragraph, unless a heading has just started one.
func paragraph(b *bytes.Buffer) {
	text := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	last := text[bytes.LastIndexByte(text, '\n')+1:]
	if !bytes.HasPrefix(last, []byte(".SH ")) && !bytes.HasPrefix(last, []byte(".SS ")) {
		b.WriteString(".PP\n")
	}
}

// textLine escapes one line of text, guarding a leading "." that roff
// would read as a request.
func textLine(s string) string {
	s = escape(s)
	if strings.HasPrefix(s, ".") {
		return `\&` + s
	}
	return s
}

// escape makes s print as itself: a backslash is roff's escape; "-" would
// print as a hyphen, not the minus sign options are typed with; quotes,
// "^" and "~" would print as typographic marks; and characters outside
// ASCII are named by code point, which groff and mandoc read whatever
// the encoding they take the page to be in.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\e`)
		case '-':
			b.WriteString(`\-`)
		case '\'':
			b.WriteString(`\(aq`)
		case '`':
			b.WriteString(`\(ga`)
		case '^':
			b.WriteString(`\(ha`)
		case '~':
			b.WriteString(`\(ti`)
		default:
			if r < 0x80 {
				b.WriteRune(r)
			} else {
				fmt.Fprintf(&b, `\[u%04X]`, r)
			}
		}
	}
	return b.String()
}

// quote makes s one argument of a request such as .TH.
func quote(s string) string {
	return `"` + strings.ReplaceAll(escape(s), `"`, `\(dq`) + `"`
}
