package build

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

// Date returns the build date stamped into outputs: SOURCE_DATE_EPOCH when
// set (the reproducible-builds convention), else the modification time of
// the newest input. Never the wall clock, so that rebuilding unchanged
// sources gives the same bytes.
func Date(getenv func(string) string, inputs []string) (time.Time, error) {
	if v := getenv("SOURCE_DATE_EPOCH"); v != "" {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)
		}
		return time.Unix(secs, 0).UTC(), nil
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
