//go:build !unix

package cli

import (
	"errors"
	"io/fs"
	"os"
)

// tryLock uses a second file created exclusively: held while it exists.
func tryLock(f *os.File) (bool, error) {
	h, err := os.OpenFile(f.Name()+".pegang", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, h.Close()
}

func unlockFile(f *os.File) { _ = os.Remove(f.Name() + ".pegang") }
