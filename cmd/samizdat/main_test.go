package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// samizdat runs the command in-process with a fixed environment.
func samizdat(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"SOURCE_DATE_EPOCH": "1764028800"}
	code = run(args, &out, &errb, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const essay = `---
title: On Presses
author: Mara Vell
---

The "first" paragraph.[^1]

[^1]: A note.
`

func TestBuildSingleManuscript(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	code, stdout, stderr := samizdat(t, "build", filepath.Join(dir, "essay.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, ext := range []string{".epub", ".pdf", ".html"} {
		p := filepath.Join(dir, "_build", "essay"+ext)
		if info, err := os.Stat(p); err != nil || info.Size() == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
		if !strings.Contains(stdout, "essay"+ext) {
			t.Errorf("stdout does not name %s:\n%s", ext, stdout)
		}
	}
}

func TestBuildFormatsAndOutputFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	out := filepath.Join(dir, "out")
	if code, _, stderr := samizdat(t, "build", filepath.Join(dir, "essay.md"), "--format", "pdf,html", "-o", out, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "essay.html essay.pdf" {
		t.Errorf("outputs = %v, want only the PDF and HTML", names)
	}
}

func TestExitStatuses(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	writeFile(t, filepath.Join(dir, "bad.md"), "# Bad\n\nA note[^x] and <img src=\"x.png\">.\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"content error", []string{"build", filepath.Join(dir, "bad.md")}, 1, "bad.md:3:7: error: footnote reference [^x] has no definition"},
		{"all errors reported", []string{"check", filepath.Join(dir, "bad.md")}, 1, "2 errors"},
		{"unknown format", []string{"build", filepath.Join(dir, "essay.md"), "--format", "docx"}, 2, `unknown format "docx"; samizdat writes booklet, epub, html, pdf`},
		{"unknown flag", []string{"build", "--colour", filepath.Join(dir, "essay.md")}, 2, "unknown flag: --colour"},
		{"missing argument", []string{"build"}, 2, "accepts 1 arg(s), received 0"},
		{"no such path", []string{"build", filepath.Join(dir, "nope.md")}, 1, "nope.md: error: no such file or folder"},
		{"check clean", []string{"check", filepath.Join(dir, "essay.md")}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := samizdat(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}

// TestFailedBuildKeepsOutputs breaks a manuscript after a good build: the
// second build must fail without touching the first build's files or
// leaving temporary files behind.
func TestFailedBuildKeepsOutputs(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "essay.md")
	writeFile(t, src, essay)
	if code, _, stderr := samizdat(t, "build", src); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	build := filepath.Join(dir, "_build")
	before := map[string][]byte{}
	entries, _ := os.ReadDir(build)
	for _, e := range entries {
		before[e.Name()], _ = os.ReadFile(filepath.Join(build, e.Name()))
	}
	writeFile(t, src, essay+"\nBroken[^missing].\n")
	if code, _, _ := samizdat(t, "build", src); code != 1 {
		t.Fatalf("second build: exit %d, want 1", code)
	}
	entries, _ = os.ReadDir(build)
	if len(entries) != len(before) {
		t.Errorf("output folder now holds %d files, had %d", len(entries), len(before))
	}
	for _, e := range entries {
		got, _ := os.ReadFile(filepath.Join(build, e.Name()))
		if !bytes.Equal(got, before[e.Name()]) {
			t.Errorf("%s changed after a failed build", e.Name())
		}
	}
}

func TestWarningsPrinted(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "w.md"), "# W\n\nText.\n\n[^unused]: Never referenced.\n")
	code, _, stderr := samizdat(t, "check", filepath.Join(dir, "w.md"))
	if code != 0 || !strings.Contains(stderr, "w.md:5:1: warning: footnote [^unused] is defined but never referenced") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestMain lets the test binary stand in for samizdat in the builds that
// verify starts.
func TestMain(m *testing.M) {
	if os.Getenv(childMarker) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
	}
	os.Exit(m.Run())
}

func TestVerify(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	code, stdout, stderr := samizdat(t, "verify", filepath.Join(dir, "essay.md"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "verified: 3 outputs byte-identical") || strings.Count(stdout, "  essay.") != 3 {
		t.Errorf("stdout:\n%s", stdout)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("verify left files beside the manuscript: %v", entries)
	}
}

func TestBuildJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "essay.md"), essay)
	writeFile(t, filepath.Join(dir, "bad.md"), "# Bad\n\n[^x] <img src=x.png>\n")
	code, stdout, _ := samizdat(t, "build", "--json", filepath.Join(dir, "essay.md"))
	var rep struct {
		OK      bool   `json:"ok"`
		Date    string `json:"date"`
		Outputs []struct {
			Format, Path, SHA256 string
			Size                 int
		} `json:"outputs"`
		Errors []struct {
			File, Message string
			Line, Col     int
		} `json:"errors"`
		Timings []struct{ Stage string } `json:"timings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if code != 0 || !rep.OK || rep.Date != "2025-11-25T00:00:00Z" || len(rep.Outputs) != 3 || len(rep.Timings) != 4 {
		t.Fatalf("exit %d, report %+v", code, rep)
	}
	for _, o := range rep.Outputs {
		data, err := os.ReadFile(o.Path)
		sum := sha256.Sum256(data)
		if err != nil || hex.EncodeToString(sum[:]) != o.SHA256 || len(data) != o.Size {
			t.Errorf("%s: the report's size and hash do not match the file", o.Path)
		}
	}
	code, stdout, _ = samizdat(t, "build", "--json", filepath.Join(dir, "bad.md"))
	rep.Errors = nil
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if code != 1 || rep.OK || len(rep.Errors) != 2 || rep.Errors[0].Line != 3 || rep.Errors[0].Col != 1 {
		t.Errorf("exit %d, errors %+v", code, rep.Errors)
	}
}

func TestDiagnosticShowsSourceAndCaret(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "e.md"), "# E\n\nSee\tthe note[^gone] here.\n")
	_, _, stderr := samizdat(t, "check", filepath.Join(dir, "e.md"))
	want := "e.md:3:13: error: footnote reference [^gone] has no definition: add a line \"[^gone]: …\"\n" +
		"  See the note[^gone] here.\n" +
		"              ^\n"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if strings.Contains(stderr, "\x1b[") {
		t.Error("colour codes written to a stream that is not a terminal")
	}
}

func TestAllowOutside(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "shared", "intro.md"), "# Shared Introduction\n\nText.\n")
	writeFile(t, filepath.Join(root, "book", "book.yaml"), "title: T\nchapters: [../shared/intro.md]\n")
	if code, _, stderr := samizdat(t, "build", filepath.Join(root, "book"), "--format", "html"); code != 1 || !strings.Contains(stderr, "is outside the book folder") {
		t.Fatalf("without the flag: exit %d: %s", code, stderr)
	}
	if code, _, stderr := samizdat(t, "build", filepath.Join(root, "book"), "--format", "html", "--allow-outside"); code != 0 {
		t.Fatalf("with --allow-outside: exit %d: %s", code, stderr)
	}
}
