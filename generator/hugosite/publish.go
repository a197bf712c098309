package hugosite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// Marker is the file that marks a folder as a site this tool built. A
// folder without it is never replaced or deleted.
const Marker = ".kinerja-terbuka"

const markerText = "Folder ini dibangun oleh go run ./generator build dan diganti utuh pada build berikutnya.\n"

// PrepareOutput checks that out may be replaced by a build: it does not
// exist, is empty, or carries the Marker. It also puts back a site that a
// build killed between two renames left aside (out missing, out.lama there).
func PrepareOutput(out string) error {
	old := out + ".lama"
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		if owned(old) {
			if err := os.Rename(old, out); err != nil {
				return fmt.Errorf("situs sebelumnya di %s tidak dapat dikembalikan: %w", old, err)
			}
		}
	}
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("-out %s adalah berkas, bukan folder: tidak diganti", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) == 0 || owned(out) {
		return nil
	}
	return fmt.Errorf("folder %s bukan hasil build alat ini (tidak ada berkas penanda %s): folder itu tidak dihapus; pilih folder baru atau kosong dengan -out", out, Marker)
}

// owned reports whether dir is a site this tool built.
func owned(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && info.Mode().IsRegular()
}

// NewOutput makes a fresh folder beside out for a build to write into,
// marked as this tool's.
func NewOutput(out string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(filepath.Dir(out), filepath.Base(out)+".baru-")
	if err != nil {
		return "", err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}

// Publish puts a finished build in place of out. Where the system can,
// old and new are exchanged in one atomic step, so that out is never
// missing; elsewhere two renames, and a kill between them is repaired by
// PrepareOutput on the next build. The previous site is deleted only once
// the new one is in place.
func Publish(built, out string) error {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(built, out)
	}
	if err := exchange(built, out); err == nil {
		return os.RemoveAll(built) // now holds the previous site
	}
	old := out + ".lama"
	if owned(old) {
		if err := os.RemoveAll(old); err != nil {
			return err
		}
	}
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(built, out); err != nil {
		_ = os.Rename(old, out) // put the previous site back
		return err
	}
	return os.RemoveAll(old)
}

var staleRe = regexp.MustCompile(`\.baru-[0-9]+$`)

// RemoveStale deletes build folders beside out that a killed build left
// behind (marked as this tool's, named out.baru-N).
func RemoveStale(out string) {
	matches, _ := filepath.Glob(out + ".baru-*")
	for _, m := range matches {
		if staleRe.MatchString(m) && owned(m) {
			_ = os.RemoveAll(m)
		}
	}
}
