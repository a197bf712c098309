// Package report is the domain of a LAKIP / LKjIP: the model of one agency's
// yearly performance report, the formulas that recompute its figures and the
// audit of its own arithmetic. It does no I/O: loading TOML, writing pages and
// rendering charts are adapters around it.
//
// TOML keys are Indonesian because agency staff edit the data by hand; the Go
// names are English so that the code reads as code.
package report

// Agency is an OPD (a Dinas, Badan, Inspektorat …), stored once in
// data/<agency>/instansi.toml and shared by all its yearly reports.
type Agency struct {
	Slug       string `toml:"-"` // the folder name; part of every URL
	Name       string `toml:"nama"`
	ShortName  string `toml:"nama_singkat"`
	Government string `toml:"pemerintah"` // e.g. "Kabupaten Contoh"
	Province   string `toml:"provinsi"`
	Address    string `toml:"alamat"`
}

// Report is one agency's LAKIP for one year, as published. Every section of
// the published document has a home here; tables keep their rows in the
// order and spelling of the report.
type Report struct {
	Agency *Agency `toml:"-"`
	Year   int     `toml:"-"` // the folder name

	Meta       Meta       `toml:"laporan"`
	Profile    Profile    `toml:"profil"`
	Plans      Plans      `toml:"rencana"`
	Programs   []Program  `toml:"program"`
	RKT        RKT        `toml:"rkt"`
	Agreements Agreements `toml:"perjanjian"`
	Results    Results    `toml:"capaian"`
	Budget     Budget     `toml:"anggaran"`
	Narrative  []Section  `toml:"narasi"`

	items map[string]*Item // filled by Prepare
}

// Meta describes the document and the settings used to recompute it.
type Meta struct {
	Title      string `toml:"judul"`
	Year       int    `toml:"tahun"`
	PlaceDate  string `toml:"tempat_tanggal"` // "Kota X, Februari 2022"
	Source     string `toml:"sumber"`         // what the data was transcribed from
	SourceFile string `toml:"berkas_sumber"`  // path of the source text beside the data, if any
	// MainTable is the id of the results table that is the report's main
	// measurement (counts per category, below-target list, DPRD brief).
	// Empty: every indicator of every results table, each counted once.
	MainTable string `toml:"tabel_utama"`
	// StatedCount is the number of indicators the report says it measures
	// (0: not stated); the audit compares it with the main measurement.
	StatedCount int      `toml:"jumlah_indikator"`
	Headline    Headline `toml:"utama"`
	Settings    Settings `toml:"pengaturan"`
}

// Headline declares which row of which results table is the report's
// strategic headline, and which yearly series belongs to it.
type Headline struct {
	Table  string `toml:"tabel"` // results table id; "" = no headline declared
	Row    int    `toml:"baris"` // 1-based row; 0 = the row with Ref, else the first
	Ref    string `toml:"ref"`
	Series string `toml:"seri"` // id of a [[capaian.seri]], optional
}

// Settings are the methodological choices the site prints beside every
// recomputed figure.
type Settings struct {
	// LowerIsBetterFormula: "2-r/t" (PermenPANRB 8/2021, default) or "t/r".
	LowerIsBetterFormula string `toml:"rumus_turun"`
	// CapPercent caps capaian (e.g. 100 or 120); 0 means no cap.
	CapPercent float64 `toml:"batas_capaian"`
	// BandSet names the achievement bands: "laporan" (default), "esakip",
	// "permendagri86", or "sendiri" for OwnBands.
	BandSet string `toml:"kategori"`
	// OwnBands is the agency's own category set (BandSet "sendiri").
	OwnBands *OwnBandSet `toml:"kategori_sendiri"`
	// TolerancePoints is extra rounding tolerance in percentage points. A
	// published percentage is checked to half a unit of its last printed
	// decimal (97,85 → ±0,005; 100 → ±0,5), or to this value if larger.
	TolerancePoints float64 `toml:"toleransi"`
}

// OwnBandSet is a category set written in the report's data: labels and
// lower bounds, best first; the last band has no bound.
type OwnBandSet struct {
	Name   string    `toml:"nama"`
	Source string    `toml:"sumber"`
	Bands  []OwnBand `toml:"pita"`
}

// OwnBand is one category of an OwnBandSet.
type OwnBand struct {
	Name      string   `toml:"nama"`
	Min       *float64 `toml:"dari"`       // nil: everything below the band above
	Exclusive bool     `toml:"lebih_dari"` // strictly above Min
}

// ---------------------------------------------------------------- profile

// Profile is chapter I: who the agency is.
type Profile struct {
	Head        Official     `toml:"kepala"`
	LegalBasis  []string     `toml:"dasar_hukum"`
	Units       []OrgUnit    `toml:"unit"`
	Echelons    []Echelon    `toml:"eselonisasi"`
	StaffTables []CountTable `toml:"tabel_pegawai"`
	Assets      []Asset      `toml:"aset"`
	Issues      []string     `toml:"isu_strategis"`
	StaffNote   string       `toml:"catatan_pegawai"`
}

// Official is a signatory: name, rank and NIP exactly as printed.
type Official struct {
	Name     string `toml:"nama"`
	Rank     string `toml:"pangkat"`
	NIP      string `toml:"nip"`
	Position string `toml:"jabatan"`
}

// OrgUnit is one box of the organisation chart with its duties.
type OrgUnit struct {
	ID        string   `toml:"id"`
	Name      string   `toml:"nama"`
	Parent    string   `toml:"induk"` // id of the parent unit; "" for the head
	Kind      string   `toml:"jenis"` // pimpinan, sekretariat, subbagian, bidang, seksi, upt, fungsional
	Duty      string   `toml:"tugas"`
	Functions []string `toml:"fungsi"`
	Note      string   `toml:"catatan"`
}

// Echelon is one line of the "Eselonisasi Jabatan" list.
type Echelon struct {
	Position string `toml:"jabatan"`
	Echelon  string `toml:"eselon"`
}

// CountTable is a small table of counts with a printed total (Tabel 1–3).
type CountTable struct {
	ID      string     `toml:"id"`
	Number  string     `toml:"nomor"` // "Tabel 1"
	Title   string     `toml:"judul"`
	Columns []string   `toml:"kolom"` // header as printed, e.g. ["No", "Jenis Kepegawaian", "Jumlah"]
	Rows    []CountRow `toml:"baris"`
	Total   CountRow   `toml:"total"`
	Source  string     `toml:"sumber"`
}

// CountRow is one row of a CountTable.
type CountRow struct {
	No    string `toml:"no"`
	Label string `toml:"uraian"`
	Count Figure `toml:"jumlah"`
}

// Asset is one item of "Aset Yang Dimiliki".
type Asset struct {
	Description  string `toml:"uraian"`
	LandArea     Figure `toml:"luas_tanah"`
	BuildingArea Figure `toml:"luas_bangunan"`
	Quantity     Figure `toml:"jumlah"`
}

// ---------------------------------------------------------------- plans

// Plans is section 2.1: the RPJMD linkage and the Renstra matrix.
type Plans struct {
	RPJMDPeriod   string          `toml:"periode_rpjmd"`
	RenstraPeriod string          `toml:"periode_renstra"`
	Linkage       []RPJMDLinkage  `toml:"rpjmd"`
	Goals         []Goal          `toml:"tujuan"`
	Targets       []StrategicGoal `toml:"sasaran"`
	// RenstraItems is the programme/kegiatan/sub-kegiatan column of the
	// Renstra matrix, with its own numbering (A, 1, 1.1 …).
	RenstraItems []ItemRow `toml:"renstra_program"`
}

// RPJMDLinkage is one row of the "Keterkaitan RPJMD dengan Renstra" table.
type RPJMDLinkage struct {
	Mission       string `toml:"misi"`
	RPJMDGoal     string `toml:"tujuan_rpjmd"`
	RPJMDTarget   string `toml:"sasaran_rpjmd"`
	RenstraGoal   string `toml:"tujuan_renstra"`
	RenstraTarget string `toml:"sasaran_renstra"`
}

// Goal is a Renstra tujuan with its indicators.
type Goal struct {
	ID         string      `toml:"id"`
	Text       string      `toml:"uraian"`
	Indicators []Indicator `toml:"indikator"`
}

// StrategicGoal is a Renstra sasaran strategis with its indicators.
type StrategicGoal struct {
	ID         string      `toml:"id"`
	Text       string      `toml:"uraian"`
	Indicators []Indicator `toml:"indikator"`
}

// Indicator is a Renstra indicator with its five-year targets.
type Indicator struct {
	ID       string      `toml:"id"`
	Text     string      `toml:"uraian"`
	Formula  string      `toml:"formula"`
	Unit     string      `toml:"satuan"`
	Polarity Polarity    `toml:"polaritas"`
	Baseline YearValue   `toml:"kondisi_awal"`
	Targets  []YearValue `toml:"target"`
}

// YearValue is a figure for one year. Kind tells an original target ("awal")
// from a revised one ("perubahan") when a year has both.
type YearValue struct {
	Year  int    `toml:"tahun"`
	Kind  string `toml:"jenis"` // "", "awal", "perubahan"
	Value Figure `toml:"nilai"`
}

// ItemRow is a row of a list of programmes and activities as printed.
type ItemRow struct {
	No    string `toml:"no"`
	Text  string `toml:"uraian"`
	Level Level  `toml:"tingkat"`
	Ref   string `toml:"ref"`
}

// Level is the place of an item in the hierarchy.
type Level string

const (
	LevelGoal     Level = "tujuan"
	LevelTarget   Level = "sasaran"
	LevelProgram  Level = "program"
	LevelKegiatan Level = "kegiatan"
	LevelSub      Level = "sub_kegiatan"
	LevelUnknown  Level = ""
)

// ---------------------------------------------------------------- programmes

// Program → Kegiatan → SubKegiatan is the budget hierarchy of the year
// (Permendagri 90/2019 nomenclature). IDs are unique within a report and
// stable across years: every table row points at an item through them.
type Program struct {
	ID          string     `toml:"id"`
	Code        string     `toml:"kode"`
	Name        string     `toml:"nama"`
	Responsible string     `toml:"penanggung_jawab"`
	Kegiatan    []Kegiatan `toml:"kegiatan"`
}

// Kegiatan is an activity of a programme.
type Kegiatan struct {
	ID          string        `toml:"id"`
	Code        string        `toml:"kode"`
	Name        string        `toml:"nama"`
	Responsible string        `toml:"penanggung_jawab"`
	Subs        []SubKegiatan `toml:"sub_kegiatan"`
}

// SubKegiatan is a sub-activity of a kegiatan.
type SubKegiatan struct {
	ID   string `toml:"id"`
	Code string `toml:"kode"`
	Name string `toml:"nama"`
}

// ---------------------------------------------------------------- RKT and PK

// RKT is section 2.2, the annual work plan table.
type RKT struct {
	Title string    `toml:"judul"`
	Rows  []PlanRow `toml:"baris"`
}

// PlanRow is one row of the RKT or of a Perjanjian Kinerja table: an item,
// its indicators with targets, and optionally a budget and an official.
type PlanRow struct {
	No          string            `toml:"no"`
	Level       Level             `toml:"tingkat"`
	Text        string            `toml:"uraian"`
	Ref         string            `toml:"ref"`
	Indicators  []IndicatorTarget `toml:"indikator"`
	Budget      Rupiah            `toml:"anggaran"`
	Responsible string            `toml:"penanggung_jawab"`
	Note        string            `toml:"catatan"` // transcriber's note on a garbled cell
}

// IndicatorTarget is an indicator with the target a plan or agreement gives it.
type IndicatorTarget struct {
	Text          string   `toml:"uraian"`
	Polarity      Polarity `toml:"polaritas"`
	InitialTarget Figure   `toml:"target_awal"`
	Target        Figure   `toml:"target"`
}

// Agreements is section 2.3, the Perjanjian Kinerja.
type Agreements struct {
	Head      AgreementTable `toml:"kepala"`
	EselonIII AgreementTable `toml:"eselon_iii"`
	EselonIV  AgreementTable `toml:"eselon_iv"`
	Budget    BudgetTable    `toml:"anggaran"` // "Anggaran Per Program / Kegiatan"
}

// AgreementTable is one Perjanjian Kinerja table.
type AgreementTable struct {
	Title string    `toml:"judul"`
	Rows  []PlanRow `toml:"baris"`
}

// ---------------------------------------------------------------- results

// Results is chapter III's performance tables and the executive summary's.
type Results struct {
	Tables []MeasureTable `toml:"tabel"`
	Series []SeriesTable  `toml:"seri"`
}

// MeasureTable is any table of indicator, target, realisasi, capaian.
type MeasureTable struct {
	ID      string       `toml:"id"`
	Section string       `toml:"bagian"` // "3.4", "Ikhtisar Eksekutif" …
	Title   string       `toml:"judul"`
	Note    string       `toml:"keterangan"` // the paragraph the report prints with it
	Rows    []MeasureRow `toml:"baris"`
}

// MeasureRow is one indicator line. An empty Text continues the item of the
// row above (the report leaves the cell blank); the loader fills Ref and Level.
type MeasureRow struct {
	No            string   `toml:"no"`
	Level         Level    `toml:"tingkat"`
	Text          string   `toml:"uraian"`
	Ref           string   `toml:"ref"`
	Indicator     string   `toml:"indikator"`
	Polarity      Polarity `toml:"polaritas"`
	InitialTarget Figure   `toml:"target_awal"`
	Target        Figure   `toml:"target"`
	Actual        Figure   `toml:"realisasi"`
	Achievement   Figure   `toml:"capaian"`
	Category      string   `toml:"kategori"`
	Explanation   string   `toml:"penjelasan"`
	Note          string   `toml:"catatan"`
	// Truncated: the row is cut short in the source; what is printed is
	// kept and Note says what is missing.
	Truncated bool `toml:"terpotong"`
	// Reading settles an ambiguous figure of the row ("97,259": decimal or
	// thousands); until set, the row is shown with both readings and
	// counted nowhere.
	Reading Reading `toml:"bacaan"`

	continued bool // the report left the item cell blank; Ref was inherited
}

// Continued reports whether the row's item cell was blank in the report.
func (m MeasureRow) Continued() bool { return m.continued }

// SeriesTable is a realisation series over years (section 3.2 ii).
type SeriesTable struct {
	ID        string      `toml:"id"`
	Section   string      `toml:"bagian"`
	Title     string      `toml:"judul"`
	Note      string      `toml:"keterangan"`
	Indicator string      `toml:"indikator"`
	Ref       string      `toml:"ref"`
	Polarity  Polarity    `toml:"polaritas"`
	Unit      string      `toml:"satuan"`  // unit of the values, e.g. "%"
	Decimals  *int        `toml:"desimal"` // decimals shown; nil: as printed
	Values    []YearValue `toml:"nilai"`
}

// ---------------------------------------------------------------- budget

// Budget is sections 3.5–3.7.
type Budget struct {
	LRA         BudgetTable         `toml:"lra"`
	Performance []PerformanceBudget `toml:"kinerja_anggaran"` // 3.6
	Efficiency  EfficiencyTable     `toml:"efisiensi"`        // 3.7
}

// BudgetTable is a table of anggaran (and realisasi, %) per item.
type BudgetTable struct {
	ID      string      `toml:"id"`
	Section string      `toml:"bagian"`
	Title   string      `toml:"judul"`
	Source  string      `toml:"sumber"`
	Rows    []BudgetRow `toml:"baris"`
}

// BudgetRow is one item's budget line.
type BudgetRow struct {
	No      string `toml:"no"`
	Level   Level  `toml:"tingkat"`
	Text    string `toml:"uraian"`
	Ref     string `toml:"ref"`
	Budget  Rupiah `toml:"anggaran"`
	Spent   Rupiah `toml:"realisasi"`
	Percent Figure `toml:"persen"`
	Note    string `toml:"catatan"`
}

// PerformanceBudget is a row of 3.6: an indicator's result beside the budget.
type PerformanceBudget struct {
	Target         string   `toml:"sasaran"`
	Ref            string   `toml:"ref"`
	Indicator      string   `toml:"indikator"`
	Polarity       Polarity `toml:"polaritas"`
	KinerjaTarget  Figure   `toml:"target"`
	KinerjaActual  Figure   `toml:"realisasi"`
	KinerjaCapaian Figure   `toml:"capaian"`
	Budget         Rupiah   `toml:"anggaran"`
	Spent          Rupiah   `toml:"realisasi_anggaran"`
	Absorption     Figure   `toml:"penyerapan"`
}

// EfficiencyTable is 3.7: capaian kinerja − penyerapan anggaran.
type EfficiencyTable struct {
	Title string          `toml:"judul"`
	Note  string          `toml:"catatan"` // the formula as the report states it
	Rows  []EfficiencyRow `toml:"baris"`
}

// EfficiencyRow is one row of the efficiency table.
type EfficiencyRow struct {
	Target      string `toml:"sasaran"`
	Ref         string `toml:"ref"`
	Indicator   string `toml:"indikator"`
	Achievement Figure `toml:"capaian_kinerja"`
	Absorption  Figure `toml:"penyerapan_anggaran"`
	Efficiency  Figure `toml:"tingkat_efisiensi"`
}

// ---------------------------------------------------------------- narrative

// Section is a piece of the report's prose: paragraphs and numbered points,
// kept as plain text.
type Section struct {
	ID         string   `toml:"id"`
	Page       string   `toml:"halaman"` // report page it is shown on; "" = analisis
	Chapter    string   `toml:"bab"`     // "Ikhtisar Eksekutif", "BAB III" …
	Title      string   `toml:"judul"`
	Paragraphs []string `toml:"paragraf"`
	Points     []string `toml:"butir"`
	Closing    []string `toml:"penutup"` // paragraphs after the points
}
