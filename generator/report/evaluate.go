package report

import (
	"github.com/sakip-terbuka/lakip/generator/locale"
	"math"
	"strings"
)

// RowResult is the one evaluation of a results row that the audit, the
// site and the open data all use: the recomputed capaian, its comparison
// with the printed one, and the band the row falls in.
type RowResult struct {
	Achievement Achievement
	// Compared: the printed capaian and the recomputed one are both numbers.
	Compared   bool
	Difference float64 // printed − recomputed (after the cap), valid when Compared
	Differs    bool    // beyond the printed precision
	// CapExplains: the printed capaian equals the capped value, not the raw one.
	CapExplains bool
	// Band is the category of Value; HasBand is false when the row has no
	// numeric capaian at all.
	Band    Band
	HasBand bool
	// FromPublished: Value is the printed capaian, since the row gives no
	// target and realisasi to recompute it from.
	FromPublished bool
	Value         float64
	// Status is the i18n key of why a row has no band (status_* or the
	// reason_* of the achievement).
	Status string
	// BelowTarget: a numeric capaian under 100 %, or a grade under its target.
	BelowTarget bool
	// Ambiguous: a figure of the row has two readings ("97,259") and the
	// data has not said which holds (key `bacaan`). The row then has no
	// band, is not below target and is counted nowhere; Alternative is the
	// capaian under the thousands reading (Achievement under the decimal one).
	Ambiguous   bool
	Alternative Achievement
	// AlternativeMatches: the printed capaian agrees with the thousands
	// reading, not with the decimal one.
	AlternativeMatches bool
}

// StatusQualitative: a grade target compared with a grade result.
const StatusQualitative = "status_qualitative"

// Evaluate recomputes one results row under the report's settings.
func (r *Report) Evaluate(row MeasureRow) RowResult {
	s := r.Meta.Settings
	_, ambT := ThousandsReading(row.Target)
	_, ambA := ThousandsReading(row.Actual)
	if (ambT || ambA) && row.Reading == ReadingUnset {
		return r.evaluateAmbiguous(row)
	}
	row.Target, row.Actual = read(row.Target, row.Reading), read(row.Actual, row.Reading)
	res := RowResult{Achievement: ComputeAchievement(row.Target, row.Actual, row.Polarity, s)}
	ach, pub := res.Achievement, row.Achievement
	switch {
	case ach.OK:
		res.Value, res.HasBand = ach.Percent, true
		if pub.IsNumber() {
			res.Compared = true
			res.Difference = pub.Value - ach.Percent
			tol := pub.Tolerance(s.TolerancePoints)
			res.Differs = math.Abs(res.Difference) > tol
			res.CapExplains = ach.Capped && !res.Differs && math.Abs(pub.Value-ach.Raw) > tol
		}
	case ach.Qualitative:
		res.Status = StatusQualitative
		res.BelowTarget = !ach.Met
	case pub.IsNumber() && row.Target.Kind == Absent && row.Actual.Kind == Absent:
		// the report gives only the capaian
		res.Value, res.HasBand, res.FromPublished = pub.Value, true, true
	case pub.Kind == NotAssessed || row.Actual.Kind == NotAssessed || row.Target.Kind == NotAssessed:
		res.Status = ReasonNotAssessed
	case row.Truncated:
		res.Status = "status_truncated"
	default:
		res.Status = ach.Reason
		if res.Status == "" {
			res.Status = "status_no_data"
		}
	}
	if res.HasBand {
		res.Band = s.Bands().Classify(res.Value)
		res.BelowTarget = res.Value < 100
	}
	return res
}

// evaluateAmbiguous gives both readings of a row with an ambiguous figure
// and keeps it out of every count.
func (r *Report) evaluateAmbiguous(row MeasureRow) RowResult {
	s := r.Meta.Settings
	res := RowResult{Ambiguous: true, Status: "status_ambiguous"}
	res.Achievement = ComputeAchievement(row.Target, row.Actual, row.Polarity, s)
	res.Alternative = ComputeAchievement(read(row.Target, ReadingThousands), read(row.Actual, ReadingThousands), row.Polarity, s)
	if pub := row.Achievement; pub.IsNumber() && res.Achievement.OK && res.Alternative.OK {
		tol := pub.Tolerance(s.TolerancePoints)
		res.AlternativeMatches = math.Abs(pub.Value-res.Alternative.Percent) <= tol && math.Abs(pub.Value-res.Achievement.Percent) > tol
	}
	return res
}

// OtherTarget is another target the report states for the indicator of a
// results row (the original before a revision, the signed Perjanjian
// Kinerja, the Renstra), with the capaian the row's realisasi gives
// against it.
type OtherTarget struct {
	Source  locale.Msg // where the report states it: an interface phrase, or a table's title (data)
	Initial bool       // it is an original target (before a revision)
	TableID string     // "" for the row's own original target
	Row     int        // row of that table, 0 when not a table row
	Target  Figure
	Result  RowResult
}

// OtherTargets lists every other target the report states for the row's
// indicator in this year, different from the one the row uses.
func (r *Report) OtherTargets(m MeasuredRow) []OtherTarget {
	row := *m.Row
	if !row.Target.IsNumber() {
		return nil
	}
	var out []OtherTarget
	seen := map[float64]bool{row.Target.Value: true}
	add := func(source locale.Msg, initial bool, table string, n int, f Figure) {
		if !f.IsNumber() || seen[f.Value] {
			return
		}
		seen[f.Value] = true
		alt := row
		alt.Target, alt.InitialTarget = f, Figure{}
		out = append(out, OtherTarget{Source: source, Initial: initial, TableID: table, Row: n, Target: f, Result: r.Evaluate(alt)})
	}
	add(locale.M("other_target_initial"), true, "", 0, row.InitialTarget)
	if ind := r.PlanIndicator(row.Ref); ind != nil && row.Ref != "" {
		for _, t := range ind.Targets {
			if t.Year == r.Year && t.Kind != "perubahan" {
				if strings.TrimSpace(t.Kind) == "awal" {
					add(locale.M("other_target_renstra_initial"), true, TableRenstra, 0, t.Value)
				} else {
					add(locale.M("other_target_renstra"), false, TableRenstra, 0, t.Value)
				}
			}
		}
	}
	if row.Ref == "" {
		return out
	}
	key := indicatorKey(row.Indicator)
	titles := map[string]string{}
	for _, t := range r.Tables() {
		titles[t.ID] = t.Title
	}
	for _, pk := range []struct {
		id   string
		rows []PlanRow
	}{{TablePKHead, r.Agreements.Head.Rows}, {TablePKEselonIII, r.Agreements.EselonIII.Rows}, {TablePKEselonIV, r.Agreements.EselonIV.Rows}} {
		for i, pr := range pk.rows {
			if pr.Ref != row.Ref {
				continue
			}
			for _, ind := range pr.Indicators {
				if indicatorKey(ind.Text) == key {
					add(locale.Text(titles[pk.id]), false, pk.id, i+1, ind.Target)
					add(locale.M("other_target_table_initial", "Table", titles[pk.id]), true, pk.id, i+1, ind.InitialTarget)
				}
			}
		}
	}
	return out
}

// MeasuredRow is a results row placed in its table, with its evaluation.
type MeasuredRow struct {
	Table  *MeasureTable
	Index  int // 1-based row number in the table
	Row    *MeasureRow
	Item   string // the item's name, also on rows that continue the one above
	Result RowResult
}

// MeasuredRows returns every row of a results table with its evaluation.
func (r *Report) MeasuredRows(t *MeasureTable) []MeasuredRow {
	out := make([]MeasuredRow, 0, len(t.Rows))
	item := ""
	for i := range t.Rows {
		row := &t.Rows[i]
		if strings.TrimSpace(row.Text) != "" {
			item = row.Text
		} else if it := r.items[row.Ref]; it != nil && item == "" {
			item = it.Name
		}
		out = append(out, MeasuredRow{Table: t, Index: i + 1, Row: row, Item: item, Result: r.Evaluate(*row)})
	}
	return out
}

// ResultsTable returns the results table with that id, or nil.
func (r *Report) ResultsTable(id string) *MeasureTable {
	for i := range r.Results.Tables {
		if r.Results.Tables[i].ID == id {
			return &r.Results.Tables[i]
		}
	}
	return nil
}

// isIndicatorRow tells a row that measures something from a heading row.
func isIndicatorRow(row *MeasureRow) bool {
	return strings.TrimSpace(row.Indicator) != "" || row.Target.Kind != Absent || row.Actual.Kind != Absent || row.Achievement.Kind != Absent
}

// MainMeasurement is the report's main measurement: the rows of the table
// the report declares (laporan.tabel_utama), or else every indicator of
// every results table, each counted once (by item and indicator). Counts
// per category, the below-target list and the DPRD brief use it.
func (r *Report) MainMeasurement() []MeasuredRow {
	var tables []*MeasureTable
	if t := r.ResultsTable(r.Meta.MainTable); t != nil {
		tables = []*MeasureTable{t}
	} else {
		for i := range r.Results.Tables {
			tables = append(tables, &r.Results.Tables[i])
		}
	}
	seen := map[string]bool{}
	var out []MeasuredRow
	for _, t := range tables {
		for _, m := range r.MeasuredRows(t) {
			if !isIndicatorRow(m.Row) {
				continue
			}
			key := m.Row.Ref
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(m.Item))
			}
			key += "|" + indicatorKey(m.Row.Indicator)
			if len(tables) > 1 && seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, m)
		}
	}
	return out
}

// HeadlineRow is the row the report declares as its strategic headline
// (laporan.utama); false when it declares none.
func (r *Report) HeadlineRow() (MeasuredRow, bool) {
	h := r.Meta.Headline
	t := r.ResultsTable(h.Table)
	if t == nil || len(t.Rows) == 0 {
		return MeasuredRow{}, false
	}
	rows := r.MeasuredRows(t)
	switch {
	case h.Row > 0 && h.Row <= len(rows):
		return rows[h.Row-1], true
	case h.Row > 0:
		return MeasuredRow{}, false
	}
	for _, m := range rows {
		if h.Ref != "" && m.Row.Ref == h.Ref {
			return m, true
		}
	}
	if h.Ref != "" {
		return MeasuredRow{}, false
	}
	for _, m := range rows {
		if m.Row.Ref != "" && isIndicatorRow(m.Row) {
			return m, true
		}
	}
	return rows[0], true
}

// HeadlineSeries is the yearly series declared with the headline, or nil.
func (r *Report) HeadlineSeries() *SeriesTable {
	for i := range r.Results.Series {
		if s := &r.Results.Series[i]; s.ID != "" && s.ID == r.Meta.Headline.Series {
			return s
		}
	}
	return nil
}

// PlanIndicator returns the Renstra indicator a row or series points at:
// the indicator itself, or the only indicator of a sasaran or tujuan.
func (r *Report) PlanIndicator(ref string) *Indicator {
	it := r.items[ref]
	if it == nil {
		return nil
	}
	if it.Indicator != nil {
		return it.Indicator
	}
	var found []*Indicator
	for _, g := range r.Plans.Targets {
		if g.ID == ref {
			for i := range g.Indicators {
				found = append(found, &g.Indicators[i])
			}
		}
	}
	for _, g := range r.Plans.Goals {
		if g.ID == ref {
			for i := range g.Indicators {
				found = append(found, &g.Indicators[i])
			}
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return nil
}
