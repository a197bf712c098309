package hugosite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// PartsDir holds the working folders of a build split into parts (build
// -bagian N): one per part, each with its own stage, so that a warm
// rebuild writes only what changed in every part.
const PartsDir = "bagian"

// PartDir is the working folder of part n (1, 2, …) below the project root.
func PartDir(root string, n int) string {
	return filepath.Join(root, StageDir, PartsDir, strconv.Itoa(n))
}

// PartConfig writes into dir a Hugo configuration file that mounts dir/gen
// wherever config.toml mounts the stage (.build/gen), and returns its path.
// Hugo reads it after config.toml (Build's configs), and its module.mounts
// replace config.toml's, so that Hugo builds the part from its own stage.
func PartConfig(root, dir string) (string, error) {
	var cfg struct {
		Module struct {
			Mounts []map[string]any `toml:"mounts"`
		} `toml:"module"`
	}
	if _, err := toml.DecodeFile(filepath.Join(root, "config.toml"), &cfg); err != nil {
		return "", fmt.Errorf("config.toml: %w", err)
	}
	gen := StageDir + "/" + GenDir
	found := false
	for _, m := range cfg.Module.Mounts {
		src, _ := m["source"].(string)
		if src == gen || strings.HasPrefix(src, gen+"/") {
			m["source"] = filepath.ToSlash(filepath.Join(dir, GenDir)) + strings.TrimPrefix(src, gen)
			found = true
		}
	}
	if !found {
		return "", fmt.Errorf("config.toml: tidak ada module.mounts dari %s: bagian-bagian build tidak dapat dipasang", gen)
	}
	var b bytes.Buffer
	b.WriteString("# Written by build -bagian: the mounts of config.toml, from this part's stage.\n")
	if err := toml.NewEncoder(&b).Encode(cfg); err != nil {
		return "", err
	}
	file := filepath.Join(dir, "hugo-bagian.toml")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return file, os.WriteFile(file, b.Bytes(), 0o644)
}
