package view

import (
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/idformat"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// Page slugs under a report's URL; tables live on one page each.
const (
	PageProfile    = "profil"
	PagePlans      = "rencana"
	PageResults    = "capaian"
	PageBudget     = "anggaran"
	PageEfficiency = "efisiensi"
	PageAnalysis   = "analisis"
	PageFindings   = "catatan-data"
	PageMethod     = "metodologi"
	PagePrograms   = "program"
)

type builder struct {
	r    *report.Report
	v    *Report
	s    report.Settings
	base string
}

// Build makes the view of one report. findings is r.Audit().
func Build(r *report.Report, findings []report.Finding) *Report {
	b := &builder{r: r, s: r.Meta.Settings, base: r.Agency.Slug + "/" + fmt.Sprint(r.Year) + "/"}
	v := &Report{
		Key: r.Agency.Slug + "/" + fmt.Sprint(r.Year), AgencySlug: r.Agency.Slug, Agency: r.Agency.Name,
		Government: r.Agency.Government, Province: r.Agency.Province, Address: r.Agency.Address,
		Year: r.Year, Title: r.Meta.Title, PlaceDate: r.Meta.PlaceDate, Source: r.Meta.Source, URL: b.base,
		Narrative: map[string]Section{}, Items: map[string]*ItemPage{}, Charts: map[string]*Chart{},
	}
	if r.Meta.SourceFile != "" {
		v.SourceFile = b.base + "sumber/" + path.Base(r.Meta.SourceFile)
	}
	b.v = v
	b.method()
	b.items()
	b.profile()
	b.plans()
	b.measures()
	b.budgets()
	b.narrative()
	b.findings(findings)
	b.headline()
	b.totals()
	b.bandStats()
	b.itemSummaries()
	return v
}

func (b *builder) page(slug string) string { return b.base + slug + "/" }

// tablePage is the page that shows a table, by table id.
func (b *builder) tablePage(id string) string {
	switch {
	case id == "lra" || id == "pk-anggaran" || id == "kinerja-anggaran":
		return b.page(PageBudget)
	case id == "efisiensi":
		return b.page(PageEfficiency)
	case id == "rkt" || strings.HasPrefix(id, "pk-") || id == "renstra":
		return b.page(PagePlans)
	case strings.HasPrefix(id, "tabel-"):
		return b.page(PageProfile)
	case id == "lintas-tabel":
		return b.page(PageBudget)
	default:
		return b.page(PageResults)
	}
}

func anchor(table string, row int) string { return fmt.Sprintf("%s-%d", table, row) }

// itemURL is the page of a programme, kegiatan or sub-kegiatan; plan
// items (tujuan, sasaran, indicators) link to the plans page.
func (b *builder) itemURL(ref string) string {
	it := b.r.ItemByID(ref)
	if it == nil {
		return ""
	}
	switch it.Level {
	case report.LevelProgram, report.LevelKegiatan, report.LevelSub:
		return b.base + PagePrograms + "/" + strings.Join(it.Path(), "/") + "/"
	default:
		return b.page(PagePlans)
	}
}

func (b *builder) method() {
	bs := b.s.Bands()
	m := Method{
		FormulaHigher: report.FormulaText(report.HigherIsBetter, b.s),
		FormulaLower:  report.FormulaText(report.LowerIsBetter, b.s),
		Cap:           "tanpa batas",
		BandSet:       bs.Name,
		BandSource:    bs.Source,
		Tolerance:     "setengah satuan angka desimal terakhir yang dicetak (97,85 → ±0,005; 100 → ±0,5)",
	}
	if b.s.CapPercent > 0 {
		m.Cap = "dibatasi " + idformat.Number(b.s.CapPercent) + " %"
	}
	if b.s.TolerancePoints > 0 {
		m.Tolerance += ", paling kecil ±" + idformat.Number(b.s.TolerancePoints) + " poin"
	}
	for i, band := range bs.Bands {
		m.Bands = append(m.Bands, BandRule{Name: band.Name, Range: bandRange(bs, i), Level: band.Level})
	}
	b.v.Method = m
}

// items makes the programme tree and one page per item.
func (b *builder) items() {
	var walk func(it *report.Item, parents []Link) ItemLink
	walk = func(it *report.Item, parents []Link) ItemLink {
		url := b.itemURL(it.ID)
		page := &ItemPage{ID: it.ID, Level: string(it.Level), LevelLabel: levelLabel(it.Level), Name: it.Name, URL: url,
			Parents: append([]Link(nil), parents...)}
		switch {
		case it.Sub != nil:
			page.Code = it.Sub.Code
		case it.Kegiatan != nil:
			page.Code, page.Responsible = it.Kegiatan.Code, it.Kegiatan.Responsible
		case it.Program != nil:
			page.Code, page.Responsible = it.Program.Code, it.Program.Responsible
		}
		b.v.Items[it.ID] = page
		link := ItemLink{ID: it.ID, Level: string(it.Level), Name: it.Name, URL: url}
		for _, c := range it.Children {
			link.Children = append(link.Children, walk(c, append(parents, Link{Text: it.Name, URL: url})))
		}
		page.Children = link.Children
		return link
	}
	for _, p := range b.r.ProgramItems() {
		b.v.Programs = append(b.v.Programs, walk(p, nil))
	}
}

func (b *builder) appear(ref, table, tableURL, row, text, figures string) {
	if page := b.v.Items[ref]; page != nil {
		page.Appearances = append(page.Appearances, Appearance{Table: table, URL: tableURL, Row: row, Text: text, Figures: figures})
	}
}

func (b *builder) profile() {
	p := b.r.Profile
	v := Profile{Head: p.Head, LegalBasis: p.LegalBasis, Echelons: p.Echelons, Issues: p.Issues}
	for _, line := range strings.Split(p.StaffNote, "\n") {
		if strings.TrimSpace(line) != "" {
			v.StaffNote = append(v.StaffNote, line)
		}
	}
	depth := map[string]int{}
	for _, u := range p.Units {
		d := 0
		if u.Parent != "" {
			d = depth[u.Parent] + 1
		}
		depth[u.ID] = d
		v.Units = append(v.Units, Unit{ID: u.ID, Name: u.Name, Kind: u.Kind, Depth: d, Duty: u.Duty, Functions: u.Functions, Note: u.Note})
	}
	for _, t := range p.StaffTables {
		ct := CountTable{ID: t.ID, Number: t.Number, Title: t.Title, Columns: t.Columns, TotalLabel: t.Total.Label, Total: t.Total.Count.Published, Source: t.Source}
		var sum float64
		for _, row := range t.Rows {
			ct.Rows = append(ct.Rows, []string{row.No, row.Label, row.Count.Published})
			if row.Count.IsNumber() {
				sum += row.Count.Value
			}
		}
		ct.TotalRecomputed = idformat.Number(sum)
		ct.TotalDiffers = t.Total.Count.IsNumber() && t.Total.Count.Value != sum
		v.StaffTables = append(v.StaffTables, ct)
	}
	for _, a := range p.Assets {
		v.Assets = append(v.Assets, Asset{Description: a.Description, LandArea: a.LandArea.Published, BuildingArea: a.BuildingArea.Published, Quantity: a.Quantity.Published})
	}
	b.v.Profile = v
}

func (b *builder) plans() {
	pl := b.r.Plans
	v := Plans{Period: nonEmpty(pl.RenstraPeriod, pl.RPJMDPeriod), Linkage: pl.Linkage}
	addInd := func(goal, level string, inds []report.Indicator) {
		for _, ind := range inds {
			pi := PlanIndicator{Goal: goal, Level: level, Text: ind.Text, Formula: ind.Formula, Unit: ind.Unit,
				Polarity: polarityLabel(ind.Polarity), Baseline: ind.Baseline.Value.Published, BaselineYear: ind.Baseline.Year}
			for _, t := range ind.Targets {
				pi.Targets = append(pi.Targets, YearValue{Year: t.Year, Kind: t.Kind, Value: t.Value.Published})
			}
			v.Indicators = append(v.Indicators, pi)
		}
	}
	for _, g := range pl.Goals {
		addInd(g.Text, "Tujuan", g.Indicators)
	}
	for _, g := range pl.Targets {
		addInd(g.Text, "Sasaran", g.Indicators)
	}
	for i, it := range pl.RenstraItems {
		v.Items = append(v.Items, PlanItem{No: it.No, Text: it.Text, Level: levelLabel(it.Level), URL: b.itemURL(it.Ref)})
		b.appear(it.Ref, "2.1 Matriks Renstra", b.page(PagePlans)+"#"+anchor("renstra", i+1), it.No, it.Text, "")
	}
	b.v.Plans = v
	b.v.RKT = b.planTable("rkt", "2.2 "+nonEmpty(b.r.RKT.Title, "Rencana Kerja Tahunan"), b.r.RKT.Rows)
	ag := b.r.Agreements
	b.v.PK = []PlanTable{
		b.planTable("pk-kepala", "2.3 "+nonEmpty(ag.Head.Title, "Perjanjian Kinerja Kepala OPD"), ag.Head.Rows),
		b.planTable("pk-eselon-iii", "2.3 "+nonEmpty(ag.EselonIII.Title, "Perjanjian Kinerja Eselon III"), ag.EselonIII.Rows),
		b.planTable("pk-eselon-iv", "2.3 "+nonEmpty(ag.EselonIV.Title, "Perjanjian Kinerja Eselon IV"), ag.EselonIV.Rows),
	}
}

func (b *builder) planTable(id, title string, rows []report.PlanRow) PlanTable {
	t := PlanTable{ID: id, Title: title}
	for i, row := range rows {
		pr := PlanRow{Anchor: anchor(id, i+1), No: row.No, Level: levelLabel(row.Level), Text: row.Text, URL: b.itemURL(row.Ref),
			Budget: row.Budget.Published, Responsible: row.Responsible, Note: row.Note}
		var figs []string
		for _, ind := range row.Indicators {
			pr.Indicators = append(pr.Indicators, PlanTarget{Text: ind.Text, InitialTarget: ind.InitialTarget.Published, Target: ind.Target.Published})
			t.HasInitial = t.HasInitial || ind.InitialTarget.Published != ""
			figs = append(figs, strings.TrimSpace(ind.Text+": "+ind.Target.Published))
		}
		if row.Budget.Published != "" {
			t.HasBudget = true
			figs = append(figs, "anggaran "+row.Budget.Published)
		}
		t.HasResponsible = t.HasResponsible || row.Responsible != ""
		t.Rows = append(t.Rows, pr)
		b.appear(row.Ref, title, b.page(PagePlans)+"#"+pr.Anchor, row.No, row.Text, strings.Join(figs, "; "))
	}
	return t
}

func (b *builder) indicatorRow(tableID, tableTitle string, n int, row report.MeasureRow, item string) IndicatorRow {
	ach := report.ComputeAchievement(row.Target, row.Actual, row.Polarity, b.s)
	ir := IndicatorRow{Anchor: anchor(tableID, n), TableURL: b.tablePage(tableID) + "#" + anchor(tableID, n), Table: tableTitle,
		No: row.No, Text: row.Text, Item: item, URL: b.itemURL(row.Ref), Indicator: row.Indicator,
		Polarity: polarityLabel(row.Polarity), InitialTarget: row.InitialTarget.Published, Target: row.Target.Published,
		Actual: row.Actual.Published, Published: row.Achievement.Published, Formula: ach.Formula, Category: row.Category, Note: row.Note, BandLevel: -1}
	switch {
	case ach.OK:
		ir.Computable, ir.RecomputedValue, ir.Recomputed = true, ach.Percent, pct(ach.Percent)
		band := b.s.Bands().Classify(ach.Percent)
		ir.Band, ir.BandLevel = band.Name, band.Level
		if row.Achievement.IsNumber() {
			d := row.Achievement.Value - ach.Percent
			ir.Difference = diffPoints(d)
			ir.Differs = math.Abs(d) > row.Achievement.Tolerance(b.s.TolerancePoints)
		}
	case ach.Qualitative:
		ir.Recomputed = map[bool]string{true: "tercapai", false: "tidak tercapai"}[ach.Met]
		ir.Reason = "nilai kualitatif"
	default:
		ir.Recomputed, ir.Reason = "–", ach.Reason
	}
	return ir
}

func (b *builder) measures() {
	perSection := map[string]int{}
	for _, t := range b.r.Results.Tables {
		perSection[t.Section]++
		if strings.TrimSpace(t.Title) == "" {
			// the report prints no heading: number the tables of the section
			t.Title = fmt.Sprintf("(tabel %d)", perSection[t.Section])
		}
		title := strings.TrimSpace(nonEmpty(t.Section+" "+t.Title, t.ID))
		mt := MeasureTable{ID: t.ID, Section: t.Section, Title: t.Title, Note: t.Note}
		item := ""
		for i, row := range t.Rows {
			if strings.TrimSpace(row.Text) != "" {
				item = row.Text
			} else if it := b.r.ItemByID(row.Ref); it != nil && item == "" {
				item = it.Name
			}
			ir := b.indicatorRow(t.ID, title, i+1, row, item)
			mt.HasInitial = mt.HasInitial || ir.InitialTarget != ""
			mt.HasCategory = mt.HasCategory || ir.Category != ""
			mt.Rows = append(mt.Rows, ir)
			if page := b.v.Items[row.Ref]; page != nil {
				if t.ID == "program-kegiatan" {
					page.Indicators = append(page.Indicators, ir)
				}
				b.appear(row.Ref, title, ir.TableURL, fmt.Sprint(i+1), nonEmpty(row.Text, "(lanjutan baris di atasnya)"),
					fmt.Sprintf("%s: target %s, realisasi %s, capaian %s", row.Indicator, row.Target.Published, row.Actual.Published, row.Achievement.Published))
			}
			if t.ID == "program-kegiatan" && ir.Computable && ir.RecomputedValue < 100 {
				b.v.BelowTarget = append(b.v.BelowTarget, ir)
			}
		}
		b.v.Measures = append(b.v.Measures, mt)
	}
	for _, s := range b.r.Results.Series {
		st := SeriesTable{ID: s.ID, Section: s.Section, Title: s.Title, Note: s.Note, Indicator: s.Indicator}
		for _, y := range s.Values {
			st.Values = append(st.Values, YearValue{Year: y.Year, Kind: y.Kind, Value: y.Value.Published})
		}
		b.v.Series = append(b.v.Series, st)
	}
}

func (b *builder) budgetTable(t report.BudgetTable, id string) BudgetTable {
	title := strings.TrimSpace(t.Section + " " + t.Title)
	bt := BudgetTable{ID: id, Section: t.Section, Title: t.Title, Source: t.Source}
	for i, row := range t.Rows {
		br := BudgetRow{Anchor: anchor(id, i+1), TableURL: b.tablePage(id) + "#" + anchor(id, i+1), Table: title, No: row.No,
			Level: levelLabel(row.Level), Text: row.Text, URL: b.itemURL(row.Ref), Budget: row.Budget.Published,
			Spent: row.Spent.Published, Percent: row.Percent.Published, Note: row.Note}
		if row.Spent.Published != "" {
			bt.HasSpent = true
		}
		if abs, ok := report.Absorption(row.Budget, row.Spent); ok {
			br.Recomputed = pct(abs)
			br.Differs = row.Percent.IsNumber() && math.Abs(row.Percent.Value-abs) > row.Percent.Tolerance(b.s.TolerancePoints)
		}
		bt.Rows = append(bt.Rows, br)
		figs := "anggaran " + row.Budget.Published
		if row.Spent.Published != "" {
			figs += ", realisasi " + row.Spent.Published + ", " + row.Percent.Published
		}
		b.appear(row.Ref, title, br.TableURL, fmt.Sprint(i+1), row.Text, figs)
		if page := b.v.Items[row.Ref]; page != nil && id == "lra" && page.Budget == nil {
			brCopy := br
			page.Budget = &brCopy
		}
	}
	return bt
}

func (b *builder) budgets() {
	b.v.LRA = b.budgetTable(b.r.Budget.LRA, "lra")
	b.v.PKBudget = b.budgetTable(b.r.Agreements.Budget, "pk-anggaran")
	for _, p := range b.r.Budget.Performance {
		row := PerformanceRow{Target: p.Target, Indicator: p.Indicator, KinerjaTarget: p.KinerjaTarget.Published,
			KinerjaActual: p.KinerjaActual.Published, KinerjaCapaian: p.KinerjaCapaian.Published,
			Budget: p.Budget.Published, Spent: p.Spent.Published, Absorption: p.Absorption.Published}
		if a := report.ComputeAchievement(p.KinerjaTarget, p.KinerjaActual, p.Polarity, b.s); a.OK {
			row.KinerjaRecomputed = pct(a.Percent)
		}
		if abs, ok := report.Absorption(p.Budget, p.Spent); ok {
			row.AbsorptionRecomputed = pct(abs)
		}
		b.v.Performance = append(b.v.Performance, row)
	}
	e := b.r.Budget.Efficiency
	b.v.Efficiency = EfficiencyTable{Title: e.Title, Note: e.Note}
	for _, row := range e.Rows {
		er := EfficiencyRow{Target: row.Target, Indicator: row.Indicator, Achievement: row.Achievement.Published,
			Absorption: row.Absorption.Published, Efficiency: row.Efficiency.Published, Recomputed: "–"}
		if row.Achievement.IsNumber() && row.Absorption.IsNumber() {
			er.Recomputed = idformat.Decimal(report.Efficiency(row.Achievement.Value, row.Absorption.Value), 2) + " poin"
		}
		b.v.Efficiency.Rows = append(b.v.Efficiency.Rows, er)
	}
}

func (b *builder) narrative() {
	for _, s := range b.r.Narrative {
		b.v.Narrative[s.ID] = Section{Title: s.Title, Chapter: s.Chapter, Paragraphs: s.Paragraphs, Points: s.Points, Closing: s.Closing}
	}
}

func (b *builder) findings(fs []report.Finding) {
	f := Findings{Total: len(fs)}
	for i, x := range fs {
		switch x.Severity {
		case report.Serious:
			f.Serious++
		case report.Warning:
			f.Warning++
		default:
			f.Info++
		}
		vf := Finding{N: i + 1, Severity: x.Severity.String(), Level: int(x.Severity), Kind: string(x.Kind), Table: x.Table,
			Row: x.Row, Item: x.Item, ItemURL: b.itemURL(x.Ref), Field: x.Field, Published: x.Published, Detail: x.Detail}
		if x.Row > 0 && x.TableID != "" {
			vf.TableURL = b.tablePage(x.TableID) + "#" + anchor(x.TableID, x.Row)
		} else if x.TableID != "" {
			vf.TableURL = b.tablePage(x.TableID)
		}
		if x.HasNumbers {
			vf.Recomputed, vf.Difference = idformat.Quantity(x.Recomputed, x.Unit), idformat.Difference(x.Difference, x.Unit)
		}
		f.List = append(f.List, vf)
		if page := b.v.Items[x.Ref]; page != nil {
			page.Findings = append(page.Findings, vf)
		}
	}
	b.v.Findings = f
}

// headline is the strategic goal's yearly measurement (the "sasaran" table,
// falling back to the first row pointing at a sasaran).
func (b *builder) headline() {
	var row *IndicatorRow
	for _, t := range b.v.Measures {
		for i := range t.Rows {
			r := &t.Rows[i]
			it := b.r.ItemByID(b.refOf(t.ID, i))
			if it != nil && it.Level == report.LevelTarget && (row == nil || t.ID == "sasaran") {
				row = r
			}
		}
	}
	if row == nil {
		return
	}
	h := Headline{Goal: row.Item, Indicator: row.Indicator, Polarity: row.Polarity, Target: row.Target, InitialTarget: row.InitialTarget,
		Actual: row.Actual, CapaianPublished: row.Published, CapaianRecomputed: row.Recomputed, Formula: row.Formula,
		Category: row.Category, Band: row.Band, Source: row.Table}
	// the original target of the same year, from the Renstra or the agreement
	for _, pi := range b.v.Plans.Indicators {
		for _, t := range pi.Targets {
			if t.Year == b.r.Year && t.Kind == "awal" && pi.Level == "Sasaran" {
				h.InitialTarget = t.Value
			}
		}
	}
	b.v.Headline = h
}

func (b *builder) refOf(tableID string, i int) string {
	for _, t := range b.r.Results.Tables {
		if t.ID == tableID && i < len(t.Rows) {
			return t.Rows[i].Ref
		}
	}
	return ""
}

func (b *builder) totals() {
	t := b.r.Totals()
	b.v.Totals = Totals{Budget: idformat.Rupiah(t.Budget), BudgetShort: idformat.RupiahShort(t.Budget), Spent: idformat.Rupiah(t.Spent),
		SpentShort: idformat.RupiahShort(t.Spent), Absorption: pct(t.Absorption), AbsorptionValue: t.Absorption, Programs: t.Rows}
}

// bandStats counts the indicators of the programme table per band of their
// recomputed capaian.
func (b *builder) bandStats() {
	bs := b.s.Bands()
	counts := map[string]int{}
	none := 0
	for _, t := range b.v.Measures {
		if t.ID != "program-kegiatan" {
			continue
		}
		for _, r := range t.Rows {
			if r.Computable {
				counts[r.Band]++
			} else if r.Indicator != "" {
				none++
			}
		}
	}
	for _, band := range bs.Bands {
		b.v.Bands = append(b.v.Bands, BandStat{Name: band.Name, Count: counts[band.Name], Level: band.Level})
	}
	b.v.Bands = append(b.v.Bands, BandStat{Name: "Tidak dapat dihitung", Count: none, Level: len(bs.Bands)})
}

// AverageCapaian is the mean recomputed capaian of an item's own
// indicators; false when none can be computed.
func AverageCapaian(rows []IndicatorRow) (float64, bool) {
	var sum float64
	n := 0
	for _, r := range rows {
		if r.Computable {
			sum += r.RecomputedValue
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// itemSummaries fills budget and capaian into the programme tree.
func (b *builder) itemSummaries() {
	var fill func(l *ItemLink)
	fill = func(l *ItemLink) {
		if page := b.v.Items[l.ID]; page != nil {
			if page.Budget != nil {
				l.Budget, l.Spent, l.Absorption = page.Budget.Budget, page.Budget.Spent, page.Budget.Recomputed
			}
			if avg, ok := AverageCapaian(page.Indicators); ok {
				l.Capaian = pct(avg)
			}
		}
		for i := range l.Children {
			fill(&l.Children[i])
		}
		if page := b.v.Items[l.ID]; page != nil {
			page.Children = l.Children
		}
	}
	for i := range b.v.Programs {
		fill(&b.v.Programs[i])
	}
}
