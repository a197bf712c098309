package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// chartsReadable (in TestBrowser) serves the built site on 127.0.0.1 and runs
// testdata/charts.test.mjs: every text of every chart a page type shows,
// in Indonesian and in English, is at least 11 CSS px at a real 360×640
// screen and on a tablet (768×1024), no chart text is cut or
// overlaps another, and from 768 px on the charts fill their card; at
// 360×640 (mobile emulation) the interactive view of each chart kind opens
// without a console error, keeps the page from scrolling sideways, fits
// its card and writes its tooltip and axes in the page's language's
// numbers. Screenshots of the charts land in $TMPDIR/lakip-screenshots.
func chartsReadable(t *testing.T) {
	browserScript(t, "charts.test.mjs", builtSite(t), "SHOT_DIR="+filepath.Join(os.TempDir(), "lakip-screenshots"))
}
