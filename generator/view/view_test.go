package view_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/view"
)

var update = flag.Bool("update", false, "rewrite testdata/seed-view.golden.json")

func seedView(t *testing.T) *view.Report { return seedViewIn(t, "id") }

// seedViewIn is the view of the seed in a language; it fails the test on
// any interface string missing from that language.
func seedViewIn(t *testing.T, lang string) *view.Report {
	t.Helper()
	reports, err := tomldata.Load(os.DirFS(filepath.Join("..", "..", "data")), "data")
	if err != nil {
		t.Fatal(err)
	}
	r := reports[0]
	loc, err := locale.Load(os.DirFS(filepath.Join("..", "..")), lang)
	if err != nil {
		t.Fatal(err)
	}
	v := view.Build(r, r.Audit(), loc)
	if err := loc.Err(); err != nil {
		t.Error(err)
	}
	return v
}

// TestSeedViewGolden pins everything the pages of the seed report show, in
// each language (seed-view.golden.json, seed-view.en.golden.json).
func TestSeedViewGolden(t *testing.T) {
	for _, lang := range locale.Languages {
		t.Run(lang, func(t *testing.T) { viewGolden(t, lang) })
	}
}

func viewGolden(t *testing.T, lang string) {
	v := seedViewIn(t, lang)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed-view.golden.json")
	if lang != locale.Default {
		golden = filepath.Join("testdata", "seed-view."+lang+".golden.json")
	}
	if *update {
		os.WriteFile(golden, buf.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./generator/view -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("view of the seed differs from %s; if intended, go test ./generator/view -update", golden)
	}
}

func TestSeedViewFigures(t *testing.T) {
	v := seedView(t)
	if v.Totals.Budget != "Rp\u00a034.547.900.993" || v.Totals.BudgetShort != "Rp\u00a034,55\u00a0miliar" || v.Totals.Absorption != "97,85\u00a0%" {
		t.Errorf("totals %+v", v.Totals)
	}
	if v.Headline.CapaianPublished != "100%" || v.Headline.CapaianRecomputed != "100,00\u00a0%" || !strings.Contains(v.Headline.Formula, "2 −") {
		t.Errorf("headline %+v", v.Headline)
	}
	if v.URL != "dinas-sosial-sidoarjo/2021/" || v.Items["kunjungan-tamu"].URL != "dinas-sosial-sidoarjo/2021/program/penunjang/administrasi-umum/kunjungan-tamu/" {
		t.Errorf("urls %q %q", v.URL, v.Items["kunjungan-tamu"].URL)
	}
	// the IKU row: published 100 %, recomputed with the lower-is-better formula
	for _, m := range v.Measures {
		if m.ID == "iku" {
			r := m.Rows[0]
			if r.Published != "100%" || r.Recomputed != "96,15\u00a0%" || !r.Differs || r.Difference != "+3,85\u00a0poin" {
				t.Errorf("iku row %+v", r)
			}
		}
	}
	if n := len(v.Findings.List); n == 0 || v.Findings.Total != n {
		t.Errorf("findings %d / %d", v.Findings.Total, n)
	}
	for _, band := range v.Method.Bands {
		if band.Range == "" {
			t.Errorf("band %s has no range", band.Name)
		}
	}
	if got := v.Method.Bands[1].Range; got != "dari 85\u00a0% sampai 100\u00a0%" {
		t.Errorf("Berhasil range %q", got)
	}
}

// TestSeedViewEnglish: the English view writes what the site computes the
// English way and keeps what the report printed as printed.
func TestSeedViewEnglish(t *testing.T) {
	v := seedViewIn(t, "en")
	if v.Totals.Budget != "IDR\u00a034,547,900,993" || v.Totals.BudgetShort != "IDR\u00a034.55\u00a0billion" || v.Totals.Absorption != "97.85%" {
		t.Errorf("totals %+v", v.Totals)
	}
	if v.Headline.CapaianPublished != "100%" || v.Headline.CapaianRecomputed != "100.00%" || !strings.Contains(v.Headline.Formula, "actual") {
		t.Errorf("headline %+v", v.Headline)
	}
	for _, m := range v.Measures {
		if m.ID == "iku" {
			if r := m.Rows[0]; r.Recomputed != "96.15%" || r.Difference != "+3.85\u00a0points" || r.Polarity != "lower is better" {
				t.Errorf("iku row %+v", r)
			}
		}
	}
	if got := v.Method.Bands[1]; got.Name != "Successful" || got.Range != "from 85% up to 100%" {
		t.Errorf("band %+v", got)
	}
	for _, p := range v.Pages {
		if p.Slug == "capaian" && p.Title != "Performance results 2021" {
			t.Errorf("page title %q", p.Title)
		}
	}
}

// TestEveryReportInEveryLanguage: the views of the seed and of the test
// reports shaped unlike it (generator/cli/testdata/reports) have every
// interface string and argument in every language: no "[key]" anywhere.
func TestEveryReportInEveryLanguage(t *testing.T) {
	dirs := []string{filepath.Join("..", "..", "data")}
	more, _ := filepath.Glob(filepath.Join("..", "cli", "testdata", "reports", "*", "*", "instansi.toml"))
	for _, m := range more {
		dirs = append(dirs, filepath.Dir(filepath.Dir(m)))
	}
	if len(dirs) < 3 {
		t.Fatalf("test reports not found: %v", dirs)
	}
	unrendered := regexp.MustCompile(`\[[a-z][a-z0-9_]+\]`)
	for _, dir := range dirs {
		reports, err := tomldata.Load(os.DirFS(dir), "data")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, lang := range locale.Languages {
			loc, err := locale.Load(os.DirFS(filepath.Join("..", "..")), lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range reports {
				b, _ := json.Marshal(view.Build(r, r.Audit(), loc))
				if m := unrendered.Find(b); m != nil {
					t.Errorf("%s %d (%s): %s in the view", r.Agency.Slug, r.Year, lang, m)
				}
			}
			if err := loc.Err(); err != nil {
				t.Errorf("%s: %v", dir, err)
			}
		}
	}
}
