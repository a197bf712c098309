package hugosite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gohugoio/hugo/commands"
	"github.com/gohugoio/hugo/common/herrors"
)

// MetricsEnv names the environment variable that, when set (to anything),
// makes Hugo measure every template and print its template metrics on
// stderr after a successful build, with --templateMetricsHints (what
// partialCached would save) unless the value is "nohints": the hints hash
// every partial's input and output and inflate each template's time many
// times. LAKIP_HUGO_METRICS=nohints go run ./generator build, or
// bench/region.sh -m N (-mh N with the hints).
const MetricsEnv = "LAKIP_HUGO_METRICS"

// ProfileEnv names the environment variable that, when set to a file name,
// makes Hugo write a CPU profile of its build there (Hugo's hidden
// --profile-cpu flag), to read with go tool pprof:
// LAKIP_HUGO_PROFILE=/tmp/hugo.prof go run ./generator build.
const ProfileEnv = "LAKIP_HUGO_PROFILE"

// MemProfileEnv names the environment variable that, when set to a file
// name, makes Hugo write a heap profile at the end of its build there
// (Hugo's hidden --profile-mem flag): what the build still holds, to read
// with go tool pprof -sample_index=inuse_space.
const MemProfileEnv = "LAKIP_HUGO_MEMPROFILE"

// hugoMu serialises in-process Hugo runs: Hugo keeps some global state.
var hugoMu sync.Mutex

// Build runs Hugo on the project at root into dest. baseURL overrides the
// configured one when not empty. configs are configuration files Hugo reads
// after config.toml, each overriding what it sets (PartConfig).
func Build(root, dest, baseURL string, configs ...string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	args := buildArgs(root, dest, baseURL, configs)
	metrics := os.Getenv(MetricsEnv) != ""
	if metrics {
		args = append(args, "--templateMetrics")
		if os.Getenv(MetricsEnv) != "nohints" {
			args = append(args, "--templateMetricsHints")
		}
	}
	if f := os.Getenv(ProfileEnv); f != "" {
		args = append(args, "--profile-cpu", f)
	}
	if f := os.Getenv(MemProfileEnv); f != "" {
		args = append(args, "--profile-mem", f)
	}
	// Hugo logs each template error and then returns only "logged N
	// error(s)": capture what it logs, so that every message is printed.
	var logged string
	err := captureOutput(func() error { return commands.Execute(args) }, &logged)

	if err == nil {
		if metrics {
			fmt.Fprint(os.Stderr, logged)
		}
		return nil
	}
	var msgs []string
	for _, line := range strings.Split(strings.TrimSpace(logged), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "Start building") && !strings.HasPrefix(line, "Total in") && !strings.HasPrefix(line, "hugo v") {
			msgs = append(msgs, line)
		}
	}
	for _, e := range herrors.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	return fmt.Errorf("Hugo gagal membangun situs:\n%s", strings.Join(msgs, "\n"))
}

// buildArgs is Hugo's command line for Build (InputKey hashes it).
func buildArgs(root, dest, baseURL string, configs []string) []string {
	args := []string{
		"--source", root,
		"--destination", dest,
		"--cacheDir", filepath.Join(root, StageDir, "cache"),
		"--noBuildLock",
		"--logLevel", "error",
	}
	if baseURL != "" {
		args = append(args, "--baseURL", baseURL)
	}
	if len(configs) > 0 {
		args = append(args, "--config", strings.Join(append([]string{filepath.Join(root, "config.toml")}, configs...), ","))
	}
	return args
}

// captureOutput runs fn with the process's stdout and stderr sent to a
// pipe, and returns what was written there in *out. Only one Hugo runs at
// a time (hugoMu), so the swap is not raced by another build. A write end
// of the pipe that something else keeps open (a process Hugo started)
// would keep the pipe from ever ending: once fn has returned, the output
// is taken as it stands after captureGrace at most, never waited for
// without end.
func captureOutput(fn func() error, out *string) error {
	r, w, err := os.Pipe()
	if err != nil {
		return fn()
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	var (
		mu  sync.Mutex
		buf strings.Builder
	)
	done := make(chan struct{})
	go func() {
		defer close(done)
		chunk := make([]byte, 32<<10)
		for {
			n, err := r.Read(chunk)
			mu.Lock()
			buf.Write(chunk[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	runErr := fn()
	os.Stdout, os.Stderr = stdout, stderr
	_ = w.Close()
	select {
	case <-done:
	case <-time.After(captureGrace):
	}
	_ = r.Close()
	mu.Lock()
	*out = buf.String()
	mu.Unlock()
	return runErr
}

// captureGrace is how long the captured output may still arrive after Hugo
// has returned.
const captureGrace = 5 * time.Second
