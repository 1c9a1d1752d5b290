package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// Date returns the build date stamped into outputs, never the wall clock,
// so that rebuilding unchanged sources gives the same bytes: the
// SOURCE_DATE_EPOCH environment variable when set (the reproducible-builds
// convention), else the time of the newest git commit that touched the
// inputs when they are in a git checkout with no uncommitted changes to
// them, else the modification time of the newest input.
func Date(getenv func(string) string, inputs []string) (time.Time, error) {
	if v := getenv("SOURCE_DATE_EPOCH"); v != "" {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	if t, ok := commitDate(inputs); ok {
		return t, nil
	}
	var newest time.Time
	for _, f := range inputs {
		info, err := os.Stat(f)
		if err != nil {
			return time.Time{}, fmt.Errorf("build date: %w", err)
		}
		if t := info.ModTime(); t.After(newest) {
			newest = t
		}
	}
	return newest.UTC().Truncate(time.Second), nil
}

// commitDate asks git for the newest commit touching the inputs. It gives
// up (false) when git is missing, the inputs are not all in one checkout,
// or any input has uncommitted changes — then the commit time would not
// describe what is being built.
func commitDate(inputs []string) (time.Time, bool) {
	if len(inputs) == 0 {
		return time.Time{}, false
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return time.Time{}, false
	}
	dir := filepath.Dir(inputs[0])
	args := append([]string{"-C", dir, "status", "--porcelain", "--untracked-files=all", "--"}, inputs...)
	status, err := exec.Command(git, args...).Output()
	if err != nil || len(bytes.TrimSpace(status)) > 0 {
		return time.Time{}, false
	}
	args = append([]string{"-C", dir, "log", "-1", "--format=%ct", "--"}, inputs...)
	out, err := exec.Command(git, args...).Output()
	if err != nil {
		return time.Time{}, false
	}
	secs, err := strconv.ParseInt(string(bytes.TrimSpace(out)), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(secs, 0).UTC(), true
}
