package tooltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// epubcheckReport is the part of EPUBCheck's JSON report the tests read.
type epubcheckReport struct {
	Checker struct {
		CheckerVersion string `json:"checkerVersion"`
		NFatal         int    `json:"nFatal"`
		NError         int    `json:"nError"`
		NWarning       int    `json:"nWarning"`
	} `json:"checker"`
	Messages []struct {
		ID        string `json:"ID"`
		Severity  string `json:"severity"`
		Message   string `json:"message"`
		Locations []struct {
			Path   string `json:"path"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"locations"`
	} `json:"messages"`
}

// epubcheckCommand returns the command that runs EPUBCheck. Debian installs
// it as a bare jar at /usr/bin/epubcheck, which only runs through java; a
// wrapper script runs as it is.
func epubcheckCommand(t testing.TB, args ...string) *exec.Cmd {
	t.Helper()
	path := Require(t, "epubcheck")
	head := make([]byte, 2)
	if f, err := os.Open(path); err == nil {
		_, _ = f.Read(head)
		f.Close()
	}
	if string(head) == "PK" {
		java := Require(t, "java")
		return exec.Command(java, append([]string{"-jar", path}, args...)...)
	}
	return exec.Command(path, args...)
}

// EPUBCheck validates the EPUB at path and fails the test on any fatal
// error, error or warning, listing every message.
func EPUBCheck(t testing.TB, path string) {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	cmd := epubcheckCommand(t, path, "--failonwarnings", "--json", report)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	runErr := cmd.Run()
	raw, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("epubcheck wrote no report (%v): %s", runErr, out.String())
	}
	var r epubcheckReport
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("reading epubcheck's report: %v", err)
	}
	var problems []string
	for _, m := range r.Messages {
		switch m.Severity {
		case "FATAL", "ERROR", "WARNING":
			loc := ""
			if len(m.Locations) > 0 {
				l := m.Locations[0]
				loc = fmt.Sprintf("%s:%d:%d: ", l.Path, l.Line, l.Column)
			}
			problems = append(problems, fmt.Sprintf("%s %s %s%s", m.Severity, m.ID, loc, m.Message))
		}
	}
	if len(problems) > 0 || r.Checker.NFatal+r.Checker.NError+r.Checker.NWarning > 0 || runErr != nil {
		t.Errorf("epubcheck %s on %s: %d fatal, %d errors, %d warnings (exit: %v)\n%s\n%s", r.Checker.CheckerVersion, filepath.Base(path),
			r.Checker.NFatal, r.Checker.NError, r.Checker.NWarning, runErr, strings.Join(problems, "\n"), out.String())
	}
}

// Run runs an external program and returns its standard output, failing
// the test when the program is missing (see Require) or fails.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	prog := Require(t, name)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(prog, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}
