package build

import (
	"slices"
	"testing"

	"samizdat/render/formats"
)

func TestStartOrderPutsThePrintFilesFirst(t *testing.T) {
	reg := formats.Registry()
	var jobs []job
	for _, name := range []string{"epub", "html", "pdf", "epub", "booklet", "pdf"} {
		r, ok := reg.Lookup(name)
		if !ok {
			t.Fatalf("no %s renderer", name)
		}
		jobs = append(jobs, job{ed: &edition{}, r: r})
	}
	// The print files in job order, then the rest in job order.
	if got, want := startOrder(jobs), []int{2, 4, 5, 0, 1, 3}; !slices.Equal(got, want) {
		t.Errorf("start order %v, want %v", got, want)
	}
}
