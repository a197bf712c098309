package cli

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/workbook/workbooktest"
)

// TestSipdImport: a SIPD-layout budget export imports into the seed's
// programme tree with official codes; the codes show on the item pages
// and in the programme CSV; a second import of the same workbook changes
// nothing.
func TestSipdImport(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	// the example workbook in testdata/ is the one the test makes
	xlsx := filepath.Join("testdata", "sipd-contoh.xlsx")
	made := workbooktest.SIPDWorkbook(t)
	if *update {
		if err := os.WriteFile(xlsx, made, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if b, err := os.ReadFile(xlsx); err != nil || !bytes.Equal(b, made) {
		t.Fatalf("%s is missing or stale (%v): go test ./generator/cli -run Sipd -update", xlsx, err)
	}
	root := copyProject(t)
	untouched := filepath.Join(root, seedYear, "capaian.toml")
	before, _ := os.ReadFile(untouched)
	out, err := runCLI(t, "import-sipd", xlsx, "-root", root, "-report", "dinas-sosial-sidoarjo/2021")
	if err != nil {
		t.Fatalf("import-sipd: %v\n%s", err, out)
	}
	for _, want := range []string{"Ditulis: " + filepath.Join(root, seedYear, "program.toml"), "Ditulis: " + filepath.Join(root, seedYear, "anggaran.toml"),
		"Program: 1 cocok dengan yang sudah ada (1 diberi kode), 1 baru.", "Data sah."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if after, _ := os.ReadFile(untouched); string(after) != string(before) {
		t.Error("capaian.toml changed")
	}
	if entries, _ := filepath.Glob(filepath.Join(root, ".build", "impor-*")); len(entries) > 0 {
		t.Errorf("staging folders left: %v", entries)
	}
	if out, err := runCLI(t, "import-sipd", xlsx, "-root", root, "-report", "dinas-sosial-sidoarjo/2021"); err != nil || !strings.Contains(out, "Tidak ada yang berubah") {
		t.Errorf("a second import: %v\n%s", err, out)
	}
	if out, err := runCLI(t, "check", "-root", root); err != nil {
		t.Fatalf("check after the import: %v\n%s", err, out)
	}
	site := buildIn(t, root)
	for page, code := range map[string]string{
		"program/penunjang/index.html": "1.06.01",
		"program/penunjang/perencanaan-penganggaran-evaluasi/penyusunan-dokumen-perencanaan/index.html":    "1.06.01.2.01.0001",
		"program/program-uji-impor-sipd/kegiatan-uji-impor-sipd/penyediaan-data-uji-impor-sipd/index.html": "1.06.99.2.01.0001",
	} {
		if html := readPage(t, site, base+page); !strings.Contains(html, "<dd>"+code+"</dd>") {
			t.Errorf("%s does not show kode %s", page, code)
		}
	}
	csv := readPage(t, site, base+"data/program.csv")
	if !strings.Contains(csv, "sub_kegiatan,penyediaan-data-uji-impor-sipd,1.06.99.2.01.0001,Penyediaan Data Uji Impor SIPD,kegiatan-uji-impor-sipd") {
		t.Errorf("program.csv lacks the new sub kegiatan with its code:\n%s", csv)
	}
	if lra := readPage(t, site, base+"data/lra.csv"); !strings.Contains(lra, "penyediaan-data-uji-impor-sipd,Penyediaan Data Uji Impor SIPD,Rp 2.500.000,2500000") {
		t.Errorf("lra.csv lacks the new row:\n%s", lra)
	}
}

// TestSipdImportBroken: a code typed as a number, an amount that is not
// one and a sub kegiatan without its kegiatan are reported with sheet and
// cell, and data/ is left as it was; a problem only the loader finds (a
// hidden character in a name) is placed on its cell too.
func TestSipdImportBroken(t *testing.T) {
	b, want := workbooktest.BrokenSIPD(t)
	xlsx := filepath.Join(t.TempDir(), "sipd.xlsx")
	if err := os.WriteFile(xlsx, b, 0o644); err != nil {
		t.Fatal(err)
	}
	root := copyProject(t)
	before := snapshot(t, filepath.Join(root, "data"))
	out, err := runCLI(t, "import-sipd", xlsx, "-root", root, "-report", "dinas-sosial-sidoarjo/2021")
	if !errors.Is(err, errDataInvalid) {
		t.Fatalf("import-sipd of a broken workbook: %v\n%s", err, out)
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

	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	good := workbooktest.SIPDWorkbook(t)
	if err := os.WriteFile(xlsx, good, 0o644); err != nil {
		t.Fatal(err)
	}
	f.Close()
	f, err = excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("LRA", "B16", "Penyediaan Data \u202eUji"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err = runCLI(t, "import-sipd", xlsx, "-root", root, "-report", "dinas-sosial-sidoarjo/2021")
	if !errors.Is(err, errDataInvalid) || !strings.Contains(out, xlsx+`: sheet "LRA", cell B16: `) {
		t.Errorf("a hidden character: %v\n%s", err, out)
	}
	if after := snapshot(t, filepath.Join(root, "data")); !maps.Equal(before, after) {
		t.Error("a failed import changed data/")
	}
	if out, err := runCLI(t, "import-sipd", xlsx, "-root", root); !errors.Is(err, errUsage) {
		t.Errorf("without -report: %v\n%s", err, out)
	}
}
