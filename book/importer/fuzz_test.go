package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzImport feeds the importer arbitrary bytes in both forms: it must
// never panic, and whatever it accepts must read back through samizdat's
// Markdown reader (Import says "does not read back" otherwise), unless
// the input passes the reader's limits on paragraph size and nesting.
func FuzzImport(f *testing.F) {
	for _, pattern := range []string{"text/*.txt", "html/*.html"} {
		files, _ := filepath.Glob(filepath.Join("testdata", pattern))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data, false)
			}
		}
	}
	f.Add([]byte("T\n\n\"a\n\n\"b\"\n\nH\n\nx"), false)
	f.Add([]byte("<p>x</p>"), true)
	f.Fuzz(func(t *testing.T, data []byte, html bool) {
		format := FormatText
		if html {
			format = FormatHTML
		}
		_, err := Import("fuzz", data, Options{Format: format})
		if err != nil && strings.Contains(err.Error(), "does not read back") &&
			!strings.Contains(err.Error(), "a paragraph of") && !strings.Contains(err.Error(), "nested more than") {
			t.Fatalf("%v\ninput: %q", err, data)
		}
	})
}

// TestLongInputsStayLinear escapes lines of a megabyte full of the
// characters the escaper looks around, and imports a very long date: a
// quadratic pass would not finish.
func TestLongInputsStayLinear(t *testing.T) {
	lines := map[string]string{
		"brackets": strings.Repeat("[a", 250_000) + strings.Repeat("]", 250_000),
		"links":    strings.Repeat("[a](b) ", 150_000),
		"entities": strings.Repeat("&amp;x ", 150_000),
		"at signs": strings.Repeat(" @k", 300_000),
		"quotes":   `"` + strings.Repeat(`a "b" `, 150_000) + `c"`,
	}
	done := make(chan error)
	for name, line := range lines {
		go func() {
			if out := escapeLine(line); len(out) < len(line) {
				done <- fmt.Errorf("%s: the escaped line is shorter than the line", name)
			}
			done <- nil
		}()
	}
	go func() {
		_, err := Import("date.txt", []byte("Title\n\nDate: 1 "+strings.Repeat("1:", 200_000)+"\n\nText.\n"), Options{})
		if err == nil || !strings.Contains(err.Error(), "date.txt:3:7: cannot read the date") || !strings.Contains(err.Error(), "too long for a date") {
			done <- fmt.Errorf("want an error saying the date is too long, got %v", err)
		}
		done <- nil
	}()
	timeout := time.After(90 * time.Second)
	for range len(lines) + 1 {
		select {
		case err := <-done:
			if err != nil {
				t.Error(err)
			}
		case <-timeout:
			t.Fatal("escaping long lines took over 90 seconds")
		}
	}
}

// TestHugeParagraph refuses a paragraph too long for a manuscript at its
// line in the article, rather than writing a manuscript build rejects.
func TestHugeParagraph(t *testing.T) {
	src := "Title\n\nFirst.\n\n" + strings.Repeat("word ", 300_000) + "\n"
	_, err := Import("huge.txt", []byte(src), Options{})
	if err == nil || !strings.Contains(err.Error(), "huge.txt:5: a paragraph of 1.4 MB") {
		t.Errorf("error = %v", err)
	}
}
