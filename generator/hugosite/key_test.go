package hugosite

import (
	"os"
	"path/filepath"
	"testing"
)

// TestInputKey: the key of a Hugo build changes with every kind of input
// Hugo reads (a layout, an interface string, the configuration, a part's
// configuration, a staged file, the base URL, Hugo's environment) and with
// nothing else: a file Hugo does not mount leaves it as it was.
func TestInputKey(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", "title = \"a\"\n[module]\n[[module.mounts]]\nsource = \"layouts\"\ntarget = \"layouts\"\n[[module.mounts]]\nsource = \"i18n\"\ntarget = \"i18n\"\n[[module.mounts]]\nsource = \".build/gen/content\"\ntarget = \"content\"\n")
	write("layouts/baseof.html", "<html>")
	write("i18n/id.toml", "a = \"b\"\n")
	write("part.toml", "[module]\n[[module.mounts]]\nsource = \"layouts\"\ntarget = \"layouts\"\n")
	stage := NewStage(filepath.Join(root, StageDir, GenDir))
	stage.Add("content/a.md", []byte("{}"))
	key := func(baseURL string, configs ...string) string {
		t.Helper()
		k, err := InputKey(root, baseURL, stage, configs...)
		if err != nil || len(k) != 64 {
			t.Fatalf("InputKey: %q, %v", k, err)
		}
		return k
	}
	base := key("")
	if key("") != base {
		t.Fatal("the same inputs give another key")
	}
	// what Hugo does not read: the data (reaching Hugo through the stage
	// only), the stage's files on disk (hashed as recorded), the README
	write("data/a/laporan.toml", "x = 1")
	write(".build/gen/content/b.md", "{}")
	write("README.md", "x")
	if key("") != base {
		t.Error("a file Hugo does not read changed the key")
	}
	changes := []struct {
		name   string
		change func() string
	}{
		{"a layout", func() string { write("layouts/baseof.html", "<html lang>"); return key("") }},
		{"a new layout", func() string { write("layouts/home.html", "x"); return key("") }},
		{"an interface string", func() string { write("i18n/id.toml", "a = \"c\"\n"); return key("") }},
		{"config.toml", func() string { write("config.toml", "title = \"b\"\n"); return key("") }},
		{"a staged file", func() string { stage.Add("content/a.md", []byte(`{"x":1}`)); return key("") }},
		{"a new staged file", func() string { stage.Add("content/c.md", []byte(`{}`)); return key("") }},
		{"the base URL", func() string { return key("https://contoh.go.id/") }},
		{"a part's configuration", func() string { return key("", filepath.Join(root, "part.toml")) }},
		{"Hugo's environment", func() string { t.Setenv("HUGO_PARAMS_X", "1"); return key("") }},
	}
	seen := map[string]string{base: "nothing"}
	for _, c := range changes {
		k := c.change()
		if prev, ok := seen[k]; ok {
			t.Errorf("after changing %s the key is that of %s", c.name, prev)
		}
		seen[k] = c.name
	}
	// a run that measures or profiles Hugo reuses nothing
	t.Setenv(MetricsEnv, "1")
	if k, err := InputKey(root, "", stage); k != "" || err != nil {
		t.Errorf("with %s set: key %q, %v; want none", MetricsEnv, k, err)
	}
}
