package report

import (
	"fmt"
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

// ownBands is the category set of a report that uses its own words.
func ownBands() *OwnBandSet {
	return &OwnBandSet{Name: "Kategori Dinas X", Source: "LKjIP hlm. 3", Bands: []OwnBand{
		{Name: "Terlampaui Target", Min: ptr(100.0), Exclusive: true},
		{Name: "Tercapai Target", Min: ptr(100.0)},
		{Name: "Target Tidak Tercapai"},
	}}
}

func TestOwnBandSet(t *testing.T) {
	bs := ownBands().BandSet()
	for _, c := range []struct {
		v    float64
		want string
	}{{137.9, "Terlampaui Target"}, {100, "Tercapai Target"}, {99.99, "Target Tidak Tercapai"}, {0, "Target Tidak Tercapai"}} {
		if got := bs.Classify(c.v).Name; got != c.want {
			t.Errorf("%v: %s, want %s", c.v, got, c.want)
		}
	}
	if bs.Bands[2].Level != 3 {
		t.Errorf("worst band level %d, want 3", bs.Bands[2].Level)
	}
}

func TestOwnBandSetErrors(t *testing.T) {
	for name, c := range map[string]struct {
		set  *OwnBandSet
		kind string
		want string
	}{
		"one band":       {&OwnBandSet{Bands: []OwnBand{{Name: "A"}}}, "sendiri", "sedikitnya dua pita"},
		"last has bound": {&OwnBandSet{Bands: []OwnBand{{Name: "A", Min: ptr(90.0)}, {Name: "B", Min: ptr(10.0)}}}, "sendiri", "pita terakhir"},
		"missing bound":  {&OwnBandSet{Bands: []OwnBand{{Name: "A"}, {Name: "B"}}}, "sendiri", "wajib diisi kecuali"},
		"wrong order":    {&OwnBandSet{Bands: []OwnBand{{Name: "A", Min: ptr(50.0)}, {Name: "B", Min: ptr(90.0)}, {Name: "C"}}}, "sendiri", "dari yang terbaik"},
		"named set too":  {ownBands(), "esakip", "kategori sendiri diisi"},
		"no own set":     {nil, "sendiri", "isi [laporan.pengaturan.kategori_sendiri]"},
	} {
		r := minimalReport()
		r.Meta.Settings.BandSet, r.Meta.Settings.OwnBands = c.kind, c.set
		if got := fmt.Sprint(r.Prepare()); !strings.Contains(got, c.want) {
			t.Errorf("%s: %s lacks %q", name, got, c.want)
		}
	}
}

func minimalReport() *Report {
	r := &Report{Year: 2020, Meta: Meta{Title: "t", Year: 2020}}
	r.Results.Tables = []MeasureTable{{ID: "ringkasan", Rows: []MeasureRow{
		{Text: "Sasaran", Level: LevelTarget, Indicator: "rate", Polarity: LowerIsBetter, Target: fig("10%"), Actual: fig("9%"), Achievement: fig("100%")},
		{Text: "Layanan", Indicator: "cakupan", Target: fig("29%"), Actual: fig("40%"), Achievement: fig("100%"), Category: "Tercapai Target"},
		{Text: "", Indicator: "warga", Target: fig("200 Orang"), Actual: fig("150 Orang"), Achievement: fig("75%"), Category: "Target Tidak Tercapai"},
		{Text: "", Indicator: "nilai SAKIP", Target: fig("B"), Actual: fig("CC (60,09)")},
		{Text: "", Indicator: "survei", Achievement: fig("belum dinilai")},
		{Text: "", Indicator: "hanya capaian", Achievement: fig("92,5%")},
		{Text: "", Indicator: "terpotong", Target: fig("12"), Truncated: true, Note: "sisa baris hilang di PDF"},
	}}}
	return r
}

func TestEvaluateRealReportShapes(t *testing.T) {
	r := minimalReport()
	r.Meta.Settings = Settings{CapPercent: 100, OwnBands: ownBands()}
	if errs := r.Prepare(); len(errs) != 0 {
		t.Fatal(errs)
	}
	rows := r.MeasuredRows(&r.Results.Tables[0])
	// capped: 40/29 = 137,93 % raw, 100 % after the cap, printed 100 %: the cap explains it
	c := rows[1].Result
	if !c.Achievement.Capped || c.Differs || !c.CapExplains || c.Band.Name != "Tercapai Target" {
		t.Errorf("capped row: %+v", c)
	}
	if raw := c.Achievement.Raw; raw < 137.93 || raw > 137.94 {
		t.Errorf("raw capaian %v, want 137,93", raw)
	}
	if !rows[2].Result.BelowTarget || rows[2].Result.Band.Name != "Target Tidak Tercapai" {
		t.Errorf("75 %% row: %+v", rows[2].Result)
	}
	g := rows[3].Result
	if g.HasBand || g.Status != StatusQualitative || !g.BelowTarget {
		t.Errorf("grade CC (60,09) against B: %+v", g)
	}
	if f := fig("CC (60,09)"); f.Kind != Grade || f.Grade != "CC" || !f.HasScore || f.Score != 60.09 {
		t.Errorf("grade with score read as %+v", f)
	}
	if n := rows[4].Result; n.HasBand || n.Status != ReasonNotAssessed {
		t.Errorf("not assessed: %+v", n)
	}
	if p := rows[5].Result; !p.HasBand || !p.FromPublished || p.Value != 92.5 {
		t.Errorf("capaian only: %+v", p)
	}
	if p := rows[6].Result; p.HasBand || p.Status != "status_truncated" {
		t.Errorf("truncated: %+v", p)
	}
	// the audit: no finding for the capped row, the own categories, the
	// not-assessed row or the truncated row
	for _, f := range r.Audit() {
		t.Errorf("unexpected finding: %+v", f)
	}
}

func TestMainMeasurementCountsEachIndicatorOnce(t *testing.T) {
	r := minimalReport()
	dup := r.Results.Tables[0]
	dup.ID, dup.Rows = "ulang", dup.Rows[:3]
	r.Results.Tables = append(r.Results.Tables, dup)
	if errs := r.Prepare(); len(errs) != 0 {
		t.Fatal(errs)
	}
	if n := len(r.MainMeasurement()); n != 7 {
		t.Errorf("all tables: %d indicators, want 7 (each once)", n)
	}
	r.Meta.MainTable = "ulang"
	if n := len(r.MainMeasurement()); n != 3 {
		t.Errorf("declared main table: %d indicators, want 3", n)
	}
}

func TestStatedIndicatorCount(t *testing.T) {
	r := minimalReport()
	r.Meta.StatedCount = 8
	if errs := r.Prepare(); len(errs) != 0 {
		t.Fatal(errs)
	}
	found := false
	for _, f := range r.Audit() {
		found = found || (f.Field == "jumlah_indikator" && f.Published == "8" && f.Recomputed == 7)
	}
	if !found {
		t.Error("no finding for 8 indicators stated, 7 in the table")
	}
}

func TestHeadlineDeclared(t *testing.T) {
	r := minimalReport()
	if errs := r.Prepare(); len(errs) != 0 {
		t.Fatal(errs)
	}
	if _, ok := r.HeadlineRow(); ok {
		t.Error("a report that declares no headline has one")
	}
	r.Meta.Headline = Headline{Table: "ringkasan", Row: 3}
	if m, ok := r.HeadlineRow(); !ok || m.Row.Indicator != "warga" || m.Item != "Layanan" {
		t.Errorf("headline row 3: %+v", m)
	}
	for _, c := range []struct {
		h    Headline
		want string
	}{
		{Headline{Table: "tidak-ada"}, `tabel capaian "tidak-ada" tidak ada`},
		{Headline{Table: "ringkasan", Row: 9}, "baris 9 tidak ada"},
		{Headline{Table: "ringkasan", Ref: "x"}, `tidak ada baris dengan ref "x"`},
		{Headline{Table: "ringkasan", Series: "s"}, `seri "s" tidak ada`},
	} {
		r := minimalReport()
		r.Meta.Headline = c.h
		if got := fmt.Sprint(r.Prepare()); !strings.Contains(got, c.want) {
			t.Errorf("%+v: %s lacks %q", c.h, got, c.want)
		}
	}
}

func TestPagesExistOnlyWithTheirData(t *testing.T) {
	r := minimalReport()
	if errs := r.Prepare(); len(errs) != 0 {
		t.Fatal(errs)
	}
	var slugs []string
	for _, p := range r.Pages() {
		slugs = append(slugs, p.Slug)
	}
	got := strings.Join(slugs, ",")
	if want := ",capaian,analisis,catatan-data,metodologi,data-terbuka,ringkasan-dprd"; got != want {
		t.Errorf("pages %s, want %s", got, want)
	}
	if tables := r.Tables(); len(tables) != 1 || tables[0].Title != "(tabel 1)" || tables[0].Download != "capaian-ringkasan" {
		t.Errorf("tables %+v", tables)
	}
}

func TestNoResultsTableIsAnError(t *testing.T) {
	r := &Report{Year: 2020, Meta: Meta{Title: "t", Year: 2020}}
	if got := fmt.Sprint(r.Prepare()); !strings.Contains(got, "sedikitnya satu tabel capaian") {
		t.Errorf("got %s", got)
	}
}
