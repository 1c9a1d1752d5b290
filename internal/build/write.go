package build

import (
	"fmt"
	"os"
	"path/filepath"
)

// staged is an output written to a temporary file beside its final name.
type staged struct {
	tmp, final string
}

// writeAll writes every output to a temporary file in its folder first and
// renames them into place only when all were written, so that a failed
// build (a full disk, a read-only folder) leaves the previous outputs
// untouched and no partial file behind.
//
// The files are not forced to the disk (fsync) before the rename, as
// compilers and document tools do not force theirs: a build can be made
// again, byte for byte, and waiting for the disk was a tenth of a short
// book's build (2 ms of 20). What the rename guards against is a failed
// build, not a power cut.
func writeAll(files map[string][]byte, order []string) error {
	var done []staged
	cleanup := func() {
		for _, s := range done {
			os.Remove(s.tmp)
		}
	}
	// A target that cannot be replaced (a folder in its place) is found
	// before anything is renamed, so no output is replaced alone.
	for _, path := range order {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			return fmt.Errorf("writing %s: a folder of that name is in the way", path)
		}
	}
	for _, path := range order {
		tmp, err := stage(path, files[path])
		if err != nil {
			cleanup()
			return err
		}
		done = append(done, staged{tmp: tmp, final: path})
	}
	for _, s := range done {
		if err := os.Rename(s.tmp, s.final); err != nil {
			cleanup()
			return fmt.Errorf("writing %s: %w", s.final, err)
		}
	}
	return nil
}

// stage writes data to a new temporary file beside path.
func stage(path string, data []byte) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("writing %s: %w", path, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
