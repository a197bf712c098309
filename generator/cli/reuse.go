package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
)

// A build keeps what Hugo and Pagefind wrote, with the key of what they
// read (hugosite.InputKey and Pagefind's arguments and version), and
// reuses it when the next build's key is the same: a rebuild of unchanged
// data skips both, and a build in parts runs them only for the parts whose
// reports (or whose shared pages) changed. The published files are hard
// links to the kept ones, so keeping them costs no disk space on the same
// file system; a kept file edited since, through the published site, is
// noticed by its modification time (keyLine).

// unit is one Hugo run and its search index: the whole site of a build in
// one go (or a shard), or one part of a build in parts.
type unit struct {
	dir   string                 // working folder: situs/ (the output) and masukan (its key)
	key   string                 // what the run reads; "" reuses and keeps nothing
	hugo  func(out string) error // Hugo into out
	index func(out string) error // Pagefind over out, nil for none
}

// wholeDir is the working folder of a build in one go (and of a shard).
func wholeDir(root string) string { return filepath.Join(root, hugosite.StageDir, "utuh") }

// unitKey is the key of a unit: Hugo's inputs (hugosite.InputKey: the
// stage, the project's mounted folders, configuration, versions), the
// pinned npm packages (Pagefind's version, and any script Hugo bundles
// from them) and Pagefind's arguments. "" when Hugo's run is measured or
// profiled.
func unitKey(o buildOptions, stage *hugosite.Stage, cfg string, pagefind []string) (string, error) {
	var configs []string
	if cfg != "" {
		configs = append(configs, cfg)
	}
	key, err := hugosite.InputKey(o.Root, o.BaseURL, stage, configs...)
	if key == "" || err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\npagefind %q\n", key, pagefind)
	lock, err := os.ReadFile(filepath.Join(o.Root, "package-lock.json"))
	if err != nil {
		return "", fmt.Errorf("package-lock.json tidak terbaca: %w", err)
	}
	h.Write(lock)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// syncUnit returns the key of a unit whose stage is stage (unitKey), and
// writes the stage for Hugo (syncStage), which counts towards Hugo's time.
func syncUnit(o buildOptions, stage *hugosite.Stage, cfg string, pagefind []string, st *buildStats) (string, error) {
	key, err := unitKey(o, stage, cfg, pagefind)
	if err != nil {
		return "", err
	}
	t := time.Now()
	defer func() { st.Hugo += time.Since(t) }()
	return key, syncStage(stage)
}

// build runs the unit into u.dir/situs, unless that folder holds the
// output of a run with the same key, then links its files into site where
// site has none yet. It tells whether the previous output was reused.
func (u unit) build(o buildOptions, site string, st *buildStats) (bool, error) {
	out := filepath.Join(u.dir, "situs")
	keyFile := filepath.Join(u.dir, "masukan")
	files, digest, _ := treeDigest(out)
	kept, _ := os.ReadFile(keyFile)
	reused := u.key != "" && !o.NoCache && string(kept) == keyLine(u.key, digest)
	if !reused {
		// the key goes first, so that an interrupted run is never reused
		if err := os.Remove(keyFile); err != nil && !os.IsNotExist(err) {
			return false, err
		}
		if err := os.RemoveAll(out); err != nil {
			return false, err
		}
		t := time.Now()
		if err := u.hugo(out); err != nil {
			return false, err
		}
		st.Hugo += time.Since(t)
		if u.index != nil {
			t = time.Now()
			if err := u.index(out); err != nil {
				return false, err
			}
			st.Search += time.Since(t)
		}
		var err error
		if files, digest, err = treeDigest(out); err != nil {
			return false, err
		}
		if u.key != "" {
			if err := os.WriteFile(keyFile, []byte(keyLine(u.key, digest)), 0o644); err != nil {
				return false, err
			}
		}
	} else {
		st.Reused++
	}
	t := time.Now()
	defer func() { st.Hugo += time.Since(t) }()
	return reused, linkFiles(out, site, files)
}

// keyLine is what a unit's key file holds: the key of the inputs and the
// digest of the output kept with it. The published files are links to the
// kept ones: a kept file edited since, through the published site, has
// another modification time or size, and the output is not reused.
func keyLine(key, digest string) string { return key + " " + digest + "\n" }

// treeDigest lists the files below dir (slash paths, in walking order) and
// digests their names, sizes and modification times: reading them all
// again (1,3 GB at 200 reports) took 4 s of an unchanged rebuild.
func treeDigest(dir string) ([]string, string, error) {
	var files []string
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		fmt.Fprintf(h, "%s %d %d\n", filepath.ToSlash(rel), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return files, hex.EncodeToString(h.Sum(nil)), err
}

// linkFiles puts each file of files below src at the same place below dst
// where dst has no file yet: a hard link, or a copy where the system cannot
// link (another file system).
func linkFiles(src, dst string, files []string) error {
	made := map[string]bool{}
	for _, f := range files {
		target := filepath.Join(dst, filepath.FromSlash(f))
		if dir := filepath.Dir(target); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if _, err := os.Lstat(target); err == nil {
			continue
		}
		from := filepath.Join(src, filepath.FromSlash(f))
		if os.Link(from, target) == nil {
			continue
		}
		if err := copyFile(from, target); err != nil {
			return err
		}
	}
	return nil
}

// copyFile copies the file from to a new file to.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}
