package cli

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
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
// site has none yet. It returns why the unit ran (notReused), "" when
// the previous output was reused.
func (u unit) build(o buildOptions, site string, st *buildStats) (string, error) {
	out := filepath.Join(u.dir, "situs")
	keyFile := filepath.Join(u.dir, "masukan")
	files, digest, _ := treeDigest(out)
	kept, _ := os.ReadFile(keyFile)
	why := notReused(u.key, o.NoCache, string(kept), digest)
	if why != "" {
		// the key goes first, so that an interrupted run is never reused
		if err := os.Remove(keyFile); err != nil && !os.IsNotExist(err) {
			return "", err
		}
		if err := os.RemoveAll(out); err != nil {
			return "", err
		}
		t := time.Now()
		if err := u.hugo(out); err != nil {
			return "", err
		}
		st.Hugo += time.Since(t)
		if u.index != nil {
			t = time.Now()
			if err := u.index(out); err != nil {
				return "", err
			}
			st.Search += time.Since(t)
		}
		var err error
		if files, digest, err = treeDigest(out); err != nil {
			return "", err
		}
		if u.key != "" {
			if err := os.WriteFile(keyFile, []byte(keyLine(u.key, digest)), 0o644); err != nil {
				return "", err
			}
		}
	} else {
		st.Reused++
	}
	t := time.Now()
	defer func() { st.Hugo += time.Since(t) }()
	return why, linkFiles(out, site, files)
}

// notReused says why a unit whose key is key runs again, given the kept
// key file's line and the digest of the kept output; "" when it need not.
// The build log gives the reason, for staff who wonder why a build was
// slow.
func notReused(key string, noCache bool, kept, digest string) string {
	keptKey, keptDigest, _ := strings.Cut(strings.TrimSuffix(kept, "\n"), " ")
	switch {
	case key == "":
		return "Hugo diukur atau diprofilkan"
	case noCache:
		return "-nocache"
	case kept == "":
		return "belum ada hasil build sebelumnya"
	case keptKey != key:
		return "masukannya berubah"
	case keptDigest != digest:
		return "hasil yang disimpan berubah sejak build sebelumnya"
	}
	return ""
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

// A report's open data (its tables as CSV and JSON, the data package, the
// workbook, the ZIP: 13 s of CPU at 200 reports) is kept too, with a key
// of what it is made from: the generator's own code, the report's files,
// its agency's file, the interface strings of every language and
// config.toml (licence, languages).

// generatorID identifies the running generator's code, which writes the
// open data: the Go build ID of its executable (whose last part is a hash
// of the executable's content; read from the ELF note Go writes, in
// microseconds), or where there is none a digest of the whole executable
// (about 0,1 s, once per process).
var generatorID = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		// the note: name size, description size, type, "Go\x00\x00", the ID
		if sec := f.Section(".note.go.buildid"); sec != nil {
			if b, err := sec.Data(); err == nil && len(b) > 16 && bytes.Equal(b[12:16], []byte("Go\x00\x00")) {
				return "go-buildid " + string(bytes.TrimRight(b[16:], "\x00")), nil
			}
		}
	}
	file, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer file.Close()
	h := sha256.New()
	if _, err := io.Copy(h, file); err != nil {
		return "", err
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil)), nil
})

// openDataKey is the key of a report's open data (see above).
func openDataKey(root string, r *report.Report, locs []*locale.Locale) (string, error) {
	id, err := generatorID()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "generator %s\n", id)
	files := []string{
		filepath.Join(dataDir(root), r.Agency.Slug, strconv.Itoa(r.Year)),
		filepath.Join(dataDir(root), r.Agency.Slug, "instansi.toml"),
		filepath.Join(root, "config.toml"),
	}
	for _, loc := range locs {
		files = append(files, filepath.Join(root, "i18n", loc.Lang+".toml"))
	}
	for _, f := range files {
		if err := hugosite.HashTree(h, f, f); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// keptFiles is a report's open data as kept on disk (gob): the key it was
// made with, and its files by stage path.
type keptFiles struct {
	Key   string
	Files map[string][]byte
}

// keptOpenData records in stage the open data of report r: the files kept
// by a previous build when its key (openDataKey) is the same, else those
// build writes, which are then kept. The files stage already holds (the
// source document) are neither kept nor replaced.
func keptOpenData(o buildOptions, stage *hugosite.Stage, r *report.Report, locs []*locale.Locale, build func(*hugosite.Stage) error) error {
	key, err := openDataKey(o.Root, r, locs)
	if err != nil {
		return build(stage)
	}
	file := filepath.Join(o.Root, hugosite.StageDir, "cache", "terbuka", fmt.Sprintf("%s-%d", r.Agency.Slug, r.Year))
	if b, err := os.ReadFile(file); err == nil && !o.NoCache {
		var kept keptFiles
		if gob.NewDecoder(bytes.NewReader(b)).Decode(&kept) == nil && kept.Key == key {
			for p, data := range kept.Files {
				stage.Add(p, data)
			}
			return nil
		}
	}
	before := map[string]bool{}
	for _, p := range stage.Paths() {
		before[p] = true
	}
	if err := build(stage); err != nil {
		return err
	}
	kept := keptFiles{Key: key, Files: map[string][]byte{}}
	for _, p := range stage.Paths() {
		if !before[p] {
			kept.Files[p] = stage.Bytes(p)
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(kept); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp := file + ".baru"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}
