package report

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/locale"
)

// Severity ranks a finding.
type Severity int

const (
	// Info: worth knowing (a target revised mid-year, an irregular number format).
	Info Severity = iota
	// Warning: the report contradicts itself, but a reader can tell which figure is meant.
	Warning
	// Serious: a published figure that does not follow from the report's own data.
	Serious
)

func (s Severity) String() string {
	return [...]string{"info", "peringatan", "serius"}[s]
}

// FindingKind names what kind of check produced a finding.
type FindingKind string

const (
	KindAchievement      FindingKind = "capaian-tidak-sesuai"
	KindCategory         FindingKind = "kategori-tidak-sesuai"
	KindPercent          FindingKind = "persen-tidak-sesuai"
	KindChildrenSum      FindingKind = "induk-bukan-jumlah-anak"
	KindTableTotal       FindingKind = "total-bukan-jumlah-baris"
	KindCrossTable       FindingKind = "beda-antar-tabel"
	KindOverspent        FindingKind = "realisasi-melebihi-anggaran"
	KindTargetChanged    FindingKind = "target-berubah"
	KindNumberFormat     FindingKind = "format-angka"
	KindNotComputable    FindingKind = "tidak-dapat-dihitung"
	KindOutsideHierarchy FindingKind = "di-luar-nomenklatur"
	KindAmbiguous        FindingKind = "angka-ambigu"
)

// Finding is one place where the report's arithmetic or consistency fails.
// The published figure is kept exactly; the recomputed one stands beside it.
// Field is data, not a sentence: the site labels it with the i18n key
// field_<column> (spaces as _) when there is one, and check prints it as is.
type Finding struct {
	Severity  Severity
	Kind      FindingKind
	TableID   string
	Table     string // section and title, e.g. "3.5 Laporan Realisasi Anggaran"
	Row       int    // 1-based row of the table; 0 when not a row
	Ref       string // item id, "" when the row names no 2021 item
	Item      string // the item's name as printed in that table
	Field     string // the data's column key ("capaian", "target 2021"), as given
	Published string // exactly as printed
	// Recomputed and Difference are valid when HasNumbers.
	Recomputed float64
	Difference float64 // published − recomputed
	HasNumbers bool
	Unit       string     // "%", "Rp", "poin" or an indicator's unit
	Detail     locale.Msg // one sentence, written in the reader's language
	// Compare names the table the comparison figure comes from, for
	// findings that compare two tables (nothing was recomputed then).
	Compare string
}

// Family groups the kinds of finding as a reader meets them.
type Family string

const (
	FamilyTargetChanged Family = "target-berubah"
	FamilyCrossTable    Family = "beda-antar-tabel"
	FamilyRecompute     Family = "hitung-ulang-berbeda"
	FamilySum           Family = "jumlah-tidak-cocok"
	FamilyAmbiguous     Family = "angka-ambigu"
	FamilyFormat        Family = "format-dan-lainnya"
)

// Families lists the families in the order the site explains them.
var Families = []Family{FamilyTargetChanged, FamilyCrossTable, FamilyRecompute, FamilySum, FamilyAmbiguous, FamilyFormat}

// Family is the family of a finding's kind.
func (f Finding) Family() Family {
	switch f.Kind {
	case KindTargetChanged:
		return FamilyTargetChanged
	case KindCrossTable:
		return FamilyCrossTable
	case KindAchievement, KindPercent, KindCategory:
		return FamilyRecompute
	case KindChildrenSum, KindTableTotal, KindOverspent:
		return FamilySum
	case KindAmbiguous:
		return FamilyAmbiguous
	}
	return FamilyFormat
}

// Thresholds of materiality.
const (
	// RoundingPoints: a percentage that differs by at most this is a
	// rounding difference (info).
	RoundingPoints = 0.05
	// MaterialRupiah and MaterialShare: a money difference at least this
	// large, or this share of the amount, is serious; a tenth of either is
	// a warning; less is info.
	MaterialRupiah = 100_000_000
	MaterialShare  = 0.01
)

// materiality grades a finding by what it means for a reader: a changed
// target or a signed agreement contradicted is serious, a rounding
// difference is not; money by amount and share. The kind's own severity
// stands where no rule applies.
func materiality(f Finding) Severity {
	switch {
	case f.Kind == KindTargetChanged:
		return Serious
	case f.Unit == "Rp" && f.HasNumbers:
		diff, base := math.Abs(f.Difference), math.Abs(f.Recomputed)
		share := diff / math.Max(base, 1)
		switch {
		case diff >= MaterialRupiah || share >= MaterialShare:
			return Serious
		case diff >= MaterialRupiah/10 || share >= MaterialShare/10:
			return Warning
		}
		return Info
	case f.Kind == KindCrossTable:
		if isAgreement(f.TableID) {
			return Serious // the signed Perjanjian Kinerja says otherwise
		}
		return Warning
	case (f.Kind == KindAchievement || f.Kind == KindPercent) && f.HasNumbers:
		switch d := math.Abs(f.Difference); {
		case d <= RoundingPoints+1e-9:
			return Info
		case d <= 1:
			return Warning
		}
		return Serious
	case f.Kind == KindTableTotal && f.Unit != "Rp":
		return Warning
	}
	return f.Severity
}

func isAgreement(tableID string) bool {
	return tableID == TablePKHead || tableID == TablePKEselonIII || tableID == TablePKEselonIV || tableID == TablePKBudget
}

// Audit checks the report's own arithmetic and returns every finding,
// most serious first, then in table order.
func (r *Report) Audit() []Finding {
	a := &auditor{r: r, s: r.Meta.Settings, titles: map[string]string{}}
	for _, t := range r.Tables() {
		a.titles[t.ID] = t.Title
	}
	for i := range r.Results.Tables {
		a.measureTable(&r.Results.Tables[i])
	}
	a.statedCount()
	a.budgetTable(TableLRA, &r.Budget.LRA, true)
	a.budgetTable(TablePKBudget, &r.Agreements.Budget, false)
	a.planRows(TableRKT, r.RKT.Rows, true)
	a.planRows(TablePKHead, r.Agreements.Head.Rows, false)
	a.planRows(TablePKEselonIII, r.Agreements.EselonIII.Rows, false)
	a.planRows(TablePKEselonIV, r.Agreements.EselonIV.Rows, false)
	a.renstraTargets()
	a.performanceBudget()
	a.efficiency()
	a.countTables()
	a.crossTableBudgets()
	a.crossTableTargets()
	sort.SliceStable(a.out, func(i, j int) bool { return a.out[i].Severity > a.out[j].Severity })
	return a.out
}

type auditor struct {
	r      *Report
	s      Settings
	titles map[string]string // table id → title, from the registry
	out    []Finding
}

// title is a table's title as the registry gives it.
func (a *auditor) title(id string) string { return a.titles[id] }

// statedCount compares the number of indicators the report says it
// measures with the indicators of its main measurement.
func (a *auditor) statedCount() {
	want := a.r.Meta.StatedCount
	if want == 0 {
		return
	}
	got := len(a.r.MainMeasurement())
	if got == want {
		return
	}
	id := a.r.Meta.MainTable
	a.add(Finding{Severity: Warning, Kind: KindTableTotal, TableID: id, Table: a.title(id), Field: "jumlah_indikator",
		Published: fmt.Sprint(want), Recomputed: float64(got), Difference: float64(want - got), HasNumbers: true, Unit: "indikator",
		Detail: locale.M("finding_stated_count", "Stated", want, "Got", got)})
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func (a *auditor) add(f Finding) {
	f.Severity = materiality(f)
	if f.Ref != "" && f.Item == "" {
		if it := a.r.items[f.Ref]; it != nil {
			f.Item = it.Name
		}
	}
	a.out = append(a.out, f)
}

func (a *auditor) irregular(tableID, table string, row int, ref, item, field string, f Figure) {
	if f.Irregular == "" {
		return
	}
	a.add(Finding{Severity: Info, Kind: KindNumberFormat, TableID: tableID, Table: table, Row: row, Ref: ref, Item: item,
		Field: field, Published: f.Published, Detail: locale.M("finding_irregular_number", "Text", locale.M(f.Irregular))})
}

func (a *auditor) measureTable(t *MeasureTable) {
	name := a.title(t.ID)
	bands := a.s.Bands()
	for _, m := range a.r.MeasuredRows(t) {
		row, n, item, res := *m.Row, m.Index, m.Item, m.Result
		for _, fld := range []struct {
			name string
			f    Figure
		}{{"target_awal", row.InitialTarget}, {"target", row.Target}, {"realisasi", row.Actual}, {"capaian", row.Achievement}} {
			a.irregular(t.ID, name, n, row.Ref, item, fld.name, fld.f)
		}
		if len(a.r.Programs) > 0 && row.Ref == "" && strings.TrimSpace(row.Text) != "" && !row.continued && row.Level != LevelGoal && row.Level != LevelTarget {
			a.add(Finding{Severity: Info, Kind: KindOutsideHierarchy, TableID: t.ID, Table: name, Row: n, Item: row.Text,
				Detail: locale.M("finding_outside_hierarchy")})
		}
		if row.InitialTarget.IsNumber() && row.Target.IsNumber() && row.InitialTarget.Value != row.Target.Value {
			a.add(Finding{Severity: Info, Kind: KindTargetChanged, TableID: t.ID, Table: name, Row: n, Ref: row.Ref, Item: item,
				Field: "target", Published: row.Target.Published, Recomputed: row.InitialTarget.Value, Difference: row.Target.Value - row.InitialTarget.Value,
				Unit: row.Target.Unit, Detail: locale.M("finding_target_changed", "From", row.InitialTarget.Published, "To", row.Target.Published)})
		}
		ach, pub := res.Achievement, row.Achievement
		if res.Ambiguous {
			match := locale.M("finding_ambiguous_no_match")
			switch {
			case res.AlternativeMatches:
				match = locale.M("finding_ambiguous_thousands", "Printed", pub.Published)
			case ach.OK && pub.IsNumber() && math.Abs(pub.Value-ach.Percent) <= pub.Tolerance(a.s.TolerancePoints):
				// an ambiguous row is never compared (Compared stays false):
				// the decimal reading is checked here
				match = locale.M("finding_ambiguous_decimal", "Printed", pub.Published)
			}
			a.add(Finding{Severity: Warning, Kind: KindAmbiguous, TableID: t.ID, Table: name, Row: n, Ref: row.Ref, Item: item,
				Field: "realisasi", Published: row.Actual.Published,
				Detail: locale.M("finding_ambiguous", "Indicator", row.Indicator, "Figures", strings.TrimSpace(row.Target.Published+" / "+row.Actual.Published),
					"Decimal", percentOrDash(ach), "Thousands", percentOrDash(res.Alternative), "Match", match)})
		}
		switch {
		case res.Differs:
			a.add(Finding{Severity: Serious, Kind: KindAchievement, TableID: t.ID, Table: name, Row: n, Ref: row.Ref, Item: item,
				Field: "capaian", Published: pub.Published, Recomputed: ach.Percent, Difference: res.Difference, HasNumbers: true, Unit: "%",
				Detail: locale.M("finding_achievement", "Indicator", row.Indicator, "Target", row.Target.Published, "Actual", row.Actual.Published, "Formula", locale.M(ach.Formula))})
		case !ach.OK && !ach.Qualitative && !res.FromPublished && !row.Truncated && res.Status != ReasonNotAssessed && pub.IsNumber() && (row.Target.Kind != Absent || row.Actual.Kind != Absent):
			a.add(Finding{Severity: Warning, Kind: KindNotComputable, TableID: t.ID, Table: name, Row: n, Ref: row.Ref, Item: item,
				Field: "capaian", Published: pub.Published,
				Detail: locale.M("finding_not_computable", "Indicator", row.Indicator, "Printed", pub.Published, "Reason", locale.M(ach.Reason))})
		}
		// the published category against the band of the published capaian
		if cat := strings.TrimSpace(row.Category); cat != "" && cat != "-" && pub.IsNumber() {
			want := bands.Classify(pub.Value)
			if !strings.EqualFold(cat, want.Name) {
				a.add(Finding{Severity: Warning, Kind: KindCategory, TableID: t.ID, Table: name, Row: n, Ref: row.Ref, Item: item,
					Field: "kategori", Published: cat,
					Detail: locale.M("finding_category", "Printed", pub.Published, "Band", bandLabel(want), "Set", bandSetLabel(bands), "Category", cat)})
			}
		}
		if cat := strings.TrimSpace(row.Category); cat != "" && cat != "-" && pub.Kind == NoData {
			a.add(Finding{Severity: Warning, Kind: KindCategory, TableID: t.ID, Table: name, Row: n, Ref: row.Ref, Item: item,
				Field: "kategori", Published: cat,
				Detail: locale.M("finding_category_without_capaian", "Indicator", row.Indicator, "Printed", pub.Published, "Category", cat)})
		}
	}
}

func percentOrDash(a Achievement) any {
	if !a.OK {
		return "–"
	}
	return locale.Pct{V: a.Raw, Places: 2}
}

// bandLabel is a band as a message argument: the interface's label of a
// named band, the report's own words for its own category.
func bandLabel(b Band) locale.Msg {
	if b.Key == "" {
		return locale.Text(b.Name)
	}
	return locale.M(b.Key)
}

// bandSetLabel names a band set inside a sentence (lower case).
func bandSetLabel(bs BandSet) locale.Msg {
	if bs.Own {
		return locale.Text(strings.ToLower(bs.Name))
	}
	return locale.M(bs.Name + "_lower")
}

// budgetTable checks each row's % and, when the table has one row per item
// of the hierarchy, that every parent is the sum of its children.
func (a *auditor) budgetTable(id string, t *BudgetTable, withSpent bool) {
	name := a.title(id)
	byRef := map[string]*BudgetRow{}
	rowNo := map[string]int{}
	for i := range t.Rows {
		row := &t.Rows[i]
		n := i + 1
		for _, fld := range []struct {
			name string
			r    Rupiah
		}{{"anggaran", row.Budget}, {"realisasi", row.Spent}} {
			if fld.r.Irregular != "" {
				a.add(Finding{Severity: Info, Kind: KindNumberFormat, TableID: id, Table: name, Row: n, Ref: row.Ref, Item: row.Text,
					Field: fld.name, Published: fld.r.Published, Detail: locale.M("finding_irregular_amount", "Text", locale.M(fld.r.Irregular))})
			}
		}
		a.irregular(t.ID, name, n, row.Ref, row.Text, "persen", row.Percent)
		if row.Ref != "" {
			if _, dup := byRef[row.Ref]; !dup {
				byRef[row.Ref], rowNo[row.Ref] = row, n
			}
		}
		if abs, ok := Absorption(row.Budget, row.Spent); ok {
			if row.Percent.IsNumber() {
				if d := row.Percent.Value - abs; math.Abs(d) > row.Percent.Tolerance(a.s.TolerancePoints) {
					a.add(Finding{Severity: Serious, Kind: KindPercent, TableID: id, Table: name, Row: n, Ref: row.Ref, Item: row.Text,
						Field: "persen", Published: row.Percent.Published, Recomputed: abs, Difference: d, HasNumbers: true, Unit: "%",
						Detail: locale.M("finding_absorption", "Spent", row.Spent.Published, "Budget", row.Budget.Published)})
				}
			}
			if row.Spent.Amount > row.Budget.Amount {
				a.add(Finding{Severity: Serious, Kind: KindOverspent, TableID: id, Table: name, Row: n, Ref: row.Ref, Item: row.Text,
					Field: "realisasi", Published: row.Spent.Published, Recomputed: float64(row.Budget.Amount),
					Difference: float64(row.Spent.Amount - row.Budget.Amount), HasNumbers: true, Unit: "Rp",
					Detail: locale.M("finding_overspent", "Budget", row.Budget.Published)})
			}
		}
	}
	// parents against the sum of their children present in the same table
	for i := range t.Rows {
		row := &t.Rows[i]
		it := a.r.items[row.Ref]
		if it == nil || len(it.Children) == 0 || byRef[row.Ref] != row {
			continue
		}
		fields := []struct {
			name string
			get  func(*BudgetRow) Rupiah
		}{{"anggaran", func(b *BudgetRow) Rupiah { return b.Budget }}}
		if withSpent {
			fields = append(fields, struct {
				name string
				get  func(*BudgetRow) Rupiah
			}{"realisasi", func(b *BudgetRow) Rupiah { return b.Spent }})
		}
		for _, fld := range fields {
			parent := fld.get(row)
			if !parent.Present {
				continue
			}
			var sum int64
			var parts []any
			complete := true
			for _, c := range it.Children {
				cr := byRef[c.ID]
				if cr == nil || !fld.get(cr).Present {
					complete = false
					break
				}
				sum = plusAmount(sum, fld.get(cr).Amount)
				parts = append(parts, locale.M("finding_row", "Row", rowNo[c.ID]))
			}
			if !complete || sum == parent.Amount {
				continue
			}
			a.add(Finding{Severity: Serious, Kind: KindChildrenSum, TableID: id, Table: name, Row: i + 1, Ref: row.Ref, Item: row.Text,
				Field: fld.name, Published: parent.Published, Recomputed: float64(sum), Difference: float64(parent.Amount - sum),
				HasNumbers: true, Unit: "Rp", Detail: locale.M("finding_children_sum", "Field", locale.M("field_"+fld.name), "Count", len(parts), "Rows", locale.List{Items: parts, Sep: ", "})})
		}
	}
}

// planRows checks revised targets and number formats in RKT/PK tables, and
// (for the RKT) that a kegiatan's budget is the sum of its sub-kegiatan.
func (a *auditor) planRows(id string, rows []PlanRow, sums bool) {
	name := a.title(id)
	byRef := map[string]*PlanRow{}
	for i := range rows {
		row := &rows[i]
		if row.Ref != "" && byRef[row.Ref] == nil {
			byRef[row.Ref] = row
		}
		if row.Budget.Irregular != "" {
			a.add(Finding{Severity: Info, Kind: KindNumberFormat, TableID: id, Table: name, Row: i + 1, Ref: row.Ref, Item: row.Text,
				Field: "anggaran", Published: row.Budget.Published, Detail: locale.M("finding_irregular_amount", "Text", locale.M(row.Budget.Irregular))})
		}
		for _, ind := range row.Indicators {
			a.irregular(id, name, i+1, row.Ref, row.Text, "target", ind.Target)
			if ind.InitialTarget.IsNumber() && ind.Target.IsNumber() && ind.InitialTarget.Value != ind.Target.Value {
				a.add(Finding{Severity: Info, Kind: KindTargetChanged, TableID: id, Table: name, Row: i + 1, Ref: row.Ref, Item: row.Text,
					Field: "target", Published: ind.Target.Published, Recomputed: ind.InitialTarget.Value, Difference: ind.Target.Value - ind.InitialTarget.Value,
					Unit:   ind.Target.Unit,
					Detail: locale.M("finding_agreement_target_changed", "Indicator", ind.Text, "From", ind.InitialTarget.Published, "To", ind.Target.Published)})
			}
		}
	}
	if !sums {
		return
	}
	for i := range rows {
		row := &rows[i]
		it := a.r.items[row.Ref]
		if it == nil || it.Level != LevelKegiatan || !row.Budget.Present || byRef[row.Ref] != row {
			continue
		}
		var sum int64
		missing := 0
		for _, c := range it.Children {
			if cr := byRef[c.ID]; cr != nil && cr.Budget.Present {
				sum = plusAmount(sum, cr.Budget.Amount)
			} else {
				missing++
			}
		}
		if sum != row.Budget.Amount && missing < len(it.Children) {
			detail := locale.M("finding_kegiatan_sum")
			if missing > 0 {
				detail = locale.M("finding_kegiatan_sum_missing", "Missing", missing)
			}
			a.add(Finding{Severity: Serious, Kind: KindChildrenSum, TableID: id, Table: name, Row: i + 1, Ref: row.Ref, Item: row.Text,
				Field: "anggaran", Published: row.Budget.Published, Recomputed: float64(sum), Difference: float64(row.Budget.Amount - sum),
				HasNumbers: true, Unit: "Rp", Detail: detail})
		}
	}
}

func (a *auditor) renstraTargets() {
	for _, g := range a.r.Plans.Targets {
		for _, ind := range g.Indicators {
			byYear := map[int][]YearValue{}
			for _, t := range ind.Targets {
				byYear[t.Year] = append(byYear[t.Year], t)
				a.irregular(TableRenstra, a.title(TableRenstra), 0, ind.ID, ind.Text, fmt.Sprintf("target %d", t.Year), t.Value)
			}
			a.irregular(TableRenstra, a.title(TableRenstra), 0, ind.ID, ind.Text, "kondisi awal", ind.Baseline.Value)
			years := make([]int, 0, len(byYear))
			for y := range byYear {
				years = append(years, y)
			}
			sort.Ints(years)
			for _, y := range years {
				var initial, revised *YearValue
				for i := range byYear[y] {
					switch byYear[y][i].Kind {
					case "awal":
						initial = &byYear[y][i]
					case "perubahan":
						revised = &byYear[y][i]
					}
				}
				if initial != nil && revised != nil && initial.Value.IsNumber() && revised.Value.IsNumber() && initial.Value.Value != revised.Value.Value {
					a.add(Finding{Severity: Info, Kind: KindTargetChanged, TableID: TableRenstra, Table: a.title(TableRenstra), Ref: ind.ID, Item: ind.Text,
						Field: fmt.Sprintf("target %d", y), Published: revised.Value.Published, Recomputed: initial.Value.Value,
						Difference: revised.Value.Value - initial.Value.Value, Unit: revised.Value.Unit,
						Detail: locale.M("finding_renstra_target_changed", "Year", y, "From", initial.Value.Published, "To", revised.Value.Published)})
				}
			}
		}
	}
}

// performanceBudget checks 3.6: capaian, absorption, and that its budget
// equals the LRA's programme total.
func (a *auditor) performanceBudget() {
	id := TablePerformance
	name := a.title(id)
	tot := a.r.Totals()
	for i, row := range a.r.Budget.Performance {
		n := i + 1
		ach := ComputeAchievement(row.KinerjaTarget, row.KinerjaActual, row.Polarity, a.s)
		if ach.OK && row.KinerjaCapaian.IsNumber() {
			if d := row.KinerjaCapaian.Value - ach.Percent; math.Abs(d) > row.KinerjaCapaian.Tolerance(a.s.TolerancePoints) {
				a.add(Finding{Severity: Serious, Kind: KindAchievement, TableID: id, Table: name, Row: n, Ref: row.Ref, Item: row.Target,
					Field: "capaian", Published: row.KinerjaCapaian.Published, Recomputed: ach.Percent, Difference: d, HasNumbers: true, Unit: "%",
					Detail: locale.M("finding_formula", "Formula", locale.M(ach.Formula))})
			}
		}
		if abs, ok := Absorption(row.Budget, row.Spent); ok && row.Absorption.IsNumber() {
			if d := row.Absorption.Value - abs; math.Abs(d) > row.Absorption.Tolerance(a.s.TolerancePoints) {
				a.add(Finding{Severity: Serious, Kind: KindPercent, TableID: id, Table: name, Row: n, Ref: row.Ref, Item: row.Target,
					Field: "penyerapan", Published: row.Absorption.Published, Recomputed: abs, Difference: d, HasNumbers: true, Unit: "%",
					Detail: locale.M("finding_absorption_formula")})
			}
		}
		if tot.Rows > 0 {
			for _, fld := range []struct {
				name string
				pub  Rupiah
				sum  int64
			}{{"anggaran", row.Budget, tot.Budget}, {"realisasi_anggaran", row.Spent, tot.Spent}} {
				if fld.pub.Present && fld.pub.Amount != fld.sum {
					a.add(Finding{Severity: Serious, Kind: KindTableTotal, TableID: id, Table: name, Row: n, Ref: row.Ref, Item: row.Target,
						Field: fld.name, Published: fld.pub.Published, Recomputed: float64(fld.sum), Difference: float64(fld.pub.Amount - fld.sum),
						HasNumbers: true, Unit: "Rp", Detail: locale.M("finding_lra_total", "Programs", tot.Rows)})
				}
			}
		}
	}
}

func (a *auditor) efficiency() {
	id := TableEfficiency
	name := a.title(id)
	for i, row := range a.r.Budget.Efficiency.Rows {
		if row.Achievement.IsNumber() && row.Absorption.IsNumber() && row.Efficiency.IsNumber() {
			want := Efficiency(row.Achievement.Value, row.Absorption.Value)
			if d := row.Efficiency.Value - want; math.Abs(d) > row.Efficiency.Tolerance(a.s.TolerancePoints) {
				a.add(Finding{Severity: Serious, Kind: KindPercent, TableID: id, Table: name, Row: i + 1, Ref: row.Ref, Item: row.Target,
					Field: "tingkat_efisiensi", Published: row.Efficiency.Published, Recomputed: want, Difference: d, HasNumbers: true, Unit: "poin",
					Detail: locale.M("finding_efficiency_formula")})
			}
		}
	}
}

// countTables checks the staff tables' printed totals.
func (a *auditor) countTables() {
	for _, t := range a.r.Profile.StaffTables {
		if !t.Total.Count.IsNumber() {
			continue
		}
		var sum float64
		for _, row := range t.Rows {
			if row.Count.IsNumber() {
				sum += row.Count.Value
			}
		}
		if sum != t.Total.Count.Value {
			a.add(Finding{Severity: Serious, Kind: KindTableTotal, TableID: t.ID, Table: a.title(t.ID),
				Field: "total", Item: t.Total.Label, Published: t.Total.Count.Published, Recomputed: sum, Difference: t.Total.Count.Value - sum,
				HasNumbers: true, Unit: "orang", Detail: locale.M("finding_staff_total", "Rows", len(t.Rows))})
		}
	}
}

// maxPlacesListed bounds the places a finding's detail lists: an item
// named on thousands of rows gets a finding per row, not a list of
// thousands in each.
const maxPlacesListed = 10

// crossTableBudgets compares one item's budget across the RKT, the PK's
// budget table and the LRA.
func (a *auditor) crossTableBudgets() {
	type seen struct {
		id    string
		table string
		row   int
		text  string
		r     Rupiah
	}
	byRef := map[string][]seen{}
	var order []string
	note := func(id, table string, row int, ref, text string, r Rupiah) {
		if ref == "" || !r.Present {
			return
		}
		if _, ok := byRef[ref]; !ok {
			order = append(order, ref)
		}
		byRef[ref] = append(byRef[ref], seen{id, table, row, text, r})
	}
	for i, row := range a.r.RKT.Rows {
		note(TableRKT, a.title(TableRKT), i+1, row.Ref, row.Text, row.Budget)
	}
	for i, row := range a.r.Agreements.Budget.Rows {
		note(TablePKBudget, a.title(TablePKBudget), i+1, row.Ref, row.Text, row.Budget)
	}
	for i, row := range a.r.Budget.LRA.Rows {
		note(TableLRA, a.title(TableLRA), i+1, row.Ref, row.Text, row.Budget)
	}
	for _, ref := range order {
		list := byRef[ref]
		lra := list[len(list)-1]
		var detail locale.Msg
		for _, s := range list {
			if s.r.Amount == lra.r.Amount {
				continue
			}
			if detail.Key == "" { // the same for every row of the item: built once
				var parts []any
				for i, o := range list {
					if i == maxPlacesListed {
						parts = append(parts, locale.M("finding_more_rows", "Count", len(list)-i))
						break
					}
					parts = append(parts, locale.M("finding_cross_place", "Table", o.table, "Row", o.row, "Printed", o.r.Published))
				}
				detail = locale.M("finding_cross_table", "Places", locale.List{Items: parts, Sep: "; "}, "Compare", lra.table)
			}
			a.add(Finding{Severity: Warning, Kind: KindCrossTable, TableID: s.id, Table: s.table, Row: s.row, Ref: ref, Item: s.text,
				Field: "anggaran", Published: s.r.Published, Recomputed: float64(lra.r.Amount), Difference: float64(s.r.Amount - lra.r.Amount),
				HasNumbers: true, Unit: "Rp", Compare: lra.table, Detail: detail})
		}
	}
}

// Totals are the report-wide budget figures, from the LRA's programme rows.
type Totals struct {
	Budget     int64
	Spent      int64
	Rows       int // programme rows summed
	Absorption float64
}

// Totals sums the programme rows of the LRA, as published.
func (r *Report) Totals() Totals {
	var t Totals
	for _, row := range r.Budget.LRA.Rows {
		if row.Level == LevelProgram && row.Budget.Present {
			t.Budget = plusAmount(t.Budget, row.Budget.Amount)
			t.Spent = plusAmount(t.Spent, row.Spent.Amount)
			t.Rows++
		}
	}
	if t.Budget > 0 {
		t.Absorption = float64(t.Spent) / float64(t.Budget) * 100
	}
	return t
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// indicatorKey normalises an indicator's text so that one indicator is
// recognised across tables despite case, punctuation and the old spelling
// "prosentase".
func indicatorKey(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "prosentase", "persentase")
	return strings.TrimSpace(nonWord.ReplaceAllString(s, " "))
}

// crossTableTargets compares the target of one indicator of one item
// across the RKT, the Perjanjian Kinerja and table 3.4.
func (a *auditor) crossTableTargets() {
	type seen struct {
		id, table string
		row       int
		item      string
		indicator string
		target    Figure
	}
	groups := map[string][]seen{}
	var order []string
	note := func(id, table string, row int, ref, item, indicator string, target Figure) {
		if ref == "" || !target.IsNumber() || indicatorKey(indicator) == "" {
			return
		}
		key := ref + "|" + indicatorKey(indicator)
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], seen{id, table, row, item, indicator, target})
	}
	plan := func(id, table string, rows []PlanRow) {
		for i, row := range rows {
			for _, ind := range row.Indicators {
				note(id, table, i+1, row.Ref, row.Text, ind.Text, ind.Target)
			}
		}
	}
	plan(TableRKT, a.title(TableRKT), a.r.RKT.Rows)
	plan(TablePKEselonIII, a.title(TablePKEselonIII), a.r.Agreements.EselonIII.Rows)
	plan(TablePKEselonIV, a.title(TablePKEselonIV), a.r.Agreements.EselonIV.Rows)
	// the results: the main table when the report declares one, else every
	// results table
	var results []*MeasureTable
	if t := a.r.ResultsTable(a.r.Meta.MainTable); t != nil {
		results = append(results, t)
	} else {
		for i := range a.r.Results.Tables {
			results = append(results, &a.r.Results.Tables[i])
		}
	}
	for _, t := range results {
		for _, m := range a.r.MeasuredRows(t) {
			note(t.ID, a.title(t.ID), m.Index, m.Row.Ref, m.Item, m.Row.Indicator, m.Row.Target)
		}
	}
	for _, key := range order {
		list := groups[key]
		last := list[len(list)-1] // table 3.4 when present: the figure the results use
		for _, s := range list[:len(list)-1] {
			if s.target.Value == last.target.Value || s.table == last.table {
				continue
			}
			a.add(Finding{Severity: Warning, Kind: KindCrossTable, TableID: s.id, Table: s.table, Row: s.row, Ref: strings.Split(key, "|")[0], Item: s.item,
				Field: "target", Published: s.target.Published, Recomputed: last.target.Value, Difference: s.target.Value - last.target.Value,
				HasNumbers: true, Unit: last.target.Unit, Compare: last.table,
				Detail: locale.M("finding_indicator_target_differs", "Indicator", s.indicator, "Here", s.target.Published, "There", last.target.Published, "Table", last.table, "Row", last.row)})
		}
	}
}
