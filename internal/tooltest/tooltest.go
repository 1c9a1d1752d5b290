// Package tooltest lets tests use external validators (epubcheck, qpdf,
// pdftotext …) without letting CI pass by skipping them: a missing tool
// skips the test on a developer's machine, but fails it when
// SAMIZDAT_REQUIRE_TOOLS=1, as .ci/run sets.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// Require returns the path of the named program, skipping or failing the
// test when it is not installed.
func Require(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("SAMIZDAT_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is required (SAMIZDAT_REQUIRE_TOOLS=1) but not installed: %v", name, err)
	}
	t.Skipf("%s not installed; set SAMIZDAT_REQUIRE_TOOLS=1 to make this a failure", name)
	return ""
}
