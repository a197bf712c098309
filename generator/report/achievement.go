package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The two formulas in use for indicators where lower is better.
const (
	// FormulaTwoMinus is (2 − realisasi/target) × 100, the same as
	// (target − (realisasi − target)) / target × 100 (PermenPANRB 8/2021).
	FormulaTwoMinus = "2-r/t"
	// FormulaInverse is target / realisasi × 100, used by some e-SAKIP apps.
	FormulaInverse = "t/r"
)

// Achievement is a recomputed capaian.
type Achievement struct {
	Percent float64 // valid when OK; the cap of the settings applied
	Raw     float64 // valid when OK; before the cap
	OK      bool
	Capped  bool   // the cap of the settings applied (Raw > Percent)
	Formula string // i18n key of the formula used (formula_*), which the site prints
	// Reason is the i18n key of why no number could be computed (reason_*).
	Reason string
	// Qualitative results: Met tells whether a grade target was reached.
	Qualitative bool
	Met         bool
}

// ReasonNotAssessed: the row is marked as not yet assessed.
const ReasonNotAssessed = "reason_not_assessed"

// FormulaText is the i18n key of the formula for a polarity under the
// settings (formula_higher, formula_lower_two_minus, formula_lower_inverse).
func FormulaText(p Polarity, s Settings) string {
	if p == LowerIsBetter {
		if s.LowerIsBetterFormula == FormulaInverse {
			return "formula_lower_inverse"
		}
		return "formula_lower_two_minus"
	}
	return "formula_higher"
}

// maxAchievement bounds a recomputed capaian (in percent): a target so
// small beside its realisasi that the ratio exceeds it (or is infinite)
// gives no number, so that every figure the site publishes is finite.
const maxAchievement = 1e12

// ComputeAchievement recomputes capaian from target and realisasi with the
// polarity's formula and the optional cap. "–" and text never become zero:
// they give no number and a reason.
func ComputeAchievement(target, actual Figure, p Polarity, s Settings) Achievement {
	a := Achievement{Formula: FormulaText(p, s)}
	if target.Kind == NotAssessed || actual.Kind == NotAssessed {
		a.Reason = ReasonNotAssessed
		return a
	}
	if target.Kind == Grade || actual.Kind == Grade {
		if target.Kind != Grade || actual.Kind != Grade {
			a.Reason = "reason_grade_vs_number"
			return a
		}
		a.Qualitative = true
		a.Formula = "formula_grade"
		a.Met = GradeRank(actual.Grade) >= GradeRank(target.Grade)
		return a
	}
	switch {
	case target.Kind == Absent || target.Kind == NoData:
		a.Reason = "reason_no_target"
		return a
	case actual.Kind == Absent || actual.Kind == NoData:
		a.Reason = "reason_no_actual"
		return a
	case target.Kind != Number:
		a.Reason = "reason_target_not_number"
		return a
	case actual.Kind != Number:
		a.Reason = "reason_actual_not_number"
		return a
	case target.Value == 0:
		a.Reason = "reason_target_zero"
		return a
	}
	ratio := actual.Value / target.Value
	switch {
	case p != LowerIsBetter:
		a.Percent = ratio * 100
	case s.LowerIsBetterFormula == FormulaInverse:
		if actual.Value == 0 {
			a.Reason = "reason_actual_zero"
			return a
		}
		a.Percent = target.Value / actual.Value * 100
	default:
		a.Percent = (2 - ratio) * 100
	}
	if math.IsNaN(a.Percent) || math.Abs(a.Percent) > maxAchievement {
		a.Percent = 0
		a.Reason = "reason_out_of_range"
		return a
	}
	a.Raw = a.Percent
	if s.CapPercent > 0 && a.Percent > s.CapPercent {
		a.Percent, a.Capped = s.CapPercent, true
	}
	a.OK = true
	return a
}

// GradeRank orders SAKIP grades: AA highest; 0 for an unknown grade.
func GradeRank(g string) int {
	for i, x := range Grades {
		if x == strings.TrimSpace(g) {
			return len(Grades) - i
		}
	}
	return 0
}

// Absorption is realisasi anggaran ÷ anggaran × 100.
func Absorption(budget, spent Rupiah) (float64, bool) {
	if !budget.Present || !spent.Present || budget.Amount == 0 {
		return 0, false
	}
	return float64(spent.Amount) / float64(budget.Amount) * 100, true
}

// Efficiency is the report's own definition (section 3.7):
// % capaian kinerja − % penyerapan anggaran.
func Efficiency(achievementPercent, absorptionPercent float64) float64 {
	return achievementPercent - absorptionPercent
}

// Band is one achievement category: it holds from Min (inclusive unless
// MinExclusive) up to the next band's minimum.
type Band struct {
	Name         string // the category's Indonesian name, as reports print it
	Key          string // i18n key of its label; "" for a report's own category (data)
	Min          float64
	MinExclusive bool
	Level        int // 0 best; used for colours and sorting
}

// BandSet is a named scale of bands with its source, which the site prints.
type BandSet struct {
	ID     string
	Name   string // i18n key for a named set; the report's own words for its own set
	Source string // likewise
	Own    bool   // Name and Source are the report's text, not i18n keys
	Bands  []Band // best first; the last band has Min = -Inf
}

// BandSets are the scales in use (DOMAIN.md); the setting `kategori` picks one.
var BandSets = map[string]BandSet{
	"laporan": {ID: "laporan", Name: "bandset_laporan", Source: "bandset_laporan_source",
		Bands: []Band{
			{Name: "Sangat Berhasil", Key: "band_laporan_0", Min: 100, MinExclusive: true, Level: 0},
			{Name: "Berhasil", Key: "band_laporan_1", Min: 85, Level: 1},
			{Name: "Cukup", Key: "band_laporan_2", Min: 55, Level: 2},
			{Name: "Kurang", Key: "band_laporan_3", Min: math.Inf(-1), Level: 3},
		}},
	"esakip": {ID: "esakip", Name: "bandset_esakip", Source: "bandset_esakip_source",
		Bands: []Band{
			{Name: "Sangat Berhasil", Key: "band_esakip_0", Min: 100, Level: 0},
			{Name: "Berhasil", Key: "band_esakip_1", Min: 75, Level: 1},
			{Name: "Cukup Berhasil", Key: "band_esakip_2", Min: 55, Level: 2},
			{Name: "Kurang Berhasil", Key: "band_esakip_3", Min: math.Inf(-1), Level: 3},
		}},
	"permendagri86": {ID: "permendagri86", Name: "bandset_permendagri86", Source: "bandset_permendagri86_source",
		Bands: []Band{
			{Name: "Sangat Tinggi", Key: "band_permendagri86_0", Min: 91, Level: 0},
			{Name: "Tinggi", Key: "band_permendagri86_1", Min: 76, Level: 1},
			{Name: "Sedang", Key: "band_permendagri86_2", Min: 66, Level: 2},
			{Name: "Rendah", Key: "band_permendagri86_3", Min: 51, Level: 3},
			{Name: "Sangat Rendah", Key: "band_permendagri86_4", Min: math.Inf(-1), Level: 4},
		}},
}

// BandSetNames lists the known band sets, sorted.
func BandSetNames() []string {
	names := make([]string, 0, len(BandSets))
	for k := range BandSets {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Classify returns the band a capaian falls in; a set without bands gives
// a band without a name.
func (bs BandSet) Classify(percent float64) Band {
	for _, b := range bs.Bands {
		if percent > b.Min || (!b.MinExclusive && percent == b.Min) {
			return b
		}
	}
	if len(bs.Bands) == 0 {
		return Band{Min: math.Inf(-1), Level: 3}
	}
	return bs.Bands[len(bs.Bands)-1]
}

// OwnBandSetID is the setting `kategori` that selects the report's own set.
const OwnBandSetID = "sendiri"

// Bands returns the band set chosen by the settings: a named one, or the
// report's own (checked by Prepare). An unknown or empty choice, which
// Prepare refuses (or which a report that did not parse still has), gives
// the default set "laporan".
func (s Settings) Bands() BandSet {
	if s.BandSet == OwnBandSetID && s.OwnBands != nil && len(s.OwnBands.Bands) > 0 {
		return s.OwnBands.BandSet()
	}
	if bs, ok := BandSets[s.BandSet]; ok {
		return bs
	}
	return BandSets["laporan"]
}

// BandSet turns the categories written in the data into a band set.
func (o OwnBandSet) BandSet() BandSet {
	bs := BandSet{ID: OwnBandSetID, Name: o.Name, Source: o.Source, Own: true}
	for i, b := range o.Bands {
		min := math.Inf(-1)
		if b.Min != nil {
			min = *b.Min
		}
		level := i
		if i == len(o.Bands)-1 && i < 3 {
			level = 3 // the worst band looks like the worst band of the named sets
		}
		bs.Bands = append(bs.Bands, Band{Name: b.Name, Min: min, MinExclusive: b.Exclusive && b.Min != nil, Level: level})
	}
	if bs.Name == "" {
		bs.Name, bs.Own = "bandset_own", false // no words of the report: the interface names it
	}
	return bs
}

// String is for debugging and golden files.
func (a Achievement) String() string {
	switch {
	case a.Qualitative:
		return fmt.Sprintf("kualitatif tercapai=%v", a.Met)
	case a.OK:
		return fmt.Sprintf("%.4f%%", a.Percent)
	default:
		return "tidak dapat dihitung: " + a.Reason
	}
}
