package importer

import (
	"fmt"
	"os"
	"path/filepath"
)

// File is one file an import writes.
type File struct {
	Path string
	Data []byte
}

// WriteAll writes every file to a temporary file beside its final name
// first, and renames them into place only when all were written, so that
// a failed import (a full disk, a folder that cannot be written) leaves
// no half-written manuscript and no file changed. Missing folders are
// made.
func WriteAll(files []File) error {
	var tmps []string
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		if info, err := os.Stat(f.Path); err == nil && info.IsDir() {
			cleanup()
			return fmt.Errorf("writing %s: a folder of that name is in the way", f.Path)
		}
		tmp, err := stage(f)
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, tmp)
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], f.Path); err != nil {
			cleanup()
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}
	return nil
}

// stage writes f's data to a new temporary file in f's folder.
func stage(f File) (name string, err error) {
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
		return "", fmt.Errorf("writing %s: %w", f.Path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), "."+filepath.Base(f.Path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", f.Path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("writing %s: %w", f.Path, err)
		}
	}()
	if _, err = tmp.Write(f.Data); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), os.Chmod(tmp.Name(), 0o644)
}
