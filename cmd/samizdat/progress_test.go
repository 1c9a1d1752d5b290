package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		elapsed  time.Duration
		want     string // "" means nothing is drawn
	}{
		{"slow build on a terminal", true, time.Second, "write"},
		{"quick build on a terminal", true, 0, ""},
		{"not a terminal", false, time.Second, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			p := &progress{w: &out, terminal: tt.terminal, delay: 500 * time.Millisecond, start: time.Now().Add(-tt.elapsed)}
			for i, stage := range []string{"read", "epub", "pdf", "html", "write"} {
				p.step(stage, i+1, 5)
			}
			p.finish()
			if got := out.String(); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("drawn %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestBuildWithoutTerminalPrintsPlainLines(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/essay.md", essay)
	_, stdout, stderr := samizdat(t, "build", dir+"/essay.md")
	if strings.Contains(stderr, "%") || strings.Count(stdout, "\nwrote ")+1 != 3 {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
}
