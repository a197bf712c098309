package hugosite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// InputKey is a digest of everything a Hugo build of the project at root
// into any folder reads, and of how Hugo is run: Hugo's and Go's versions,
// its command line but the destination, the HUGO_ environment, the
// configuration files, every file of the mounted project folders, and the
// stage's files (as recorded, not read back). Hugo's output is
// deterministic (the tests build twice and compare), so two builds with
// the same key write the same site, and a build may reuse the previous
// one's (see the build's site cache). Empty, reusing nothing, when the run
// is asked to measure or profile Hugo.
func InputKey(root, baseURL string, stage *Stage, configs ...string) (string, error) {
	for _, env := range []string{MetricsEnv, ProfileEnv, MemProfileEnv} {
		if os.Getenv(env) != "" {
			return "", nil
		}
	}
	h := sha256.New()
	field := func(name, value string) { fmt.Fprintf(h, "%s %d %s\n", name, len(value), value) }
	field("go", runtime.Version())
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/gohugoio/hugo" {
				field("hugo", dep.Version+" "+dep.Sum)
			}
		}
	}
	field("args", strings.Join(buildArgs(root, "", baseURL, configs), "\x00"))
	env := os.Environ()
	sort.Strings(env)
	for _, e := range env {
		if strings.HasPrefix(strings.ToUpper(e), "HUGO") {
			field("env", e)
		}
	}
	// the configuration: config.toml or Hugo's other names for it, a
	// config/ folder, the extra files (a part's mounts)
	for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json", "config", "themes"} {
		if err := HashTree(h, filepath.Join(root, name), name); err != nil {
			return "", err
		}
	}
	for _, c := range configs {
		if err := HashTree(h, c, c); err != nil {
			return "", err
		}
	}
	// the mounted folders, but those of the stage, whose files are hashed
	// as recorded
	mounts, err := mountSources(root, configs)
	if err != nil {
		return "", err
	}
	stageDir, _ := filepath.Abs(stage.Dir)
	for _, m := range mounts {
		dir := m
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, filepath.FromSlash(m))
		}
		if abs, _ := filepath.Abs(dir); abs == stageDir || strings.HasPrefix(abs, stageDir+string(filepath.Separator)) {
			continue
		}
		if err := HashTree(h, dir, m); err != nil {
			return "", err
		}
	}
	for _, p := range stage.Paths() {
		field("stage "+p, "")
		fmt.Fprintf(h, "%d\n", len(stage.files[p]))
		h.Write(stage.files[p])
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// mountSources are the source folders of the module mounts Hugo builds
// from: config.toml's, or those of the last extra configuration file that
// sets them (its list replaces config.toml's). Hugo's own folders when
// none is configured.
func mountSources(root string, configs []string) ([]string, error) {
	var sources []string
	for _, file := range append([]string{filepath.Join(root, "config.toml")}, configs...) {
		var cfg struct {
			Module struct {
				Mounts []struct {
					Source string `toml:"source"`
				} `toml:"mounts"`
			} `toml:"module"`
		}
		if _, err := toml.DecodeFile(file, &cfg); err != nil {
			if os.IsNotExist(err) && file == filepath.Join(root, "config.toml") {
				continue
			}
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if len(cfg.Module.Mounts) > 0 {
			sources = sources[:0]
			for _, m := range cfg.Module.Mounts {
				sources = append(sources, m.Source)
			}
		}
	}
	if len(sources) == 0 {
		sources = []string{"content", "data", "layouts", "assets", "static", "i18n", "archetypes"}
	}
	return sources, nil
}

// HashTree adds to h the name, size and content of the file at path, or
// of every file below it, in the order of their names; nothing when it
// does not exist.
func HashTree(h hash.Hash, path, name string) error {
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && p == path {
			return nil
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(path, p)
		fmt.Fprintf(h, "file %s/%s %d\n", name, filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	})
}
