package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/rhysd/actionlint"
	"gopkg.in/yaml.v3"
)

// buildCommand is the README's build command; every publishing pipeline
// must run it, so that what staff see locally is what goes online.
const buildCommand = "go run ./generator build"

func TestReadmeNamesTheBuildCommand(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{buildCommand, "go run ./generator serve", "go test ./...", "## Publish your agency's report"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("README lacks %q", want)
		}
	}
	ci, _ := os.ReadFile(filepath.Join(repoRoot, ".ci", "run"))
	if !strings.Contains(string(ci), "\ngo test ./...\n") {
		t.Error(".ci/run does not run the README's test command")
	}
}

// TestGitHubWorkflow lints the GitHub Pages workflow with actionlint.
func TestGitHubWorkflow(t *testing.T) {
	path := filepath.Join(repoRoot, ".github", "workflows", "pages.yml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint(path, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e.Error())
	}
	s := string(src)
	for _, want := range []string{buildCommand, "actions/upload-pages-artifact", "actions/deploy-pages", "path: public"} {
		if !strings.Contains(s, want) {
			t.Errorf("workflow lacks %q", want)
		}
	}
}

func TestGitLabPipeline(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot, ".gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var ci map[string]struct {
		Stage     string   `yaml:"stage"`
		Image     string   `yaml:"image"`
		Script    []string `yaml:"script"`
		Artifacts struct {
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
	}
	if err := yaml.Unmarshal(src, &ci); err != nil {
		t.Fatalf(".gitlab-ci.yml: %v", err)
	}
	pages, ok := ci["pages"]
	if !ok {
		t.Fatal("no pages job (GitLab Pages publishes the job named pages)")
	}
	if pages.Image == "" || len(pages.Artifacts.Paths) != 1 || pages.Artifacts.Paths[0] != "public" {
		t.Errorf("pages job: image %q, artifacts %v", pages.Image, pages.Artifacts.Paths)
	}
	if !strings.Contains(strings.Join(pages.Script, "\n"), buildCommand) {
		t.Errorf("pages job does not run %q: %v", buildCommand, pages.Script)
	}
}

func TestNetlifyConfig(t *testing.T) {
	var cfg struct {
		Build struct {
			Command     string            `toml:"command"`
			Publish     string            `toml:"publish"`
			Environment map[string]string `toml:"environment"`
		} `toml:"build"`
	}
	md, err := toml.DecodeFile(filepath.Join(repoRoot, "netlify.toml"), &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf("unknown keys %v", u)
	}
	if !strings.HasPrefix(cfg.Build.Command, buildCommand) || cfg.Build.Publish != "public" || cfg.Build.Environment["GO_VERSION"] == "" || cfg.Build.Environment["NODE_VERSION"] == "" {
		t.Errorf("netlify.toml: %+v", cfg.Build)
	}
}
