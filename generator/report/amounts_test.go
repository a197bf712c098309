package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/locale"
)

func TestAddAmounts(t *testing.T) {
	for _, c := range []struct {
		a, b, sum int64
		ok        bool
	}{
		{1, 2, 3, true},
		{math.MaxInt64 - 1, 1, math.MaxInt64, true},
		{math.MaxInt64, 1, 0, false},
		{math.MaxInt64, math.MaxInt64, 0, false},
		{math.MinInt64, -1, 0, false},
		{-5, 3, -2, true},
	} {
		if sum, ok := addAmounts(c.a, c.b); sum != c.sum || ok != c.ok {
			t.Errorf("%d + %d = %d, %v", c.a, c.b, sum, ok)
		}
	}
	if plusAmount(math.MaxInt64, math.MaxInt64) != math.MaxInt64 || plusAmount(math.MinInt64, -1) != math.MinInt64 {
		t.Error("plusAmount does not hold at the limits")
	}
}

func TestParseRupiahBound(t *testing.T) {
	for s, ok := range map[string]bool{
		"Rp 1.000.000.000.000.000":      true,
		"Rp. 1.000.000.000.000.001,-":   false,
		"Rp 9.223.372.036.854.775.807":  false,
		"Rp 9.223.372.036.854.775.808":  false,
		"Rp " + strings.Repeat("9", 40): false,
	} {
		r := ParseRupiah(s)
		if (r.Err() == nil) != ok || r.Present != ok {
			t.Errorf("%q: %+v, err %v", s, r, r.Err())
		}
		if !ok && (r.Err() == nil || !strings.Contains(r.Err().Error(), "terlalu besar")) {
			t.Errorf("%q: %v", s, r.Err())
		}
	}
}

func TestParseFigureBound(t *testing.T) {
	if f := ParseFigure("1.000.000.000.000.000 Orang"); f.Err() != nil || f.Kind != Number {
		t.Errorf("the bound itself: %+v", f)
	}
	for _, s := range []string{"1.000.000.000.000.001", strings.Repeat("9", 300) + "%", "CC (" + strings.Repeat("9", 20) + ")"} {
		if f := ParseFigure(s); f.Err() == nil {
			t.Errorf("%.30q…: no error", s)
		}
	}
}

// bigBudgetReport has n programme rows in its LRA, each of amount.
func bigBudgetReport(n int, amount int64) *Report {
	r := &Report{Year: 2021, Meta: Meta{Title: "L", Year: 2021}}
	r.Results.Tables = []MeasureTable{{ID: "t", Rows: []MeasureRow{{Indicator: "i"}}}}
	for i := range n {
		a := Rupiah{Published: fmt.Sprint(amount), Amount: amount, Present: true}
		r.Budget.LRA.Rows = append(r.Budget.LRA.Rows, BudgetRow{Level: LevelProgram, Text: fmt.Sprint(i), Budget: a, Spent: a})
		r.RKT.Rows = append(r.RKT.Rows, PlanRow{Text: fmt.Sprint(i), Budget: a})
	}
	return r
}

// A report built without the loader may hold amounts the loader refuses:
// Prepare refuses them too, and no sum wraps into a negative figure.
func TestSumsDoNotWrap(t *testing.T) {
	r := bigBudgetReport(3, math.MaxInt64)
	errs := r.Prepare()
	paths := map[string]bool{}
	for _, e := range errs {
		paths[e.Path] = true
	}
	for _, want := range []string{"anggaran.lra.baris[0].anggaran", "anggaran.lra.baris[2].realisasi", "rkt.baris[1].anggaran"} {
		if !paths[want] {
			t.Errorf("no error at %s: %v", want, errs)
		}
	}
	if tot := r.Totals(); tot.Budget < 0 || tot.Spent < 0 || tot.Absorption < 0 {
		t.Errorf("totals %+v", tot)
	}
	for _, f := range r.Audit() {
		if f.Recomputed < 0 {
			t.Errorf("negative sum in %+v", f)
		}
	}

	// amounts within the bound, too many of them: one error per column
	r = bigBudgetReport(9300, MaxRupiah)
	errs = r.Prepare()
	var sums []string
	for _, e := range errs {
		if strings.Contains(e.Message, "melebihi batas hitung") {
			sums = append(sums, e.Path)
		}
	}
	if strings.Join(sums, " ") != "rkt.baris anggaran.lra.baris anggaran.lra.baris" {
		t.Errorf("sum errors at %v", sums)
	}
	if tot := r.Totals(); tot.Budget != math.MaxInt64 {
		t.Errorf("totals %+v", tot)
	}

	// 9000 rows of the largest amount still add up
	if errs := bigBudgetReport(9000, MaxRupiah).Prepare(); len(errs) != 0 {
		t.Errorf("9000 rows of Rp 1.000 triliun: %v", errs[0])
	}
}

// One item on thousands of rows: one finding per row, each with a detail
// of bounded length (each listed every row, quadratic in time and memory).
func TestCrossTableDetailIsBounded(t *testing.T) {
	r := &Report{Year: 2021, Meta: Meta{Title: "L", Year: 2021}, Programs: []Program{{ID: "p", Name: "P"}}}
	r.Results.Tables = []MeasureTable{{ID: "t", Rows: []MeasureRow{{Indicator: "i"}}}}
	for i := range 3000 {
		r.RKT.Rows = append(r.RKT.Rows, PlanRow{Ref: "p", Budget: ParseRupiah(fmt.Sprint(i + 1))})
	}
	if errs := r.Prepare(); len(errs) != 0 {
		t.Fatal(errs)
	}
	n := 0
	for _, f := range r.Audit() {
		if f.Kind == KindCrossTable {
			n++
			if d := idLocale(t).Render(f.Detail); len(d) > 1000 {
				t.Fatalf("a detail of %d bytes", len(d))
			}
		}
	}
	if n != 2999 {
		t.Errorf("%d findings", n)
	}
}

// A target so small beside its realisasi that the ratio is infinite gives
// no capaian (an infinite one broke the report's JSON).
func TestVanishingTarget(t *testing.T) {
	tiny := ParseFigure("0," + strings.Repeat("0", 320) + "1")
	if tiny.Kind != Number || tiny.Value <= 0 {
		t.Fatalf("%+v", tiny)
	}
	for _, p := range []Polarity{HigherIsBetter, LowerIsBetter} {
		for _, formula := range []string{FormulaTwoMinus, FormulaInverse} {
			a := ComputeAchievement(tiny, ParseFigure("1.000"), p, Settings{LowerIsBetterFormula: formula})
			b := ComputeAchievement(ParseFigure("1.000"), tiny, p, Settings{LowerIsBetterFormula: formula})
			for _, x := range []Achievement{a, b} {
				if math.IsInf(x.Percent, 0) || math.IsNaN(x.Percent) || math.IsInf(x.Raw, 0) || (x.OK && math.Abs(x.Percent) > 1e12) {
					t.Errorf("%s %s: %+v", p, formula, x)
				}
			}
		}
	}
	if a := ComputeAchievement(tiny, ParseFigure("1.000"), HigherIsBetter, Settings{}); a.OK || a.Reason != "reason_out_of_range" {
		t.Errorf("%+v", a)
	}
}

// A report that did not parse (Prepare never ran) or whose own categories
// are empty still classifies: found by FuzzLoad (index out of range).
func TestBandsOfUnpreparedSettings(t *testing.T) {
	for _, s := range []Settings{{}, {BandSet: "tidak-ada"}, {BandSet: OwnBandSetID}, {BandSet: OwnBandSetID, OwnBands: &OwnBandSet{}}} {
		if b := s.Bands().Classify(50); b.Name == "" {
			t.Errorf("%+v: no band", s)
		}
	}
	if b := (BandSet{}).Classify(50); b.Name != "" {
		t.Errorf("an empty set gives %+v", b)
	}
}

// idLocale is the site's Indonesian strings (i18n/id.toml).
func idLocale(t *testing.T) *locale.Locale {
	t.Helper()
	l, err := locale.Load(os.DirFS(filepath.Join("..", "..")), locale.Default)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
