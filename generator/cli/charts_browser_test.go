package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestChartsReadable serves the built site on 127.0.0.1 and runs
// testdata/charts.test.mjs: every text of every chart a page type shows is
// at least 11 CSS px at a real 360×640 screen, no chart text is cut or
// overlaps another, and at 1366 px the charts fill their card. Screenshots
// of the charts land in $TMPDIR/lakip-screenshots.
func TestChartsReadable(t *testing.T) {
	browserScript(t, "charts.test.mjs", builtSite(t), "SHOT_DIR="+filepath.Join(os.TempDir(), "lakip-screenshots"))
}
