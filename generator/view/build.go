package view

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
)

type builder struct {
	loc    *locale.Locale
	r      *report.Report
	v      *Report
	s      report.Settings
	base   string                      // the report's folder: its files (data/, sumber/) are below it in every language
	pages  string                      // the report's pages: base, below "<lang>/" for a language other than the default
	tables map[string]report.TableInfo // the registry, by table id
}

// Build makes the view of one report in the language of loc. findings is
// r.Audit().
func Build(r *report.Report, findings []report.Finding, loc *locale.Locale) *Report {
	b := &builder{loc: loc, r: r, s: r.Meta.Settings, base: r.Agency.Slug + "/" + fmt.Sprint(r.Year) + "/", tables: map[string]report.TableInfo{}}
	b.pages = b.base
	if loc.Lang != locale.Default {
		b.pages = loc.Lang + "/" + b.base
	}
	tables := map[string]TableLink{}
	for _, t := range r.Tables() {
		b.tables[t.ID] = t
		tables[t.ID] = TableLink{Title: t.Title, URL: b.page(t.Page), Download: t.Download}
	}
	v := &Report{
		Lang: loc.Lang, Key: r.Agency.Slug + "/" + fmt.Sprint(r.Year), AgencySlug: r.Agency.Slug, Agency: r.Agency.Name,
		Government: r.Agency.Government, Province: r.Agency.Province, Address: r.Agency.Address,
		Year: r.Year, Title: r.Meta.Title, PlaceDate: r.Meta.PlaceDate, Source: r.Meta.Source, URL: b.pages, FilesURL: b.base,
		Items: map[string]*ItemPage{}, Charts: map[string]*Chart{}, Tables: tables,
	}
	for _, p := range r.Pages() {
		var title any
		switch p.Slug {
		case report.PageSummary:
			title = r.Meta.Title
		case report.PageProfile:
			title = locale.List{Items: []any{locale.M(p.Title), r.Agency.Name}, Sep: " "}
		default:
			title = locale.List{Items: []any{locale.M(p.Title), locale.Written(fmt.Sprint(r.Year))}, Sep: " "}
		}
		parts := loc.Parts(title)
		v.Pages = append(v.Pages, PageLink{Slug: p.Slug, URL: b.pages + p.URL(), Nav: p.Nav, Title: fmt.Sprint(loc.Value(title)), TitleParts: parts})
	}
	if r.Meta.SourceFile != "" {
		v.SourceFile = b.base + "sumber/" + path.Base(r.Meta.SourceFile)
	}
	v.ZipFile = fmt.Sprintf("%sdata/%s-%d.zip", b.base, r.Agency.Slug, r.Year)
	v.Workbook = b.base + "data/" + r.WorkbookFile()
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
	b.mainMeasurement()
	b.itemSummaries()
	b.brief()
	return v
}

func (b *builder) page(slug string) string { return b.pages + slug + "/" }

// tablePage is the page that shows a table, from the registry.
func (b *builder) tablePage(id string) string {
	if t, ok := b.tables[id]; ok {
		return b.page(t.Page)
	}
	return b.page(report.PageFindings)
}

// tableTitle is the title of a table, from the registry.
func (b *builder) tableTitle(id string) string { return b.tables[id].Title }

func anchor(table string, row int) string { return report.TableInfo{ID: table}.Anchor(row) }

// itemURL is the page of a programme, kegiatan or sub-kegiatan; plan
// items (tujuan, sasaran, indicators) link to the plans page.
func (b *builder) itemURL(ref string) string {
	it := b.r.ItemByID(ref)
	if it == nil {
		return ""
	}
	switch it.Level {
	case report.LevelProgram, report.LevelKegiatan, report.LevelSub:
		return b.pages + report.PagePrograms + "/" + strings.Join(it.Path(), "/") + "/"
	default:
		if !b.r.HasPage(report.PagePlans) {
			return ""
		}
		return b.page(report.PagePlans)
	}
}

func (b *builder) method() {
	bs := b.s.Bands()
	m := Method{
		FormulaHigher: b.loc.T(report.FormulaText(report.HigherIsBetter, b.s)),
		FormulaLower:  b.loc.T(report.FormulaText(report.LowerIsBetter, b.s)),
		Cap:           b.loc.T("method_no_cap"),
		BandSet:       bs.Name,
		BandSource:    bs.Source,
		BandSetOwn:    bs.Own,
		Tolerance:     b.loc.T("method_tolerance_text"),
	}
	if !bs.Own {
		m.BandSet, m.BandSource = b.loc.T(bs.Name), b.loc.T(bs.Source)
	}
	if b.s.CapPercent > 0 {
		m.Cap = b.loc.T("method_cap_value", "Cap", b.s.CapPercent)
	}
	if b.s.TolerancePoints > 0 {
		m.Tolerance = b.loc.T("method_tolerance_min", "Points", b.s.TolerancePoints)
	}
	for i, band := range bs.Bands {
		m.Bands = append(m.Bands, BandRule{Name: b.band(band), Range: b.bandRange(bs, i), Level: band.Level})
	}
	b.v.Method = m
}

// items makes the programme tree and one page per item.
func (b *builder) items() {
	var walk func(it *report.Item, parents []Link) ItemLink
	walk = func(it *report.Item, parents []Link) ItemLink {
		url := b.itemURL(it.ID)
		page := &ItemPage{ID: it.ID, Level: string(it.Level), LevelLabel: b.levelLabel(it.Level), Name: it.Name, URL: url,
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

// appear records that a row of a table names the item ref: its text and
// its figures, each a message argument (locale.Parts: a string is the
// report's own words, a locale.Msg the interface's), nil for none.
func (b *builder) appear(ref, table, tableURL, row string, text, figures any) {
	if page := b.v.Items[ref]; page != nil {
		a := Appearance{Table: table, URL: tableURL, Row: row}
		if text != nil {
			a.Text = b.loc.Parts(text)
		}
		if figures != nil {
			a.Figures = b.loc.Parts(figures)
		}
		page.Appearances = append(page.Appearances, a)
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
		ct.TotalRecomputed = b.loc.Number(sum)
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
				Polarity: b.polarityLabel(ind.Polarity), Baseline: ind.Baseline.Value.Published, BaselineYear: ind.Baseline.Year}
			for _, t := range ind.Targets {
				pi.Targets = append(pi.Targets, YearValue{Year: t.Year, Kind: t.Kind, Value: t.Value.Published})
			}
			v.Indicators = append(v.Indicators, pi)
		}
	}
	for _, g := range pl.Goals {
		addInd(g.Text, b.levelLabel(report.LevelGoal), g.Indicators)
	}
	for _, g := range pl.Targets {
		addInd(g.Text, b.levelLabel(report.LevelTarget), g.Indicators)
	}
	for i, it := range pl.RenstraItems {
		v.Items = append(v.Items, PlanItem{Anchor: anchor(report.TableRenstraProgram, i+1), No: it.No, Text: it.Text, Level: b.levelLabel(it.Level), URL: b.itemURL(it.Ref)})
		b.appear(it.Ref, b.tableTitle(report.TableRenstraProgram), b.page(report.PagePlans)+"#"+anchor(report.TableRenstraProgram, i+1), it.No, it.Text, nil)
	}
	b.v.Plans = v
	b.v.RKT = b.planTable(report.TableRKT, b.r.RKT.Rows)
	ag := b.r.Agreements
	for _, pk := range []struct {
		id   string
		rows []report.PlanRow
	}{{report.TablePKHead, ag.Head.Rows}, {report.TablePKEselonIII, ag.EselonIII.Rows}, {report.TablePKEselonIV, ag.EselonIV.Rows}} {
		if len(pk.rows) > 0 {
			b.v.PK = append(b.v.PK, b.planTable(pk.id, pk.rows))
		}
	}
}

func (b *builder) planTable(id string, rows []report.PlanRow) PlanTable {
	title := b.tableTitle(id)
	t := PlanTable{ID: id, Title: title}
	for i, row := range rows {
		pr := PlanRow{Anchor: anchor(id, i+1), No: row.No, Level: b.levelLabel(row.Level), Text: row.Text, URL: b.itemURL(row.Ref),
			Budget: row.Budget.Published, Responsible: row.Responsible, Note: row.Note}
		var figs []any // each indicator as "indicator: target", the budget
		for _, ind := range row.Indicators {
			pr.Indicators = append(pr.Indicators, PlanTarget{Text: ind.Text, InitialTarget: ind.InitialTarget.Published, Target: ind.Target.Published})
			t.HasInitial = t.HasInitial || ind.InitialTarget.Published != ""
			fig := []any{strings.TrimSpace(ind.Text), locale.Written(":")}
			if target := strings.TrimSpace(ind.Target.Published); target != "" {
				fig = append(fig, locale.Written(" "), target)
			}
			figs = append(figs, locale.List{Items: fig})
		}
		if row.Budget.Published != "" {
			t.HasBudget = true
			figs = append(figs, locale.M("appear_budget", "Budget", row.Budget.Published))
		}
		t.HasResponsible = t.HasResponsible || row.Responsible != ""
		t.Rows = append(t.Rows, pr)
		var figures any
		if len(figs) > 0 {
			figures = locale.List{Items: figs, Sep: "; "}
		}
		b.appear(row.Ref, title, b.page(report.PagePlans)+"#"+pr.Anchor, row.No, row.Text, figures)
	}
	return t
}

func (b *builder) indicatorRow(m report.MeasuredRow) IndicatorRow {
	row, res, tableID := *m.Row, m.Result, m.Table.ID
	ach := res.Achievement
	ir := IndicatorRow{Anchor: anchor(tableID, m.Index), TableURL: b.tablePage(tableID) + "#" + anchor(tableID, m.Index), Table: b.tableTitle(tableID),
		No: row.No, Text: row.Text, Item: m.Item, URL: b.itemURL(row.Ref), Indicator: row.Indicator,
		Polarity: b.polarityLabel(row.Polarity), InitialTarget: row.InitialTarget.Published, Target: row.Target.Published,
		Actual: row.Actual.Published, Published: row.Achievement.Published, Formula: b.text(ach.Formula), Category: row.Category, Note: row.Note,
		BandLevel: -1, Status: b.text(res.Status), Truncated: row.Truncated}
	switch {
	case res.Ambiguous:
		ir.Ambiguous, ir.AltMatches = true, res.AlternativeMatches
		ir.Recomputed, ir.AltRecomputed = b.achievementText(res.Achievement), b.achievementText(res.Alternative)
		ir.Reason = b.loc.T("reason_ambiguous")
	case ach.OK:
		ir.Computable, ir.RecomputedValue, ir.Recomputed = true, ach.Percent, b.pct(ach.Raw)
		if ach.Capped {
			ir.CapNote = b.loc.T("cap_note", "Value", locale.Pct{V: ach.Percent, Places: 2})
		}
		if res.Compared {
			ir.Difference = b.loc.Difference(res.Difference, "poin")
			ir.Differs = res.Differs
		}
	case ach.Qualitative:
		ir.Recomputed = b.achievementText(ach)
		ir.Reason = b.loc.T("reason_qualitative")
	default:
		ir.Recomputed, ir.Reason = "–", b.text(res.Status)
	}
	for _, o := range b.r.OtherTargets(m) {
		ot := OtherTarget{Source: b.loc.Render(o.Source), SourceIsData: o.Source.IsText(), Initial: o.Initial, Target: o.Target.Published,
			Capaian: b.achievementText(o.Result.Achievement), BandLevel: -1}
		if o.TableID != "" {
			ot.URL = b.tablePage(o.TableID)
			if o.Row > 0 {
				ot.URL += "#" + anchor(o.TableID, o.Row)
			}
		}
		if o.Result.HasBand {
			ot.Band, ot.BandLevel, ot.BandOwn = b.band(o.Result.Band), o.Result.Band.Level, ownBand(o.Result.Band)
		}
		ir.OtherTargets = append(ir.OtherTargets, ot)
	}
	if res.HasBand {
		ir.Band, ir.BandLevel, ir.BandOwn, ir.BandFromPrinted = b.band(res.Band), res.Band.Level, ownBand(res.Band), res.FromPublished
		if res.FromPublished {
			ir.RecomputedValue = res.Value
			ir.Reason = b.loc.T("reason_band_from_printed")
		}
	}
	return ir
}

func (b *builder) measures() {
	main := b.r.ResultsTable(b.r.Meta.MainTable)
	for ti := range b.r.Results.Tables {
		t := &b.r.Results.Tables[ti]
		title := b.tableTitle(t.ID)
		mt := MeasureTable{ID: t.ID, Section: t.Section, Title: strings.TrimSpace(strings.TrimPrefix(title, t.Section)), Note: t.Note}
		for _, m := range b.r.MeasuredRows(t) {
			ir := b.indicatorRow(m)
			mt.HasInitial = mt.HasInitial || ir.InitialTarget != ""
			mt.HasCategory = mt.HasCategory || ir.Category != ""
			mt.Rows = append(mt.Rows, ir)
			row := m.Row
			if page := b.v.Items[row.Ref]; page != nil {
				if main == nil || main == t {
					page.Indicators = append(page.Indicators, ir)
				}
				var text any = row.Text
				if strings.TrimSpace(row.Text) == "" {
					text = locale.M("appear_continued")
				}
				b.appear(row.Ref, title, ir.TableURL, fmt.Sprint(m.Index), text,
					locale.M("appear_measure", "Indicator", row.Indicator, "Target", orAbsent(row.Target.Published),
						"Actual", orAbsent(row.Actual.Published), "Capaian", orAbsent(row.Achievement.Published)))
			}
		}
		b.v.Measures = append(b.v.Measures, mt)
	}
	if main != nil {
		for _, page := range b.v.Items {
			if len(page.Indicators) > 0 {
				page.Download = b.tables[main.ID].Download
			}
		}
	}
	for _, s := range b.r.Results.Series {
		st := SeriesTable{ID: s.ID, Section: s.Section, Title: s.Title, Note: s.Note, Indicator: s.Indicator}
		for _, y := range s.Values {
			st.Values = append(st.Values, YearValue{Year: y.Year, Kind: y.Kind, Value: y.Value.Published})
		}
		b.v.SeriesList = append(b.v.SeriesList, st)
	}
}

// achievementText is a recomputed capaian in words: the percentage before
// any cap, the grade comparison, or "–".
func (b *builder) achievementText(a report.Achievement) string {
	switch {
	case a.OK:
		return b.pct(a.Raw)
	case a.Qualitative && a.Met:
		return b.loc.T("grade_met")
	case a.Qualitative:
		return b.loc.T("grade_not_met")
	}
	return "–"
}

// orAbsent is a figure as printed, the report's own words, or the
// interface's "not stated" when the report gives none: absent, never zero.
func orAbsent(s string) any {
	if strings.TrimSpace(s) == "" {
		return locale.M("not_reported")
	}
	return s
}

func (b *builder) budgetTable(t report.BudgetTable, id string) BudgetTable {
	title := b.tableTitle(id)
	bt := BudgetTable{ID: id, Section: t.Section, Title: strings.TrimSpace(strings.TrimPrefix(title, t.Section)), Source: t.Source}
	for i, row := range t.Rows {
		br := BudgetRow{Anchor: anchor(id, i+1), TableURL: b.tablePage(id) + "#" + anchor(id, i+1), Table: title, No: row.No,
			Level: b.levelLabel(row.Level), Text: row.Text, URL: b.itemURL(row.Ref), Budget: row.Budget.Published,
			Spent: row.Spent.Published, Percent: row.Percent.Published, Note: row.Note}
		if row.Spent.Published != "" {
			bt.HasSpent = true
		}
		if row.Budget.Present && row.Budget.Err() == nil {
			br.BudgetShort = b.loc.RupiahShort(row.Budget.Amount)
		}
		if row.Budget.Present && row.Spent.Present {
			br.BudgetAmount, br.SpentAmount, br.HasAmounts = row.Budget.Amount, row.Spent.Amount, true
		}
		if abs, ok := report.Absorption(row.Budget, row.Spent); ok {
			br.Recomputed, br.AbsorptionValue, br.HasAbsorption = b.pct(abs), abs, true
			br.Differs = row.Percent.IsNumber() && math.Abs(row.Percent.Value-abs) > row.Percent.Tolerance(b.s.TolerancePoints)
		}
		bt.Rows = append(bt.Rows, br)
		figs := locale.M("appear_budget", "Budget", row.Budget.Published)
		if row.Spent.Published != "" {
			figs = locale.M("appear_budget_spent", "Budget", row.Budget.Published, "Spent", row.Spent.Published, "Percent", row.Percent.Published)
		}
		b.appear(row.Ref, title, br.TableURL, fmt.Sprint(i+1), row.Text, figs)
		if page := b.v.Items[row.Ref]; page != nil && id == report.TableLRA && page.Budget == nil {
			brCopy := br
			page.Budget = &brCopy
		}
	}
	return bt
}

func (b *builder) budgets() {
	b.v.LRA = b.budgetTable(b.r.Budget.LRA, report.TableLRA)
	b.v.PKBudget = b.budgetTable(b.r.Agreements.Budget, report.TablePKBudget)
	for _, p := range b.r.Budget.Performance {
		row := PerformanceRow{Target: p.Target, Indicator: p.Indicator, KinerjaTarget: p.KinerjaTarget.Published,
			KinerjaActual: p.KinerjaActual.Published, KinerjaCapaian: p.KinerjaCapaian.Published,
			Budget: p.Budget.Published, Spent: p.Spent.Published, Absorption: p.Absorption.Published}
		if a := report.ComputeAchievement(p.KinerjaTarget, p.KinerjaActual, p.Polarity, b.s); a.OK {
			row.KinerjaRecomputed = b.pct(a.Percent)
		}
		if abs, ok := report.Absorption(p.Budget, p.Spent); ok {
			row.AbsorptionRecomputed = b.pct(abs)
		}
		b.v.Performance = append(b.v.Performance, row)
	}
	e := b.r.Budget.Efficiency
	b.v.Efficiency = EfficiencyTable{Title: e.Title, Note: e.Note}
	for _, row := range e.Rows {
		er := EfficiencyRow{Target: row.Target, Indicator: row.Indicator, Achievement: row.Achievement.Published,
			Absorption: row.Absorption.Published, Efficiency: row.Efficiency.Published, Recomputed: "–"}
		if row.Achievement.IsNumber() && row.Absorption.IsNumber() {
			er.Recomputed = b.loc.Quantity(report.Efficiency(row.Achievement.Value, row.Absorption.Value), "poin")
		}
		b.v.Efficiency.Rows = append(b.v.Efficiency.Rows, er)
	}
}

func (b *builder) narrative() {
	for _, s := range b.r.Narrative {
		b.v.Narrative = append(b.v.Narrative, Section{ID: s.ID, Page: s.PageSlug(), Title: s.Title, Chapter: s.Chapter, Paragraphs: s.Paragraphs, Points: s.Points, Closing: s.Closing})
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
			Row: x.Row, Item: x.Item, ItemURL: b.itemURL(x.Ref), Field: x.Field, FieldLabel: b.fieldLabel(x.Field), Published: x.Published, Detail: b.loc.Render(x.Detail), DetailParts: b.loc.Parts(x.Detail),
			Family: string(x.Family()), Compare: x.Compare}
		if x.Row > 0 && x.TableID != "" {
			vf.TableURL = b.tablePage(x.TableID) + "#" + anchor(x.TableID, x.Row)
		} else if x.TableID != "" {
			vf.TableURL = b.tablePage(x.TableID)
		}
		if x.HasNumbers {
			vf.Recomputed, vf.Difference = b.loc.Quantity(x.Recomputed, x.Unit), b.loc.Difference(x.Difference, x.Unit)
		}
		f.List = append(f.List, vf)
		if page := b.v.Items[x.Ref]; page != nil {
			page.Findings = append(page.Findings, vf)
		}
	}
	for _, fam := range report.Families {
		ff := FindingFamily{ID: string(fam)}
		for _, vf := range f.List {
			if vf.Family != ff.ID {
				continue
			}
			ff.Count++
			ff.List = append(ff.List, vf)
			switch vf.Level {
			case int(report.Serious):
				ff.Serious++
			case int(report.Warning):
				ff.Warning++
			default:
				ff.Info++
			}
		}
		if ff.Count > 0 {
			f.Families = append(f.Families, ff)
		}
	}
	// the most material: the audit lists the serious first; among them the
	// families a reader most needs (changed targets, contradicted
	// agreements) before arithmetic
	rank := map[string]int{}
	for i, fam := range report.Families {
		rank[string(fam)] = i
	}
	order := append([]Finding(nil), f.List...)
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].Level != order[j].Level {
			return order[i].Level > order[j].Level
		}
		return rank[order[i].Family] < rank[order[j].Family]
	})
	f.Top = order[:min(3, len(order))]
	b.v.Findings = f
}

// headline is the row the report declares as its strategic headline, with
// the original target of the year when the plan gives one.
func (b *builder) headline() {
	m, ok := b.r.HeadlineRow()
	if !ok {
		return
	}
	row := b.indicatorRow(m)
	h := Headline{Goal: row.Item, Indicator: row.Indicator, Polarity: row.Polarity, Target: row.Target, InitialTarget: row.InitialTarget,
		Actual: row.Actual, CapaianPublished: row.Published, CapaianRecomputed: row.Recomputed, Formula: row.Formula,
		Category: row.Category, Band: row.Band, BandLevel: row.BandLevel, BandOwn: row.BandOwn, CapNote: row.CapNote, Status: row.Status, Source: row.Table, SourceURL: row.TableURL}
	h.Value, h.HasValue = m.Result.Value, m.Result.HasBand
	h.OtherTargets = row.OtherTargets
	if len(row.OtherTargets) > 0 {
		o := row.OtherTargets[0]
		// the targets as printed and a table's title are the report's
		// words, the capaian and (unless the report's own) the band the
		// site's
		var band any = locale.Written("")
		if o.Band != "" {
			band = locale.List{Items: []any{locale.Written(" ("), locale.OwnOr(o.Band, o.BandOwn), locale.Written(")")}}
		}
		if o.Initial {
			h.TargetMoved = b.loc.Parts(locale.M("target_moved", "From", o.Target, "To", row.Target, "Capaian", locale.Written(o.Capaian), "Band", band))
		} else {
			h.TargetMoved = b.loc.Parts(locale.M("target_elsewhere", "Source", locale.OwnOr(o.Source, o.SourceIsData), "Other", o.Target, "Used", row.Target,
				"Capaian", locale.Written(o.Capaian), "Band", band))
		}
	}
	if ind := b.r.PlanIndicator(m.Row.Ref); ind != nil && h.InitialTarget == "" {
		for _, t := range ind.Targets {
			if t.Year == b.r.Year && t.Kind == "awal" {
				h.InitialTarget = t.Value.Published
			}
		}
	}
	b.v.Headline = &h
	b.series(m)
}

// series describes the yearly series declared with the headline, with the
// plan's targets for the same years.
func (b *builder) series(m report.MeasuredRow) {
	s := b.r.HeadlineSeries()
	if s == nil {
		return
	}
	ind := b.r.PlanIndicator(s.Ref)
	if ind == nil {
		ind = b.r.PlanIndicator(m.Row.Ref)
	}
	polarity := s.Polarity
	if polarity == "" {
		polarity = m.Row.Polarity
	}
	actual, target, revised := map[int]*float64{}, map[int]*float64{}, map[int]*float64{}
	years := map[int]bool{}
	num := func(f report.Figure) *float64 {
		if !f.IsNumber() {
			return nil
		}
		v := f.Value
		return &v
	}
	decimals := -1
	for _, y := range s.Values {
		years[y.Year], actual[y.Year] = true, num(y.Value)
		decimals = max(decimals, y.Value.Decimals)
	}
	sd := &SeriesData{Indicator: nonEmpty(s.Indicator, m.Row.Indicator), Unit: s.Unit, Polarity: b.polarityLabel(polarity),
		LowerBetter: polarity == report.LowerIsBetter, Table: b.tableTitle(s.ID), TableURL: b.tablePage(s.ID) + "#tabel-" + s.ID}
	if ind != nil {
		sd.Indicator = nonEmpty(ind.Text, sd.Indicator)
		if sd.Unit == "" {
			sd.Unit = ind.Unit
		}
		for _, t := range ind.Targets {
			years[t.Year] = true
			if t.Kind == "perubahan" {
				revised[t.Year] = num(t.Value)
			} else {
				target[t.Year] = num(t.Value)
			}
			decimals = max(decimals, t.Value.Decimals)
		}
		if ind.Baseline.Year > 0 && actual[ind.Baseline.Year] == nil {
			years[ind.Baseline.Year], actual[ind.Baseline.Year] = true, num(ind.Baseline.Value)
			sd.BaselineYear = ind.Baseline.Year
		}
	}
	if sd.Unit == "" && len(s.Values) > 0 {
		sd.Unit = s.Values[0].Value.Unit
	}
	sd.Decimals = max(decimals, 0)
	if s.Decimals != nil {
		sd.Decimals = *s.Decimals
	}
	for y := range years {
		sd.Years = append(sd.Years, y)
	}
	sort.Ints(sd.Years)
	for _, y := range sd.Years {
		sd.Actual, sd.Target, sd.Revised = append(sd.Actual, actual[y]), append(sd.Target, target[y]), append(sd.Revised, revised[y])
	}
	b.v.Series = sd
}

// totals are the LRA's programme totals; nil when the report has no LRA
// programme rows (absent, never Rp 0).
func (b *builder) totals() {
	t := b.r.Totals()
	if t.Rows == 0 {
		return
	}
	b.v.Totals = &Totals{Budget: b.loc.Rupiah(t.Budget), BudgetShort: b.loc.RupiahShort(t.Budget), Spent: b.loc.Rupiah(t.Spent),
		SpentShort: b.loc.RupiahShort(t.Spent), Absorption: b.pct(t.Absorption), AbsorptionValue: t.Absorption, Programs: t.Rows}
}

// mainMeasurement counts the indicators of the report's main measurement
// per band, and lists those below target.
func (b *builder) mainMeasurement() {
	bs := b.s.Bands()
	rows := b.r.MainMeasurement()
	mm := MainMeasurement{Stated: b.r.Meta.StatedCount}
	if t := b.r.ResultsTable(b.r.Meta.MainTable); t != nil {
		info := b.tables[t.ID]
		mm.Table, mm.TableURL, mm.Download = info.Title, b.page(info.Page)+"#tabel-"+t.ID, info.Download
	}
	counts := map[string]int{}
	for _, m := range rows {
		switch {
		case m.Result.Ambiguous:
			mm.Ambiguous++
			continue
		case m.Result.HasBand:
			counts[m.Result.Band.Name]++
		default:
			mm.Unassessed++
		}
		ir := b.indicatorRow(m)
		if m.Result.BelowTarget {
			b.v.BelowTarget = append(b.v.BelowTarget, ir)
		}
		if len(ir.OtherTargets) > 0 {
			b.v.TargetChanges = append(b.v.TargetChanges, ir)
		}
	}
	mm.Count = len(rows) - mm.Ambiguous
	for _, band := range bs.Bands {
		b.v.Bands = append(b.v.Bands, BandStat{Name: b.band(band), Count: counts[band.Name], Level: band.Level, Own: ownBand(band)})
	}
	b.v.Bands = append(b.v.Bands, BandStat{Name: b.loc.T("band_unassessed"), Count: mm.Unassessed, Level: len(bs.Bands)})
	b.v.Main = mm
}

// brief makes the DPRD brief's programme table: a programme's own
// indicators (from the main measurement) beside its budget.
func (b *builder) brief() {
	for _, p := range b.v.Programs {
		page := b.v.Items[p.ID]
		if page == nil {
			continue
		}
		rows := page.Indicators
		if len(rows) == 0 {
			rows = []IndicatorRow{{BandLevel: -1}}
		}
		for i, ir := range rows {
			br := BriefRow{Indicator: ir.Indicator, Target: ir.Target, Actual: ir.Actual, Published: ir.Published, Recomputed: ir.Recomputed,
				Band: ir.Band, BandLevel: ir.BandLevel, BandOwn: ir.BandOwn, Differs: ir.Differs}
			if i == 0 {
				br.Program, br.URL, br.Span = p.Name, p.URL, len(rows)
				br.Absorption = p.Absorption
				if p.HasAmounts {
					br.Budget, br.Spent = b.loc.RupiahShort(p.BudgetAmount), b.loc.RupiahShort(p.SpentAmount)
				}
			}
			b.v.ProgramBrief = append(b.v.ProgramBrief, br)
		}
	}
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
			if br := page.Budget; br != nil {
				l.Budget, l.Spent, l.Absorption = br.Budget, br.Spent, br.Recomputed
				l.BudgetAmount, l.SpentAmount, l.HasAmounts = br.BudgetAmount, br.SpentAmount, br.HasAmounts
				l.AbsorptionValue, l.HasAbsorption = br.AbsorptionValue, br.HasAbsorption
			}
			if avg, ok := AverageCapaian(page.Indicators); ok {
				l.Capaian, l.CapaianValue, l.HasCapaian = b.pct(avg), avg, true
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
