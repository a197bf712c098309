package hugosite

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gohugoio/hugo/commands"
)

// Hugo's development server, run in-process on the project (serve).
//
// Hugo watches the project's mounts, the staging folder included, rebuilds
// only what a change touches and reloads the open browser pages (its
// livereload script is injected into every page). It shows a failed build
// in the browser through layouts/_server/error.html.
//
// Stopping it in-process: the server command (commands/server.go, v0.165)
// ignores the context it is given; it returns when the process receives
// SIGINT/SIGTERM (Ctrl+C stops it together with the generator) or, when the
// environment variable HUGO_TESTRUN is set, when /__stop is requested.
// StartServer sets HUGO_TESTRUN while the server runs so that Stop can ask
// for /__stop; a side effect is that anyone who can reach the server can
// stop it (it is a local preview), and that Hugo writes a ".ready" file
// into $WORK when that variable is set.
//
// Run one server per process: Hugo's livereload hub is a package variable
// and each server starts another goroutine serving it, so a second server
// in the same process may lose some reload messages (tests run one).

// ServerOptions configures StartServer.
type ServerOptions struct {
	Root string // project root (config.toml)
	Dest string // folder Hugo renders into: never the published site
	Bind string // interface to listen on, e.g. 127.0.0.1
	Port int    // port to listen on (not 0: Hugo puts the port into page URLs)
	// Line receives every line Hugo prints, in order, from one goroutine.
	Line func(string)
}

// Server is a running Hugo development server.
type Server struct {
	URL     string // http://host:port/
	stop    string // the /__stop address
	exited  chan struct{}
	err     error // set before exited is closed
	finish  sync.Once
	cleanup func()
}

// StartServer starts Hugo's server and returns once it serves the first
// build, or with the error that made it stop (a template error in the first
// build stops Hugo's server). Only one Hugo runs in the process at a time:
// the server holds the lock that Build takes until Stop.
func StartServer(o ServerOptions) (*Server, error) {
	if o.Port <= 0 {
		return nil, fmt.Errorf("port server harus ditentukan, bukan %d", o.Port)
	}
	hugoMu.Lock()
	host := o.Bind
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	hostPort := net.JoinHostPort(host, strconv.Itoa(o.Port))
	s := &Server{
		URL:    "http://" + hostPort + "/",
		stop:   "http://" + hostPort + "/__stop",
		exited: make(chan struct{}),
	}
	bind := o.Bind
	if bind == "" {
		bind = "0.0.0.0"
	}
	args := []string{
		"server",
		"--source", o.Root,
		"--destination", o.Dest,
		"--cacheDir", filepath.Join(o.Root, StageDir, "cache"),
		"--bind", bind,
		"--port", strconv.Itoa(o.Port),
		"--baseURL", "http://" + host + "/", // Hugo appends the port
		"--noBuildLock",
		"--noHTTPCache",
	}

	// Hugo binds its output to os.Stdout and os.Stderr when the command
	// starts: point them at a pipe until it has started, then put them back.
	r, w, err := os.Pipe()
	if err != nil {
		hugoMu.Unlock()
		return nil, err
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = w, w
	prevTest, hadTest := os.LookupEnv("HUGO_TESTRUN")
	_ = os.Setenv("HUGO_TESTRUN", "1")

	ready := make(chan struct{})
	lines := make(chan struct{})
	go func() {
		defer close(lines)
		var once sync.Once
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "Press Ctrl+C to stop") {
				once.Do(func() { close(ready) })
				continue
			}
			if o.Line != nil {
				o.Line(line)
			}
		}
	}()
	go func() {
		s.err = commands.Execute(args)
		close(s.exited)
	}()
	restored := false
	restore := func() {
		if !restored {
			os.Stdout, os.Stderr = stdout, stderr
			restored = true
		}
	}
	s.cleanup = func() {
		restore()
		if hadTest {
			_ = os.Setenv("HUGO_TESTRUN", prevTest)
		} else {
			_ = os.Unsetenv("HUGO_TESTRUN")
		}
		_ = w.Close()
		<-lines
		_ = r.Close()
		hugoMu.Unlock()
	}
	select {
	case <-ready:
		restore()
		return s, nil
	case <-s.exited:
		s.finish.Do(s.cleanup)
		if s.err == nil {
			s.err = errors.New("server Hugo berhenti sebelum siap")
		}
		return nil, s.err
	}
}

// Exited is closed when the server has stopped (Stop, or Ctrl+C).
func (s *Server) Exited() <-chan struct{} { return s.exited }

// Stop asks the server to stop and waits for it, at most timeout. A server
// that does not stop in time is left running (its goroutines leak) and an
// error says so.
func (s *Server) Stop(timeout time.Duration) error {
	select {
	case <-s.exited:
	default:
		client := &http.Client{Timeout: 2 * time.Second}
		if resp, err := client.Get(s.stop); err == nil {
			resp.Body.Close()
		}
		select {
		case <-s.exited:
		case <-time.After(timeout):
			return fmt.Errorf("server Hugo tidak berhenti dalam %v", timeout)
		}
	}
	s.finish.Do(s.cleanup)
	return s.err
}

// With returns a copy of the stage with one more file.
func (s *Stage) With(path string, data []byte) *Stage {
	c := NewStage(s.Dir)
	for p, b := range s.files {
		c.files[p] = b
	}
	c.files[path] = data
	return c
}
