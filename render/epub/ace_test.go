package epub

import (
	"os/exec"
	"path/filepath"
	"testing"

	"samizdat/internal/tooltest"
)

// aceCheck is the shared script that runs Ace by DAISY, the EPUB
// accessibility checker, and prints its violations. It lives in the
// shared tools beside the repository (CI runs with a copy of shared/
// next to the clone); it installs Ace with npm on first use and runs it
// on Debian's chromium.
func aceCheck(t *testing.T) string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "tools", "ace-check"))
	if err != nil {
		t.Fatal(err)
	}
	for _, prog := range []string{"chromium", "node", "npm", "python3"} {
		tooltest.Require(t, prog)
	}
	// A path with a slash is looked up as it is: missing or not
	// executable skips, or fails under SAMIZDAT_REQUIRE_TOOLS=1.
	return tooltest.Require(t, script)
}

// TestAce runs Ace on the sample books, the stress book with each note
// placement and the hand-built sample with a given cover and embedded
// fonts: there must be no violation at all (Ace's "violations" are its
// failed WCAG and EPUB accessibility rules, minor ones included).
func TestAce(t *testing.T) {
	ace := aceCheck(t)
	books := append(toolBooks(t), namedBook{"full", sampleFull()})
	for _, nb := range books {
		t.Run(nb.name, func(t *testing.T) {
			path := writeEPUB(t, nb.name, nb.book)
			cmd := exec.Command(ace, path, filepath.Join(t.TempDir(), "report"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("Ace by DAISY found problems in %s (%v):\n%s", nb.name, err, out)
			}
		})
	}
}
