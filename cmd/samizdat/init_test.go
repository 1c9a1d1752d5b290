package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/internal/tooltest"
)

// TestInitTemplatesBuild starts a book from each template and builds it:
// every template must give a book that builds with no error and an EPUB
// that EPUBCheck passes.
func TestInitTemplatesBuild(t *testing.T) {
	for _, kind := range []string{"pamphlet", "book", "collection"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "my-"+kind)
			code, stdout, stderr := samizdat(t, "init", dir, "--template", kind)
			if code != 0 {
				t.Fatalf("init: exit %d: %s", code, stderr)
			}
			for _, f := range []string{"book.yaml", "sources.yaml", ".gitignore", ".github/workflows/samizdat.yml", "chapters/01-first-chapter.md"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil || !strings.Contains(stdout, f) {
					t.Errorf("init did not write %s", f)
				}
			}
			code, _, stderr = samizdat(t, "build", dir)
			if code != 0 {
				t.Fatalf("build of the new book: exit %d: %s", code, stderr)
			}
			tooltest.EPUBCheck(t, filepath.Join(dir, "_build", "my-"+kind+".epub"))
			// A pamphlet is made to be folded: its booklet is built too.
			_, err := os.Stat(filepath.Join(dir, "_build", "my-"+kind+"-booklet.pdf"))
			if booklet := err == nil; booklet != (kind == "pamphlet") {
				t.Errorf("booklet written: %v, want it for the pamphlet only", booklet)
			}
			yaml, _ := os.ReadFile(filepath.Join(dir, "book.yaml"))
			for _, key := range []string{"title:", "author:", "lang:", "notes:", "placement:", "page-size:", "embed-fonts:", "front-matter:", "back-matter:", "bibliography:", "slug:", "formats:", "citations:", "recto-chapters:", "hyphenation:", "extra:", "series:", "margins:", "impose:", "page-list:", "editions:"} {
				if !strings.Contains(string(yaml), key) {
					t.Errorf("book.yaml lacks %s", key)
				}
			}
		})
	}
}

func TestInitRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "notes.md"), "mine")
	code, _, stderr := samizdat(t, "init", dir)
	if code != 1 || !strings.Contains(stderr, "already exists and is not empty") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "notes.md")); string(got) != "mine" {
		t.Error("init touched an existing file")
	}
}

func TestInitUnknownTemplate(t *testing.T) {
	code, _, stderr := samizdat(t, "init", filepath.Join(t.TempDir(), "x"), "--template", "novel")
	if code != 2 || !strings.Contains(stderr, `unknown template "novel"; use one of pamphlet, book, collection`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

func TestCompletions(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, stdout, stderr := samizdat(t, "completion", shell)
		if code != 0 || !strings.Contains(stdout, "samizdat") || len(stdout) < 500 {
			t.Errorf("completion %s: exit %d, %d bytes: %s", shell, code, len(stdout), stderr)
		}
	}
}
