package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows a bar for a build on a terminal, but only once the build
// has taken half a second: quick builds stay quiet, slow ones show that
// something is happening.
type progress struct {
	w        io.Writer
	terminal bool
	delay    time.Duration
	start    time.Time

	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer, getenv func(string) string) *progress {
	return &progress{w: w, terminal: isTerminal(w, getenv), delay: 500 * time.Millisecond, start: time.Now()}
}

// isTerminal reports whether w is a terminal that wants decorations.
func isTerminal(w io.Writer, getenv func(string) string) bool {
	f, ok := w.(*os.File)
	if !ok || getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// step is build.Options.Progress.
func (p *progress) step(stage string, done, total int) {
	if !p.terminal {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		if time.Since(p.start) < p.delay {
			return
		}
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionEnableColorCodes(false),
			progressbar.OptionSetDescription("building"))
	}
	p.bar.Describe(stage)
	_ = p.bar.Set(done)
}

// finish clears the bar before the build's own lines are printed.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
