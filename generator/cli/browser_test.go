package cli

import (
	"bytes"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// chromiumPath is Debian's Chromium, which .ci/run installs; the tests fail
// (never skip) without it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("Chromium not found at %s: install it (apt-get install -y chromium) or set CHROMIUM", p)
	}
	return p
}

// TestBrowser runs the checks in Chromium: those of every page type of
// the seed site (siteBrowser), the charts' legibility (chartsReadable) and
// the generic checks on the test reports (reportsBrowser). The three run
// one after another (two Chromiums at once on two cores were slower and
// made the search check flaky), while the package's other long tests,
// which build sites in Go, run beside them (t.Parallel), so that both
// cores are busy.
func TestBrowser(t *testing.T) {
	t.Parallel()
	t.Run("site", siteBrowser)
	t.Run("charts", chartsReadable)
	t.Run("reports", reportsBrowser)
}

// siteBrowser serves the built site on 127.0.0.1 and runs the browser
// checks of testdata/browser.test.mjs (axe-core, console, requests, no-JS,
// keyboard, 360 px, print to PDF) with node's test runner.
func siteBrowser(t *testing.T) {
	shots := filepath.Join(os.TempDir(), "lakip-screenshots")
	if *docsScreenshots {
		shots, _ = filepath.Abs(filepath.Join("..", "..", "docs", "screenshots"))
	}
	browserChecks(t, builtSite(t), "SHOT_DIR="+shots)
}

// docsScreenshots sends the screenshots of every page type to
// docs/screenshots/, which the README links:
// go test ./generator/cli -run 'TestBrowser$/site' -docs-screenshots
var docsScreenshots = flag.Bool("docs-screenshots", false, "write the browser test's screenshots to docs/screenshots/")

// browserChecks serves the site in out on 127.0.0.1 and runs
// testdata/browser.test.mjs against it with the extra environment given.
func browserChecks(t *testing.T, out string, env ...string) {
	browserScript(t, "browser.test.mjs", out, env...)
}

// browserScript serves the site in out on 127.0.0.1 and runs the node
// test file testdata/<script> against it in Chromium (SITE_URL and
// CHROMIUM set), with the extra environment given.
func browserScript(t *testing.T, script, out string, env ...string) {
	chromium := chromiumPath(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	cmd := exec.Command("node", "--test", "--test-reporter=spec", filepath.Join("testdata", script))
	cmd.Env = append(append(os.Environ(), "SITE_URL="+srv.URL, "CHROMIUM="+chromium), env...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	t.Log(buf.String())
	if err != nil {
		t.Fatalf("%s failed: %v", script, err)
	}
}
