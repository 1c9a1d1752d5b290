package hyphen

import (
	"embed"
	"io/fs"
	"testing"
)

// patternFiles are the shipped pattern files as a directory, for the
// tests that look at every file.
//
//go:embed patterns/*.tex
var patternFiles embed.FS

// TestEveryPatternFileHasATag checks that Load reaches each shipped
// pattern file, under the tag its name gives.
func TestEveryPatternFileHasATag(t *testing.T) {
	files, err := fs.Glob(patternFiles, "patterns/hyph-*.tex")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		tag := f[len("patterns/hyph-") : len(f)-len(".tex")]
		want, err := patternFiles.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := patternSource(tag); !ok || got != string(want) {
			t.Errorf("patternSource(%q) is not %s", tag, f)
		}
		if PatternTag(tag) != tag {
			t.Errorf("PatternTag(%q) = %q", tag, PatternTag(tag))
		}
	}
}
