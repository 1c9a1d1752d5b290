package lazyregexp

import (
	"sync"
	"testing"
)

func TestNew(t *testing.T) {
	tests := []struct {
		expr, in string
		want     bool
	}{
		{`^[0-9]+$`, "2026", true},
		{`^[0-9]+$`, "20x6", false},
		{`(?i)^notes?$`, "Notes", true},
		{`\p{L}+`, "ümlaut", true},
	}
	for _, tt := range tests {
		re := New(tt.expr)
		if got := re().MatchString(tt.in); got != tt.want {
			t.Errorf("New(%q)().MatchString(%q) = %v, want %v", tt.expr, tt.in, got, tt.want)
		}
		if re() != re() {
			t.Errorf("New(%q) compiled the expression twice", tt.expr)
		}
	}
}

// TestNewConcurrent checks that goroutines racing for the first call all
// get the one compiled expression (run with -race).
func TestNewConcurrent(t *testing.T) {
	re := New(`^(\d{4})-(\d{2})$`)
	var wg sync.WaitGroup
	got := make(chan any, 8)
	for range 8 {
		wg.Go(func() { got <- re() })
	}
	wg.Wait()
	close(got)
	first := re()
	for g := range got {
		if g != first {
			t.Fatal("concurrent first calls returned different expressions")
		}
	}
}

func TestNewPanicsOnFirstUse(t *testing.T) {
	re := New(`(unclosed`) // must not panic here
	defer func() {
		if recover() == nil {
			t.Error("calling New(`(unclosed`) did not panic")
		}
	}()
	re()
}
