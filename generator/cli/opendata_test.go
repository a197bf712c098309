package cli

import (
	"bytes"
	"encoding"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/opendata"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
)

// readCSV reads an exported table back: header and rows keyed by column.
// The rows hold the JSON twin's text; the CSV must hold the same, except
// that a cell a spreadsheet would read as a formula starts with a quote.
func readCSV(t *testing.T, out, name string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, base, "data", name+".csv"))
	if err != nil {
		t.Fatalf("export %s missing: %v", name, err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s.csv: %v", name, err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, k := range recs[0] {
			m[k] = rec[i]
		}
		rows = append(rows, m)
	}
	// the JSON twin holds the same rows
	jb, err := os.ReadFile(filepath.Join(out, base, "data", name+".json"))
	if err != nil {
		t.Fatalf("%s.json missing: %v", name, err)
	}
	var js []map[string]any
	d := json.NewDecoder(bytes.NewReader(jb))
	d.UseNumber()
	if err := d.Decode(&js); err != nil || len(js) != len(rows) {
		t.Fatalf("%s.json: %v, %d rows vs %d in CSV", name, err, len(js), len(rows))
	}
	for i, row := range rows {
		for k, v := range row {
			got := ""
			if js[i][k] != nil {
				got = fmt.Sprint(js[i][k])
			}
			if opendata.CSVCell(got) != v {
				t.Errorf("%s row %d %s: JSON %q, CSV %q", name, i+1, k, got, v)
			}
			row[k] = got
		}
	}
	return rows
}

func expect(t *testing.T, where string, row map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s: %s = %q, data has %q", where, k, row[k], v)
		}
	}
}

// TestOpenDataRoundTrip reads the exports of the built site back and finds
// every figure of data/ unchanged: nothing lost, nothing rounded.
func TestOpenDataRoundTrip(t *testing.T) {
	out := builtSite(t)
	r := seedReport(t)

	lra := readCSV(t, out, "lra")
	if len(lra) != len(r.Budget.LRA.Rows) {
		t.Fatalf("lra: %d rows exported, %d in data", len(lra), len(r.Budget.LRA.Rows))
	}
	for i, row := range r.Budget.LRA.Rows {
		expect(t, fmt.Sprintf("lra row %d", i+1), lra[i], map[string]string{"uraian": row.Text, "ref": row.Ref,
			"anggaran": row.Budget.Published, "realisasi": row.Spent.Published, "persen": row.Percent.Published,
			"anggaran_rupiah": strconv.FormatInt(row.Budget.Amount, 10), "realisasi_rupiah": strconv.FormatInt(row.Spent.Amount, 10)})
	}
	pk := readCSV(t, out, "pk-anggaran")
	for i, row := range r.Agreements.Budget.Rows {
		expect(t, fmt.Sprintf("pk-anggaran row %d", i+1), pk[i], map[string]string{"uraian": row.Text, "anggaran": row.Budget.Published})
	}
	for _, mt := range r.Results.Tables {
		rows := readCSV(t, out, opendata.TableResource(mt.ID))
		if len(rows) != len(mt.Rows) {
			t.Fatalf("%s: %d rows exported, %d in data", mt.ID, len(rows), len(mt.Rows))
		}
		for i, row := range mt.Rows {
			expect(t, fmt.Sprintf("%s row %d", mt.ID, i+1), rows[i], map[string]string{"uraian": row.Text, "indikator": row.Indicator,
				"target_awal": row.InitialTarget.Published, "target": row.Target.Published, "realisasi": row.Actual.Published,
				"capaian": row.Achievement.Published, "kategori": row.Category})
		}
	}
	for _, plan := range []struct {
		name string
		rows []report.PlanRow
	}{{"rkt", r.RKT.Rows}, {"pk-kepala", r.Agreements.Head.Rows}, {"pk-eselon-iii", r.Agreements.EselonIII.Rows}, {"pk-eselon-iv", r.Agreements.EselonIV.Rows}} {
		rows := readCSV(t, out, plan.name)
		k := 0
		for i, row := range plan.rows {
			inds := row.Indicators
			if len(inds) == 0 {
				inds = []report.IndicatorTarget{{}}
			}
			for _, ind := range inds {
				want := map[string]string{"baris": strconv.Itoa(i + 1), "uraian": row.Text, "indikator": ind.Text, "target_awal": ind.InitialTarget.Published, "target": ind.Target.Published}
				if plan.name == "rkt" {
					want["anggaran"] = row.Budget.Published
				}
				expect(t, fmt.Sprintf("%s row %d", plan.name, k+1), rows[k], want)
				k++
			}
		}
		if k != len(rows) {
			t.Errorf("%s: %d rows exported, %d expected", plan.name, len(rows), k)
		}
	}
	ri := readCSV(t, out, "renstra-indikator")
	var renstra []string
	for _, g := range r.Plans.Targets {
		for _, ind := range g.Indicators {
			renstra = append(renstra, ind.Baseline.Value.Published)
			for _, tv := range ind.Targets {
				renstra = append(renstra, tv.Value.Published)
			}
		}
	}
	var exported []string
	for _, row := range ri {
		if row["tingkat"] == "sasaran" {
			exported = append(exported, row["nilai"])
		}
	}
	if strings.Join(exported, "|") != strings.Join(renstra, "|") {
		t.Errorf("renstra values: exported %q, data %q", exported, renstra)
	}
	for _, s := range r.Results.Series {
		rows := readCSV(t, out, "seri-"+s.ID)
		for i, y := range s.Values {
			expect(t, "seri "+s.ID, rows[i], map[string]string{"tahun": strconv.Itoa(y.Year), "realisasi": y.Value.Published})
		}
	}
	for _, st := range r.Profile.StaffTables {
		rows := readCSV(t, out, "pegawai-"+st.ID)
		for i, row := range st.Rows {
			expect(t, st.ID, rows[i], map[string]string{"uraian": row.Label, "jumlah": row.Count.Published})
		}
		expect(t, st.ID+" total", rows[len(rows)-1], map[string]string{"jumlah": st.Total.Count.Published, "total": "ya"})
	}
	assets := readCSV(t, out, "aset")
	for i, a := range r.Profile.Assets {
		expect(t, "aset", assets[i], map[string]string{"uraian": a.Description, "luas_tanah": a.LandArea.Published, "luas_bangunan": a.BuildingArea.Published, "jumlah": a.Quantity.Published})
	}
	perf := readCSV(t, out, "kinerja-anggaran")[0]
	p := r.Budget.Performance[0]
	expect(t, "3.6", perf, map[string]string{"target": p.KinerjaTarget.Published, "realisasi": p.KinerjaActual.Published, "capaian": p.KinerjaCapaian.Published,
		"anggaran": p.Budget.Published, "realisasi_anggaran": p.Spent.Published, "penyerapan": p.Absorption.Published})
	eff := readCSV(t, out, "efisiensi")[0]
	e := r.Budget.Efficiency.Rows[0]
	expect(t, "3.7", eff, map[string]string{"capaian_kinerja": e.Achievement.Published, "penyerapan_anggaran": e.Absorption.Published, "tingkat_efisiensi": e.Efficiency.Published})
}

// TestWholeReportJSONRoundTrip decodes laporan.json with the same strict
// decoder as the TOML files and gets the same report back: every field of
// every struct, as loaded from data/, compared one by one (a field that
// laporan.json leaves out, or writes differently, fails). The agency in
// "instansi" is compared key by key with instansi.toml's fields.
func TestWholeReportJSONRoundTrip(t *testing.T) {
	out := builtSite(t)
	b, err := os.ReadFile(filepath.Join(out, base, "data", "laporan.json"))
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var whole map[string]any
	if err := d.Decode(&whole); err != nil {
		t.Fatal(err)
	}
	tree := numbers(whole["laporan_kinerja"]).(map[string]any)
	orig := seedReport(t)
	back := &report.Report{Year: orig.Year, Agency: orig.Agency}
	if problems := tomldata.DecodeTree("laporan.json", tree, back); len(problems) > 0 {
		t.Fatalf("laporan.json does not decode back:\n%v", problems)
	}
	diffs := diffReports(orig, back)
	for i, d := range diffs {
		if i == 20 {
			t.Errorf("… and %d more differences", len(diffs)-i)
			break
		}
		t.Errorf("laporan.json differs from data/ at %s", d)
	}
	if back.Totals() != orig.Totals() {
		t.Errorf("totals %+v vs %+v", back.Totals(), orig.Totals())
	}
	if whole["tahun"] != json.Number(strconv.Itoa(orig.Year)) {
		t.Errorf("tahun %v, want %d", whole["tahun"], orig.Year)
	}
	agency, _ := whole["instansi"].(map[string]any)
	av := reflect.ValueOf(*orig.Agency)
	for i := range av.NumField() {
		f := av.Type().Field(i)
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		if got, ok := agency[tag]; !ok || got != av.Field(i).Interface() {
			t.Errorf("instansi.%s = %v in laporan.json, %q in data/", tag, got, av.Field(i).Interface())
		}
	}
}

// TestWholeReportJSONEveryField: the seed leaves keys empty (penjelasan,
// kategori_sendiri …), so a report with every field of the model filled,
// each with its own value, goes through laporan.json's encoding and back:
// a key that Tree leaves out or misspells fails here.
func TestWholeReportJSONEveryField(t *testing.T) {
	orig := &report.Report{Year: 2021, Agency: &report.Agency{Slug: "uji", Name: "Dinas Uji"}}
	n := 0
	fillEvery(reflect.ValueOf(orig).Elem(), "laporan", &n)
	if n < 150 {
		t.Fatalf("only %d fields filled", n)
	}
	expected := map[string]bool{} // what Prepare says of the synthetic values, both times
	for _, fe := range orig.Prepare() {
		expected[fe.Path+": "+fe.Message] = true
	}
	b, err := json.Marshal(opendata.Tree(orig))
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var tree map[string]any
	if err := d.Decode(&tree); err != nil {
		t.Fatal(err)
	}
	back := &report.Report{Year: orig.Year, Agency: orig.Agency}
	for _, p := range tomldata.DecodeTree("laporan.json", numbers(tree).(map[string]any), back) {
		if !expected[p.KeyPath+": "+p.Message] {
			t.Errorf("decoding back: %s", p.Error())
		}
	}
	for _, d := range diffReports(orig, back) {
		t.Errorf("laporan.json loses %s", d)
	}
}

// fillEvery gives every field with a toml key a value of its own: text
// names its path, numbers count up, figures and amounts read as numbers,
// lists get two elements, optional tables and numbers are allocated.
func fillEvery(v reflect.Value, path string, n *int) {
	switch {
	case v.Type() == reflect.TypeFor[report.Figure]():
		*n++
		v.Set(reflect.ValueOf(report.ParseFigure(fmt.Sprintf("%d,5%%", *n))))
		return
	case v.Type() == reflect.TypeFor[report.Rupiah]():
		*n++
		v.Set(reflect.ValueOf(report.ParseRupiah(fmt.Sprintf("Rp %d.000", *n))))
		return
	case v.Kind() == reflect.String && v.Addr().Type().Implements(reflect.TypeFor[encoding.TextUnmarshaler]()):
		// a checked word (tingkat, polaritas …): the first one it accepts
		// that is not its default
		for _, word := range []string{"turun", "kegiatan", "ribuan", "perubahan", path} {
			x := reflect.New(v.Type())
			if x.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(word)) == nil && x.Elem().String() != "" {
				*n++
				v.Set(x.Elem())
				return
			}
		}
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if !f.IsExported() || tag == "" || tag == "-" {
				continue
			}
			fillEvery(v.Field(i), path+"."+tag, n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillEvery(v.Index(i), fmt.Sprintf("%s[%d]", path, i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillEvery(v.Elem(), path, n)
	case reflect.String:
		*n++
		v.SetString(path)
	case reflect.Int, reflect.Int64:
		*n++
		v.SetInt(int64(*n % 7)) // small: desimal must be 0 to 6
	case reflect.Float64:
		*n++
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		*n++
		v.SetBool(true)
	}
}

// diffReports lists where two reports differ, field by field, unexported
// fields included (a continued row's flag, say); only the item index that
// Prepare builds from the rest is left out.
func diffReports(a, b *report.Report) []string {
	var diffs []string
	diffValue("laporan", reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), &diffs)
	return diffs
}

func diffValue(path string, a, b reflect.Value, diffs *[]string) {
	if a.Kind() != b.Kind() {
		*diffs = append(*diffs, path+": different kinds")
		return
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		switch {
		case a.IsNil() && b.IsNil():
		case a.IsNil() != b.IsNil():
			*diffs = append(*diffs, fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil()))
		case a.Kind() == reflect.Interface && a.Elem().Type() != b.Elem().Type():
			*diffs = append(*diffs, fmt.Sprintf("%s: %s vs %s", path, a.Elem().Type(), b.Elem().Type()))
		default:
			diffValue(path, a.Elem(), b.Elem(), diffs)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if a.Type() == reflect.TypeFor[report.Report]() && f.Name == "items" {
				continue // the index of items, built by Prepare from the fields compared
			}
			name := f.Name
			if tag := strings.Split(f.Tag.Get("toml"), ",")[0]; tag != "" && tag != "-" {
				name = tag
			}
			diffValue(path+"."+name, a.Field(i), b.Field(i), diffs)
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			*diffs = append(*diffs, fmt.Sprintf("%s: %d elements vs %d", path, a.Len(), b.Len()))
		}
		for i := range min(a.Len(), b.Len()) {
			diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), diffs)
		}
	case reflect.Map:
		*diffs = append(*diffs, path+": a map, not compared")
	case reflect.String:
		if a.String() != b.String() {
			*diffs = append(*diffs, fmt.Sprintf("%s: %q in data/, %q in laporan.json", path, a.String(), b.String()))
		}
	case reflect.Int, reflect.Int64:
		if a.Int() != b.Int() {
			*diffs = append(*diffs, fmt.Sprintf("%s: %d in data/, %d in laporan.json", path, a.Int(), b.Int()))
		}
	case reflect.Float64:
		if x, y := a.Float(), b.Float(); x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v in data/, %v in laporan.json", path, x, y))
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v in data/, %v in laporan.json", path, a.Bool(), b.Bool()))
		}
	default:
		*diffs = append(*diffs, fmt.Sprintf("%s: kind %s not compared", path, a.Kind()))
	}
}

// numbers turns json.Number into int64 or float64, as TOML decoding gives.
func numbers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = numbers(e)
		}
		return x
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	}
	return v
}

// TestDataPackage: datapackage.json describes every exported table and
// every column with a title and a type, and points at files that exist.
func TestDataPackage(t *testing.T) {
	out := builtSite(t)
	b, err := os.ReadFile(filepath.Join(out, base, "data", "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Profile   string `json:"profile"`
		Name      string `json:"name"`
		Resources []struct {
			Name, Path, Title, Format string
			Schema                    struct {
				Fields []struct{ Name, Title, Type, Description string }
			}
		}
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Profile != "data-package" || pkg.Name != "dinas-sosial-sidoarjo-2021" || len(pkg.Resources) < 25 {
		t.Fatalf("package %s %s with %d resources", pkg.Profile, pkg.Name, len(pkg.Resources))
	}
	// the workbook is the one resource that is not a CSV table (workbook_test.go checks it)
	pkg.Resources = slices.DeleteFunc(pkg.Resources, func(r struct {
		Name, Path, Title, Format string
		Schema                    struct {
			Fields []struct{ Name, Title, Type, Description string }
		}
	}) bool {
		return r.Format == "xlsx"
	})
	csvs, _ := filepath.Glob(filepath.Join(out, base, "data", "*.csv"))
	if len(csvs) != len(pkg.Resources) {
		t.Errorf("%d CSV files, %d resources described", len(csvs), len(pkg.Resources))
	}
	for _, r := range pkg.Resources {
		if r.Title == "" || r.Format != "csv" {
			t.Errorf("%s: no title or format", r.Name)
		}
		f, err := os.Open(filepath.Join(out, base, "data", r.Path))
		if err != nil {
			t.Errorf("%s: %v", r.Name, err)
			continue
		}
		header, _ := csv.NewReader(f).Read()
		f.Close()
		if len(header) != len(r.Schema.Fields) {
			t.Errorf("%s: %d columns, %d fields described", r.Name, len(header), len(r.Schema.Fields))
		}
		for i, fd := range r.Schema.Fields {
			if fd.Title == "" || fd.Type == "" || (i < len(header) && header[i] != fd.Name) {
				t.Errorf("%s: field %d %+v vs column %q", r.Name, i, fd, header[i])
			}
		}
	}
	page := readPage(t, out, base+"data-terbuka/index.html")
	for _, r := range pkg.Resources {
		if !strings.Contains(page, "/"+base+"data/"+r.Name+".csv") || !strings.Contains(page, `id="kamus-`+r.Name+`"`) {
			t.Errorf("Data terbuka page lacks %s or its dictionary", r.Name)
		}
	}
}

// TestDataPackageEnglish: datapackage.json and the data dictionary of the
// Data terbuka page give every resource and every field (and the package)
// an English title, and an English description wherever they have an
// Indonesian one, in "translations" beside the Indonesian text; none is a
// missing string ("[data_key]") or the Indonesian text again.
func TestDataPackageEnglish(t *testing.T) {
	out := builtSite(t)
	var pkg map[string]any
	readJSON(t, filepath.Join(out, base, "data", "datapackage.json"), &pkg)
	if problems := translationProblems("datapackage.json", pkg, "en"); len(problems) > 0 {
		t.Errorf("%d problems:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	if res, _ := pkg["resources"].([]any); len(res) < 25 {
		t.Fatalf("%d resources", len(res))
	}
	// the dictionary: staged beside the pages, read by data-terbuka.html,
	// resolved in each language (opendata.Dictionary)
	var staged struct {
		Dictionary map[string][]opendata.DictEntry
	}
	readJSON(t, filepath.Join(filepath.Dir(out), hugosite.StageDir, "gen", "data", "terbuka", "dinas-sosial-sidoarjo", "2021.json"), &staged)
	id, en := staged.Dictionary["id"], staged.Dictionary["en"]
	if len(id) < 25 || len(en) != len(id) {
		t.Fatalf("dictionary of %d tables in Indonesian, %d in English", len(id), len(en))
	}
	for i, e := range en {
		for _, p := range dictProblems("dictionary "+e.Name, id[i].DictText, e.DictText) {
			t.Error(p)
		}
		if len(e.Fields) != len(id[i].Fields) {
			t.Fatalf("dictionary %s: %d columns in English, %d in Indonesian", e.Name, len(e.Fields), len(id[i].Fields))
		}
		for j, f := range e.Fields {
			for _, p := range dictProblems("dictionary "+e.Name+"/"+f.Name, id[i].Fields[j].DictText, f.DictText) {
				t.Error(p)
			}
		}
	}
}

// dictProblems checks one text of the English data dictionary against the
// Indonesian: a title, and a description wherever the Indonesian has one,
// both translated (not marked Indonesian, not a missing string, not the
// Indonesian text again).
func dictProblems(where string, id, en opendata.DictText) []string {
	var problems []string
	if en.Title == "" || en.TitleLang != "" || missingString.MatchString(en.Title) {
		problems = append(problems, fmt.Sprintf("%s: title %q (lang %q)", where, en.Title, en.TitleLang))
	}
	if id.Description != "" && (en.Description == "" || en.DescriptionLang != "" || missingString.MatchString(en.Description) || en.Description == id.Description) {
		problems = append(problems, fmt.Sprintf("%s: description %q (lang %q), Indonesian %q", where, en.Description, en.DescriptionLang, id.Description))
	}
	return problems
}

// TestDataPackageEnglishCanFail: the check of TestDataPackageEnglish finds
// a missing translation, a missing string and an untranslated description.
func TestDataPackageEnglishCanFail(t *testing.T) {
	var pkg map[string]any
	if err := json.Unmarshal([]byte(`{"title": "Laporan", "translations": {"en": {"title": "Report"}}, "resources": [
		{"name": "a", "title": "A", "description": "uraian", "translations": {"en": {"title": "[data_r_a]", "description": "description"}},
		 "schema": {"fields": [{"name": "x", "title": "X", "description": "kolom x"}]}},
		{"name": "b", "title": "B", "description": "uraian b", "translations": {"en": {"title": "B", "description": "uraian b"}}}]}`), &pkg); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(translationProblems("p", pkg, "en"), "\n")
	for _, want := range []string{"p/a: title", "p/a/x: no translation", "p/b: description not translated"} {
		if !strings.Contains(got, want) {
			t.Errorf("the check misses %q; it says:\n%s", want, got)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

var missingString = regexp.MustCompile(`\[[a-z]+(_[a-z0-9]+)+\]`)

// translationProblems checks one described thing (a package, a resource, a
// field) and what it holds (resources; schema fields or fields): each has a
// translation into lang with a title, and with a description when it has
// one, neither a missing string nor, for a description, the default
// language's text.
func translationProblems(where string, m map[string]any, lang string) []string {
	var problems []string
	title, _ := m["title"].(string)
	desc, _ := m["description"].(string)
	tr, _ := m["translations"].(map[string]any)
	en, ok := tr[lang].(map[string]any)
	enTitle, _ := en["title"].(string)
	enDesc, _ := en["description"].(string)
	switch {
	case !ok:
		problems = append(problems, where+": no translation into "+lang)
	case title == "" || enTitle == "" || missingString.MatchString(title+enTitle):
		problems = append(problems, fmt.Sprintf("%s: title %q, %s %q", where, title, lang, enTitle))
	case desc != "" && (enDesc == "" || missingString.MatchString(desc+enDesc)):
		problems = append(problems, fmt.Sprintf("%s: description %q, %s %q", where, desc, lang, enDesc))
	case desc != "" && enDesc == desc:
		problems = append(problems, fmt.Sprintf("%s: description not translated: %q", where, desc))
	}
	var children []any
	if res, ok := m["resources"].([]any); ok {
		children = append(children, res...)
	}
	if schema, ok := m["schema"].(map[string]any); ok {
		fields, _ := schema["fields"].([]any)
		children = append(children, fields...)
	}
	if fields, ok := m["fields"].([]any); ok {
		children = append(children, fields...)
	}
	for _, c := range children {
		cm, _ := c.(map[string]any)
		problems = append(problems, translationProblems(where+"/"+fmt.Sprint(cm["name"]), cm, lang)...)
	}
	return problems
}
