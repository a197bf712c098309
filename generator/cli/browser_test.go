package cli

import (
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// chromiumPath is Debian's Chromium, which .ci/run installs; the tests fail
// (never skip) without it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p, err := chromiumBinary()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// chromiumBinary is chromiumPath without a test: CHROMIUM, else Debian's
// /usr/bin/chromium, or an error saying how to install it.
func chromiumBinary() (string, error) {
	p := os.Getenv("CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("Chromium not found at %s: install it (apt-get install -y chromium) or set CHROMIUM", p)
	}
	return p, nil
}

// TestBrowser runs the checks in Chromium: those of every page type of
// the seed site (siteBrowser: browser.test.mjs, its wide pass apart), the
// charts' legibility (chartsReadable) and the generic checks on the test
// reports (reportsBrowser). Each is a node script driving a Chromium of its
// own. Two run at once, in lanes of about the same length, beside the
// package's other long tests, which build sites in Go (t.Parallel): one
// Chromium at a time left the end of the run on one core. Each script's
// outcome is reported as a subtest.
func TestBrowser(t *testing.T) {
	t.Parallel()
	site, reports := builtSite(t), ""
	if subtestWanted("reports") { // the test reports' site only when checked
		reports = builtReports(t)
	}
	narrow, wide := siteBrowser(site)
	lanes := [][]*browserRun{
		{narrow, reportsBrowser(reports)},
		{chartsReadable(site), wide},
	}
	var wg sync.WaitGroup
	for _, lane := range lanes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range lane {
				if subtestWanted(r.name) {
					r.run()
				}
			}
		}()
	}
	wg.Wait()
	for _, lane := range lanes {
		for _, r := range lane {
			t.Run(r.name, func(t *testing.T) {
				t.Logf("%s (%v):\n%s", r.script, r.took.Round(time.Millisecond), r.log)
				if r.err != nil {
					t.Fatalf("%s failed: %v", r.script, r.err)
				}
			})
		}
	}
}

// subtestWanted tells whether -run selects TestBrowser's subtest name
// (-run 'TestBrowser$/site' runs only the site's script), so that a
// script the run does not report is not run either.
func subtestWanted(name string) bool {
	f := flag.Lookup("test.run")
	if f == nil {
		return true
	}
	_, sub, ok := strings.Cut(f.Value.String(), "/")
	if !ok {
		return true
	}
	sub, _, _ = strings.Cut(sub, "/")
	re, err := regexp.Compile(sub)
	return err != nil || re.MatchString(name)
}

// browserRun is one node script of TestBrowser against a built site, and
// what came of it.
type browserRun struct {
	name, script, out string
	env               []string // added to the script's environment
	log               string
	err               error
	took              time.Duration
}

// run serves the site on 127.0.0.1 and runs the script against it
// (runBrowserScript).
func (r *browserRun) run() {
	start := time.Now()
	r.log, r.err = runBrowserScript(r.script, r.out, r.env...)
	r.took = time.Since(start)
}

// siteBrowser runs the browser checks of testdata/browser.test.mjs
// (axe-core, console, requests, no-JS, keyboard, 360 px, print to PDF) on
// the seed site: its pass over every page type at 1366 px (wide) apart
// from the rest (narrow), so that the two take a lane each.
func siteBrowser(out string) (narrow, wide *browserRun) {
	shots := filepath.Join(os.TempDir(), "lakip-screenshots")
	if *docsScreenshots {
		shots, _ = filepath.Abs(filepath.Join("..", "..", "docs", "screenshots"))
	}
	return &browserRun{name: "site", script: "browser.test.mjs", out: out, env: []string{"SHOT_DIR=" + shots, "WIDE_PASS=skip"}},
		&browserRun{name: "site-wide", script: "browser.test.mjs", out: out, env: []string{"SHOT_DIR=" + shots, "WIDE_PASS=only"}}
}

// docsScreenshots sends the screenshots of every page type to
// docs/screenshots/, which the README links:
// go test ./generator/cli -run 'TestBrowser$/site' -docs-screenshots
var docsScreenshots = flag.Bool("docs-screenshots", false, "write the browser test's screenshots to docs/screenshots/")

// passed is the count of passed tests in the spec reporter's summary.
var passed = regexp.MustCompile(`(?m)^ℹ pass (\d+)$`)

// runBrowserScript serves the site in out on 127.0.0.1 and runs the node
// test file testdata/<script> against it in Chromium (SITE_URL and
// CHROMIUM set), with the extra environment given. It returns the
// script's output, and an error if it failed, ran no test, or Chromium is
// missing.
func runBrowserScript(script, out string, env ...string) (string, error) {
	chromium, err := chromiumBinary()
	if err != nil {
		return "", err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	cmd := exec.Command("node", "--test", "--test-reporter=spec", filepath.Join("testdata", script))
	cmd.Env = append(append(os.Environ(), "SITE_URL="+srv.URL, "CHROMIUM="+chromium), env...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		return buf.String(), err
	}
	// a script whose tests were all left out (WIDE_PASS, PAGES) would
	// pass with nothing checked
	if m := passed.FindStringSubmatch(buf.String()); m == nil || m[1] == "0" {
		return buf.String(), fmt.Errorf("no test of %s ran (%s)", script, strings.Join(env, " "))
	}
	return buf.String(), nil
}
