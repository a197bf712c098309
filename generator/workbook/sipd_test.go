package workbook_test

import (
	"errors"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/workbook"
	"github.com/sakip-terbuka/lakip/generator/workbook/workbooktest"
)

const seedDir = "../../data/dinas-sosial-sidoarjo/2021"

// seedFiles are the TOML files of the seed's year folder.
func seedFiles(t *testing.T) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(seedDir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			b, err := os.ReadFile(path.Join(seedDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = b
		}
	}
	return files
}

// loadMerged loads the seed with the files an import changed laid over it.
func loadMerged(t *testing.T, changed map[string][]byte) *report.Report {
	t.Helper()
	fsys := fstest.MapFS{}
	agency, err := os.ReadFile("../../data/dinas-sosial-sidoarjo/instansi.toml")
	if err != nil {
		t.Fatal(err)
	}
	fsys["dinas-sosial-sidoarjo/instansi.toml"] = &fstest.MapFile{Data: agency}
	for name, b := range seedFiles(t) {
		fsys["dinas-sosial-sidoarjo/2021/"+name] = &fstest.MapFile{Data: b}
	}
	for name, b := range changed {
		fsys["dinas-sosial-sidoarjo/2021/"+name] = &fstest.MapFile{Data: b}
	}
	src, err := os.ReadDir(seedDir + "/sumber")
	if err == nil {
		for _, e := range src {
			b, _ := os.ReadFile(seedDir + "/sumber/" + e.Name())
			fsys["dinas-sosial-sidoarjo/2021/sumber/"+e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	reports, err := tomldata.Load(fsys, "data")
	if err != nil {
		t.Fatalf("the merged report does not load: %v", err)
	}
	return reports[0]
}

// TestSIPDImport: a SIPD export fills the seed's tree with codes (matched
// by name), adds the new items, and writes budget and realisasi into the
// LRA; only program.toml and anggaran.toml change.
func TestSIPDImport(t *testing.T) {
	im, res, err := workbook.ImportSIPD("sipd.xlsx", workbooktest.SIPDWorkbook(t), seedFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Files) != 2 || im.Files["program.toml"] == nil || im.Files["anggaran.toml"] == nil {
		t.Fatalf("changed files: %v", keys(im.Files))
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{"Program: 1 cocok dengan yang sudah ada (1 diberi kode), 1 baru.",
		"Sub kegiatan: 1 cocok dengan yang sudah ada (1 diberi kode), 2 baru.",
		"LRA (anggaran.toml): 0 baris diperbarui, 4 baris baru."} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if !strings.HasPrefix(string(im.Files["program.toml"]), "# The programme → kegiatan → sub-kegiatan hierarchy") {
		t.Error("program.toml lost its leading comment")
	}
	r := loadMerged(t, im.Files)
	code := map[string]string{}
	var ids = map[string]string{}
	for _, p := range r.Programs {
		code[p.Name], ids[p.Code] = p.Code, p.ID
		for _, k := range p.Kegiatan {
			code[p.Name+"/"+k.Name], ids[k.Code] = k.Code, k.ID
			for _, s := range k.Subs {
				code[p.Name+"/"+k.Name+"/"+s.Name], ids[s.Code] = s.Code, s.ID
			}
		}
	}
	c := workbooktest.SIPDCodes
	for path, want := range map[string]string{
		c["1.06.01"]:                           "1.06.01",
		c["1.06.01"] + "/" + c["1.06.01.2.01"]: "1.06.01.2.01",
		c["1.06.01"] + "/" + c["1.06.01.2.01"] + "/" + c["1.06.01.2.01.0001"]: "1.06.01.2.01.0001",
		c["1.06.01"] + "/" + c["1.06.01.2.01"] + "/" + c["1.06.01.2.01.0099"]: "1.06.01.2.01.0099",
		c["1.06.99"] + "/" + c["1.06.99.2.01"] + "/" + c["1.06.99.2.01.0001"]: "1.06.99.2.01.0001",
		"Program Pemberdayaan Sosial":                                         "",
	} {
		if code[path] != want {
			t.Errorf("%s: kode %q, want %q", path, code[path], want)
		}
	}
	// matched items keep their ids; new ones get one from the name
	if ids["1.06.01"] != "penunjang" || ids["1.06.01.2.01.0001"] != "penyusunan-dokumen-perencanaan" || ids["1.06.99.2.01.0001"] != "penyediaan-data-uji-impor-sipd" {
		t.Errorf("ids: %v", ids)
	}
	rows := map[string]report.BudgetRow{}
	order := []string{}
	for _, row := range r.Budget.LRA.Rows {
		if row.Ref != "" {
			rows[row.Ref] = row
			order = append(order, row.Ref)
		}
	}
	// equal amounts keep the printed text and the printed persen
	if p := rows["penunjang"]; p.Budget.Published != "Rp. 7.904.037.926,-" || p.Percent.Published != "96,30" {
		t.Errorf("unchanged programme row: %+v", p)
	}
	// the same amounts written another way keep the printed text
	if k := rows["perencanaan-penganggaran-evaluasi"]; k.Spent.Published != "Rp. 78.636.600,-" || k.Budget.Published != "Rp. 79.105.374,-" {
		t.Errorf("changed kegiatan row: %+v", k)
	}
	if s := rows[ids["1.06.01.2.01.0099"]]; s.Budget.Amount != 1500000 || s.Spent.Amount != 1250000 || s.Level != report.LevelSub {
		t.Errorf("new sub kegiatan row: %+v", s)
	}
	// a new sub kegiatan follows the rows of its kegiatan; a new programme
	// comes after every programme's rows
	idx := func(ref string) int {
		for i, x := range order {
			if x == ref {
				return i
			}
		}
		return -1
	}
	if i := idx(ids["1.06.01.2.01.0099"]); i != idx("evaluasi-kinerja")+1 {
		t.Errorf("new sub kegiatan at %d, after %v", i, order[:i])
	}
	if i := idx(ids["1.06.99"]); i != len(order)-3 || order[len(order)-1] != ids["1.06.99.2.01.0001"] {
		t.Errorf("new programme rows: %v", order[len(order)-4:])
	}
	if len(r.Budget.Performance) == 0 || len(r.Budget.Efficiency.Rows) == 0 {
		t.Error("anggaran.toml lost 3.6 or 3.7")
	}
}

// TestSIPDPartsLayout: codes split over columns under a merged "Kode",
// a name column per level and "Pagu" without realisasi.
func TestSIPDPartsLayout(t *testing.T) {
	im, res, err := workbook.ImportSIPD("rka.xlsx", workbooktest.SIPDPartsWorkbook(t), seedFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	r := loadMerged(t, im.Files)
	var p *report.Program
	for i := range r.Programs {
		if r.Programs[i].ID == "rehabilitasi-sosial" {
			p = &r.Programs[i]
		}
	}
	if p == nil || p.Code != "1.06.02" || p.Kegiatan[0].Code != "1.06.02.2.01" || p.Kegiatan[0].Subs[0].Code != "1.06.02.2.01.0003" {
		t.Fatalf("codes not set: %+v\n%s", p, strings.Join(res.Notes, "\n"))
	}
	if n, want := len(r.Programs), len(seedReport(t).Programs); n != want {
		t.Errorf("%d programmes, want the seed's %d", n, want)
	}
	for _, row := range r.Budget.LRA.Rows {
		if row.Ref == "rehabilitasi-sosial" && row.Budget.Amount != 9684952671 {
			t.Errorf("programme budget: %+v", row)
		}
	}
}

// TestSIPDProblems: a code typed as a number, an amount that is not one
// and a sub kegiatan without its kegiatan are all reported with sheet and
// cell; nothing is produced.
func TestSIPDProblems(t *testing.T) {
	b, want := workbooktest.BrokenSIPD(t)
	im, _, err := workbook.ImportSIPD("sipd.xlsx", b, seedFiles(t))
	var ps workbook.Problems
	if !errors.As(err, &ps) || im != nil {
		t.Fatalf("want problems, got %v", err)
	}
	text := ps.Error()
	for _, w := range want {
		if !strings.Contains(text, "sipd.xlsx: "+w) {
			t.Errorf("problems lack %q:\n%s", w, text)
		}
	}
	if len(ps) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(ps), text)
	}
}

// TestSIPDHeaders: the header is found by its texts, in their common
// variants; a sheet without one is a problem naming what is needed.
func TestSIPDHeaders(t *testing.T) {
	_, _, err := workbook.ImportSIPD("kosong.xlsx", workbooktest.SIPDEmptyWorkbook(t), nil)
	if err == nil || !strings.Contains(err.Error(), "kosong.xlsx: tidak ada lembar dengan baris judul kolom SIPD") {
		t.Errorf("no header: %v", err)
	}
	_, _, err = workbook.ImportSIPD("rusak.xlsx", []byte("PK\x03\x04 bukan zip"), nil)
	if err == nil || !strings.Contains(err.Error(), "rusak.xlsx: bukan buku kerja Excel") {
		t.Errorf("not a workbook: %v", err)
	}
}

// TestSIPDHeaderVariants: common spellings of the header row.
func TestSIPDHeaderVariants(t *testing.T) {
	for _, header := range [][]any{
		{"No", "KODE REKENING", "URAIAN", "ANGGARAN SEBELUM PERUBAHAN", "ANGGARAN SETELAH PERUBAHAN", "REALISASI S.D. BULAN INI", "REALISASI BULAN INI", "SISA ANGGARAN"},
		{"No.", "Kode Program/Kegiatan/Sub Kegiatan", "Program/Kegiatan/Sub Kegiatan", "Pagu (Rp)", "Realisasi Anggaran (Rp)", "Sumber Dana"},
		{"", "kode", "Nomenklatur", "Pagu Anggaran", "Persentase Realisasi"},
	} {
		col := func(role string) int {
			for i, h := range header {
				hs := strings.ToLower(h.(string))
				switch {
				case role == "kode" && strings.Contains(hs, "kode"),
					role == "nama" && (hs == "uraian" || hs == "nomenklatur" || strings.HasPrefix(hs, "program/")),
					role == "anggaran" && (strings.Contains(hs, "setelah") || strings.HasPrefix(hs, "pagu")):
					return i
				}
			}
			t.Fatalf("%v: no %s", header, role)
			return 0
		}
		row := make([]any, len(header))
		for i := range row {
			row[i] = ""
		}
		row[col("kode")], row[col("nama")], row[col("anggaran")] = "1.06.02", "Program Rehabilitasi Sosial", 5000000.0
		b := workbooktest.SIPDFile(t, "Sheet1", [][]any{{"Judul"}, header, row}, nil)
		im, _, err := workbook.ImportSIPD("h.xlsx", b, nil)
		if err != nil {
			t.Errorf("%v: %v", header, err)
			continue
		}
		if got := string(im.Files["anggaran.toml"]); !strings.Contains(got, `anggaran = "Rp 5.000.000"`) || !strings.Contains(string(im.Files["program.toml"]), `kode = "1.06.02"`) {
			t.Errorf("%v: anggaran.toml\n%s\nprogram.toml\n%s", header, got, im.Files["program.toml"])
		}
	}
}

// TestSIPDConflicts: an item the report already codes differently, and a
// kegiatan the report has under another programme, are problems at the
// code's cell.
func TestSIPDConflicts(t *testing.T) {
	existing := map[string][]byte{"program.toml": []byte(`
[[program]]
id = "a"
kode = "1.06.02"
nama = "Program A"

[[program]]
id = "b"
nama = "Program B"

  [[program.kegiatan]]
  id = "k"
  kode = "1.06.04.2.01"
  nama = "Kegiatan K"
`)}
	b := workbooktest.SIPDFile(t, "Sheet1", [][]any{
		{"Kode", "Uraian", "Pagu"},
		{"1.06.03", "Program  a", 1.0},
		{"1.06.05", "Program B", 1.0},
		{"1.06.05.2.01", "Kegiatan Lain", 1.0},
		{"1.06.04.2.01", "Kegiatan K", 1.0},
		{"1.06.04", "Program C", 1.0},
	}, nil)
	_, _, err := workbook.ImportSIPD("k.xlsx", b, existing)
	var ps workbook.Problems
	if !errors.As(err, &ps) || len(ps) != 2 ||
		!strings.Contains(ps.Error(), `k.xlsx: sheet "Sheet1", cell A2: program "Program A" sudah berkode 1.06.02 di program.toml, bukan 1.06.03`) ||
		!strings.Contains(ps.Error(), `k.xlsx: sheet "Sheet1", cell A5: kegiatan 1.06.04.2.01 sudah ada di program.toml di bawah program "Program B"`) {
		t.Errorf("conflicts: %v", err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestSIPDNeverOverwritesPrintedFigures: an amount that differs from the
// report's printed one is a problem at its cell, and nothing is merged —
// the published figure is what the site shows.
func TestSIPDNeverOverwritesPrintedFigures(t *testing.T) {
	rows := [][]any{
		{"Kode", "Uraian", "Anggaran", "Realisasi"},
		{"1.06.01", workbooktest.SIPDCodes["1.06.01"], 7904037926.0, 7611667635.0},
		{"1.06.01.2.01", workbooktest.SIPDCodes["1.06.01.2.01"], 79105374.0, 78700000.0},
	}
	im, _, err := workbook.ImportSIPD("sipd.xlsx", workbooktest.SIPDFile(t, "LRA", rows, nil), seedFiles(t))
	if im != nil {
		t.Fatalf("a merge came back despite a differing printed amount: %v", keys(im.Files))
	}
	var problems workbook.Problems
	if !errors.As(err, &problems) || len(problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	msg := problems.Error()
	for _, want := range []string{`sheet "LRA", cell D3`, "Rp. 78.636.600,-", "Rp 78.700.000", "tidak ditimpa"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
}
