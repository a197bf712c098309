package cli

import (
	"flag"
	"os"
	"path/filepath"
)

// chartsReadable (in TestBrowser) serves the built site on 127.0.0.1 and runs
// testdata/charts.test.mjs: every text of every chart a page type shows,
// in Indonesian and in English, is at least 11 CSS px at a real 360×640
// screen and on a tablet (768×1024), no chart text is cut or
// overlaps another, and from 768 px on the charts fill their card; at
// 360×640 (mobile emulation) the interactive view of each chart kind opens
// without a console error, keeps the page from scrolling sideways, fits
// its card and writes its tooltip and axes in the page's language's
// numbers. With -chart-screenshots, a screenshot of every chart at every
// width lands in $TMPDIR/lakip-screenshots (a quarter of the script's
// time: the page screenshots of TestBrowser/site show the charts already).
func chartsReadable(out string) *browserRun {
	var env []string
	if *chartScreenshots {
		env = append(env, "SHOT_DIR="+filepath.Join(os.TempDir(), "lakip-screenshots"))
	}
	return &browserRun{name: "charts", script: "charts.test.mjs", out: out, env: env}
}

// chartScreenshots: go test ./generator/cli -run 'TestBrowser$/charts' -chart-screenshots
var chartScreenshots = flag.Bool("chart-screenshots", false, "write a screenshot of every chart at every width to $TMPDIR/lakip-screenshots")
