package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// Field is a column: machine key, title and description in the default
// language (Indonesian) and in the site's other languages, type, unit.
type Field struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Type        string `json:"type"` // string, integer, number
	Unit        string `json:"unit,omitempty"`
	// Translations holds Title and Description in every language but
	// the default, by language tag ("en").
	Translations map[string]Text `json:"translations,omitempty"`

	title, description text // what Build writes into the fields above
}

// Resource is one downloadable table.
type Resource struct {
	Name        string
	Title       string // default language; a table the report names has its heading (report.TableInfo.Title)
	Description string // default language, without the section
	Section     string
	// Translations holds Title and Description in every language but the
	// default, by language tag.
	Translations map[string]Text
	Fields       []Field
	Rows         [][]string

	title, description text
	// kind, for a table of which a report may have several (results
	// tables, series, staff tables), is the i18n key of a title naming the
	// kind of table with the table's heading as printed (Table, data):
	// the registry's heading, else heading
	kind, heading string
}

// common columns
var (
	fBaris     = field("baris", "data_f_baris", "data_f_baris_desc", "integer", "")
	fNo        = field("no", "data_f_no", "data_f_no_desc", "string", "")
	fTingkat   = field("tingkat", "data_f_tingkat", "data_f_tingkat_desc", "string", "")
	fRef       = field("ref", "data_f_ref", "data_f_ref_desc", "string", "")
	fUraian    = field("uraian", "data_f_uraian", "data_f_uraian_desc", "string", "")
	fIndikator = field("indikator", "data_f_indikator", "data_f_indikator_desc", "string", "")
	fCatatan   = field("catatan", "data_f_catatan", "data_f_catatan_desc", "string", "")
	fPolaritas = field("polaritas", "data_f_polaritas", "data_f_polaritas_desc", "string", "")
	fSasaran   = field("sasaran", "data_f_sasaran_strategis", "", "string", "")
)

// field is a column whose title and description (none when descKey is "")
// are i18n keys.
func field(name, titleKey, descKey, typ, unit string) Field {
	f := Field{Name: name, Type: typ, Unit: unit, title: msg(titleKey)}
	if descKey != "" {
		f.description = msg(descKey)
	}
	return f
}

// published is a column holding a figure as printed; whatKey names the
// figure in the description.
func published(name, titleKey, whatKey string) Field {
	return Field{Name: name, Type: "string", title: msg(titleKey), description: msg("data_published_desc", "What", locale.M(whatKey))}
}

func rupiahField(name, titleKey string) Field {
	return Field{Name: name, Type: "integer", Unit: "rupiah", title: msg(titleKey), description: msg("data_rupiah_desc")}
}

func num(f report.Figure) string {
	if !f.IsNumber() {
		return ""
	}
	return strconv.FormatFloat(f.Value, 'f', -1, 64)
}

func rp(r report.Rupiah) string {
	if !r.Present {
		return ""
	}
	return strconv.FormatInt(r.Amount, 10)
}

func dec(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

// Build makes every resource of a report, with titles and descriptions in
// every language of locs: in the default language (locale.Default) in
// Title and Description, in the others in Translations. views are the
// report's views, one per language; the cells come from the default
// language's (computed figures in the CSV are written one way, whatever
// the reader's language), the charts' titles and headings from each
// language's own.
func Build(r *report.Report, views []*view.Report, locs []*locale.Locale) []Resource {
	def, others := splitLocales(locs)
	v := viewIn(views, def.Lang)
	var out []Resource
	// the registry names every table of the report once: the resource of a
	// table takes its title in the default language from there
	byDownload := map[string]report.TableInfo{}
	for _, t := range r.Tables() {
		byDownload[t.Download] = t
	}
	add := func(res Resource) {
		if len(res.Rows) == 0 {
			return
		}
		t, known := byDownload[res.Name]
		if known && res.kind != "" {
			res.heading = t.Title
		}
		if res.kind != "" {
			res.title = msg(res.kind, "Table", res.heading)
		}
		if hasFormulaCell(res.Rows) {
			res.description = withCSVNote(res.description)
		}
		res.Title, res.Description = res.title.in(def), res.description.in(def)
		switch {
		case known:
			res.Title = t.Title
		case res.kind != "":
			res.Title = res.heading
		}
		for i := range res.Fields {
			f := &res.Fields[i]
			f.Title, f.Description = f.title.in(def), f.description.in(def)
		}
		for _, l := range others {
			res.Translations = with(res.Translations, l.Lang, textsIn(res.title, res.description, l))
			for i := range res.Fields {
				f := &res.Fields[i]
				f.Translations = with(f.Translations, l.Lang, textsIn(f.title, f.description, l))
			}
		}
		out = append(out, res)
	}
	add(programResource(r))
	add(rpjmdResource(r))
	add(renstraIndicatorResource(r))
	add(renstraProgramResource(r))
	add(planResource(report.TableRKT, "2.2", "data_r_rkt", r.RKT.Rows, true))
	add(planResource(report.TablePKHead, "2.3", "data_r_pk_kepala", r.Agreements.Head.Rows, false))
	add(planResource(report.TablePKEselonIII, "2.3", "data_r_pk_eselon_iii", r.Agreements.EselonIII.Rows, false))
	add(planResource(report.TablePKEselonIV, "2.3", "data_r_pk_eselon_iv", r.Agreements.EselonIV.Rows, false))
	add(budgetResource(report.TablePKBudget, "2.3", "data_r_pk_anggaran", r.Agreements.Budget, false))
	for _, t := range r.Results.Tables {
		add(measureResource(r, t, def))
	}
	for _, s := range r.Results.Series {
		add(seriesResource(s))
	}
	add(budgetResource(report.TableLRA, "3.5", "data_r_lra", r.Budget.LRA, true))
	add(performanceResource(r))
	add(efficiencyResource(r))
	for _, t := range r.Profile.StaffTables {
		add(staffResource(t))
	}
	add(assetResource(r))
	add(findingsResource(v))
	for _, name := range sortedKeys(v.Charts) {
		byLang := map[string]*view.Chart{}
		for _, w := range views {
			if c := w.Charts[name]; c != nil {
				byLang[w.Lang] = c
			}
		}
		add(chartResource(name, v.Charts[name], byLang))
	}
	return out
}

func hasFormulaCell(rows [][]string) bool {
	for _, row := range rows {
		for _, c := range row {
			if NeedsCSVQuote(c) {
				return true
			}
		}
	}
	return false
}

// TableResource is the resource name of a results table, for download links.
func TableResource(tableID string) string { return "capaian-" + tableID }

func programResource(r *report.Report) Resource {
	res := Resource{Name: "program", Section: "program.toml", title: msg("data_r_program"), description: msg("data_r_program_desc"),
		Fields: []Field{fTingkat, field("id", "data_f_id", "data_f_id_desc", "string", ""),
			field("kode", "data_f_kode", "data_f_kode_desc", "string", ""),
			field("nama", "data_f_nama", "data_f_nama_desc", "string", ""), field("induk", "data_f_induk", "data_f_induk_desc", "string", ""),
			field("penanggung_jawab", "data_f_penanggung_jawab", "data_f_penanggung_jawab_desc", "string", "")}}
	for _, p := range r.Programs {
		res.Rows = append(res.Rows, []string{"program", p.ID, p.Code, p.Name, "", p.Responsible})
		for _, k := range p.Kegiatan {
			res.Rows = append(res.Rows, []string{"kegiatan", k.ID, k.Code, k.Name, p.ID, k.Responsible})
			for _, s := range k.Subs {
				res.Rows = append(res.Rows, []string{"sub_kegiatan", s.ID, s.Code, s.Name, k.ID, ""})
			}
		}
	}
	return res
}

func rpjmdResource(r *report.Report) Resource {
	res := Resource{Name: "rpjmd", Section: "2.1", title: numbered("2.1", "data_r_rpjmd"), description: msg("data_r_rpjmd_desc"),
		Fields: []Field{field("misi", "data_f_misi", "", "string", ""), field("tujuan_rpjmd", "data_f_tujuan_rpjmd", "", "string", ""),
			field("sasaran_rpjmd", "data_f_sasaran_rpjmd", "", "string", ""), field("tujuan_renstra", "data_f_tujuan_renstra", "", "string", ""),
			field("sasaran_renstra", "data_f_sasaran_renstra", "", "string", "")}}
	for _, l := range r.Plans.Linkage {
		res.Rows = append(res.Rows, []string{l.Mission, l.RPJMDGoal, l.RPJMDTarget, l.RenstraGoal, l.RenstraTarget})
	}
	return res
}

func renstraIndicatorResource(r *report.Report) Resource {
	res := Resource{Name: "renstra-indikator", Section: "2.1", title: numbered("2.1", "data_r_renstra_indikator"), description: msg("data_r_renstra_indikator_desc"),
		Fields: []Field{fTingkat, field("butir", "data_f_butir_renstra", "", "string", ""), field("indikator_id", "data_f_indikator_id", "", "string", ""),
			fIndikator, field("formula", "data_f_formula", "data_f_formula_desc", "string", ""),
			field("satuan", "data_f_satuan", "", "string", ""), fPolaritas,
			field("tahun", "data_f_tahun", "", "integer", ""), field("jenis", "data_f_jenis", "data_f_jenis_renstra_desc", "string", ""),
			published("nilai", "data_f_nilai", "data_what_nilai"), field("nilai_angka", "data_f_nilai_angka", "data_f_angka_desc", "number", "")}}
	addInd := func(level, goal string, inds []report.Indicator) {
		for _, ind := range inds {
			base := []string{level, goal, ind.ID, ind.Text, ind.Formula, ind.Unit, string(orNaik(ind.Polarity))}
			if ind.Baseline.Value.Published != "" {
				res.Rows = append(res.Rows, append(append([]string(nil), base...), strconv.Itoa(ind.Baseline.Year), "kondisi_awal", ind.Baseline.Value.Published, num(ind.Baseline.Value)))
			}
			for _, t := range ind.Targets {
				kind := t.Kind
				if kind == "" {
					kind = "target"
				}
				res.Rows = append(res.Rows, append(append([]string(nil), base...), strconv.Itoa(t.Year), kind, t.Value.Published, num(t.Value)))
			}
			if len(ind.Targets) == 0 && ind.Baseline.Value.Published == "" {
				res.Rows = append(res.Rows, append(append([]string(nil), base...), "", "", "", ""))
			}
		}
	}
	for _, g := range r.Plans.Goals {
		addInd("tujuan", g.Text, g.Indicators)
	}
	for _, g := range r.Plans.Targets {
		addInd("sasaran", g.Text, g.Indicators)
	}
	return res
}

func orNaik(p report.Polarity) report.Polarity {
	if p == "" {
		return report.HigherIsBetter
	}
	return p
}

func renstraProgramResource(r *report.Report) Resource {
	res := Resource{Name: "renstra-program", Section: "2.1", title: numbered("2.1", "data_r_renstra_program"),
		description: msg("data_r_renstra_program_desc"), Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian}}
	for i, it := range r.Plans.RenstraItems {
		res.Rows = append(res.Rows, []string{strconv.Itoa(i + 1), it.No, string(it.Level), it.Ref, it.Text})
	}
	return res
}

func planResource(name, section, titleKey string, rows []report.PlanRow, budget bool) Resource {
	res := Resource{Name: name, Section: section, title: numbered(section, titleKey), description: msg("data_r_plan_desc"),
		Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian, fIndikator, published("target_awal", "data_f_target_awal", "data_what_target_awal"),
			published("target", "data_f_target", "data_what_target")}}
	if budget {
		res.Fields = append(res.Fields, published("anggaran", "data_f_anggaran_tercetak", "data_what_anggaran"), rupiahField("anggaran_rupiah", "data_f_anggaran_rupiah"))
	}
	res.Fields = append(res.Fields, field("penanggung_jawab", "data_f_penanggung_jawab", "", "string", ""), fCatatan)
	for i, row := range rows {
		inds := row.Indicators
		if len(inds) == 0 {
			inds = []report.IndicatorTarget{{}}
		}
		for _, ind := range inds {
			cells := []string{strconv.Itoa(i + 1), row.No, string(row.Level), row.Ref, row.Text, ind.Text, ind.InitialTarget.Published, ind.Target.Published}
			if budget {
				cells = append(cells, row.Budget.Published, rp(row.Budget))
			}
			res.Rows = append(res.Rows, append(cells, row.Responsible, row.Note))
		}
	}
	return res
}

// budgetResource is a budget table; section is where reports print it
// when the table does not say.
func budgetResource(name, section, titleKey string, t report.BudgetTable, spent bool) Resource {
	if t.Section != "" {
		section = t.Section
	}
	desc := "data_r_budget_desc"
	if spent {
		desc = "data_r_budget_spent_desc"
	}
	res := Resource{Name: name, Section: t.Section, title: numbered(section, titleKey), description: msg(desc),
		Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian, published("anggaran", "data_f_anggaran_tercetak", "data_what_anggaran"), rupiahField("anggaran_rupiah", "data_f_anggaran_rupiah")}}
	if spent {
		res.Fields = append(res.Fields, published("realisasi", "data_f_realisasi_anggaran_tercetak", "data_what_realisasi_anggaran"), rupiahField("realisasi_rupiah", "data_f_realisasi_rupiah"),
			published("persen", "data_f_persen", "data_what_persen_penyerapan"),
			field("persen_hitung_ulang", "data_f_persen_hitung_ulang", "data_f_persen_hitung_ulang_desc", "number", "%"))
	}
	res.Fields = append(res.Fields, fCatatan)
	for i, row := range t.Rows {
		cells := []string{strconv.Itoa(i + 1), row.No, string(row.Level), row.Ref, row.Text, row.Budget.Published, rp(row.Budget)}
		if spent {
			recomputed := ""
			if a, ok := report.Absorption(row.Budget, row.Spent); ok {
				recomputed = dec(a)
			}
			cells = append(cells, row.Spent.Published, rp(row.Spent), row.Percent.Published, recomputed)
		}
		res.Rows = append(res.Rows, append(cells, row.Note))
	}
	return res
}

// measureResource is a results table; the formula and the reason a row
// has no recomputed capaian are written in the default language (def).
func measureResource(r *report.Report, t report.MeasureTable, def *locale.Locale) Resource {
	title := strings.TrimSpace(t.Section + " " + t.Title)
	res := Resource{Name: TableResource(t.ID), Section: t.Section, kind: "data_r_measure", heading: title,
		description: msg("data_r_measure_desc"),
		Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian, fIndikator, fPolaritas,
			published("target_awal", "data_f_target_awal", "data_what_target_awal"), published("target", "data_f_target", "data_what_target"),
			published("realisasi", "data_f_realisasi", "data_what_realisasi"), published("capaian", "data_f_capaian_tercetak", "data_what_capaian"),
			field("kategori", "data_f_kategori", "data_f_kategori_desc", "string", ""),
			field("capaian_hitung_ulang", "data_f_capaian_hitung_ulang", "data_f_capaian_hitung_ulang_desc", "number", "%"),
			field("selisih_poin", "data_f_selisih", "data_f_selisih_poin_desc", "number", "poin persen"),
			field("kategori_hitung_ulang", "data_f_kategori_hitung_ulang", "data_f_kategori_hitung_ulang_desc", "string", ""),
			field("rumus", "data_f_rumus", "data_f_rumus_desc", "string", ""),
			field("keterangan_hitung", "data_f_keterangan_hitung", "data_f_keterangan_hitung_desc", "string", ""), fCatatan}}
	for _, m := range r.MeasuredRows(&t) {
		row, res2 := m.Row, m.Result
		a := res2.Achievement
		var rec, diff, band string
		if a.OK {
			rec = dec(a.Raw)
		}
		if res2.Compared {
			diff = dec(res2.Difference)
		}
		if res2.HasBand {
			band = res2.Band.Name
		}
		res.Rows = append(res.Rows, []string{strconv.Itoa(m.Index), row.No, string(row.Level), row.Ref, row.Text, row.Indicator, string(orNaik(row.Polarity)),
			row.InitialTarget.Published, row.Target.Published, row.Actual.Published, row.Achievement.Published, row.Category,
			rec, diff, band, keyText(def, a.Formula), keyText(def, res2.Status), row.Note})
	}
	return res
}

// keyText writes an i18n key of the domain (a formula, a reason); "" stays "".
func keyText(l *locale.Locale, key string) string {
	if key == "" {
		return ""
	}
	return l.T(key)
}

func seriesResource(s report.SeriesTable) Resource {
	title := strings.TrimSpace(s.Section + " " + s.Title)
	res := Resource{Name: "seri-" + s.ID, Section: s.Section, kind: "data_r_series", heading: title,
		description: msg("data_r_series_desc", "Indicator", s.Indicator),
		Fields: []Field{field("tahun", "data_f_tahun", "", "integer", ""), published("realisasi", "data_f_realisasi_tercetak", "data_what_realisasi"),
			field("realisasi_angka", "data_f_realisasi_angka", "data_f_angka_desc", "number", s.Unit)}}
	for _, y := range s.Values {
		res.Rows = append(res.Rows, []string{strconv.Itoa(y.Year), y.Value.Published, num(y.Value)})
	}
	return res
}

func performanceResource(r *report.Report) Resource {
	res := Resource{Name: "kinerja-anggaran", Section: "3.6", title: numbered("3.6", "data_r_kinerja_anggaran"), description: msg("data_r_kinerja_anggaran_desc"),
		Fields: []Field{fSasaran, fIndikator, published("target", "data_f_target_kinerja", "data_what_target"),
			published("realisasi", "data_f_realisasi_kinerja", "data_what_realisasi"), published("capaian", "data_f_capaian_kinerja", "data_what_capaian"),
			published("anggaran", "data_f_anggaran", "data_what_anggaran"), rupiahField("anggaran_rupiah", "data_f_anggaran_rupiah"),
			published("realisasi_anggaran", "data_f_realisasi_anggaran", "data_what_realisasi_anggaran"), rupiahField("realisasi_anggaran_rupiah", "data_f_realisasi_anggaran_rupiah"),
			published("penyerapan", "data_f_penyerapan", "data_what_persen_penyerapan")}}
	for _, p := range r.Budget.Performance {
		res.Rows = append(res.Rows, []string{p.Target, p.Indicator, p.KinerjaTarget.Published, p.KinerjaActual.Published, p.KinerjaCapaian.Published,
			p.Budget.Published, rp(p.Budget), p.Spent.Published, rp(p.Spent), p.Absorption.Published})
	}
	return res
}

func efficiencyResource(r *report.Report) Resource {
	res := Resource{Name: "efisiensi", Section: "3.7", title: numbered("3.7", "data_r_efisiensi"), description: msg("data_r_efisiensi_desc"),
		Fields: []Field{fSasaran, fIndikator, published("capaian_kinerja", "data_f_persen_capaian_kinerja", "data_what_persen_capaian"),
			published("penyerapan_anggaran", "data_f_persen_penyerapan_anggaran", "data_what_persen_penyerapan"),
			published("tingkat_efisiensi", "data_f_tingkat_efisiensi", "data_what_tingkat_efisiensi")}}
	for _, e := range r.Budget.Efficiency.Rows {
		res.Rows = append(res.Rows, []string{e.Target, e.Indicator, e.Achievement.Published, e.Absorption.Published, e.Efficiency.Published})
	}
	return res
}

func staffResource(t report.CountTable) Resource {
	title := strings.TrimSpace(t.Number + ". " + t.Title)
	res := Resource{Name: "pegawai-" + t.ID, Section: "1.3", kind: "data_r_staff", heading: title,
		description: msg("data_r_staff_desc"),
		Fields: []Field{fNo, fUraian, published("jumlah", "data_f_jumlah", "data_what_jumlah"),
			field("total", "data_f_total", "data_f_total_desc", "string", "")}}
	for _, row := range t.Rows {
		res.Rows = append(res.Rows, []string{row.No, row.Label, row.Count.Published, ""})
	}
	res.Rows = append(res.Rows, []string{t.Total.No, t.Total.Label, t.Total.Count.Published, "ya"})
	return res
}

func assetResource(r *report.Report) Resource {
	res := Resource{Name: "aset", Section: "1.3", title: numbered("1.3", "data_r_aset"),
		Fields: []Field{fUraian, published("luas_tanah", "data_f_luas_tanah", "data_what_luas_tanah"),
			published("luas_bangunan", "data_f_luas_bangunan", "data_what_luas_bangunan"), published("jumlah", "data_f_jumlah", "data_what_jumlah")}}
	for _, a := range r.Profile.Assets {
		res.Rows = append(res.Rows, []string{a.Description, a.LandArea.Published, a.BuildingArea.Published, a.Quantity.Published})
	}
	return res
}

func findingsResource(v *view.Report) Resource {
	res := Resource{Name: "catatan-data", Section: "audit", title: msg("data_r_catatan_data"), description: msg("data_r_catatan_data_desc"),
		Fields: []Field{field("no", "data_f_no", "", "integer", ""), field("tingkat", "data_f_tingkat_temuan", "data_f_tingkat_temuan_desc", "string", ""),
			field("jenis", "data_f_jenis", "data_f_jenis_temuan_desc", "string", ""), field("tabel", "data_f_tabel", "", "string", ""), field("baris", "data_f_baris", "", "integer", ""),
			field("butir", "data_f_butir", "", "string", ""), field("kolom", "data_f_kolom", "", "string", ""), published("tercetak", "data_f_tercetak", "data_what_angka"),
			field("hitung_ulang", "data_f_hitung_ulang", "data_f_hitung_ulang_desc", "string", ""), field("selisih", "data_f_selisih", "data_f_selisih_temuan_desc", "string", ""),
			field("keterangan", "data_f_keterangan", "", "string", "")}}
	for _, f := range v.Findings.List {
		row := ""
		if f.Row > 0 {
			row = strconv.Itoa(f.Row)
		}
		res.Rows = append(res.Rows, []string{strconv.Itoa(f.N), f.Severity, f.Kind, f.Table, row, f.Item, f.Field, f.Published, f.Recomputed, f.Difference, f.Detail})
	}
	return res
}

// ChartResource is the resource name of a chart's data.
func ChartResource(name string) string { return "grafik-" + name }

// chartResource is a chart's data table, its rows as the default
// language's view (c) shows them; its title, text alternative and column
// headings come from the view in each language (byLang), c's when a
// language has none.
func chartResource(name string, c *view.Chart, byLang map[string]*view.Chart) Resource {
	in := func(l *locale.Locale) *view.Chart {
		if lc := byLang[l.Lang]; lc != nil {
			return lc
		}
		return c
	}
	res := Resource{Name: ChartResource(name), Section: "grafik",
		title: func(l *locale.Locale) []locale.Part {
			c := in(l)
			if len(c.TitleParts) == 0 {
				return l.Parts(locale.M("data_r_chart", "Title", locale.Written(c.Title)))
			}
			return l.Parts(locale.M("data_r_chart", "Title", locale.Split(c.TitleParts)))
		},
		description: func(l *locale.Locale) []locale.Part {
			if c := in(l); len(c.AltParts) > 0 {
				return c.AltParts
			}
			return written(in(l).Alt)
		}}
	for i, h := range c.Headers {
		res.Fields = append(res.Fields, Field{Name: fmt.Sprintf("kolom_%d", i+1), Type: "string", description: msg("data_f_kolom_grafik_desc"),
			title: func(l *locale.Locale) []locale.Part {
				if lh := in(l).Headers; i < len(lh) {
					return written(lh[i])
				}
				return written(h)
			}})
	}
	res.Rows = c.Rows
	return res
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// CSV writes a resource: UTF-8, a header row of machine keys, RFC 4180.
// A cell a spreadsheet would read as a formula is written with a leading
// single quote (see CSVCell); the JSON twin keeps the text unchanged.
func (res Resource) CSV() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := make([]string, len(res.Fields))
	for i, f := range res.Fields {
		header[i] = f.Name
	}
	_ = w.Write(header)
	cells := make([]string, 0, len(res.Fields))
	for _, row := range res.Rows {
		cells = cells[:0]
		for _, c := range row {
			cells = append(cells, CSVCell(c))
		}
		_ = w.Write(cells)
	}
	w.Flush()
	return buf.Bytes()
}

var (
	// a value as printed that a spreadsheet reads as a value, not as a
	// formula: a signed number with Indonesian or machine separators and an
	// optional percent sign ("-5,2%", "-0.1234", "+3"), or only dashes ("-",
	// the report's "no data")
	reSignedNumber = regexp.MustCompile(`^[-+][0-9][0-9.,]*[ ]?%?$`)
	reDashes       = regexp.MustCompile(`^-+$`)
)

// CSVCell neutralises a cell that a spreadsheet would run as a formula
// (CSV or formula injection, OWASP): a cell whose first character, after
// leading spaces and line feeds, is =, +, -, @, a tab or a carriage return
// gets a leading single quote, so that Excel, LibreOffice and Google Sheets
// show it as text. Two kinds of published value are left as they are,
// because a spreadsheet reads them as plain values and they cannot call
// anything: a signed number ("-5,2%", "-0.1234") and a run of dashes ("-",
// no data). Everything else is prefixed, "- anak" and "=HYPERLINK(…)" alike.
func CSVCell(s string) string {
	t := strings.TrimLeft(s, " \n")
	if t == "" {
		return s
	}
	switch t[0] {
	case '=', '+', '-', '@', '\t', '\r':
	default:
		return s
	}
	if reDashes.MatchString(t) || reSignedNumber.MatchString(t) {
		return s
	}
	return "'" + s
}

// NeedsCSVQuote reports whether CSVCell changes a cell.
func NeedsCSVQuote(s string) bool { return CSVCell(s) != s }

// JSON writes a resource as an array of objects keyed by field name;
// integer and number fields become JSON numbers, empty cells null.
func (res Resource) JSON() ([]byte, error) {
	rows := make([]map[string]any, 0, len(res.Rows))
	for _, row := range res.Rows {
		m := map[string]any{}
		for i, f := range res.Fields {
			cell := row[i]
			switch {
			case f.Type != "string" && cell == "":
				m[f.Name] = nil
			case f.Type != "string":
				m[f.Name] = json.Number(cell)
			default:
				m[f.Name] = cell
			}
		}
		rows = append(rows, m)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	err := enc.Encode(rows)
	return buf.Bytes(), err
}

// describeResource is a resource's description in the data package, in
// l's language: what the resource holds and the report's section.
func describeResource(x Resource, desc string, l *locale.Locale) string {
	if x.Section == "" {
		return desc
	}
	return strings.TrimSpace(l.T("data_in_section", "Description", desc, "Section", sectionText(x.Section)))
}

// sectionText is where the report prints a table: a section number or a
// file name as given, or the site's own part.
func sectionText(section string) any {
	switch section {
	case "grafik":
		return locale.M("data_section_charts")
	case "audit":
		return locale.M("data_section_audit")
	}
	return section
}

// License is the licence the site publishes its data under (config.toml,
// [params.lisensi]).
type License struct {
	Name  string `toml:"nama"`   // SPDX id, e.g. CC-BY-4.0
	Title string `toml:"judul"`  // in words
	Path  string `toml:"alamat"` // URL of the licence text
}

// DataPackage describes the resources as a Frictionless Tabular Data
// Package. Titles and descriptions of the package, its resources and their
// fields are in the default language (locale.Default, the "language" of the
// package); a "translations" object beside them holds them in each other
// language of locs: {"en": {"title": …, "description": …}}.
func DataPackage(r *report.Report, resources []Resource, lic License, locs []*locale.Locale) map[string]any {
	def, others := splitLocales(locs)
	var res []any
	for _, x := range resources {
		var fields []any
		for _, f := range x.Fields {
			fd := map[string]any{"name": f.Name, "title": f.Title, "type": f.Type}
			if f.Description != "" {
				fd["description"] = f.Description
			}
			if f.Unit != "" {
				fd["unit"] = f.Unit
			}
			if tr := translations(others, func(l *locale.Locale) map[string]any {
				t := f.Translations[l.Lang]
				return textMap(t.Title, t.Description)
			}); tr != nil {
				fd["translations"] = tr
			}
			fields = append(fields, fd)
		}
		rd := map[string]any{
			"name": x.Name, "path": x.Name + ".csv", "profile": "tabular-data-resource", "format": "csv",
			"mediatype": "text/csv", "encoding": "utf-8", "title": x.Title, "description": describeResource(x, x.Description, def),
			"schema": map[string]any{"fields": fields},
		}
		if tr := translations(others, func(l *locale.Locale) map[string]any {
			t := x.Translations[l.Lang]
			return textMap(t.Title, describeResource(x, t.Description, l))
		}); tr != nil {
			rd["translations"] = tr
		}
		res = append(res, rd)
	}
	var licenses []any
	if lic.Name != "" || lic.Path != "" {
		l := map[string]any{}
		for k, v := range map[string]string{"name": lic.Name, "title": lic.Title, "path": lic.Path} {
			if v != "" {
				l[k] = v
			}
		}
		licenses = append(licenses, l)
	}
	title := msg("data_package_title", "Agency", r.Agency.Name, "Year", r.Year)
	description := func(l *locale.Locale) string {
		return l.T("data_package_desc", "Agency", r.Agency.Name, "Year", r.Year) + " " + l.T("data_csv_rule")
	}
	pkg := map[string]any{
		"licenses":    licenses,
		"profile":     "tabular-data-package",
		"name":        fmt.Sprintf("%s-%d", r.Agency.Slug, r.Year),
		"title":       r.Meta.Title,
		"description": description(def),
		"language":    def.Lang,
		"sources":     sources(r),
		"resources":   res,
	}
	if strings.TrimSpace(r.Meta.Title) == "" {
		pkg["title"] = title.in(def)
	}
	if tr := translations(others, func(l *locale.Locale) map[string]any {
		return textMap(title.in(l), description(l))
	}); tr != nil {
		pkg["translations"] = tr
	}
	return pkg
}

// sources names what the data was transcribed from, when the report says.
func sources(r *report.Report) []any {
	if strings.TrimSpace(r.Meta.Source) == "" {
		return []any{}
	}
	return []any{map[string]any{"title": r.Meta.Source}}
}
