package workbooktest

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// SIPDCodes are the codes and names of the items SIPDWorkbook adds to
// the seed report (the first programme, kegiatan and sub kegiatan match
// the seed's by name; the others are new).
var SIPDCodes = map[string]string{
	"1.06.01":           "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
	"1.06.01.2.01":      "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
	"1.06.01.2.01.0001": "Penyusunan Dokumen Perencanaan Perangkat Daerah",
	"1.06.01.2.01.0099": "Sub Kegiatan Uji Impor SIPD",
	"1.06.99":           "Program Uji Impor SIPD",
	"1.06.99.2.01":      "Kegiatan Uji Impor SIPD",
	"1.06.99.2.01.0001": "Penyediaan Data Uji Impor SIPD",
}

// SIPDWorkbook is a small SIPD-layout budget export: a title block, a
// header row (Kode, Uraian, Anggaran (Rp), Realisasi (Rp), %), a row of
// column numbers, urusan and bidang rows, a belanja account row and a
// total row to skip; codes as text, amounts as numbers and as text.
func SIPDWorkbook(t testing.TB) []byte {
	t.Helper()
	rows := [][]any{
		{"PEMERINTAH KABUPATEN CONTOH"},
		{"LAPORAN REALISASI ANGGARAN PER PROGRAM, KEGIATAN DAN SUB KEGIATAN"},
		{"Tahun Anggaran 2021"},
		{},
		{"Kode", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "%"},
		{"1", "2", "3", "4", "5"},
		{"1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", 0.0, 0.0, ""},
		{"1.06", "URUSAN PEMERINTAHAN BIDANG SOSIAL", 0.0, 0.0, ""},
		// the same amounts as the seed's LRA: the printed text stays
		{"1.06.01", SIPDCodes["1.06.01"], 7904037926.0, 7611667635.0, "96,30"},
		// the printed amounts as plain numbers: the printed text stays
		{"1.06.01.2.01", SIPDCodes["1.06.01.2.01"], 79105374.0, 78636600.0, ""},
		{"1.06.01.2.01.0001", SIPDCodes["1.06.01.2.01.0001"], "76.221.164,00", "Rp 75.910.400", ""},
		{"5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", 1000000.0, 900000.0, ""},
		{"1.06.01.2.01.0099", SIPDCodes["1.06.01.2.01.0099"], 1500000.0, 1250000.0, ""},
		{"1.06.99", SIPDCodes["1.06.99"], 2500000.0, 2000000.0, ""},
		{"1.06.99.2.01", SIPDCodes["1.06.99.2.01"], 2500000.0, 2000000.0, ""},
		{"1.06.99.2.01.0001", SIPDCodes["1.06.99.2.01.0001"], 2500000.0, 2000000.0, ""},
		{"", "JUMLAH", 7906537926.0, 7613667635.0, ""},
	}
	return SIPDFile(t, "LRA", rows, nil)
}

// SIPDPartsWorkbook is the other common layout: the code split over
// columns (Kode merged over Urusan, Bidang, Program, Kegiatan, Sub
// Kegiatan on a second header row), a name column per level, "Pagu" and
// no realisasi.
func SIPDPartsWorkbook(t testing.TB) []byte {
	t.Helper()
	rows := [][]any{
		{"RENCANA KERJA DAN ANGGARAN"},
		{"Kode", "", "", "", "", "Nama Program", "Nama Kegiatan", "Nama Sub Kegiatan", "Pagu Indikatif"},
		{"Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan"},
		{"1", "06", "02", "", "", "Program Rehabilitasi Sosial", "", "", 9684952671.0},
		{"1", "06", "02", "2.01", "", "", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", "", 9624915551.0},
		{"1", "06", "02", "2.01", "0003", "", "", "Penyediaan Permakanan", 8337485718.0},
	}
	return SIPDFile(t, "Sheet1", rows, []string{"A2:E2"})
}

// BrokenSIPD is SIPDWorkbook with three broken cells: a sub kegiatan code
// typed as a number, an amount that is not one, and a sub kegiatan whose
// kegiatan is not in the workbook. It returns the workbook and the
// beginnings of the three problems the import must report.
func BrokenSIPD(t testing.TB) ([]byte, []string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(SIPDWorkbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellFloat("LRA", "A13", 1.0601201, -1, 64)) // 1.06.01.2.01.0099 as a number
	must(f.SetCellStr("LRA", "C14", "dua setengah juta")) // the new programme's budget
	must(f.SetCellStr("LRA", "A16", "1.06.99.2.02.0001")) // a sub kegiatan of no kegiatan
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), []string{
		`sheet "LRA", cell A13: kode "1.0601201" tersimpan sebagai angka, bukan teks`,
		`sheet "LRA", cell C14: anggaran "dua setengah juta" bukan jumlah rupiah`,
		`sheet "LRA", cell A16: sub kegiatan 1.06.99.2.02.0001 tanpa kegiatan`,
	}
}

// SIPDEmptyWorkbook has a sheet of text but no SIPD header.
func SIPDEmptyWorkbook(t testing.TB) []byte {
	return SIPDFile(t, "Sheet1", [][]any{{"Catatan"}, {"Tidak ada tabel di sini"}}, nil)
}

// SIPDFile writes rows (strings as text cells, float64 as number cells)
// into a one-sheet workbook; merge lists ranges to merge ("A2:E2").
func SIPDFile(t testing.TB, sheet string, rows [][]any, merge []string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			switch x := v.(type) {
			case string:
				if x == "" {
					continue
				}
				err = f.SetCellStr(sheet, cell, x)
			case float64:
				err = f.SetCellFloat(sheet, cell, x, -1, 64)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range merge {
		from, to, _ := bytes.Cut([]byte(m), []byte(":"))
		if err := f.MergeCell(sheet, string(from), string(to)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
