package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestChartsReadable serves the built site on 127.0.0.1 and runs
// testdata/charts.test.mjs: every text of every chart a page type shows is
// at least 11 CSS px at a real 360×640 screen, no chart text is cut or
// overlaps another, and at 1366 px the charts fill their card. Screenshots
// of the charts land in $TMPDIR/lakip-screenshots.
func TestChartsReadable(t *testing.T) {
	chromium := chromiumPath(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(builtSite(t))))
	defer srv.Close()
	cmd := exec.Command("node", "--test", "--test-reporter=spec", filepath.Join("testdata", "charts.test.mjs"))
	cmd.Env = append(os.Environ(), "SITE_URL="+srv.URL, "CHROMIUM="+chromium, "SHOT_DIR="+filepath.Join(os.TempDir(), "lakip-screenshots"))
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	t.Log(buf.String())
	if err != nil {
		t.Fatalf("chart checks failed: %v", err)
	}
}
