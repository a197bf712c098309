package hugosite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/commands"
	"github.com/gohugoio/hugo/common/herrors"
)

// hugoMu serialises in-process Hugo runs: Hugo keeps some global state.
var hugoMu sync.Mutex

// Build runs Hugo on the project at root into dest. baseURL overrides the
// configured one when not empty.
func Build(root, dest, baseURL string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	args := []string{
		"--source", root,
		"--destination", dest,
		"--cacheDir", filepath.Join(root, StageDir, "cache"),
		"--cleanDestinationDir",
		"--noBuildLock",
		"--logLevel", "error",
		"--quiet",
	}
	if baseURL != "" {
		args = append(args, "--baseURL", baseURL)
	}
	err := commands.Execute(args)
	if err == nil {
		return nil
	}
	var msgs []string
	for _, e := range herrors.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	return fmt.Errorf("Hugo gagal membangun situs:\n%s", strings.Join(msgs, "\n"))
}

// Publish moves a finished build into place: the previous output stays
// untouched until the new one is complete, then is replaced in two renames.
func Publish(built, out string) error {
	old := out + ".lama"
	_ = os.RemoveAll(old)
	if _, err := os.Stat(out); err == nil {
		if err := os.Rename(out, old); err != nil {
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(built, out); err != nil {
		_ = os.Rename(old, out) // put the previous site back
		return err
	}
	return os.RemoveAll(old)
}
