package report

import (
	"fmt"
	"strings"
)

// This file is the one place that says which pages a report has and which
// table lives where: its id, title, page, anchor and download name. The
// audit, the view, the open data, the Hugo content and the navigation all
// read it, so that a table has one title everywhere.

// Page slugs below a report's URL.
const (
	PageSummary    = ""
	PageProfile    = "profil"
	PagePlans      = "rencana"
	PageResults    = "capaian"
	PagePrograms   = "program"
	PageBudget     = "anggaran"
	PageEfficiency = "efisiensi"
	PageAnalysis   = "analisis"
	PageFindings   = "catatan-data"
	PageMethod     = "metodologi"
	PageOpenData   = "data-terbuka"
	PageBrief      = "ringkasan-dprd"
)

// NarrativePages are the pages a narrative section may be shown on.
var NarrativePages = []string{PageProfile, PagePlans, PageResults, PageBudget, PageEfficiency, PageAnalysis}

// PageInfo is one page of a report.
type PageInfo struct {
	Slug   string // below the report's URL; "" for the report home
	Layout string // Hugo layout
	Title  string // i18n key of the page title (without the year)
	Nav    string // i18n key of its navigation label
	Weight int
}

// URL is the page's path below the report's URL ("capaian/", or "").
func (p PageInfo) URL() string {
	if p.Slug == "" {
		return ""
	}
	return p.Slug + "/"
}

// allPages lists every page a report can have, in navigation order.
var allPages = []PageInfo{
	{PageSummary, "ringkasan", "", "nav_summary", 0},
	{PageProfile, "profil", "page_profile", "nav_profile", 1},
	{PagePlans, "rencana", "page_plans", "nav_plans", 2},
	{PageResults, "capaian", "page_results", "nav_results", 3},
	{PagePrograms, "program-daftar", "page_programs", "nav_programs", 4},
	{PageBudget, "anggaran", "page_budget", "nav_budget", 5},
	{PageEfficiency, "efisiensi", "page_efficiency", "nav_efficiency", 6},
	{PageAnalysis, "analisis", "page_analysis", "nav_analysis", 7},
	{PageFindings, "catatan-data", "page_findings", "nav_findings", 8},
	{PageMethod, "metodologi", "page_method", "nav_method", 9},
	{PageOpenData, "data-terbuka", "page_opendata", "nav_opendata", 10},
	{PageBrief, "ringkasan-dprd", "page_brief", "nav_brief", 11},
}

// Pages returns the pages this report has: a page exists only when its
// data does.
func (r *Report) Pages() []PageInfo {
	narr := map[string]bool{}
	for _, s := range r.Narrative {
		narr[s.PageSlug()] = true
	}
	present := map[string]bool{
		PageProfile:    r.Profile.present() || narr[PageProfile],
		PagePlans:      r.Plans.present() || len(r.RKT.Rows) > 0 || r.Agreements.present() || narr[PagePlans],
		PagePrograms:   len(r.Programs) > 0,
		PageBudget:     len(r.Budget.LRA.Rows) > 0 || len(r.Budget.Performance) > 0 || len(r.Agreements.Budget.Rows) > 0 || narr[PageBudget],
		PageEfficiency: len(r.Budget.Efficiency.Rows) > 0 || narr[PageEfficiency] || (len(r.Programs) > 0 && len(r.Budget.LRA.Rows) > 0),
		PageAnalysis:   true,
	}
	var out []PageInfo
	for _, p := range allPages {
		if v, conditional := present[p.Slug]; conditional && !v {
			continue
		}
		out = append(out, p)
	}
	return out
}

// PageLayout is the Hugo layout of the page with that slug.
func PageLayout(slug string) string {
	for _, p := range allPages {
		if p.Slug == slug {
			return p.Layout
		}
	}
	return ""
}

// HasPage reports whether the report has the page with that slug.
func (r *Report) HasPage(slug string) bool {
	for _, p := range r.Pages() {
		if p.Slug == slug {
			return true
		}
	}
	return false
}

// PageSlug is the page a narrative section is shown on.
func (s Section) PageSlug() string {
	if s.Page == "" {
		return PageAnalysis
	}
	return s.Page
}

func (p Profile) present() bool {
	return p.Head.Name != "" || len(p.LegalBasis) > 0 || len(p.Units) > 0 || len(p.Echelons) > 0 ||
		len(p.StaffTables) > 0 || len(p.Assets) > 0 || len(p.Issues) > 0 || p.StaffNote != ""
}

func (p Plans) present() bool {
	return len(p.Linkage) > 0 || len(p.Goals) > 0 || len(p.Targets) > 0 || len(p.RenstraItems) > 0
}

func (a Agreements) present() bool {
	return len(a.Head.Rows) > 0 || len(a.EselonIII.Rows) > 0 || len(a.EselonIV.Rows) > 0
}

// TableInfo is one table of a report, as every part of the site names it.
type TableInfo struct {
	ID       string // unique within the report; row anchors are ID-n
	Title    string // section number and title, e.g. "3.5 Laporan Realisasi Anggaran"
	Page     string // page slug
	Download string // open-data resource name (CSV/JSON file name without extension)
	Rows     int
}

// Anchor is the id of the n-th row (1-based) of the table on its page.
func (t TableInfo) Anchor(row int) string { return fmt.Sprintf("%s-%d", t.ID, row) }

// Fixed table ids of the parts of a report that are not lists of tables.
const (
	TableRenstra         = "renstra"
	TableRPJMD           = "rpjmd"
	TableRenstraProgram  = "renstra-program"
	TableRKT             = "rkt"
	TablePKHead          = "pk-kepala"
	TablePKEselonIII     = "pk-eselon-iii"
	TablePKEselonIV      = "pk-eselon-iv"
	TablePKBudget        = "pk-anggaran"
	TableLRA             = "lra"
	TablePerformance     = "kinerja-anggaran"
	TableEfficiency      = "efisiensi"
	TableAssets          = "aset"
	TablePrograms        = "program"
	resultsTablePrefix   = "capaian-"
	seriesTablePrefix    = "seri-"
	staffTablePrefix     = "pegawai-"
	defaultRKTTitle      = "Rencana Kinerja Tahunan"
	defaultPKHeadTitle   = "Perjanjian Kinerja Kepala OPD"
	defaultPKIIITitle    = "Perjanjian Kinerja Eselon III"
	defaultPKIVTitle     = "Perjanjian Kinerja Eselon IV"
	defaultPKBudgetTitle = "Anggaran per program/kegiatan dalam Perjanjian Kinerja"
	defaultLRATitle      = "Laporan Realisasi Anggaran"
	defaultEffTitle      = "Efektivitas dan efisiensi"
)

// Tables lists every table the report has (a table with no rows is not
// listed), in the order of the report.
func (r *Report) Tables() []TableInfo {
	var out []TableInfo
	add := func(t TableInfo) {
		if t.Rows > 0 {
			out = append(out, t)
		}
	}
	for _, t := range r.Profile.StaffTables {
		add(TableInfo{ID: t.ID, Title: "1.3 " + strings.TrimSpace(strings.TrimSuffix(t.Number+". "+t.Title, ". ")), Page: PageProfile, Download: staffTablePrefix + t.ID, Rows: len(t.Rows)})
	}
	add(TableInfo{ID: TableAssets, Title: "1.3 Aset yang dimiliki", Page: PageProfile, Download: TableAssets, Rows: len(r.Profile.Assets)})
	add(TableInfo{ID: TableRPJMD, Title: "2.1 Keterkaitan RPJMD dengan Renstra", Page: PagePlans, Download: TableRPJMD, Rows: len(r.Plans.Linkage)})
	nInd := 0
	for _, g := range r.Plans.Goals {
		nInd += len(g.Indicators)
	}
	for _, g := range r.Plans.Targets {
		nInd += len(g.Indicators)
	}
	add(TableInfo{ID: TableRenstra, Title: "2.1 Matriks Rencana Strategis", Page: PagePlans, Download: "renstra-indikator", Rows: nInd})
	add(TableInfo{ID: TableRenstraProgram, Title: "2.1 Program dan kegiatan dalam Renstra", Page: PagePlans, Download: TableRenstraProgram, Rows: len(r.Plans.RenstraItems)})
	add(TableInfo{ID: TableRKT, Title: "2.2 " + orDefault(r.RKT.Title, defaultRKTTitle), Page: PagePlans, Download: TableRKT, Rows: len(r.RKT.Rows)})
	ag := r.Agreements
	add(TableInfo{ID: TablePKHead, Title: "2.3 " + orDefault(ag.Head.Title, defaultPKHeadTitle), Page: PagePlans, Download: TablePKHead, Rows: len(ag.Head.Rows)})
	add(TableInfo{ID: TablePKEselonIII, Title: "2.3 " + orDefault(ag.EselonIII.Title, defaultPKIIITitle), Page: PagePlans, Download: TablePKEselonIII, Rows: len(ag.EselonIII.Rows)})
	add(TableInfo{ID: TablePKEselonIV, Title: "2.3 " + orDefault(ag.EselonIV.Title, defaultPKIVTitle), Page: PagePlans, Download: TablePKEselonIV, Rows: len(ag.EselonIV.Rows)})
	add(TableInfo{ID: TablePKBudget, Title: budgetTitle(ag.Budget, "2.3", defaultPKBudgetTitle), Page: PageBudget, Download: TablePKBudget, Rows: len(ag.Budget.Rows)})
	perSection := map[string]int{}
	for _, t := range r.Results.Tables {
		perSection[t.Section]++
		add(TableInfo{ID: t.ID, Title: resultsTitle(t, perSection[t.Section]), Page: PageResults, Download: resultsTablePrefix + t.ID, Rows: len(t.Rows)})
	}
	for _, s := range r.Results.Series {
		add(TableInfo{ID: s.ID, Title: orDefault(strings.TrimSpace(s.Section+" "+s.Title), s.ID), Page: PageResults, Download: seriesTablePrefix + s.ID, Rows: len(s.Values)})
	}
	add(TableInfo{ID: TableLRA, Title: budgetTitle(r.Budget.LRA, "3.5", defaultLRATitle), Page: PageBudget, Download: TableLRA, Rows: len(r.Budget.LRA.Rows)})
	add(TableInfo{ID: TablePerformance, Title: "3.6 Pencapaian kinerja dan anggaran", Page: PageBudget, Download: TablePerformance, Rows: len(r.Budget.Performance)})
	add(TableInfo{ID: TableEfficiency, Title: "3.7 " + orDefault(r.Budget.Efficiency.Title, defaultEffTitle), Page: PageEfficiency, Download: TableEfficiency, Rows: len(r.Budget.Efficiency.Rows)})
	return out
}

// WorkbookFile is the file name of the report's workbook: what export-xlsx
// writes by default and what Data terbuka offers beside the ZIP.
func (r *Report) WorkbookFile() string {
	return fmt.Sprintf("%s-%d.xlsx", r.Agency.Slug, r.Year)
}

// Table returns the table with that id; ok is false when the report has none.
func (r *Report) Table(id string) (TableInfo, bool) {
	for _, t := range r.Tables() {
		if t.ID == id {
			return t, true
		}
	}
	return TableInfo{}, false
}

// resultsTitle names a results table; a table the report prints without a
// heading is numbered within its section.
func resultsTitle(t MeasureTable, nth int) string {
	title := strings.TrimSpace(t.Title)
	if title == "" {
		title = fmt.Sprintf("(tabel %d)", nth)
	}
	return strings.TrimSpace(t.Section + " " + title)
}

func budgetTitle(t BudgetTable, section, def string) string {
	s := t.Section
	if s == "" {
		s = section
	}
	return strings.TrimSpace(s + " " + orDefault(t.Title, def))
}

// ReservedIDs are table ids the registry uses for the fixed parts of a
// report; a results table or series may not take them.
var ReservedIDs = []string{TableRenstra, TableRPJMD, TableRenstraProgram, TableRKT, TablePKHead, TablePKEselonIII,
	TablePKEselonIV, TablePKBudget, TableLRA, TablePerformance, TableEfficiency, TableAssets, TablePrograms}
