package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// Field is a column: machine key, Indonesian label, type, unit.
type Field struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Type        string `json:"type"` // string, integer, number
	Unit        string `json:"unit,omitempty"`
}

// Resource is one downloadable table.
type Resource struct {
	Name        string
	Title       string
	Description string
	Section     string
	Fields      []Field
	Rows        [][]string
}

// common columns
var (
	fBaris     = Field{"baris", "Baris", "nomor urut baris dalam tabel laporan (mulai 1)", "integer", ""}
	fNo        = Field{"no", "No.", "nomor atau huruf baris persis seperti tercetak", "string", ""}
	fTingkat   = Field{"tingkat", "Tingkat", "tujuan, sasaran, program, kegiatan atau sub_kegiatan", "string", ""}
	fRef       = Field{"ref", "Kode butir", "id butir (program, kegiatan, sub kegiatan, tujuan, sasaran) yang sama di semua tabel; kosong bila butir tidak ada dalam nomenklatur tahun ini", "string", ""}
	fUraian    = Field{"uraian", "Uraian", "nama butir persis seperti tercetak di tabel ini; kosong bila sel di laporan kosong (lanjutan baris di atasnya)", "string", ""}
	fIndikator = Field{"indikator", "Indikator", "indikator persis seperti tercetak", "string", ""}
	fCatatan   = Field{"catatan", "Catatan transkripsi", "catatan penyalin tentang sel yang janggal di laporan", "string", ""}
)

func published(name, title, what string) Field {
	return Field{name, title, what + " persis seperti tercetak di laporan (teks; tanda – berarti tidak ada target/data)", "string", ""}
}

func rupiahField(name, title string) Field {
	return Field{name, title, "jumlah rupiah yang terbaca dari teks tercetak (kosong bila tidak ada)", "integer", "rupiah"}
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

// Build makes every resource of a report.
func Build(r *report.Report, v *view.Report) []Resource {
	var out []Resource
	// the registry names every table of the report once: the resource of a
	// table takes its name and title from there
	byDownload := map[string]report.TableInfo{}
	for _, t := range r.Tables() {
		byDownload[t.Download] = t
	}
	add := func(res Resource) {
		if len(res.Rows) == 0 {
			return
		}
		if t, ok := byDownload[res.Name]; ok {
			res.Title = t.Title
		}
		if hasFormulaCell(res.Rows) {
			if d := strings.TrimRight(strings.TrimSpace(res.Description), "."); d != "" {
				res.Description = d + ". " + csvNote
			} else {
				res.Description = csvNote
			}
		}
		out = append(out, res)
	}
	add(programResource(r))
	add(rpjmdResource(r))
	add(renstraIndicatorResource(r))
	add(renstraProgramResource(r))
	add(planResource(report.TableRKT, "2.2", r.RKT.Rows, true))
	add(planResource(report.TablePKHead, "2.3", r.Agreements.Head.Rows, false))
	add(planResource(report.TablePKEselonIII, "2.3", r.Agreements.EselonIII.Rows, false))
	add(planResource(report.TablePKEselonIV, "2.3", r.Agreements.EselonIV.Rows, false))
	add(budgetResource(report.TablePKBudget, r.Agreements.Budget, false))
	for _, t := range r.Results.Tables {
		add(measureResource(r, t))
	}
	for _, s := range r.Results.Series {
		add(seriesResource(s))
	}
	add(budgetResource(report.TableLRA, r.Budget.LRA, true))
	add(performanceResource(r))
	add(efficiencyResource(r))
	for _, t := range r.Profile.StaffTables {
		add(staffResource(t))
	}
	add(assetResource(r))
	add(findingsResource(v))
	for _, name := range sortedKeys(v.Charts) {
		add(chartResource(name, v.Charts[name]))
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
	res := Resource{Name: "program", Title: "Program, kegiatan dan sub kegiatan", Section: "program.toml",
		Description: "Hierarki program → kegiatan → sub kegiatan tahun ini, dengan id yang dipakai kolom ref semua tabel",
		Fields: []Field{fTingkat, {"id", "Id", "id tetap butir, bagian dari alamat halamannya", "string", ""},
			{"kode", "Kode resmi", "kode Permendagri 90/2019 bila dicantumkan laporan", "string", ""},
			{"nama", "Nama", "nama butir", "string", ""}, {"induk", "Induk", "id butir induk", "string", ""},
			{"penanggung_jawab", "Penanggung jawab", "pejabat penanggung jawab", "string", ""}}}
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
	res := Resource{Name: "rpjmd", Title: "Keterkaitan RPJMD dengan Renstra", Section: "2.1",
		Description: "Misi, tujuan dan sasaran RPJMD dan tujuan serta sasaran Renstra yang terkait",
		Fields: []Field{{"misi", "Misi RPJMD", "", "string", ""}, {"tujuan_rpjmd", "Tujuan RPJMD", "", "string", ""},
			{"sasaran_rpjmd", "Sasaran RPJMD", "", "string", ""}, {"tujuan_renstra", "Tujuan Renstra", "", "string", ""},
			{"sasaran_renstra", "Sasaran Renstra", "", "string", ""}}}
	for _, l := range r.Plans.Linkage {
		res.Rows = append(res.Rows, []string{l.Mission, l.RPJMDGoal, l.RPJMDTarget, l.RenstraGoal, l.RenstraTarget})
	}
	return res
}

func renstraIndicatorResource(r *report.Report) Resource {
	res := Resource{Name: "renstra-indikator", Title: "Matriks Renstra: indikator dan target per tahun", Section: "2.1",
		Description: "Satu baris per nilai: kondisi awal dan target setiap tahun; jenis awal/perubahan membedakan target semula dan target yang diubah",
		Fields: []Field{fTingkat, {"butir", "Tujuan/Sasaran", "", "string", ""}, {"indikator_id", "Id indikator", "", "string", ""},
			fIndikator, {"formula", "Formula", "formula indikator seperti tercetak", "string", ""},
			{"satuan", "Satuan", "", "string", ""}, {"polaritas", "Polaritas", "naik: makin tinggi makin baik; turun: makin rendah makin baik", "string", ""},
			{"tahun", "Tahun", "", "integer", ""}, {"jenis", "Jenis", "kondisi_awal, target, awal (target semula) atau perubahan (target yang diubah)", "string", ""},
			published("nilai", "Nilai tercetak", "nilai"), {"nilai_angka", "Nilai (angka)", "nilai yang terbaca dari teks tercetak", "number", ""}}}
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
	res := Resource{Name: "renstra-program", Title: "Program dan kegiatan dalam Renstra", Section: "2.1",
		Description: "Kolom program/kegiatan matriks Renstra, dengan penomorannya sendiri", Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian}}
	for i, it := range r.Plans.RenstraItems {
		res.Rows = append(res.Rows, []string{strconv.Itoa(i + 1), it.No, string(it.Level), it.Ref, it.Text})
	}
	return res
}

func planResource(name, section string, rows []report.PlanRow, budget bool) Resource {
	res := Resource{Name: name, Section: section,
		Description: "Satu baris per indikator; baris laporan dengan beberapa indikator menjadi beberapa baris dengan nomor baris yang sama",
		Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian, fIndikator, published("target_awal", "Target awal", "target awal"),
			published("target", "Target", "target")}}
	if budget {
		res.Fields = append(res.Fields, published("anggaran", "Anggaran tercetak", "anggaran"), rupiahField("anggaran_rupiah", "Anggaran (rupiah)"))
	}
	res.Fields = append(res.Fields, Field{"penanggung_jawab", "Penanggung jawab", "", "string", ""}, fCatatan)
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

func budgetResource(name string, t report.BudgetTable, spent bool) Resource {
	res := Resource{Name: name, Title: strings.TrimSpace(t.Title), Section: t.Section,
		Description: "Anggaran per butir persis seperti tercetak, jumlah rupiah yang terbaca darinya" + map[bool]string{true: ", realisasi, persen tercetak dan persen hitung ulang (realisasi ÷ anggaran × 100)", false: ""}[spent],
		Fields:      []Field{fBaris, fNo, fTingkat, fRef, fUraian, published("anggaran", "Anggaran tercetak", "anggaran"), rupiahField("anggaran_rupiah", "Anggaran (rupiah)")}}
	if spent {
		res.Fields = append(res.Fields, published("realisasi", "Realisasi tercetak", "realisasi anggaran"), rupiahField("realisasi_rupiah", "Realisasi (rupiah)"),
			published("persen", "Persen tercetak", "persen penyerapan"),
			Field{"persen_hitung_ulang", "Persen hitung ulang", "realisasi_rupiah ÷ anggaran_rupiah × 100, empat desimal", "number", "%"})
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

func measureResource(r *report.Report, t report.MeasureTable) Resource {
	res := Resource{Name: TableResource(t.ID), Title: strings.TrimSpace(t.Section + " " + t.Title), Section: t.Section,
		Description: "Target, realisasi, capaian dan kategori persis seperti tercetak, dengan capaian hitung ulang dari target dan realisasi tercetak",
		Fields: []Field{fBaris, fNo, fTingkat, fRef, fUraian, fIndikator,
			{"polaritas", "Polaritas", "naik: makin tinggi makin baik; turun: makin rendah makin baik", "string", ""},
			published("target_awal", "Target awal", "target awal"), published("target", "Target", "target"),
			published("realisasi", "Realisasi", "realisasi"), published("capaian", "Capaian tercetak", "capaian"),
			{"kategori", "Kategori tercetak", "kategori seperti tercetak", "string", ""},
			{"capaian_hitung_ulang", "Capaian hitung ulang", "capaian dihitung dari target dan realisasi tercetak dengan rumus kolom rumus, empat desimal, sebelum batas capaian laporan (bila ada); kosong bila tidak dapat dihitung", "number", "%"},
			{"selisih_poin", "Selisih", "capaian tercetak − capaian hitung ulang setelah batas capaian laporan", "number", "poin persen"},
			{"kategori_hitung_ulang", "Kategori hitung ulang", "kategori capaian hitung ulang (atau capaian tercetak bila laporan tidak memberi target dan realisasi) menurut himpunan kategori laporan", "string", ""},
			{"rumus", "Rumus", "rumus capaian yang dipakai", "string", ""},
			{"keterangan_hitung", "Keterangan hitung", "mengapa capaian tidak dapat dihitung", "string", ""}, fCatatan}}
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
			rec, diff, band, a.Formula, res2.Status, row.Note})
	}
	return res
}

func seriesResource(s report.SeriesTable) Resource {
	res := Resource{Name: "seri-" + s.ID, Title: strings.TrimSpace(s.Section + " " + s.Title), Section: s.Section,
		Description: "Realisasi indikator " + s.Indicator + " dari tahun ke tahun",
		Fields: []Field{{"tahun", "Tahun", "", "integer", ""}, published("realisasi", "Realisasi tercetak", "realisasi"),
			{"realisasi_angka", "Realisasi (angka)", "nilai yang terbaca dari teks tercetak", "number", s.Unit}}}
	for _, y := range s.Values {
		res.Rows = append(res.Rows, []string{strconv.Itoa(y.Year), y.Value.Published, num(y.Value)})
	}
	return res
}

func performanceResource(r *report.Report) Resource {
	res := Resource{Name: "kinerja-anggaran", Title: "Pencapaian kinerja dan anggaran", Section: "3.6",
		Description: "Capaian sasaran strategis dan penyerapan anggaran total, seperti tercetak",
		Fields: []Field{{"sasaran", "Sasaran strategis", "", "string", ""}, fIndikator, published("target", "Target kinerja", "target"),
			published("realisasi", "Realisasi kinerja", "realisasi"), published("capaian", "Capaian kinerja", "capaian"),
			published("anggaran", "Anggaran", "anggaran"), rupiahField("anggaran_rupiah", "Anggaran (rupiah)"),
			published("realisasi_anggaran", "Realisasi anggaran", "realisasi anggaran"), rupiahField("realisasi_anggaran_rupiah", "Realisasi anggaran (rupiah)"),
			published("penyerapan", "Penyerapan", "persen penyerapan")}}
	for _, p := range r.Budget.Performance {
		res.Rows = append(res.Rows, []string{p.Target, p.Indicator, p.KinerjaTarget.Published, p.KinerjaActual.Published, p.KinerjaCapaian.Published,
			p.Budget.Published, rp(p.Budget), p.Spent.Published, rp(p.Spent), p.Absorption.Published})
	}
	return res
}

func efficiencyResource(r *report.Report) Resource {
	res := Resource{Name: "efisiensi", Title: "Efektivitas dan efisiensi", Section: "3.7",
		Description: "Tingkat efisiensi = % capaian kinerja − % penyerapan anggaran, seperti tercetak",
		Fields: []Field{{"sasaran", "Sasaran strategis", "", "string", ""}, fIndikator, published("capaian_kinerja", "% capaian kinerja", "persen capaian"),
			published("penyerapan_anggaran", "% penyerapan anggaran", "persen penyerapan"), published("tingkat_efisiensi", "Tingkat efisiensi", "tingkat efisiensi")}}
	for _, e := range r.Budget.Efficiency.Rows {
		res.Rows = append(res.Rows, []string{e.Target, e.Indicator, e.Achievement.Published, e.Absorption.Published, e.Efficiency.Published})
	}
	return res
}

func staffResource(t report.CountTable) Resource {
	res := Resource{Name: "pegawai-" + t.ID, Title: strings.TrimSpace(t.Number + ". " + t.Title), Section: "1.3",
		Description: "Tabel pegawai seperti tercetak; baris terakhir adalah total tercetak", Fields: []Field{fNo, fUraian, published("jumlah", "Jumlah", "jumlah"),
			{"total", "Baris total", "ya pada baris total tercetak", "string", ""}}}
	for _, row := range t.Rows {
		res.Rows = append(res.Rows, []string{row.No, row.Label, row.Count.Published, ""})
	}
	res.Rows = append(res.Rows, []string{t.Total.No, t.Total.Label, t.Total.Count.Published, "ya"})
	return res
}

func assetResource(r *report.Report) Resource {
	res := Resource{Name: "aset", Title: "Aset yang dimiliki", Section: "1.3",
		Fields: []Field{fUraian, published("luas_tanah", "Luas tanah", "luas tanah"), published("luas_bangunan", "Luas bangunan", "luas bangunan"), published("jumlah", "Jumlah", "jumlah")}}
	for _, a := range r.Profile.Assets {
		res.Rows = append(res.Rows, []string{a.Description, a.LandArea.Published, a.BuildingArea.Published, a.Quantity.Published})
	}
	return res
}

func findingsResource(v *view.Report) Resource {
	res := Resource{Name: "catatan-data", Title: "Catatan data: temuan audit hitungan laporan", Section: "audit",
		Description: "Setiap angka tercetak yang tidak cocok dengan hitungan ulang dari data laporan itu sendiri",
		Fields: []Field{{"no", "No.", "", "integer", ""}, {"tingkat", "Tingkat", "serius, peringatan atau info", "string", ""},
			{"jenis", "Jenis", "jenis pemeriksaan", "string", ""}, {"tabel", "Tabel", "", "string", ""}, {"baris", "Baris", "", "integer", ""},
			{"butir", "Butir", "", "string", ""}, {"kolom", "Kolom", "", "string", ""}, published("tercetak", "Tercetak", "angka"),
			{"hitung_ulang", "Hitung ulang", "angka hitung ulang, terformat", "string", ""}, {"selisih", "Selisih", "tercetak − hitung ulang, terformat", "string", ""},
			{"keterangan", "Keterangan", "", "string", ""}}}
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

func chartResource(name string, c *view.Chart) Resource {
	res := Resource{Name: ChartResource(name), Title: "Data grafik: " + c.Title, Section: "grafik", Description: c.Alt}
	for i, h := range c.Headers {
		res.Fields = append(res.Fields, Field{Name: fmt.Sprintf("kolom_%d", i+1), Title: h, Description: "nilai terformat seperti pada tabel grafik", Type: "string"})
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

// csvRule is the rule of CSVCell, in the data package's description.
const csvRule = "Di berkas CSV, sel yang akan dibaca program lembar kerja sebagai rumus (diawali =, +, -, @, tab atau carriage return) diberi tanda petik tunggal (') di depannya; angka bertanda (mis. -5,2%) dan tanda - (tidak ada data) tidak diubah; berkas JSON memuat teks aslinya."

// csvNote is added to the description of a resource whose CSV has a cell
// CSVCell prefixed.
const csvNote = "Di berkas CSV, sel yang diawali =, +, -, @, tab atau carriage return diberi tanda petik tunggal (') di depannya agar program lembar kerja tidak menjalankannya sebagai rumus; angka bertanda (mis. -5,2%) dan tanda - (tidak ada data) tidak diubah. Berkas JSON memuat teks aslinya."

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

func describeResource(x Resource) string {
	if x.Section == "" {
		return x.Description
	}
	return strings.TrimSpace(x.Description + " (bagian " + x.Section + ")")
}

// License is the licence the site publishes its data under (config.toml,
// [params.lisensi]).
type License struct {
	Name  string `toml:"nama"`   // SPDX id, e.g. CC-BY-4.0
	Title string `toml:"judul"`  // in words
	Path  string `toml:"alamat"` // URL of the licence text
}

// DataPackage describes the resources as a Frictionless Tabular Data
// Package. dir is the URL folder of the files, relative to the package.
func DataPackage(r *report.Report, resources []Resource, lic License) map[string]any {
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
			fields = append(fields, fd)
		}
		res = append(res, map[string]any{
			"name": x.Name, "path": x.Name + ".csv", "profile": "tabular-data-resource", "format": "csv",
			"mediatype": "text/csv", "encoding": "utf-8", "title": x.Title, "description": describeResource(x),
			"schema": map[string]any{"fields": fields},
		})
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
	return map[string]any{
		"licenses":    licenses,
		"profile":     "tabular-data-package",
		"name":        fmt.Sprintf("%s-%d", r.Agency.Slug, r.Year),
		"title":       r.Meta.Title,
		"description": "Laporan kinerja " + r.Agency.Name + " tahun " + strconv.Itoa(r.Year) + " sebagai data terbuka: setiap angka persis seperti tercetak, dengan hitungan ulang di kolom terpisah. Laporan lengkap dalam satu berkas: laporan.json. " + csvRule,
		"language":    "id",
		"sources":     sources(r),
		"resources":   res,
	}
}

// sources names what the data was transcribed from, when the report says.
func sources(r *report.Report) []any {
	if strings.TrimSpace(r.Meta.Source) == "" {
		return []any{}
	}
	return []any{map[string]any{"title": r.Meta.Source}}
}
