package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
)

// unwritten is what a Locale writes for a key it lacks or a message whose
// arguments do not fit its string: [key].
var unwritten = regexp.MustCompile(`\[[a-z][a-z0-9]*_[a-z0-9_]+\]`)

// TestFindingSentencesRender: every finding of the seed and of the test
// reports (generator/cli/testdata/reports) is written in every language of
// the site with no key left unwritten and no argument missing.
func TestFindingSentencesRender(t *testing.T) {
	root := filepath.Join("..", "..")
	folders := []string{filepath.Join(root, "data")}
	cases, err := filepath.Glob(filepath.Join(root, "generator", "cli", "testdata", "reports", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if info, err := os.Stat(c); err == nil && info.IsDir() {
			folders = append(folders, c)
		}
	}
	if len(folders) < 4 {
		t.Fatalf("found only %v: the test reports moved", folders)
	}
	var findings []report.Finding
	for _, dir := range folders {
		reports, err := tomldata.Load(os.DirFS(dir), "data")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, r := range reports {
			findings = append(findings, r.Audit()...)
		}
	}
	if len(findings) < 50 {
		t.Fatalf("only %d findings: the reports were not read", len(findings))
	}
	seen := map[string]int{}
	for _, lang := range locale.Languages {
		loc, err := locale.Load(os.DirFS(root), lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range findings {
			checkFindingText(t, loc, f)
			seen[f.Detail.Key]++
		}
		if err := loc.Err(); err != nil {
			t.Error(err)
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("%d findings, sentences: %s", len(findings), strings.Join(keys, " "))
}

// TestEveryFindingSentenceRenders: a made-up report that makes the audit
// produce every sentence it has, under every band set, written in every
// language; every finding_ string of the i18n files is used, and every
// band set's name inside a sentence (bandset_…_lower) too.
func TestEveryFindingSentenceRenders(t *testing.T) {
	root := filepath.Join("..", "..")
	min100 := 100.0
	settings := []report.Settings{
		{BandSet: "sendiri", OwnBands: &report.OwnBandSet{Name: "Kategori Dinas", Bands: []report.OwnBand{{Name: "Tuntas", Min: &min100}, {Name: "Belum"}}}},
		{BandSet: "sendiri", OwnBands: &report.OwnBandSet{Bands: []report.OwnBand{{Name: "Tuntas", Min: &min100}, {Name: "Belum"}}}},
	}
	for _, id := range report.BandSetNames() {
		settings = append(settings, report.Settings{BandSet: id})
	}
	var findings []report.Finding
	for _, s := range settings {
		r := everyFindingReport(s)
		if errs := r.Prepare(); len(errs) != 0 {
			t.Fatalf("prepare: %v", errs)
		}
		findings = append(findings, r.Audit()...)
	}
	for _, lang := range locale.Languages {
		loc, err := locale.Load(os.DirFS(root), lang)
		if err != nil {
			t.Fatal(err)
		}
		used := map[string]bool{}
		for _, f := range findings {
			checkFindingText(t, loc, f)
			usedKeys(f.Detail, used)
		}
		if err := loc.Err(); err != nil {
			t.Error(err)
		}
		for _, k := range loc.Keys() {
			if (strings.HasPrefix(k, "finding_") || strings.HasPrefix(k, "bandset_") && strings.HasSuffix(k, "_lower")) && !used[k] {
				t.Errorf("i18n/%s.toml: %s is never written: the made-up report lacks a case, or the string is left over", lang, k)
			}
		}
	}
}

// usedKeys notes the keys of a message and of the messages in its arguments.
func usedKeys(m locale.Msg, used map[string]bool) {
	if m.Key != "" {
		used[m.Key] = true
	}
	var arg func(v any)
	arg = func(v any) {
		switch x := v.(type) {
		case locale.Msg:
			usedKeys(x, used)
		case locale.List:
			for _, it := range x.Items {
				arg(it)
			}
		}
	}
	for _, v := range m.Args {
		arg(v)
	}
}

// everyFindingReport is a report with one case of every finding sentence.
func everyFindingReport(s report.Settings) *report.Report {
	fig, rp := report.ParseFigure, report.ParseRupiah
	r := &report.Report{Year: 2021, Meta: report.Meta{Title: "t", Year: 2021, MainTable: "m", StatedCount: 99, Settings: s}}
	r.Programs = []report.Program{{ID: "p", Name: "Program", Kegiatan: []report.Kegiatan{
		{ID: "k", Name: "Kegiatan", Subs: []report.SubKegiatan{{ID: "s1", Name: "Sub 1"}, {ID: "s2", Name: "Sub 2"}}},
		{ID: "k2", Name: "Kegiatan 2", Subs: []report.SubKegiatan{{ID: "s3", Name: "Sub 3"}, {ID: "s4", Name: "Sub 4"}}},
	}}}
	r.Budget.LRA = report.BudgetTable{ID: "lra", Section: "3.5", Title: "LRA", Rows: []report.BudgetRow{
		{Text: "Program", Ref: "p", Budget: rp("Rp. 410,-"), Spent: rp("Rp. 350,-"), Percent: fig("85,37")},
		{Text: "Kegiatan", Ref: "k", Budget: rp("Rp. 310,-"), Spent: rp("Rp. 250,-"), Percent: fig("80,65")}, // 310 ≠ 100 + 200
		{Text: "Sub 1", Ref: "s1", Budget: rp("Rp. 100,-"), Spent: rp("Rp. 120,-"), Percent: fig("120")},     // overspent
		{Text: "Sub 2", Ref: "s2", Budget: rp("Rp. 200,-"), Spent: rp("Rp. 130,-"), Percent: fig("66")},      // 65 really
		{Text: "Kegiatan 2", Ref: "k2", Budget: rp("Rp. 100,-"), Spent: rp("Rp. 100,-"), Percent: fig("100")},
		{Text: "Sub 3", Ref: "s3", Budget: rp("Rp. 50,-"), Spent: rp("Rp. 50,-"), Percent: fig("100")},
		{Text: "Sub 4", Ref: "s4", Budget: rp("Rp. 1050.0,-"), Spent: rp("Rp. 50,-"), Percent: fig("100")}, // irregular
	}}
	r.RKT.Rows = []report.PlanRow{
		{Text: "Program", Ref: "p", Indicators: []report.IndicatorTarget{{Text: "rate", Target: fig("6%")}}},
		{Text: "Kegiatan", Ref: "k", Budget: rp("Rp. 999,-")},   // ≠ 150 + 201, every sub listed
		{Text: "Kegiatan 2", Ref: "k2", Budget: rp("Rp. 70,-")}, // ≠ 50, Sub 4 not listed
		{Text: "Sub 1", Ref: "s1", Budget: rp("Rp. 150,-"), Indicators: []report.IndicatorTarget{{Text: "x", InitialTarget: fig("1,81%"), Target: fig("2,38%")}}},
		{Text: "Sub 3", Ref: "s3", Budget: rp("Rp. 50,-"), Indicators: []report.IndicatorTarget{{Text: "y", Target: fig("1.93%")}}},
		{Text: "Lain", Budget: rp("Rp. 1197.600,-")},
	}
	for range 11 { // one item on more rows than a sentence lists
		r.RKT.Rows = append(r.RKT.Rows, report.PlanRow{Text: "Sub 2", Ref: "s2", Budget: rp("Rp. 201,-")})
	}
	r.Plans.Targets = []report.StrategicGoal{{ID: "g", Text: "Sasaran", Indicators: []report.Indicator{{ID: "gi", Text: "Indikator",
		Baseline: report.YearValue{Value: fig("1.93%")},
		Targets:  []report.YearValue{{Year: 2021, Kind: "awal", Value: fig("1,81%")}, {Year: 2021, Kind: "perubahan", Value: fig("2,38%")}}}}}}
	r.Results.Tables = []report.MeasureTable{{ID: "m", Section: "3.4", Rows: []report.MeasureRow{
		{Text: "Program", Ref: "p", Indicator: "rate", Polarity: report.LowerIsBetter, Target: fig("5,71%"), Actual: fig("5,93%"), Achievement: fig("100%")},
		{Indicator: "count", Target: fig("4500 Surat"), Actual: fig("5887 Surat"), Achievement: fig("130,82%"), Category: "Berhasil"},
		{Indicator: "none", Target: fig("-"), Actual: fig("-"), Achievement: fig("-"), Category: "Berhasil"},
		{Indicator: "revised", InitialTarget: fig("80%"), Target: fig("90%"), Actual: fig("90%"), Achievement: fig("100%")},
		{Indicator: "kpm", Target: fig("100.000 KPM"), Actual: fig("97,259 KPM"), Achievement: fig("97%")},  // the thousands reading
		{Indicator: "kpm", Target: fig("100.000 KPM"), Actual: fig("97,259 KPM"), Achievement: fig("0,1%")}, // the decimal reading
		{Indicator: "kpm", Target: fig("100.000 KPM"), Actual: fig("97,259 KPM"), Achievement: fig("50%")},  // neither
		{Indicator: "zero", Target: fig("0"), Actual: fig("5"), Achievement: fig("100%")},
		{Text: "Kegiatan lama 2020", Indicator: "old", Target: fig("2"), Actual: fig("2.5"), Achievement: fig("125%")},
	}}}
	r.Profile.StaffTables = []report.CountTable{{ID: "tabel-2", Number: "Tabel 2", Rows: []report.CountRow{{Count: fig("1")}, {Count: fig("2")}}, Total: report.CountRow{Label: "Total", Count: fig("4")}}}
	r.Budget.Performance = []report.PerformanceBudget{{Target: "S", Budget: rp("Rp. 301,-"), Spent: rp("Rp. 250,-"), Absorption: fig("90"),
		KinerjaTarget: fig("10"), KinerjaActual: fig("5"), Polarity: report.HigherIsBetter, KinerjaCapaian: fig("60")}}
	r.Budget.Efficiency.Rows = []report.EfficiencyRow{{Target: "S", Achievement: fig("100"), Absorption: fig("97,85"), Efficiency: fig("3,15")}}
	return r
}

// checkFindingText fails the test when a finding's sentence is not a
// message or is not fully written in loc's language.
func checkFindingText(t *testing.T, loc *locale.Locale, f report.Finding) {
	t.Helper()
	if !strings.HasPrefix(f.Detail.Key, "finding_") {
		t.Errorf("%s %s row %d: the sentence is not a finding_ key: %+v", f.Kind, f.Table, f.Row, f.Detail)
		return
	}
	s := loc.Render(f.Detail)
	if strings.TrimSpace(s) == "" || unwritten.MatchString(s) || strings.Contains(s, "<no value>") {
		t.Errorf("%s: %s %s row %d: %q", loc.Lang, f.Kind, f.Table, f.Row, s)
	}
}
