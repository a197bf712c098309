package workbook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
)

const seedData = "../../data"

func seed(t *testing.T) *report.Report {
	t.Helper()
	reports, err := tomldata.Load(os.DirFS(seedData), "data")
	if err != nil || len(reports) == 0 {
		t.Fatalf("seed: %v", err)
	}
	return reports[0]
}

// load writes imported files into a fresh data folder (with the seed's
// agency file and source document) and loads it with the strict loader.
func load(t *testing.T, r *report.Report, im *Imported) *report.Report {
	t.Helper()
	root := t.TempDir()
	year := filepath.Join(root, r.Agency.Slug, "2021")
	if err := os.MkdirAll(filepath.Join(year, "sumber"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(seedData, r.Agency.Slug)
	copyFile(t, filepath.Join(src, "instansi.toml"), filepath.Join(root, r.Agency.Slug, "instansi.toml"))
	copyFile(t, filepath.Join(src, "2021", r.Meta.SourceFile), filepath.Join(year, r.Meta.SourceFile))
	for name, b := range im.Files {
		if err := os.WriteFile(filepath.Join(year, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reports, err := tomldata.Load(os.DirFS(root), "data")
	if err != nil {
		t.Fatalf("imported data does not load:\n%v", err)
	}
	return reports[0]
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRoundTripModel: the seed exported and imported again loads into the
// same report, value for value, and the agency file holds the same agency.
func TestRoundTripModel(t *testing.T) {
	r := seed(t)
	b, err := Export(r)
	if err != nil {
		t.Fatal(err)
	}
	im, err := Import("laporan.xlsx", b)
	if err != nil {
		t.Fatal(err)
	}
	if im.Folder != "dinas-sosial-sidoarjo/2021" {
		t.Errorf("folder %q", im.Folder)
	}
	got := load(t, r, im)
	if !reflect.DeepEqual(got, r) {
		t.Error("imported report differs from the seed")
		for _, d := range diff("", reflect.ValueOf(got).Elem(), reflect.ValueOf(r).Elem(), 0) {
			t.Log(d)
		}
	}
	var agency report.Agency
	if _, err := tomlDecode(im.Agency, &agency); err != nil || agency.Name != r.Agency.Name || agency.Province != r.Agency.Province {
		t.Errorf("agency file %v: %+v", err, agency)
	}
	// exporting the import gives the same bytes
	b2, err := Export(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Error("the workbook of the imported report differs from the seed's")
	}
}

func diff(path string, a, b reflect.Value, depth int) []string {
	if depth > 12 {
		return nil
	}
	switch a.Kind() {
	case reflect.Struct:
		var out []string
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			out = append(out, diff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i), depth+1)...)
		}
		return out
	case reflect.Slice:
		if a.Len() != b.Len() {
			return []string{path + ": length " + itoa(a.Len()) + " vs " + itoa(b.Len())}
		}
		var out []string
		for i := 0; i < a.Len(); i++ {
			out = append(out, diff(path+"["+itoa(i)+"]", a.Index(i), b.Index(i), depth+1)...)
		}
		return out
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			return []string{path + ": nil vs not nil"}
		}
		if a.IsNil() {
			return nil
		}
		return diff(path, a.Elem(), b.Elem(), depth+1)
	case reflect.Map:
		return nil
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return []string{path + ": " + strings.TrimSpace(strings.ReplaceAll(fmtv(a), "\n", " ")) + " vs " + fmtv(b)}
	}
	return nil
}

// TestExportDeterministic: the same report gives the same bytes.
func TestExportDeterministic(t *testing.T) {
	r := seed(t)
	a, err := Export(r)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Export(seed(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of the seed differ")
	}
}

// TestFiguresAreText: every figure cell is a text cell with the text format,
// the key row is hidden and closed values have a dropdown.
func TestFiguresAreText(t *testing.T) {
	b, err := Export(seed(t))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); got[0] != sheetHelp || got[1] != sheetReport || !contains(got, "Capaian") {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("Capaian")
	col := -1
	for i, k := range rows[keyRow-1] {
		if k == "baris.capaian" {
			col = i
		}
	}
	if col < 0 || rows[headerRow-1][col] != "Capaian (%)" {
		t.Fatalf("no capaian column: %v", rows[keyRow-1])
	}
	n := 0
	for r := firstData; r <= len(rows); r++ {
		name, _ := excelize.CoordinatesToCellName(col+1, r)
		v, _ := f.GetCellValue("Capaian", name)
		if v == "" {
			continue
		}
		n++
		if ty, _ := f.GetCellType("Capaian", name); ty != excelize.CellTypeSharedString {
			t.Errorf("%s %q is not a text cell", name, v)
		}
	}
	if n < 50 {
		t.Errorf("only %d capaian cells", n)
	}
	if vis, _ := f.GetRowVisible("Capaian", keyRow); vis {
		t.Error("key row visible")
	}
	dvs, _ := f.GetDataValidations("Capaian")
	var lists []string
	for _, dv := range dvs {
		lists = append(lists, dv.Formula1)
	}
	if !strings.Contains(strings.Join(lists, " "), "sub_kegiatan") || !strings.Contains(strings.Join(lists, " "), "turun") {
		t.Errorf("dropdowns %v", lists)
	}
}

// TestImportEdited: columns reordered, the key row gone, a table pasted
// with header texts only, rows added: the import still reads them.
func TestImportEdited(t *testing.T) {
	r := seed(t)
	b, err := Export(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// Eselonisasi: drop the key row, swap the two columns, add a row
	rows, _ := f.GetRows("Eselonisasi")
	if err := f.RemoveRow("Eselonisasi", keyRow); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows[keyRow:] {
		for c := range 2 {
			v := ""
			if 1-c < len(row) {
				v = row[1-c]
			}
			name, _ := excelize.CoordinatesToCellName(c+1, i+keyRow)
			_ = f.SetCellStr("Eselonisasi", name, v)
		}
	}
	last := len(rows) // data rows end at row last-1 after the removal
	_ = f.SetCellStr("Eselonisasi", "A"+itoa(last), "IV/a")
	_ = f.SetCellStr("Eselonisasi", "B"+itoa(last), "Kepala Seksi Baru")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	im, err := Import("laporan.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := load(t, r, im)
	want := append(append([]report.Echelon{}, r.Profile.Echelons...), report.Echelon{Position: "Kepala Seksi Baru", Echelon: "IV/a"})
	if !reflect.DeepEqual(got.Profile.Echelons, want) {
		t.Errorf("echelons\n%v\nwant\n%v", got.Profile.Echelons, want)
	}
}

// TestImportHostile: garbage, a huge sheet and wrong types are refused
// with problems, never a panic.
func TestImportHostile(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":   nil,
		"garbage": []byte("PK\x03\x04 not a zip at all"),
		"text":    []byte("judul = \"x\"\n"),
	} {
		if _, err := Import(name+".xlsx", data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= MaxRows+5; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		_ = sw.SetRow(cell, []any{"x"})
	}
	_ = sw.Flush()
	_ = f.SetSheetName("Sheet1", "Aset")
	_, _ = f.NewSheet("Laporan")
	_ = f.SetCellStr("Laporan", "A1", "kunci")
	_ = f.SetCellStr("Laporan", "B1", "nilai")
	_ = f.SetCellBool("Laporan", "A2", true)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, err = Import("besar.xlsx", buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "paling banyak") {
		t.Errorf("huge sheet: %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func fmtv(v reflect.Value) string { return fmt.Sprintf("%#v", v.Interface()) }

func tomlDecode(b []byte, v any) (toml.MetaData, error) { return toml.Decode(string(b), v) }
