// Package workbook turns a report into an Excel workbook and a workbook back
// into the report's TOML files: the spreadsheet round trip of agency staff,
// and the workbook offered on Data terbuka. It touches .xlsx files only
// (through excelize); it reads no folder and parses no command line.
//
// Every sheet has a title row, a hidden row of machine keys (the TOML keys)
// and a row of Indonesian headers; data starts below. Import matches columns
// by the key row, or by the header text when the key row is gone, so
// columns may be reordered, rows added and tables pasted.
package workbook

import (
	"strings"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// kind is what a column holds and how a cell is read.
type kind int

const (
	kText   kind = iota // free text
	kFigure             // a figure exactly as printed: text, never a number cell
	kRupiah             // an amount exactly as printed: text, never a number cell
	kCode               // an official code ("1.06.02"): text, never a number cell
	kInt                // a whole number
	kFloat              // a number
	kBool               // ya / tidak
	kEnum               // one of a closed list (a dropdown)
	kList               // several texts, one per line of the cell
)

// strict kinds must be typed as text: a number cell would have lost how the
// figure was printed.
func (k kind) strict() bool { return k == kFigure || k == kRupiah || k == kCode }

func (k kind) describe() string {
	switch k {
	case kFigure:
		return "angka tercetak (teks persis seperti di laporan)"
	case kRupiah:
		return "rupiah tercetak (teks persis seperti di laporan)"
	case kCode:
		return "kode resmi (teks)"
	case kInt:
		return "bilangan bulat"
	case kFloat:
		return "angka"
	case kBool:
		return "ya / tidak"
	case kEnum:
		return "pilihan dari daftar"
	case kList:
		return "daftar teks, satu per baris dalam sel (Alt+Enter)"
	}
	return "teks"
}

// column is one column of a sheet: a TOML key of the element of its level.
type column struct {
	key   string // TOML key; dotted for a key of a nested table ("kondisi_awal.tahun")
	label string // header as printed in the report
	kind  kind
	enum  []string
	warn  bool // the dropdown only suggests: other values are accepted
	help  string
	width float64
}

// level is one list of a sheet: level 0 is the list at the sheet's path,
// level n+1 a list inside each element of level n. A row starts a new
// element at the first level that has a filled cell; a row whose cells of
// a level are blank continues the element above (as merged cells print).
type level struct {
	key    string // list key inside the parent element (level > 0)
	name   string // what an element is, for messages ("indikator")
	cols   []column
	scalar bool // the elements are texts: the single column's cells
	// split: the elements are texts, put in the list named by the first
	// column (narasi: paragraf, butir, penutup); the second holds the text.
	split bool
	// ownRow: on export, the first element goes on its own row instead of
	// beside its parent.
	ownRow bool
}

// sheet is one table of the report as a worksheet.
type sheet struct {
	name   string   // worksheet name
	title  string   // first row
	help   string   // for Petunjuk
	path   []string // TOML path of the list of level 0
	levels []level
}

// colKey is the key of column c of level l in the sheet's key row: level
// keys are prefixed with the list keys above them, so that "uraian" of an
// indicator is "indikator.uraian".
func (s *sheet) colKey(l int, c column) string {
	var parts []string
	for i := 1; i <= l; i++ {
		if s.levels[i].key != "" && !s.levels[i].split {
			parts = append(parts, s.levels[i].key)
		}
	}
	if s.levels[l].scalar && len(parts) > 0 {
		return strings.Join(parts, ".")
	}
	return strings.Join(append(parts, c.key), ".")
}

// field is one row of the key/value sheet "Laporan".
type field struct {
	key   string // full TOML path; "instansi." for the agency file
	label string
	kind  kind
	enum  []string
	help  string
}

// Sheet names.
const (
	sheetHelp   = "Petunjuk"
	sheetReport = "Laporan"
)

// folderKey is the row of "Laporan" that says which report the workbook
// holds (agency/year); import uses it when no report is named.
const folderKey = "folder"

var (
	levels    = []string{"tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"}
	polarity  = []string{"naik", "turun"}
	yearKinds = []string{"awal", "perubahan"}
	readings  = []string{"desimal", "ribuan"}
	unitKinds = []string{"pimpinan", "sekretariat", "subbagian", "bidang", "seksi", "upt", "fungsional"}
	textParts = []string{"paragraf", "butir", "penutup"}
)

func bandSets() []string { return append(report.BandSetNames(), report.OwnBandSetID) }

// reportFields are the single values of the report, in "Laporan".
func reportFields() []field {
	return []field{
		{folderKey, "Folder data (instansi/tahun)", kText, nil, "folder laporan di data/, mis. dinas-sosial-contoh/2021; import-xlsx menulis ke sana bila -report tidak disebut"},
		{"instansi.nama", "Nama instansi", kText, nil, "nama lengkap seperti di sampul (instansi.toml, dipakai semua tahun)"},
		{"instansi.nama_singkat", "Nama singkat", kText, nil, "mis. Dinas Sosial"},
		{"instansi.pemerintah", "Pemerintah daerah", kText, nil, "mis. Kabupaten Contoh"},
		{"instansi.provinsi", "Provinsi", kText, nil, ""},
		{"instansi.alamat", "Alamat kantor", kText, nil, ""},
		{"laporan.judul", "Judul laporan", kText, nil, "judul seperti di sampul (wajib)"},
		{"laporan.tahun", "Tahun laporan", kInt, nil, "tahun yang dilaporkan, sama dengan nama folder (wajib)"},
		{"laporan.tempat_tanggal", "Tempat dan tanggal", kText, nil, "mis. Kota Contoh, Februari 2024"},
		{"laporan.sumber", "Sumber data", kText, nil, "dokumen asal data"},
		{"laporan.berkas_sumber", "Berkas sumber", kText, nil, "jalur dokumen sumber di folder tahun, mis. sumber/laporan.txt; berkas itu harus ada di sana"},
		{"laporan.tabel_utama", "Tabel utama (id)", kText, nil, "id tabel capaian yang menjadi pengukuran utama"},
		{"laporan.jumlah_indikator", "Jumlah indikator menurut laporan", kInt, nil, ""},
		{"laporan.utama.tabel", "Capaian utama: tabel (id)", kText, nil, "id tabel capaian yang memuat capaian utama"},
		{"laporan.utama.baris", "Capaian utama: baris ke-", kInt, nil, "nomor urut baris di tabel itu (mulai 1)"},
		{"laporan.utama.ref", "Capaian utama: ref", kText, nil, "atau: ref baris itu (bukan keduanya)"},
		{"laporan.utama.seri", "Capaian utama: seri (id)", kText, nil, "id seri tahunan yang digambar bersamanya"},
		{"laporan.pengaturan.rumus_turun", "Rumus indikator turun", kEnum, []string{report.FormulaTwoMinus, report.FormulaInverse}, "2-r/t (PermenPANRB 8/2021) atau t/r"},
		{"laporan.pengaturan.batas_capaian", "Batas capaian (%)", kFloat, nil, "mis. 100 atau 120; kosong atau 0 = tanpa batas"},
		{"laporan.pengaturan.kategori", "Himpunan kategori", kEnum, bandSets(), "laporan, esakip, permendagri86, atau sendiri (lembar Kategori sendiri)"},
		{"laporan.pengaturan.toleransi", "Toleransi pembulatan (poin %)", kFloat, nil, ""},
		{"laporan.pengaturan.kategori_sendiri.nama", "Kategori sendiri: nama", kText, nil, ""},
		{"laporan.pengaturan.kategori_sendiri.sumber", "Kategori sendiri: sumber", kText, nil, "di mana laporan mencetaknya"},
		{"profil.kepala.nama", "Kepala: nama", kText, nil, ""},
		{"profil.kepala.pangkat", "Kepala: pangkat", kText, nil, ""},
		{"profil.kepala.nip", "Kepala: NIP", kCode, nil, "teks, persis seperti tercetak"},
		{"profil.kepala.jabatan", "Kepala: jabatan", kText, nil, ""},
		{"profil.catatan_pegawai", "Catatan kepegawaian", kText, nil, ""},
		{"rencana.periode_rpjmd", "Periode RPJMD", kText, nil, "mis. 2016-2021"},
		{"rencana.periode_renstra", "Periode Renstra", kText, nil, ""},
		{"rkt.judul", "Judul RKT", kText, nil, ""},
		{"perjanjian.kepala.judul", "Judul PK Kepala", kText, nil, ""},
		{"perjanjian.eselon_iii.judul", "Judul PK Eselon III", kText, nil, ""},
		{"perjanjian.eselon_iv.judul", "Judul PK Eselon IV", kText, nil, ""},
		{"perjanjian.anggaran.id", "PK Anggaran: id", kText, nil, ""},
		{"perjanjian.anggaran.bagian", "PK Anggaran: bagian", kText, nil, ""},
		{"perjanjian.anggaran.judul", "PK Anggaran: judul", kText, nil, ""},
		{"perjanjian.anggaran.sumber", "PK Anggaran: sumber", kText, nil, ""},
		{"anggaran.lra.id", "LRA: id", kText, nil, ""},
		{"anggaran.lra.bagian", "LRA: bagian", kText, nil, "mis. 3.5"},
		{"anggaran.lra.judul", "LRA: judul", kText, nil, ""},
		{"anggaran.lra.sumber", "LRA: sumber", kText, nil, ""},
		{"anggaran.efisiensi.judul", "Efisiensi: judul", kText, nil, ""},
		{"anggaran.efisiensi.catatan", "Efisiensi: catatan (rumus)", kText, nil, "rumus seperti dinyatakan laporan"},
	}
}

// Columns shared by several sheets.
var (
	cNo        = column{key: "no", label: "No", help: "nomor seperti tercetak (1., a. …)", width: 6}
	cLevel     = column{key: "tingkat", label: "Tingkat", kind: kEnum, enum: levels, help: "tujuan, sasaran, program, kegiatan atau sub_kegiatan; boleh kosong bila ref diisi", width: 13}
	cUraian    = column{key: "uraian", label: "Uraian", help: "sel pertama seperti tercetak", width: 40}
	cRef       = column{key: "ref", label: "Ref (id)", help: "id program, kegiatan, sub kegiatan (lembar Program) atau tujuan, sasaran, indikator Renstra yang dimaksud baris ini", width: 22}
	cPolarity  = column{key: "polaritas", label: "Polaritas", kind: kEnum, enum: polarity, help: "naik (makin tinggi makin baik, bawaan) atau turun", width: 10}
	cNote      = column{key: "catatan", label: "Catatan", help: "catatan penyalin tentang sel yang tercetak rusak", width: 30}
	cID        = column{key: "id", label: "Id", help: "id tetap: huruf kecil, angka, tanda hubung (menjadi alamat halaman)", width: 22}
	cSection   = column{key: "bagian", label: "Bagian", help: "bagian laporan tempat tabel dicetak (3.1, Ikhtisar Eksekutif …)", width: 12}
	cTitle     = column{key: "judul", label: "Judul", help: "judul seperti tercetak", width: 30}
	cSource    = column{key: "sumber", label: "Sumber", width: 20}
	cYear      = column{key: "tahun", label: "Tahun", kind: kInt, width: 8}
	cYearKind  = column{key: "jenis", label: "Jenis target", kind: kEnum, enum: yearKinds, help: "awal atau perubahan, bila satu tahun punya keduanya", width: 11}
	cYearValue = column{key: "nilai", label: "Nilai", kind: kFigure, width: 12}
)

func fig(key, label string) column {
	return column{key: key, label: label, kind: kFigure, width: 13}
}

func rp(key, label string) column {
	return column{key: key, label: label, kind: kRupiah, help: "jumlah persis seperti tercetak, mis. Rp. 1.234.567,-; sel tercetak kosong atau - dibiarkan kosong", width: 18}
}

func txt(key, label string, width float64) column {
	return column{key: key, label: label, width: width}
}

func planSheet(name, title string, path ...string) sheet {
	return sheet{name: name, title: title, path: path,
		help: "satu baris per butir (sasaran, program, kegiatan …); indikator berikutnya dari butir yang sama di baris bawahnya dengan kolom butir dikosongkan",
		levels: []level{
			{name: "baris", cols: []column{cNo, cLevel, cUraian, cRef, rp("anggaran", "Anggaran"), txt("penanggung_jawab", "Penanggung Jawab", 20), cNote}},
			{key: "indikator", name: "indikator", cols: []column{txt("uraian", "Indikator Kinerja", 40), cPolarity, fig("target_awal", "Target Awal"), fig("target", "Target")}},
		}}
}

func budgetSheet(name, title string, path ...string) sheet {
	return sheet{name: name, title: title, path: path, help: "satu baris per program, kegiatan atau sub kegiatan",
		levels: []level{{name: "baris", cols: []column{cNo, cLevel, cUraian, cRef, rp("anggaran", "Anggaran"), rp("realisasi", "Realisasi"), fig("persen", "%"), cNote}}}}
}

func renstraSheet(name, what string) sheet {
	return sheet{name: name, title: "2.1 Matriks Renstra: " + what + " dengan indikator dan target per tahun", path: []string{"rencana", what},
		help: "satu baris per " + what + ", indikator dan target; baris lanjutan mengosongkan kolom di kirinya",
		levels: []level{
			{name: what, cols: []column{cID, {key: "uraian", label: strings.ToUpper(what[:1]) + what[1:], width: 36}}},
			{key: "indikator", name: "indikator", cols: []column{cID, {key: "uraian", label: "Indikator", width: 36}, txt("formula", "Formula", 24), txt("satuan", "Satuan", 8), cPolarity,
				{key: "kondisi_awal.tahun", label: "Kondisi Awal: Tahun", kind: kInt, width: 8}, {key: "kondisi_awal.jenis", label: "Kondisi Awal: Jenis", kind: kEnum, enum: yearKinds, width: 10}, {key: "kondisi_awal.nilai", label: "Kondisi Awal", kind: kFigure, width: 12}}},
			{key: "target", name: "target", cols: []column{{key: "tahun", label: "Tahun Target", kind: kInt, width: 8}, cYearKind, {key: "nilai", label: "Target", kind: kFigure, width: 12}}},
		}}
}

// sheets lists every table sheet, in the order of the report.
func sheets() []sheet {
	return []sheet{
		{name: "Kategori sendiri", title: "Kategori capaian laporan sendiri (bila kategori = sendiri), terbaik dahulu", path: []string{"laporan", "pengaturan", "kategori_sendiri", "pita"},
			help:   "satu baris per kategori, terbaik dahulu; kategori terakhir tanpa batas bawah",
			levels: []level{{name: "kategori", cols: []column{{key: "nama", label: "Kategori", width: 24}, {key: "dari", label: "Batas bawah (%)", kind: kFloat, width: 12}, {key: "lebih_dari", label: "Lebih dari (bukan sama dengan)", kind: kBool, width: 12}}}}},
		{name: "Dasar hukum", title: "1.2 Dasar hukum", path: []string{"profil", "dasar_hukum"}, help: "satu peraturan per baris",
			levels: []level{{name: "dasar hukum", scalar: true, cols: []column{{key: "dasar_hukum", label: "Dasar Hukum", width: 100}}}}},
		{name: "Unit", title: "1.3 Struktur organisasi: unit, tugas dan fungsi", path: []string{"profil", "unit"},
			help: "satu baris per unit; fungsi berikutnya di baris bawahnya dengan kolom unit dikosongkan",
			levels: []level{
				{name: "unit", cols: []column{cID, txt("nama", "Nama Unit", 30), {key: "induk", label: "Induk (id)", width: 18}, {key: "jenis", label: "Jenis", kind: kEnum, enum: unitKinds, warn: true, width: 12}, txt("tugas", "Tugas", 40), cNote}},
				{key: "fungsi", name: "fungsi", scalar: true, cols: []column{{key: "fungsi", label: "Fungsi", width: 50}}},
			}},
		{name: "Eselonisasi", title: "1.3 Eselonisasi jabatan", path: []string{"profil", "eselonisasi"},
			levels: []level{{name: "jabatan", cols: []column{txt("jabatan", "Jabatan", 40), txt("eselon", "Eselon", 10)}}}},
		{name: "Tabel pegawai", title: "1.3 Tabel kepegawaian", path: []string{"profil", "tabel_pegawai"},
			help: "satu tabel per blok: baris pertama memuat id, nomor, judul, kolom dan total; baris isi di bawahnya",
			levels: []level{
				{name: "tabel", cols: []column{cID, txt("nomor", "Nomor Tabel", 10), cTitle, {key: "kolom", label: "Judul Kolom", kind: kList, help: "judul kolom tabel seperti tercetak, satu per baris dalam sel", width: 20}, cSource,
					txt("total.no", "Total: No", 6), txt("total.uraian", "Total: Uraian", 12), fig("total.jumlah", "Total: Jumlah")}},
				{key: "baris", name: "baris", cols: []column{cNo, txt("uraian", "Uraian", 30), fig("jumlah", "Jumlah")}},
			}},
		{name: "Aset", title: "1.3 Aset yang dimiliki", path: []string{"profil", "aset"},
			levels: []level{{name: "aset", cols: []column{txt("uraian", "Uraian", 36), fig("luas_tanah", "Luas Tanah"), fig("luas_bangunan", "Luas Bangunan"), fig("jumlah", "Jumlah")}}}},
		{name: "Isu strategis", title: "1.4 Isu strategis, satu per baris", path: []string{"profil", "isu_strategis"},
			levels: []level{{name: "isu", scalar: true, cols: []column{{key: "isu_strategis", label: "Isu Strategis", width: 100}}}}},
		{name: "RPJMD", title: "2.1 Keterkaitan RPJMD dengan Renstra", path: []string{"rencana", "rpjmd"},
			levels: []level{{name: "baris", cols: []column{txt("misi", "Misi", 30), txt("tujuan_rpjmd", "Tujuan RPJMD", 30), txt("sasaran_rpjmd", "Sasaran RPJMD", 30), txt("tujuan_renstra", "Tujuan Renstra", 30), txt("sasaran_renstra", "Sasaran Renstra", 30)}}}},
		renstraSheet("Renstra tujuan", "tujuan"),
		renstraSheet("Renstra sasaran", "sasaran"),
		{name: "Renstra program", title: "2.1 Program dan kegiatan dalam Renstra", path: []string{"rencana", "renstra_program"},
			levels: []level{{name: "baris", cols: []column{cNo, cUraian, cLevel, cRef}}}},
		{name: "Program", title: "Program, kegiatan dan sub kegiatan (Permendagri 90/2019)", path: []string{"program"},
			help: "satu baris per program, kegiatan atau sub kegiatan, di kolomnya masing-masing: kegiatan di bawah programnya, sub kegiatan di bawah kegiatannya",
			levels: []level{
				{name: "program", cols: []column{cID, {key: "kode", label: "Kode Program", kind: kCode, width: 12}, txt("nama", "Program", 36), txt("penanggung_jawab", "Penanggung Jawab", 18)}},
				{key: "kegiatan", name: "kegiatan", ownRow: true, cols: []column{cID, {key: "kode", label: "Kode Kegiatan", kind: kCode, width: 14}, txt("nama", "Kegiatan", 36), txt("penanggung_jawab", "Penanggung Jawab Kegiatan", 18)}},
				{key: "sub_kegiatan", name: "sub kegiatan", ownRow: true, cols: []column{cID, {key: "kode", label: "Kode Sub Kegiatan", kind: kCode, width: 18}, txt("nama", "Sub Kegiatan", 36)}},
			}},
		planSheet("RKT", "2.2 Rencana Kinerja Tahunan", "rkt", "baris"),
		planSheet("PK Kepala", "2.3 Perjanjian Kinerja Kepala OPD", "perjanjian", "kepala", "baris"),
		planSheet("PK Eselon III", "2.3 Perjanjian Kinerja Eselon III", "perjanjian", "eselon_iii", "baris"),
		planSheet("PK Eselon IV", "2.3 Perjanjian Kinerja Eselon IV", "perjanjian", "eselon_iv", "baris"),
		budgetSheet("PK Anggaran", "2.3 Anggaran per program/kegiatan dalam Perjanjian Kinerja", "perjanjian", "anggaran", "baris"),
		{name: "Capaian", title: "Tabel capaian kinerja: indikator, target, realisasi, capaian", path: []string{"capaian", "tabel"},
			help: "semua tabel capaian berurutan; baris pertama sebuah tabel mengisi Id Tabel (dan bagian, judul, keterangan), baris berikutnya mengosongkannya. Uraian kosong tanpa ref: baris melanjutkan butir di atasnya",
			levels: []level{
				{name: "tabel", cols: []column{{key: "id", label: "Id Tabel", help: "id tabel (huruf kecil dan tanda hubung), hanya di baris pertama tabel", width: 16}, cSection, {key: "judul", label: "Judul Tabel", width: 24}, {key: "keterangan", label: "Keterangan Tabel", help: "paragraf yang dicetak bersama tabel", width: 24}}},
				{key: "baris", name: "baris", cols: []column{cNo, cLevel, {key: "uraian", label: "Sasaran/Program/Kegiatan", help: "sel pertama seperti tercetak; kosong (tanpa ref) bila melanjutkan butir di atasnya", width: 36}, cRef,
					txt("indikator", "Indikator Kinerja", 36), cPolarity, fig("target_awal", "Target Awal"), fig("target", "Target"), fig("realisasi", "Realisasi"), fig("capaian", "Capaian (%)"),
					txt("kategori", "Kategori", 14), txt("penjelasan", "Penjelasan", 24), cNote,
					{key: "terpotong", label: "Terpotong", kind: kBool, help: "ya: baris terpotong di sumber", width: 10},
					{key: "bacaan", label: "Bacaan Angka", kind: kEnum, enum: readings, help: "untuk angka rancu seperti 97,259: desimal atau ribuan", width: 11}}},
			}},
		{name: "Seri", title: "Realisasi dari tahun ke tahun", path: []string{"capaian", "seri"},
			help: "satu seri per blok: baris pertama memuat id dan keterangannya, lalu satu baris per tahun",
			levels: []level{
				{name: "seri", cols: []column{{key: "id", label: "Id Seri", width: 16}, cSection, cTitle, {key: "keterangan", label: "Keterangan", width: 24}, txt("indikator", "Indikator", 30), cRef, cPolarity, txt("satuan", "Satuan", 8), {key: "desimal", label: "Desimal", kind: kInt, help: "banyak desimal yang ditampilkan (0–6); kosong: seperti tercetak", width: 8}}},
				{key: "nilai", name: "nilai", cols: []column{cYear, cYearKind, cYearValue}},
			}},
		budgetSheet("LRA", "3.5 Laporan Realisasi Anggaran", "anggaran", "lra", "baris"),
		{name: "Kinerja anggaran", title: "3.6 Pencapaian kinerja dan anggaran", path: []string{"anggaran", "kinerja_anggaran"},
			levels: []level{{name: "baris", cols: []column{txt("sasaran", "Sasaran", 30), cRef, txt("indikator", "Indikator", 30), cPolarity, fig("target", "Target"), fig("realisasi", "Realisasi"), fig("capaian", "Capaian (%)"),
				rp("anggaran", "Anggaran"), rp("realisasi_anggaran", "Realisasi Anggaran"), fig("penyerapan", "Penyerapan (%)")}}}},
		{name: "Efisiensi", title: "3.7 Efisiensi: capaian kinerja dikurangi penyerapan anggaran", path: []string{"anggaran", "efisiensi", "baris"},
			levels: []level{{name: "baris", cols: []column{txt("sasaran", "Sasaran", 30), cRef, txt("indikator", "Indikator", 30), fig("capaian_kinerja", "Capaian Kinerja (%)"), fig("penyerapan_anggaran", "Penyerapan Anggaran (%)"), fig("tingkat_efisiensi", "Tingkat Efisiensi (%)")}}}},
		{name: "Narasi", title: "Narasi laporan: paragraf dan butir", path: []string{"narasi"},
			help: "satu baris per paragraf atau butir; baris pertama sebuah bagian mengisi id, halaman, bab dan judul, baris berikutnya mengosongkannya",
			levels: []level{
				{name: "bagian narasi", cols: []column{cID, {key: "halaman", label: "Halaman Situs", kind: kEnum, enum: report.NarrativePages, help: "halaman tempat narasi ditampilkan; kosong = analisis", width: 12}, txt("bab", "Bab", 16), cTitle}},
				{key: "teks", name: "teks", split: true, cols: []column{{key: "jenis", label: "Jenis Teks", kind: kEnum, enum: textParts, help: "paragraf, butir (daftar bernomor) atau penutup (paragraf sesudah butir)", width: 10}, {key: "teks", label: "Teks", width: 90}}},
			}},
	}
}

// fileOf is the TOML file a top-level key is written to.
var fileOf = map[string]string{
	"laporan": "laporan.toml", "profil": "profil.toml", "rencana": "rencana.toml", "program": "program.toml", "rkt": "rkt.toml",
	"perjanjian": "perjanjian.toml", "capaian": "capaian.toml", "anggaran": "anggaran.toml", "narasi": "narasi.toml",
}
