package report

import (
	"math"
	"testing"
)

func fig(s string) Figure { return ParseFigure(s) }

func TestComputeAchievement(t *testing.T) {
	def := Settings{LowerIsBetterFormula: FormulaTwoMinus, BandSet: "laporan"}
	inv := Settings{LowerIsBetterFormula: FormulaInverse, BandSet: "laporan"}
	capped := Settings{LowerIsBetterFormula: FormulaTwoMinus, BandSet: "laporan", CapPercent: 120}
	cases := []struct {
		name           string
		target, actual string
		pol            Polarity
		s              Settings
		want           float64
		ok, capped     bool
		reason         string
	}{
		{"higher is better", "22.380 Liter", "21.493 Liter", HigherIsBetter, def, 96.0366, true, false, ""},
		{"higher, above target", "4500 Surat", "5887 Surat", HigherIsBetter, def, 130.8222, true, false, ""},
		{"lower is better, 2-r/t, on target", "2,38%", "2,38%", LowerIsBetter, def, 100, true, false, ""},
		{"lower is better, 2-r/t, worse", "5,71%", "5,93%", LowerIsBetter, def, 96.1471, true, false, ""},
		{"lower is better, 2-r/t, better", "2,00%", "1,50%", LowerIsBetter, def, 125, true, false, ""},
		{"lower is better, t/r", "5,71%", "5,93%", LowerIsBetter, inv, 96.2901, true, false, ""},
		{"lower, t/r, zero realisation", "1%", "0%", LowerIsBetter, inv, 0, false, false, "reason_actual_zero"},
		{"cap applies", "100 Orang", "130 Orang", HigherIsBetter, capped, 120, true, true, ""},
		{"cap at edge not marked", "100 Orang", "120 Orang", HigherIsBetter, capped, 120, true, false, ""},
		{"cap below does nothing", "100 Orang", "90 Orang", HigherIsBetter, capped, 90, true, false, ""},
		{"dash target is no target, not zero", "-", "5 Orang", HigherIsBetter, def, 0, false, false, "reason_no_target"},
		{"dash realisation is no data, not zero", "5 Orang", "–", HigherIsBetter, def, 0, false, false, "reason_no_actual"},
		{"nihil", "Nihil", "Nihil", HigherIsBetter, def, 0, false, false, "reason_no_target"},
		{"absent target", "", "5", HigherIsBetter, def, 0, false, false, "reason_no_target"},
		{"zero target", "0 Orang", "5 Orang", HigherIsBetter, def, 0, false, false, "reason_target_zero"},
		{"text target", "a. Jumlah tahapan", "4 Dokumen", HigherIsBetter, def, 0, false, false, "reason_target_not_number"},
		{"text realisation", "4 Dokumen", "lihat lampiran", HigherIsBetter, def, 0, false, false, "reason_actual_not_number"},
		{"grade against number", "B", "80", HigherIsBetter, def, 0, false, false, "reason_grade_vs_number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := ComputeAchievement(fig(c.target), fig(c.actual), c.pol, c.s)
			if a.OK != c.ok || a.Capped != c.capped {
				t.Fatalf("OK=%v Capped=%v, want %v %v (%s)", a.OK, a.Capped, c.ok, c.capped, a)
			}
			if c.ok && math.Abs(a.Percent-c.want) > 0.0001 {
				t.Errorf("capaian %.4f, want %.4f", a.Percent, c.want)
			}
			if !c.ok && a.Reason != c.reason {
				t.Errorf("reason %q, want %q", a.Reason, c.reason)
			}
		})
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}
func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestQualitativeGrades(t *testing.T) {
	s := Settings{LowerIsBetterFormula: FormulaTwoMinus, BandSet: "laporan"}
	cases := []struct {
		target, actual string
		met            bool
	}{
		{"B", "BB", true}, {"B", "B", true}, {"BB", "B", false}, {"A", "AA", true}, {"CC", "D", false},
	}
	for _, c := range cases {
		a := ComputeAchievement(fig(c.target), fig(c.actual), HigherIsBetter, s)
		if !a.Qualitative || a.OK || a.Met != c.met {
			t.Errorf("%s→%s: qualitative=%v ok=%v met=%v, want met=%v", c.target, c.actual, a.Qualitative, a.OK, a.Met, c.met)
		}
	}
}

func TestFormulaText(t *testing.T) {
	if got := FormulaText(LowerIsBetter, Settings{LowerIsBetterFormula: FormulaTwoMinus}); got != "formula_lower_two_minus" {
		t.Errorf("2-r/t: %q", got)
	}
	if got := FormulaText(LowerIsBetter, Settings{LowerIsBetterFormula: FormulaInverse}); got != "formula_lower_inverse" {
		t.Errorf("t/r: %q", got)
	}
	if got := FormulaText(HigherIsBetter, Settings{}); got != "formula_higher" {
		t.Errorf("naik: %q", got)
	}
}

func TestBandEdges(t *testing.T) {
	cases := []struct {
		set  string
		v    float64
		want string
	}{
		{"laporan", 100.01, "Sangat Berhasil"},
		{"laporan", 100, "Berhasil"}, // the report rates exactly 100 % "Berhasil"
		{"laporan", 85, "Berhasil"},
		{"laporan", 84.99, "Cukup"},
		{"laporan", 55, "Cukup"},
		{"laporan", 54.99, "Kurang"},
		{"laporan", -10, "Kurang"},
		{"esakip", 100, "Sangat Berhasil"},
		{"esakip", 99.99, "Berhasil"},
		{"esakip", 75, "Berhasil"},
		{"esakip", 74.9, "Cukup Berhasil"},
		{"esakip", 55, "Cukup Berhasil"},
		{"esakip", 54.9, "Kurang Berhasil"},
		{"permendagri86", 91, "Sangat Tinggi"},
		{"permendagri86", 90.9, "Tinggi"},
		{"permendagri86", 76, "Tinggi"},
		{"permendagri86", 75.9, "Sedang"},
		{"permendagri86", 66, "Sedang"},
		{"permendagri86", 65, "Rendah"},
		{"permendagri86", 51, "Rendah"},
		{"permendagri86", 50.99, "Sangat Rendah"},
		{"permendagri86", 50, "Sangat Rendah"},
	}
	for _, c := range cases {
		if got := BandSets[c.set].Classify(c.v).Name; got != c.want {
			t.Errorf("%s %.2f: %q, want %q", c.set, c.v, got, c.want)
		}
	}
	for _, name := range BandSetNames() {
		if BandSets[name].Source == "" {
			t.Errorf("band set %s names no source", name)
		}
	}
}

func TestAbsorptionAndEfficiency(t *testing.T) {
	abs, ok := Absorption(ParseRupiah("Rp. 34.547.900.993,-"), ParseRupiah("Rp. 33.803.921.167,-"))
	if !ok || math.Abs(abs-97.8465) > 0.0001 {
		t.Fatalf("absorption %v %v", abs, ok)
	}
	if _, ok := Absorption(ParseRupiah("Rp. 0,-"), ParseRupiah("Rp. 5,-")); ok {
		t.Error("zero budget must give no absorption")
	}
	if _, ok := Absorption(ParseRupiah(""), ParseRupiah("Rp. 5,-")); ok {
		t.Error("absent budget must give no absorption")
	}
	if e := Efficiency(100, 97.85); math.Abs(e-2.15) > 1e-9 {
		t.Errorf("efficiency %v", e)
	}
}
