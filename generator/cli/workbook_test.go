package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/workbook"
	"github.com/sakip-terbuka/lakip/generator/workbook/workbooktest"
)

const seedYear = "data/dinas-sosial-sidoarjo/2021"

// emptyYear is a copy of the project whose seed year folder holds only the
// source document.
func emptyYear(t *testing.T) string {
	t.Helper()
	root := copyProject(t)
	dir := filepath.Join(root, filepath.FromSlash(seedYear))
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

// TestWorkbookRoundTripSite: the seed exported with export-xlsx and
// imported with import-xlsx into an empty year folder gives data for which
// check prints the same findings, and a site identical byte for byte.
func TestWorkbookRoundTripSite(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	seedSite := builtSite(t)
	xlsx := filepath.Join(t.TempDir(), "laporan.xlsx")
	if out, err := runCLI(t, "export-xlsx", "-root", repoRoot, "-report", "dinas-sosial-sidoarjo/2021", "-o", xlsx); err != nil {
		t.Fatalf("export-xlsx: %v\n%s", err, out)
	}
	root := emptyYear(t)
	if out, err := runCLI(t, "import-xlsx", xlsx, "-root", root); err != nil {
		t.Fatalf("import-xlsx: %v\n%s", err, out)
	}
	want, err := runCLI(t, "check", "-root", repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	got, err := runCLI(t, "check", "-root", root)
	if err != nil {
		t.Fatalf("check of the imported data: %v\n%s", err, got)
	}
	if got != want {
		t.Errorf("check differs after the round trip:\n%s\nwant\n%s", got, want)
	}
	site := buildIn(t, root)
	n := 0
	err = filepath.WalkDir(seedSite, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(seedSite, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(site, rel))
		if err != nil {
			t.Errorf("%s missing after the round trip", rel)
		} else if !bytes.Equal(a, b) {
			t.Errorf("%s differs after the round trip", rel)
		}
		n++
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("compared %d files: %v", n, err)
	}
	// the workbook published on Data terbuka is the one export-xlsx writes
	pub, _ := os.ReadFile(filepath.Join(seedSite, base, "data", "dinas-sosial-sidoarjo-2021.xlsx"))
	exported, _ := os.ReadFile(xlsx)
	if len(pub) == 0 || !bytes.Equal(pub, exported) {
		t.Error("the published workbook differs from export-xlsx's")
	}
	if page := readPage(t, seedSite, base+"data-terbuka/index.html"); !strings.Contains(page, "data/dinas-sosial-sidoarjo-2021.xlsx") {
		t.Error("Data terbuka does not link the workbook")
	}
}

// TestWorkbookImportBroken: three broken cells on two sheets are reported
// with sheet and cell, all at once, and data/ is left as it was; a problem
// only the loader finds (a ref to nothing) is placed on its cell too.
func TestWorkbookImportBroken(t *testing.T) {
	b, want := workbooktest.BrokenWorkbook(t, seedReport(t))
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "laporan.xlsx")
	if err := os.WriteFile(xlsx, b, 0o644); err != nil {
		t.Fatal(err)
	}
	root := copyProject(t)
	before := snapshot(t, filepath.Join(root, "data"))
	out, err := runCLI(t, "import-xlsx", xlsx, "-root", root, "-report", "dinas-sosial-sidoarjo/2021")
	if !errors.Is(err, errDataInvalid) {
		t.Fatalf("import-xlsx of a broken workbook: %v\n%s", err, out)
	}
	for _, w := range want {
		if !strings.Contains(out, xlsx+": "+w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if n := strings.Count(out, xlsx+": sheet"); n != 3 {
		t.Errorf("%d problems, want 3:\n%s", n, out)
	}
	if after := snapshot(t, filepath.Join(root, "data")); !maps.Equal(before, after) {
		t.Error("a failed import changed data/")
	}

	// a ref to nothing: found by the loader, reported at its cell, in the
	// same run as a cell problem found while reading (a figure typed as a
	// number): every problem at once, not one stage after the other
	good, err := workbook.Export(seedReport(t))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Capaian")
	refCol, capCol := "", ""
	for i, k := range rows[1] {
		switch k {
		case "baris.ref":
			refCol, _ = excelize.ColumnNumberToName(i + 1)
		case "baris.capaian":
			capCol, _ = excelize.ColumnNumberToName(i + 1)
		}
	}
	if err := f.SetCellStr("Capaian", refCol+"5", "tidak-ada"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFloat("Capaian", capCol+"6", 97.85, -1, 64); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	out, err = runCLI(t, "import-xlsx", xlsx, "-root", root)
	if !errors.Is(err, errDataInvalid) || !strings.Contains(out, xlsx+`: sheet "Capaian", cell `+refCol+`5: ref "tidak-ada" tidak ada`) {
		t.Errorf("a bad ref: %v\n%s", err, out)
	}
	if !strings.Contains(out, xlsx+`: sheet "Capaian", cell `+capCol+`6: "97.85" tersimpan sebagai angka`) {
		t.Errorf("the number cell is not reported with the bad ref:\n%s", out)
	}
	if n := strings.Count(out, xlsx+": sheet"); n != 2 {
		t.Errorf("%d problems, want 2:\n%s", n, out)
	}
	if after := snapshot(t, filepath.Join(root, "data")); !maps.Equal(before, after) {
		t.Error("a failed import changed data/")
	}
}
