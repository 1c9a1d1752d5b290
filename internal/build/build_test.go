package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samizdat/internal/tooltest"
	"samizdat/render/formats"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDate(t *testing.T) {
	dir := t.TempDir()
	old, recent := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	for _, f := range []string{old, recent} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stamp := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	os.Chtimes(old, stamp.Add(-time.Hour), stamp.Add(-time.Hour))
	os.Chtimes(recent, stamp, stamp)

	tests := []struct {
		name  string
		env   map[string]string
		want  time.Time
		error string
	}{
		{"SOURCE_DATE_EPOCH", map[string]string{"SOURCE_DATE_EPOCH": "1764028800"}, time.Unix(1764028800, 0).UTC(), ""},
		{"newest input", nil, stamp, ""},
		{"bad epoch", map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, time.Time{}, `SOURCE_DATE_EPOCH="yesterday" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Date(env(tt.env), []string{old, recent})
			if tt.error != "" {
				if err == nil || !strings.Contains(err.Error(), tt.error) {
					t.Fatalf("error = %v, want %q", err, tt.error)
				}
				return
			}
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("Date = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

// TestReproducible builds the same manuscript twice into different
// folders: every output must be byte-identical.
// TestDateFromGit commits an input in a fresh repository: the build date
// is the commit's time, whatever the file's modification time says, and
// an uncommitted change falls back to the modification time.
func TestDateFromGit(t *testing.T) {
	git := tooltest.Require(t, "git")
	dir := t.TempDir()
	src := filepath.Join(dir, "essay.md")
	if err := os.WriteFile(src, []byte("# Essay\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runGit := func(args ...string) {
		cmd := exec.Command(git, append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=2020-02-03T04:05:06Z", "GIT_AUTHOR_DATE=2020-02-03T04:05:06Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	runGit("init", "-q")
	runGit("add", "essay.md")
	runGit("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x")
	got, err := Date(env(nil), []string{src})
	if want := time.Date(2020, 2, 3, 4, 5, 6, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("Date = %v, %v; want the commit time %v", got, err, want)
	}
	stamp := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.WriteFile(src, []byte("# Changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(src, stamp, stamp)
	if got, err := Date(env(nil), []string{src}); err != nil || !got.Equal(stamp) {
		t.Errorf("with an uncommitted change Date = %v, %v; want the file's time %v", got, err, stamp)
	}
}

func TestReproducible(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "essay.md")
	if err := os.WriteFile(src, []byte("---\ntitle: Twice\nauthor: A. Writer\n---\n\nSame \"bytes\" every time.[^n]\n\n[^n]: A note.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var outs [2][]Output
	for i := range outs {
		rep, err := Build(src, formats.Registry(), Options{OutDir: filepath.Join(dir, "out", string(rune('a'+i)))})
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = rep.Outputs
	}
	if len(outs[0]) != 3 {
		t.Fatalf("outputs = %+v", outs[0])
	}
	for i := range outs[0] {
		a, _ := os.ReadFile(outs[0][i].Path)
		b, _ := os.ReadFile(outs[1][i].Path)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds", outs[0][i].Format)
		}
	}
}

func TestWriteAllLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(good, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "missing-folder", "b.epub")
	err := writeAll(map[string][]byte{good: []byte("new"), bad: []byte("x")}, []string{good, bad})
	if err == nil {
		t.Fatal("writing into a missing folder should fail")
	}
	if got, _ := os.ReadFile(good); string(got) != "old" {
		t.Errorf("a.pdf = %q: a failed build replaced an output", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries after a failed write, want only a.pdf", len(entries))
	}
}
