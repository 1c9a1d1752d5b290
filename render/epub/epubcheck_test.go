package epub

import (
	"os"
	"path/filepath"
	"testing"

	"samizdat/internal/tooltest"
)

// runEpubcheck validates data and fails the test on any fatal error,
// error or warning, listing every message.
func runEpubcheck(t *testing.T, name string, data []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name+".epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	tooltest.EPUBCheck(t, file)
}
