package book

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct {
		in       string
		ascii    bool
		fallback string
		want     string
	}{
		{"The Free Press", false, "x", "the-free-press"},
		{"1917: A Year!", false, "x", "a-year"},
		{"Ελευθερία & Freedom", false, "x", "ελευθερία-freedom"},
		{"Ελευθερία & Freedom", true, "x", "freedom"},
		{"Свобода", true, "chapter-3", "chapter-3"},
		{"  A  --  B ", false, "x", "a-b"},
		{"v1.2_beta", false, "x", "v1.2_beta"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in, tt.ascii, tt.fallback); got != tt.want {
			t.Errorf("Slug(%q, %v) = %q, want %q", tt.in, tt.ascii, got, tt.want)
		}
	}
}

func TestIDsUnique(t *testing.T) {
	ids := NewIDs()
	if !ids.Claim("intro") || ids.Claim("intro") {
		t.Fatal("Claim should take a free id once")
	}
	for _, want := range []string{"intro-1", "intro-2"} {
		if got := ids.Unique("intro"); got != want {
			t.Errorf("Unique = %q, want %q", got, want)
		}
	}
	if got := ids.Unique("notes"); got != "notes" {
		t.Errorf("Unique(free) = %q", got)
	}
}
