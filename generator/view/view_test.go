package view_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/view"
)

var update = flag.Bool("update", false, "rewrite testdata/seed-view.golden.json")

func seedView(t *testing.T) *view.Report {
	t.Helper()
	reports, err := tomldata.Load(os.DirFS(filepath.Join("..", "..", "data")), "data")
	if err != nil {
		t.Fatal(err)
	}
	r := reports[0]
	return view.Build(r, r.Audit())
}

// TestSeedViewGolden pins everything the pages of the seed report show.
func TestSeedViewGolden(t *testing.T) {
	v := seedView(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed-view.golden.json")
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
	if v.Totals.Budget != "Rp 34.547.900.993" || v.Totals.BudgetShort != "Rp 34,55 miliar" || v.Totals.Absorption != "97,85 %" {
		t.Errorf("totals %+v", v.Totals)
	}
	if v.Headline.CapaianPublished != "100%" || v.Headline.CapaianRecomputed != "100,00 %" || !strings.Contains(v.Headline.Formula, "2 −") {
		t.Errorf("headline %+v", v.Headline)
	}
	if v.URL != "dinas-sosial-sidoarjo/2021/" || v.Items["kunjungan-tamu"].URL != "dinas-sosial-sidoarjo/2021/program/penunjang/administrasi-umum/kunjungan-tamu/" {
		t.Errorf("urls %q %q", v.URL, v.Items["kunjungan-tamu"].URL)
	}
	// the IKU row: published 100 %, recomputed with the lower-is-better formula
	for _, m := range v.Measures {
		if m.ID == "iku" {
			r := m.Rows[0]
			if r.Published != "100%" || r.Recomputed != "96,15 %" || !r.Differs || r.Difference != "+3,85 poin" {
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
	if got := v.Method.Bands[1].Range; got != "dari 85 % sampai 100 %" {
		t.Errorf("Berhasil range %q", got)
	}
}
