// Package workbooktest makes broken workbooks for the tests of the
// spreadsheet import (generator/workbook and the command line).
package workbooktest

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/workbook"
)

// The layout Export writes: the hidden key row and the first data row.
const (
	keyRow    = 2
	firstData = 4
)

// BrokenWorkbook is the workbook of r with three broken cells on two
// sheets, for the tests of this package and of the command line: a year
// that is not a number (Laporan), a figure typed as a number and an
// indicator row above the first table (Capaian). It returns the workbook
// and the beginnings of the three problems Import must report.
func BrokenWorkbook(t testing.TB, r *report.Report) ([]byte, []string) {
	t.Helper()
	b, err := workbook.Export(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	year := ""
	keys, _ := f.GetCols("Laporan")
	for i, k := range keys[0] {
		if k == "laporan.tahun" {
			year = fmt.Sprintf("C%d", i+1)
		}
	}
	if year == "" {
		t.Fatal("no laporan.tahun in Laporan")
	}
	col := func(key string) string {
		rows, _ := f.GetRows("Capaian")
		for i, k := range rows[keyRow-1] {
			if k == key {
				name, _ := excelize.ColumnNumberToName(i + 1)
				return name
			}
		}
		t.Fatalf("no column %s", key)
		return ""
	}
	ind, capaian := col("baris.indikator"), col("baris.capaian")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr("Laporan", year, "dua ribu"))
	must(f.InsertRows("Capaian", firstData, 1))
	must(f.SetCellStr("Capaian", fmt.Sprintf("%s%d", ind, firstData), "Indikator tanpa tabel"))
	must(f.SetCellFloat("Capaian", fmt.Sprintf("%s%d", capaian, firstData+2), 97.85, -1, 64))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), []string{
		fmt.Sprintf(`sheet "Laporan", cell %s: "dua ribu" bukan bilangan bulat`, year),
		fmt.Sprintf(`sheet "Capaian", cell %s%d: baris ini melanjutkan tabel`, ind, firstData),
		fmt.Sprintf(`sheet "Capaian", cell %s%d: "97.85" tersimpan sebagai angka, bukan teks`, capaian, firstData+2),
	}
}
