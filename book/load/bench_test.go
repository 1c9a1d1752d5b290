package load

import (
	"testing"

	"samizdat/internal/benchbook"
)

// BenchmarkLoad loads the generated book of 250 pages bench/run builds
// (internal/benchbook): reading, parsing and the transforms (typography
// above all) that every build waits for.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	if err := benchbook.Write(dir, 250); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}
