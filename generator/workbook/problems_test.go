package workbook_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/workbook"
	"github.com/sakip-terbuka/lakip/generator/workbook/workbooktest"
)

func seedReport(t *testing.T) *report.Report {
	t.Helper()
	reports, err := tomldata.Load(os.DirFS("../../data"), "data")
	if err != nil || len(reports) == 0 {
		t.Fatalf("seed: %v", err)
	}
	return reports[0]
}

// TestImportProblems: three broken cells on two sheets are all reported
// with sheet and cell; the files read so far come back only to be loaded
// for the loader's problems (the command line never writes them).
func TestImportProblems(t *testing.T) {
	b, want := workbooktest.BrokenWorkbook(t, seedReport(t))
	im, err := workbook.Import("laporan.xlsx", b)
	var ps workbook.Problems
	if !errors.As(err, &ps) || im == nil {
		t.Fatalf("want problems, got %v", err)
	}
	text := ps.Error()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("problems lack %q:\n%s", w, text)
		}
	}
	if len(ps) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(ps), text)
	}
}
