// Package view turns a report and its audit into what the site shows: every
// figure as published beside its recomputed value, formatted the Indonesian
// way, with the links between items and tables. It does no I/O; the page
// writer serialises it to JSON for the Hugo templates.
package view

import (
	"math"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// Report is everything the pages of one report show.
type Report struct {
	Lang       string `json:"lang"` // the language of the interface text and computed figures (locale)
	Key        string `json:"key"`  // "<agency>/<year>"
	AgencySlug string `json:"agency_slug"`
	Agency     string `json:"agency"`
	Government string `json:"government"`
	Province   string `json:"province"`
	Address    string `json:"address"`
	Year       int    `json:"year"`
	Title      string `json:"title"`
	PlaceDate  string `json:"place_date"`
	Source     string `json:"source"`
	SourceFile string `json:"source_file"` // URL of the source text, if bundled
	ZipFile    string `json:"zip_file"`    // URL of the ZIP of every open-data file of the report
	Workbook   string `json:"workbook"`    // URL of the report as an Excel workbook (export-xlsx)
	URL        string `json:"url"`         // the report's home page (below "<lang>/" in another language than the default)
	FilesURL   string `json:"files_url"`   // the folder of its files (data/, sumber/), the same in every language

	Pages       []PageLink           `json:"pages"`  // the pages this report has, in navigation order
	Tables      map[string]TableLink `json:"tables"` // every table of the report by id (report.Tables)
	Method      Method               `json:"method"`
	Headline    *Headline            `json:"headline"` // nil: the report declares no headline
	Series      *SeriesData          `json:"headline_series"`
	Totals      *Totals              `json:"totals"` // nil: the report has no budget realisation table
	Main        MainMeasurement      `json:"main"`
	Bands       []BandStat           `json:"bands"`
	Findings    Findings             `json:"findings"`
	Profile     Profile              `json:"profile"`
	Plans       Plans                `json:"plans"`
	RKT         PlanTable            `json:"rkt"`
	PK          []PlanTable          `json:"pk"`
	PKBudget    BudgetTable          `json:"pk_budget"`
	Measures    []MeasureTable       `json:"measures"`
	SeriesList  []SeriesTable        `json:"series"`
	LRA         BudgetTable          `json:"lra"`
	Performance []PerformanceRow     `json:"performance"`
	Efficiency  EfficiencyTable      `json:"efficiency"`
	Narrative   []Section            `json:"narrative"` // in the order of the data; each names its page
	Programs    []ItemLink           `json:"programs"`
	Items       map[string]*ItemPage `json:"items"`
	Charts      map[string]*Chart    `json:"charts"`
	BelowTarget []IndicatorRow       `json:"below_target"`
	// TargetChanges: rows of the main measurement (and the headline) whose
	// indicator has another target in the report.
	TargetChanges []IndicatorRow `json:"target_changes"`
	// ProgramBrief is the DPRD brief's table: each programme's own
	// indicators with its budget on the first row.
	ProgramBrief []BriefRow `json:"program_brief"`
}

// PageLink is one page of a report in its navigation.
type PageLink struct {
	Slug  string `json:"slug"`
	URL   string `json:"url"`
	Nav   string `json:"nav"` // i18n key of the label
	Title string `json:"title"`
	// TitleParts is Title cut into the interface's text and the report's
	// own words (the agency's name, the report's title), which a page in
	// another language marks as Indonesian
	TitleParts []locale.Part `json:"title_parts"`
}

// BriefRow is one line of the DPRD brief's programme table.
type BriefRow struct {
	Program    string `json:"program"`
	URL        string `json:"url"`
	Span       int    `json:"span"` // rows of this programme; 0 on its continuation rows
	Indicator  string `json:"indicator"`
	Target     string `json:"target"`
	Actual     string `json:"actual"`
	Published  string `json:"published"`
	Recomputed string `json:"recomputed"`
	Band       string `json:"band"`
	BandLevel  int    `json:"band_level"`
	BandOwn    bool   `json:"band_own,omitempty"` // Band is a name of the report's own band set (its words)
	Differs    bool   `json:"differs"`
	Budget     string `json:"budget"` // short form ("Rp 7,9 miliar"); exact on the budget page
	Spent      string `json:"spent"`
	Absorption string `json:"absorption"`
}

// TableLink is a table of the report as the registry names it.
type TableLink struct {
	Title    string `json:"title"`
	URL      string `json:"url"`
	Download string `json:"download"`
}

// MainMeasurement names what the counts per category and the below-target
// list are taken from.
type MainMeasurement struct {
	Table      string `json:"table"`     // title of the declared main table; "" = every table
	TableURL   string `json:"table_url"` // where it is shown
	Download   string `json:"download"`  // its open-data resource, "" when not one table
	Count      int    `json:"count"`     // indicators counted
	Stated     int    `json:"stated"`    // indicators the report says it has; 0 = not stated
	Unassessed int    `json:"unassessed"`
	Ambiguous  int    `json:"ambiguous"` // rows with an unsettled ambiguous figure, counted nowhere
}

// SeriesData is the yearly series charted with the headline: numbers kept
// as numbers (nil when the report gives none for a year).
type SeriesData struct {
	Indicator    string     `json:"indicator"`
	Unit         string     `json:"unit"`
	Decimals     int        `json:"decimals"`
	Polarity     string     `json:"polarity"` // the sentence
	LowerBetter  bool       `json:"lower_better"`
	Table        string     `json:"table"`
	TableURL     string     `json:"table_url"`
	Years        []int      `json:"years"`
	BaselineYear int        `json:"baseline_year"`
	Actual       []*float64 `json:"actual"`
	Target       []*float64 `json:"target"`
	Revised      []*float64 `json:"revised"`
}

// Link is a labelled URL.
type Link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Method states the settings and formulas the recomputed figures use.
type Method struct {
	FormulaHigher string     `json:"formula_higher"`
	FormulaLower  string     `json:"formula_lower"`
	Cap           string     `json:"cap"`
	BandSet       string     `json:"band_set"`
	BandSource    string     `json:"band_source"`
	BandSetOwn    bool       `json:"band_set_own"` // BandSet and BandSource are the report's words (data)
	Bands         []BandRule `json:"bands"`
	Tolerance     string     `json:"tolerance"`
}

// BandRule is one band with its range in words.
type BandRule struct {
	Name  string `json:"name"`
	Range string `json:"range"`
	Level int    `json:"level"`
}

// Headline is the strategic target and its result, for the report home.
type Headline struct {
	Goal              string        `json:"goal"`
	Indicator         string        `json:"indicator"`
	Polarity          string        `json:"polarity"`
	Target            string        `json:"target"`
	InitialTarget     string        `json:"initial_target"`
	Actual            string        `json:"actual"`
	CapaianPublished  string        `json:"capaian_published"`
	CapaianRecomputed string        `json:"capaian_recomputed"`
	Formula           string        `json:"formula"`
	Category          string        `json:"category"`
	Band              string        `json:"band"`
	BandLevel         int           `json:"band_level"`
	BandOwn           bool          `json:"band_own,omitempty"` // Band is a name of the report's own band set (its words)
	CapNote           string        `json:"cap_note"`
	Status            string        `json:"status"`
	Value             float64       `json:"value"` // the capaian the band uses, for sorting
	OtherTargets      []OtherTarget `json:"other_targets"`
	TargetMoved       []locale.Part `json:"target_moved"` // the sentence, when the target moved, in parts (locale.Parts)
	HasValue          bool          `json:"has_value"`
	Source            string        `json:"source"`
	SourceURL         string        `json:"source_url"`
}

// Totals are the report-wide budget figures.
type Totals struct {
	Budget          string  `json:"budget"`
	BudgetShort     string  `json:"budget_short"`
	Spent           string  `json:"spent"`
	SpentShort      string  `json:"spent_short"`
	Absorption      string  `json:"absorption"`
	AbsorptionValue float64 `json:"absorption_value"`
	Programs        int     `json:"programs"`
}

// BandStat counts indicators per band.
type BandStat struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	Level int    `json:"level"`
	Own   bool   `json:"own,omitempty"` // Name is the report's own (its band set's), not the site's
}

// Findings are the audit's results, counted and listed.
type Findings struct {
	Total    int             `json:"total"`
	Serious  int             `json:"serious"`
	Warning  int             `json:"warning"`
	Info     int             `json:"info"`
	List     []Finding       `json:"list"`
	Families []FindingFamily `json:"families"` // only families with findings, in report.Families order
	Top      []Finding       `json:"top"`      // the most material, at most three
}

// FindingFamily is one group of findings on the Catatan data page.
type FindingFamily struct {
	ID      string    `json:"id"`
	Count   int       `json:"count"`
	Serious int       `json:"serious"`
	Warning int       `json:"warning"`
	Info    int       `json:"info"`
	List    []Finding `json:"list"`
}

// Finding is one audit finding as the "Catatan data" page shows it.
type Finding struct {
	N          int    `json:"n"`
	Severity   string `json:"severity"`
	Level      int    `json:"level"`
	Kind       string `json:"kind"`
	Table      string `json:"table"`
	TableURL   string `json:"table_url"`
	Row        int    `json:"row"`
	Item       string `json:"item"`
	ItemURL    string `json:"item_url"`
	Field      string `json:"field"`
	FieldLabel string `json:"field_label"` // the column named in the reader's language
	Published  string `json:"published"`
	Recomputed string `json:"recomputed"`
	Difference string `json:"difference"`
	Detail     string `json:"detail"`
	// DetailParts is Detail cut into the interface's text and the
	// report's own words (tables' titles, figures as printed), which a
	// page in another language marks as Indonesian
	DetailParts []locale.Part `json:"detail_parts"`
	Family      string        `json:"family"`
	Compare     string        `json:"compare"` // the table of the comparison figure; "" when recomputed
}

// Section is narrative text.
type Section struct {
	ID         string   `json:"id"`
	Page       string   `json:"page"` // slug of the page it is shown on
	Title      string   `json:"title"`
	Chapter    string   `json:"chapter"`
	Paragraphs []string `json:"paragraphs"`
	Points     []string `json:"points"`
	Closing    []string `json:"closing"`
}

// Profile is chapter I.
type Profile struct {
	Head        report.Official  `json:"head"`
	LegalBasis  []string         `json:"legal_basis"`
	Units       []Unit           `json:"units"`
	Echelons    []report.Echelon `json:"echelons"`
	StaffTables []CountTable     `json:"staff_tables"`
	Assets      []Asset          `json:"assets"`
	Issues      []string         `json:"issues"`
	StaffNote   []string         `json:"staff_note"`
}

// Unit is an organisation unit with its depth in the chart.
type Unit struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Depth     int      `json:"depth"`
	Duty      string   `json:"duty"`
	Functions []string `json:"functions"`
	Note      string   `json:"note"`
}

// CountTable is a staff table with its printed and recomputed totals.
type CountTable struct {
	ID              string     `json:"id"`
	Number          string     `json:"number"`
	Title           string     `json:"title"`
	Columns         []string   `json:"columns"`
	Rows            [][]string `json:"rows"` // no, label, count as printed
	TotalLabel      string     `json:"total_label"`
	Total           string     `json:"total"`
	TotalRecomputed string     `json:"total_recomputed"`
	TotalDiffers    bool       `json:"total_differs"`
	Source          string     `json:"source"`
}

// Asset is an asset line with its figures as printed.
type Asset struct {
	Description  string `json:"description"`
	LandArea     string `json:"land_area"`
	BuildingArea string `json:"building_area"`
	Quantity     string `json:"quantity"`
}

// Plans is section 2.1.
type Plans struct {
	Period     string                `json:"period"`
	Linkage    []report.RPJMDLinkage `json:"linkage"`
	Indicators []PlanIndicator       `json:"indicators"`
	Items      []PlanItem            `json:"items"`
}

// PlanIndicator is a Renstra indicator with its targets per year.
type PlanIndicator struct {
	Goal         string      `json:"goal"`
	Level        string      `json:"level"`
	Text         string      `json:"text"`
	Formula      string      `json:"formula"`
	Unit         string      `json:"unit"`
	Polarity     string      `json:"polarity"`
	Baseline     string      `json:"baseline"`
	BaselineYear int         `json:"baseline_year"`
	Targets      []YearValue `json:"targets"`
}

// YearValue is a year's figure as published.
type YearValue struct {
	Year  int    `json:"year"`
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// PlanItem is a row of the Renstra programme list.
type PlanItem struct {
	Anchor string `json:"anchor"`
	No     string `json:"no"`
	Text   string `json:"text"`
	Level  string `json:"level"`
	URL    string `json:"url"`
}

// PlanTable is the RKT or a Perjanjian Kinerja table.
type PlanTable struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	Rows           []PlanRow `json:"rows"`
	HasBudget      bool      `json:"has_budget"`
	HasInitial     bool      `json:"has_initial"`
	HasResponsible bool      `json:"has_responsible"`
}

// PlanRow is a row with its indicators and targets.
type PlanRow struct {
	Anchor      string       `json:"anchor"`
	No          string       `json:"no"`
	Level       string       `json:"level"`
	Text        string       `json:"text"`
	URL         string       `json:"url"`
	Indicators  []PlanTarget `json:"indicators"`
	Budget      string       `json:"budget"`
	Responsible string       `json:"responsible"`
	Note        string       `json:"note"`
}

// PlanTarget is an indicator and its target(s) as published.
type PlanTarget struct {
	Text          string `json:"text"`
	InitialTarget string `json:"initial_target"`
	Target        string `json:"target"`
}

// MeasureTable is a results table.
type MeasureTable struct {
	ID          string         `json:"id"`
	Section     string         `json:"section"`
	Title       string         `json:"title"`
	Note        string         `json:"note"`
	HasInitial  bool           `json:"has_initial"`
	HasCategory bool           `json:"has_category"`
	Rows        []IndicatorRow `json:"rows"`
}

// IndicatorRow is an indicator's result: published and recomputed.
type IndicatorRow struct {
	Anchor          string  `json:"anchor"`
	TableURL        string  `json:"table_url"`
	Table           string  `json:"table"`
	No              string  `json:"no"`
	Text            string  `json:"text"` // item cell as printed ("" when continued)
	Item            string  `json:"item"` // the item's name, even on continued rows
	URL             string  `json:"url"`
	Indicator       string  `json:"indicator"`
	Polarity        string  `json:"polarity"`
	InitialTarget   string  `json:"initial_target"`
	Target          string  `json:"target"`
	Actual          string  `json:"actual"`
	Published       string  `json:"published"`
	Recomputed      string  `json:"recomputed"`
	RecomputedValue float64 `json:"recomputed_value"`
	Computable      bool    `json:"computable"`
	Reason          string  `json:"reason"`
	Difference      string  `json:"difference"`
	Differs         bool    `json:"differs"`
	CapNote         string  `json:"cap_note"` // the cap explains the printed figure
	Formula         string  `json:"formula"`
	Category        string  `json:"category"`
	Band            string  `json:"band"`
	BandLevel       int     `json:"band_level"`
	BandOwn         bool    `json:"band_own,omitempty"` // Band is a name of the report's own band set (its words)
	BandFromPrinted bool    `json:"band_from_printed"`  // no target/realisasi: band of the printed capaian
	// Ambiguous: a figure has two readings; Recomputed is the decimal
	// reading, AltRecomputed the thousands reading.
	Ambiguous     bool   `json:"ambiguous"`
	AltRecomputed string `json:"alt_recomputed"`
	AltMatches    bool   `json:"alt_matches"`
	// OtherTargets: capaian against every other target the report states.
	OtherTargets []OtherTarget `json:"other_targets"`
	Status       string        `json:"status"` // why there is no band
	Truncated    bool          `json:"truncated"`
	Note         string        `json:"note"`
}

// OtherTarget is the capaian of a row against another target the report
// states for the same indicator.
type OtherTarget struct {
	Source       string `json:"source"`
	SourceIsData bool   `json:"source_is_data"` // Source is a table's title (the report's words)
	Initial      bool   `json:"initial"`        // an original target, before a revision
	URL          string `json:"url"`
	Target       string `json:"target"`
	Capaian      string `json:"capaian"`
	Band         string `json:"band"`
	BandLevel    int    `json:"band_level"`
	BandOwn      bool   `json:"band_own,omitempty"` // Band is a name of the report's own band set (its words)
}

// SeriesTable is a realisation series.
type SeriesTable struct {
	ID        string      `json:"id"`
	Section   string      `json:"section"`
	Title     string      `json:"title"`
	Note      string      `json:"note"`
	Indicator string      `json:"indicator"`
	Values    []YearValue `json:"values"`
}

// BudgetTable is the LRA or the PK budget table.
type BudgetTable struct {
	ID       string      `json:"id"`
	Section  string      `json:"section"`
	Title    string      `json:"title"`
	Source   string      `json:"source"`
	HasSpent bool        `json:"has_spent"`
	Rows     []BudgetRow `json:"rows"`
}

// BudgetRow is one item's budget line: published, and recomputed %.
type BudgetRow struct {
	Anchor   string `json:"anchor"`
	TableURL string `json:"table_url"`
	Table    string `json:"table"`
	No       string `json:"no"`
	Level    string `json:"level"`
	Text     string `json:"text"`
	URL      string `json:"url"`
	Budget   string `json:"budget"`
	// BudgetShort is the budget in words ("Rp 7,9 miliar") for a search
	// result; "" when the row gives no readable amount.
	BudgetShort string `json:"budget_short,omitempty"`
	Spent       string `json:"spent"`
	Percent     string `json:"percent"`
	Recomputed  string `json:"recomputed"`
	Differs     bool   `json:"differs"`
	Note        string `json:"note"`
	// the amounts as numbers, for charts
	BudgetAmount    int64   `json:"budget_amount"`
	SpentAmount     int64   `json:"spent_amount"`
	HasAmounts      bool    `json:"has_amounts"`
	AbsorptionValue float64 `json:"absorption_value"`
	HasAbsorption   bool    `json:"has_absorption"`
}

// PerformanceRow is 3.6.
type PerformanceRow struct {
	Target               string `json:"target"`
	Indicator            string `json:"indicator"`
	KinerjaTarget        string `json:"kinerja_target"`
	KinerjaActual        string `json:"kinerja_actual"`
	KinerjaCapaian       string `json:"kinerja_capaian"`
	KinerjaRecomputed    string `json:"kinerja_recomputed"`
	Budget               string `json:"budget"`
	Spent                string `json:"spent"`
	Absorption           string `json:"absorption"`
	AbsorptionRecomputed string `json:"absorption_recomputed"`
}

// EfficiencyTable is 3.7.
type EfficiencyTable struct {
	Title string          `json:"title"`
	Note  string          `json:"note"`
	Rows  []EfficiencyRow `json:"rows"`
}

// EfficiencyRow is one row of 3.7, published and recomputed.
type EfficiencyRow struct {
	Target      string `json:"target"`
	Indicator   string `json:"indicator"`
	Achievement string `json:"achievement"`
	Absorption  string `json:"absorption"`
	Efficiency  string `json:"efficiency"`
	Recomputed  string `json:"recomputed"`
}

// ItemLink is a programme, kegiatan or sub-kegiatan with its children.
type ItemLink struct {
	ID         string     `json:"id"`
	Level      string     `json:"level"`
	Name       string     `json:"name"`
	URL        string     `json:"url"`
	Budget     string     `json:"budget"`
	Spent      string     `json:"spent"`
	Absorption string     `json:"absorption"`
	Capaian    string     `json:"capaian"`
	Children   []ItemLink `json:"children"`
	// numbers for charts
	BudgetAmount    int64   `json:"budget_amount"`
	SpentAmount     int64   `json:"spent_amount"`
	HasAmounts      bool    `json:"has_amounts"`
	CapaianValue    float64 `json:"capaian_value"`
	HasCapaian      bool    `json:"has_capaian"`
	AbsorptionValue float64 `json:"absorption_value"`
	HasAbsorption   bool    `json:"has_absorption"`
}

// ItemPage is everything one programme, kegiatan or sub-kegiatan page shows.
type ItemPage struct {
	ID          string         `json:"id"`
	Level       string         `json:"level"`
	LevelLabel  string         `json:"level_label"`
	Name        string         `json:"name"`
	Code        string         `json:"code"`
	Responsible string         `json:"responsible"`
	URL         string         `json:"url"`
	Parents     []Link         `json:"parents"`
	Children    []ItemLink     `json:"children"`
	Indicators  []IndicatorRow `json:"indicators"`
	Download    string         `json:"download"` // open data of the indicators' table, "" if several
	Budget      *BudgetRow     `json:"budget"`
	Appearances []Appearance   `json:"appearances"`
	Findings    []Finding      `json:"findings"`
	Chart       string         `json:"chart"` // chart key, "" if none
}

// Appearance is a row of some table that names the item: its text (the
// report's words, or the interface's note that the row continues the one
// above) and its figures as printed, in an interface sentence; both cut
// into the interface's text and the report's own words (locale.Parts),
// which a page in another language marks as Indonesian.
type Appearance struct {
	Table   string        `json:"table"`
	URL     string        `json:"url"`
	Row     string        `json:"row"`
	Text    []locale.Part `json:"text"`
	Figures []locale.Part `json:"figures"`
}

// Chart is a chart's text side: title, text alternative and data table.
// The SVG is rendered at build time and stored beside it.
type Chart struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	// TitleParts is Title cut into the interface's text and the report's
	// own words (an indicator's name)
	TitleParts []locale.Part `json:"title_parts"`
	Alt        string        `json:"alt"`
	// AltParts is Alt cut into the interface's text and the report's own
	// words (names, a table's title), which a page in another language
	// marks as Indonesian
	AltParts []locale.Part `json:"alt_parts"`
	Headers  []string      `json:"headers"`
	Rows     [][]string    `json:"rows"`
	// RowOwn: row i's first cell is the report's own words (an item's
	// name, a band of the report's own set) when RowOwn[i], in the
	// report's language, not the interface's (a year, the site's band of
	// what cannot be assessed); nil when no row's is
	RowOwn  []bool `json:"row_own,omitempty"`
	SVG     string `json:"svg"`     // asset path of the rendered SVG
	Options string `json:"options"` // URL of the ECharts option JSON (interactive view)
}

// ---------------------------------------------------------------- helpers

// pct is a percentage the site computes, with two decimals.
func (b *builder) pct(v float64) string { return b.loc.Percent(v, 2) }

// fieldLabel names a column of the report's tables a finding is about
// ("target_awal" → "target awal" / "original target"); a column without
// a label of its own ("target 2021") is shown as it is.
func (b *builder) fieldLabel(field string) string {
	if key := "field_" + strings.ReplaceAll(field, " ", "_"); b.loc.Has(key) {
		return b.loc.T(key)
	}
	return field
}

// text writes an i18n key of the domain (a formula, a status); "" stays "".
func (b *builder) text(key string) string {
	if key == "" {
		return ""
	}
	return b.loc.T(key)
}

// band is a category's label: the interface's for a named band set, the
// report's own words for its own categories.
func (b *builder) band(bd report.Band) string {
	if bd.Key == "" {
		return bd.Name
	}
	return b.loc.T(bd.Key)
}

// ownBand tells whether a band's name is the report's own words: a band of
// the report's own band set, which has no key in the interface's strings.
func ownBand(bd report.Band) bool { return bd.Key == "" && bd.Name != "" }

func (b *builder) levelLabel(l report.Level) string {
	switch l {
	case report.LevelProgram, report.LevelKegiatan, report.LevelSub, report.LevelTarget, report.LevelGoal:
		return b.loc.T("level_" + string(l))
	}
	return ""
}

func (b *builder) polarityLabel(p report.Polarity) string {
	if p == report.LowerIsBetter {
		return b.loc.T("polarity_lower_better")
	}
	return b.loc.T("polarity_higher_better")
}

func nonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// bandRange is the range of the i-th band in words.
func (b *builder) bandRange(bs report.BandSet, i int) string {
	band := bs.Bands[i]
	var upper float64 // written as few decimals as needed: "85", "90,5"
	if i > 0 {
		upper = bs.Bands[i-1].Min
	}
	min := band.Min
	switch {
	case math.IsInf(band.Min, -1):
		return b.loc.T("band_range_below", "Upper", upper)
	case i == 0 && band.MinExclusive:
		return b.loc.T("band_range_above", "Min", min)
	case i == 0:
		return b.loc.T("band_range_at_least", "Min", min)
	}
	key := "band_range_from"
	if band.MinExclusive {
		key = "band_range_above_to"
	}
	if bs.Bands[i-1].MinExclusive {
		key += "_incl"
	}
	return b.loc.T(key, "Min", min, "Upper", upper)
}
