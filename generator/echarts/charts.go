package echarts

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sakip-terbuka/lakip/generator/idformat"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// Chart names within a report.
const (
	ChartPMKS            = "pmks"
	ChartBudget          = "anggaran-program"
	ChartProgramResults  = "capaian-penyerapan-program"
	ChartKegiatanResults = "capaian-penyerapan-kegiatan"
	ChartBands           = "kategori"
)

// Palette: colour-blind-safe (Okabe–Ito), dark enough on white for text.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

// Build makes every chart of a report: the option specs to render, and
// each chart's title, text alternative and data table in v.Charts.
func Build(r *report.Report, v *view.Report) []Spec {
	var specs []Spec
	add := func(name string, c *view.Chart, width, height int, option map[string]any, tooltip string) {
		key := v.Key + "/" + name
		c.Key = key
		c.SVG = "charts/" + key + ".svg"
		c.Options = v.URL + "grafik/" + name + ".json"
		v.Charts[name] = c
		option["aria"] = map[string]any{"enabled": true, "label": map[string]any{"description": c.Title + ". " + c.Alt}}
		option["animation"] = false
		option["textStyle"] = map[string]any{"fontFamily": fontFamily}
		option["color"] = palette
		specs = append(specs, Spec{Key: key, Width: width, Height: height, Option: option, TooltipFormat: tooltip})
	}
	if c, o := pmksChart(r); c != nil {
		add(ChartPMKS, c, 640, 360, o, "pct")
	}
	if c, o := budgetChart(v); c != nil {
		add(ChartBudget, c, 640, 80+len(v.Programs)*56, o, "rupiah")
	}
	if c, o := resultsChart(v, false); c != nil {
		add(ChartProgramResults, c, 640, 80+len(c.Rows)*56, o, "pct")
	}
	if c, o := resultsChart(v, true); c != nil {
		add(ChartKegiatanResults, c, 640, 80+len(c.Rows)*44, o, "pct")
	}
	if c, o := bandChart(v); c != nil {
		add(ChartBands, c, 640, 80+len(c.Rows)*40, o, "int")
	}
	return specs
}

// InteractiveOption is the option of a spec as the interactive view loads
// it: the same chart, with tooltips.
func InteractiveOption(s Spec) map[string]any {
	out := make(map[string]any, len(s.Option)+1)
	for k, v := range s.Option {
		out[k] = v
	}
	out["tooltip"] = map[string]any{"trigger": "axis", "valueFormatter": "@fmt:" + s.TooltipFormat}
	return out
}

// toMap turns a go-echarts chart into its option map.
func toMap(c interface {
	JSON() map[string]any
	Validate()
}) map[string]any {
	c.Validate()
	m := c.JSON()
	delete(m, "toolbox")
	delete(m, "tooltip")
	// round-trip through JSON so that the map holds only plain values
	b, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(b, &out)
	if legend, ok := out["legend"].(map[string]any); ok {
		legend["top"] = "bottom"
	}
	return out
}

// horizontal makes a bar chart's categories run down the y axis (long
// programme names stay readable on a phone), first category on top.
func horizontal(option map[string]any, categories []string, valueAxis map[string]any) map[string]any {
	valueAxis["type"] = "value"
	option["xAxis"] = []any{valueAxis}
	option["yAxis"] = []any{map[string]any{"type": "category", "data": categories, "inverse": true,
		"axisLabel": map[string]any{"width": 150, "overflow": "break"}}}
	return option
}

func shortName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"Program ", "PROGRAM "} {
		s = strings.TrimPrefix(s, p)
	}
	if r := []rune(s); len(r) > 44 {
		s = string(r[:42]) + "…"
	}
	return s
}

// pmksChart: the strategic indicator's realisation series against the
// Renstra targets, original and revised.
func pmksChart(r *report.Report) (*view.Chart, map[string]any) {
	var series *report.SeriesTable
	for i := range r.Results.Series {
		s := &r.Results.Series[i]
		if it := r.ItemByID(s.Ref); it != nil && it.Level == report.LevelTarget {
			series = s
		}
	}
	var ind *report.Indicator
	for i := range r.Plans.Targets {
		for j := range r.Plans.Targets[i].Indicators {
			ind = &r.Plans.Targets[i].Indicators[j]
		}
	}
	if series == nil || ind == nil {
		return nil, nil
	}
	yearsSet := map[int]bool{}
	actual := map[int]report.Figure{}
	for _, y := range series.Values {
		yearsSet[y.Year], actual[y.Year] = true, y.Value
	}
	target, revised := map[int]report.Figure{}, map[int]report.Figure{}
	for _, t := range ind.Targets {
		yearsSet[t.Year] = true
		if t.Kind == "perubahan" {
			revised[t.Year] = t.Value
		} else {
			target[t.Year] = t.Value
		}
	}
	if ind.Baseline.Year > 0 {
		yearsSet[ind.Baseline.Year] = true
		actual[ind.Baseline.Year] = ind.Baseline.Value
	}
	var years []int
	for y := range yearsSet {
		years = append(years, y)
	}
	sort.Ints(years)
	val := func(f report.Figure) opts.LineData {
		if !f.IsNumber() {
			return opts.LineData{Value: "-"}
		}
		return opts.LineData{Value: f.Value}
	}
	var xs []string
	var dA, dT, dR []opts.LineData
	c := &view.Chart{Title: "Persentase PMKS terhadap penduduk " + fmt.Sprint(years[0]) + "–" + fmt.Sprint(years[len(years)-1]) + ": realisasi dan target Renstra",
		Headers: []string{"Tahun", "Realisasi", "Target Renstra", "Target perubahan"}}
	var altParts []string
	for _, y := range years {
		xs = append(xs, fmt.Sprint(y))
		dA, dT, dR = append(dA, val(actual[y])), append(dT, val(target[y])), append(dR, val(revised[y]))
		label := "realisasi"
		if y == ind.Baseline.Year {
			label = "kondisi awal"
		}
		c.Rows = append(c.Rows, []string{fmt.Sprint(y), pctOrDash(actual[y]), pctOrDash(target[y]), pctOrDash(revised[y])})
		if actual[y].IsNumber() {
			altParts = append(altParts, fmt.Sprintf("%d %s %s", y, label, idformat.Percent(actual[y].Value, 2)))
		}
	}
	c.Alt = "Makin rendah makin baik. " + strings.Join(altParts, "; ") + "."
	last := years[len(years)-1]
	if t, ok := target[last]; ok && t.IsNumber() {
		c.Alt += fmt.Sprintf(" Target %d semula %s", last, idformat.Percent(t.Value, 2))
		if rv, ok := revised[last]; ok && rv.IsNumber() {
			c.Alt += fmt.Sprintf(", diubah menjadi %s", idformat.Percent(rv.Value, 2))
		}
		c.Alt += "."
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "pmks"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: "@fmt:pct"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "64", Right: "24", Top: "24", Bottom: "64"}),
	)
	labels := opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "@fmt:pct"}
	line.SetXAxis(xs).
		AddSeries("Realisasi", dA, charts.WithLabelOpts(labels), charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 8})).
		AddSeries("Target Renstra", dT, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}), charts.WithLineChartOpts(opts.LineChart{Symbol: "diamond", SymbolSize: 8}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "bottom", Formatter: "@fmt:pct", FontSize: 10})).
		AddSeries("Target perubahan", dR, charts.WithLineChartOpts(opts.LineChart{Symbol: "triangle", SymbolSize: 12}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "@fmt:pct"}))
	return c, toMap(line)
}

// pctOrDash formats a published percentage the Indonesian way for the
// chart's table ("1.93%" in the report becomes 1,93 %); "–" when absent.
func pctOrDash(f report.Figure) string {
	if !f.IsNumber() {
		return "–"
	}
	return idformat.Percent(f.Value, 2)
}

// budgetChart: anggaran and realisasi per programme (LRA), with absorption.
func budgetChart(v *view.Report) (*view.Chart, map[string]any) {
	if len(v.Programs) == 0 {
		return nil, nil
	}
	c := &view.Chart{Title: "Anggaran dan realisasi per program, dengan persen penyerapan (LRA " + fmt.Sprint(v.Year) + ")",
		Headers: []string{"Program", "Anggaran", "Realisasi", "Penyerapan (hitung ulang)"}}
	var names []string
	var dB, dS []opts.BarData
	var alt []string
	lra := lraAmounts(v)
	for _, p := range v.Programs {
		a, ok := lra[p.ID]
		if !ok {
			continue
		}
		names = append(names, fmt.Sprintf("%s (%s)", shortName(p.Name), p.Absorption))
		dB = append(dB, opts.BarData{Value: a.budget})
		dS = append(dS, opts.BarData{Value: a.spent})
		c.Rows = append(c.Rows, []string{p.Name, idformat.Rupiah(int64(a.budget)), idformat.Rupiah(int64(a.spent)), p.Absorption})
		alt = append(alt, fmt.Sprintf("%s: %s dari %s (%s)", shortName(p.Name), idformat.RupiahShort(int64(a.spent)), idformat.RupiahShort(int64(a.budget)), p.Absorption))
	}
	if len(names) == 0 {
		return nil, nil
	}
	c.Alt = fmt.Sprintf("Total anggaran %s, realisasi %s, penyerapan %s. %s.", v.Totals.BudgetShort, v.Totals.SpentShort, v.Totals.Absorption, strings.Join(alt, "; "))
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "anggaran"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "56", Top: "16", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(names).
		AddSeries("Anggaran", dB).
		AddSeries("Realisasi", dS, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "@fmt:miliar"}))
	return c, horizontal(toMap(bar), names, map[string]any{"axisLabel": map[string]any{"formatter": "@fmt:miliar"}, "name": "miliar rupiah", "nameLocation": "middle", "nameGap": 28})
}

type amounts struct{ budget, spent float64 }

// lraAmounts reads the items' amounts back from the LRA rows of the view
// (the published amounts).
func lraAmounts(v *view.Report) map[string]amounts {
	out := map[string]amounts{}
	for id, page := range v.Items {
		if page.Budget != nil {
			out[id] = amounts{float64(report.ParseRupiah(page.Budget.Budget).Amount), float64(report.ParseRupiah(page.Budget.Spent).Amount)}
		}
	}
	return out
}

// resultsChart: average recomputed capaian of an item's indicators beside its
// budget absorption, per programme or per kegiatan.
func resultsChart(v *view.Report, kegiatan bool) (*view.Chart, map[string]any) {
	type row struct {
		name                string
		capaian, absorption float64
	}
	var rows []row
	for _, p := range v.Programs {
		items := []view.ItemLink{p}
		if kegiatan {
			items = p.Children
		}
		for _, it := range items {
			page := v.Items[it.ID]
			if page == nil || page.Budget == nil {
				continue
			}
			abs, ok := report.Absorption(report.ParseRupiah(page.Budget.Budget), report.ParseRupiah(page.Budget.Spent))
			avg, ok2 := view.AverageCapaian(page.Indicators)
			if !ok || !ok2 {
				continue
			}
			rows = append(rows, row{it.Name, avg, abs})
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	level := "program"
	if kegiatan {
		level = "kegiatan"
	}
	c := &view.Chart{Title: "Capaian kinerja dan penyerapan anggaran per " + level,
		Headers: []string{strings.ToUpper(level[:1]) + level[1:], "Rata-rata capaian indikator (hitung ulang)", "Penyerapan anggaran (hitung ulang)"}}
	var alt, names []string
	var dC, dA []opts.BarData
	for _, r := range rows {
		c.Rows = append(c.Rows, []string{r.name, idformat.Percent(r.capaian, 2), idformat.Percent(r.absorption, 2)})
		alt = append(alt, fmt.Sprintf("%s: capaian %s, penyerapan %s", shortName(r.name), idformat.Percent(r.capaian, 2), idformat.Percent(r.absorption, 2)))
		names = append(names, shortName(r.name))
		dC = append(dC, opts.BarData{Value: r.capaian})
		dA = append(dA, opts.BarData{Value: r.absorption})
	}
	c.Alt = "Capaian adalah rata-rata capaian hitung ulang indikator " + level + " itu sendiri (tabel 3.4). " + strings.Join(alt, "; ") + "."
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "capaian-" + level}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "64", Top: "16", Bottom: "56", ContainLabel: opts.Bool(true)}),
	)
	lbl := opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "@fmt:pct", FontSize: 10}
	bar.SetXAxis(names).
		AddSeries("Capaian kinerja", dC, charts.WithLabelOpts(lbl)).
		AddSeries("Penyerapan anggaran", dA, charts.WithLabelOpts(lbl))
	return c, horizontal(toMap(bar), names, map[string]any{"min": 0, "axisLabel": map[string]any{"formatter": "@fmt:pct0"}})
}

// bandChart: how many indicators of table 3.4 fall in each band, by their
// recomputed capaian.
func bandChart(v *view.Report) (*view.Chart, map[string]any) {
	total := 0
	for _, b := range v.Bands {
		total += b.Count
	}
	if total == 0 {
		return nil, nil
	}
	c := &view.Chart{Title: "Indikator program dan kegiatan per kategori capaian (hitung ulang)",
		Headers: []string{"Kategori", "Jumlah indikator"}}
	var names, alt []string
	var data []opts.BarData
	for _, b := range v.Bands {
		names = append(names, b.Name)
		data = append(data, opts.BarData{Value: b.Count, ItemStyle: &opts.ItemStyle{Color: bandColour(b.Level)}})
		c.Rows = append(c.Rows, []string{b.Name, idformat.Int(int64(b.Count))})
		alt = append(alt, fmt.Sprintf("%s %d", b.Name, b.Count))
	}
	c.Alt = fmt.Sprintf("%d indikator di tabel 3.4: %s. Kategori menurut %s.", total, strings.Join(alt, ", "), strings.ToLower(v.Method.BandSet))
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: "kategori"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "40", Top: "16", Bottom: "24", ContainLabel: opts.Bool(true)}),
	)
	bar.SetXAxis(names).AddSeries("Jumlah indikator", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	return c, horizontal(toMap(bar), names, map[string]any{"minInterval": 1})
}

func bandColour(level int) string {
	return [...]string{"#006d2c", "#31a354", "#b07200", "#D55E00", "#7f7f7f", "#7f7f7f", "#7f7f7f"}[min(level, 6)]
}
