package echarts

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/sakip-terbuka/lakip/generator/idformat"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// Chart names within a report.
const (
	ChartHeadline   = "utama"
	ChartBudget     = "anggaran-program"
	ChartEfficiency = "capaian-penyerapan"
	ChartBands      = "kategori"
)

// Palette: colour-blind-safe (Okabe–Ito), dark enough on white for text.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

// Build makes every chart of a report: the option specs to render, and
// each chart's title, text alternative and data table in v.Charts.
func Build(v *view.Report) []Spec {
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
	if c, o, f := seriesChart(v.Series); c != nil {
		add(ChartHeadline, c, 640, 360, o, f)
	}
	if c, o := budgetChart(v); c != nil {
		add(ChartBudget, c, 640, 80+len(v.Programs)*56, o, "rupiah")
	}
	if c, o := efficiencyChart(v); c != nil {
		add(ChartEfficiency, c, 640, 480, o, "pct")
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

// seriesChart: the headline indicator's yearly series against the plan's
// targets, original and revised. Title, unit, polarity and number format
// all come from the data.
func seriesChart(sd *view.SeriesData) (*view.Chart, map[string]any, string) {
	if sd == nil || len(sd.Years) == 0 {
		return nil, nil, ""
	}
	format := fmt.Sprintf("num:%d:%s", sd.Decimals, sd.Unit)
	show := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return idformat.Measure(*p, sd.Unit, sd.Decimals)
	}
	hasTarget, hasRevised := false, false
	for i := range sd.Years {
		hasTarget = hasTarget || sd.Target[i] != nil
		hasRevised = hasRevised || sd.Revised[i] != nil
	}
	first, last := sd.Years[0], sd.Years[len(sd.Years)-1]
	c := &view.Chart{Title: fmt.Sprintf("%s %d–%d: realisasi", sd.Indicator, first, last), Headers: []string{"Tahun", "Realisasi"}}
	if hasTarget {
		c.Title += " dan target Renstra"
		c.Headers = append(c.Headers, "Target Renstra")
	}
	if hasRevised {
		c.Headers = append(c.Headers, "Target perubahan")
	}
	val := func(p *float64) opts.LineData {
		if p == nil {
			return opts.LineData{Value: "-"}
		}
		return opts.LineData{Value: *p}
	}
	var xs, altParts []string
	var dA, dT, dR []opts.LineData
	for i, y := range sd.Years {
		xs = append(xs, fmt.Sprint(y))
		dA, dT, dR = append(dA, val(sd.Actual[i])), append(dT, val(sd.Target[i])), append(dR, val(sd.Revised[i]))
		row := []string{fmt.Sprint(y), show(sd.Actual[i])}
		if hasTarget {
			row = append(row, show(sd.Target[i]))
		}
		if hasRevised {
			row = append(row, show(sd.Revised[i]))
		}
		c.Rows = append(c.Rows, row)
		label := "realisasi"
		if y == sd.BaselineYear {
			label = "kondisi awal"
		}
		if sd.Actual[i] != nil {
			altParts = append(altParts, fmt.Sprintf("%d %s %s", y, label, show(sd.Actual[i])))
		}
	}
	c.Alt = strings.ToUpper(sd.Polarity[:1]) + sd.Polarity[1:] + ". " + strings.Join(altParts, "; ") + "."
	n := len(sd.Years) - 1
	if sd.Target[n] != nil {
		c.Alt += fmt.Sprintf(" Target %d semula %s", last, show(sd.Target[n]))
		if sd.Revised[n] != nil {
			c.Alt += fmt.Sprintf(", diubah menjadi %s", show(sd.Revised[n]))
		}
		c.Alt += "."
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: ChartHeadline}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, AxisLabel: &opts.AxisLabel{Formatter: types.FuncStr("@fmt:" + format)}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "64", Right: "24", Top: "24", Bottom: "64"}),
	)
	labels := opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "@fmt:" + format}
	line.SetXAxis(xs).
		AddSeries("Realisasi", dA, charts.WithLabelOpts(labels), charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 8}))
	if hasTarget {
		line.AddSeries("Target Renstra", dT, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}), charts.WithLineChartOpts(opts.LineChart{Symbol: "diamond", SymbolSize: 8}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "bottom", Formatter: "@fmt:" + format, FontSize: 10}))
	}
	if hasRevised {
		line.AddSeries("Target perubahan", dR, charts.WithLineChartOpts(opts.LineChart{Symbol: "triangle", SymbolSize: 12}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "@fmt:" + format}))
	}
	return c, toMap(line), format
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
	for _, p := range v.Programs {
		if !p.HasAmounts {
			continue
		}
		names = append(names, fmt.Sprintf("%s (%s)", shortName(p.Name), p.Absorption))
		dB = append(dB, opts.BarData{Value: p.BudgetAmount})
		dS = append(dS, opts.BarData{Value: p.SpentAmount})
		c.Rows = append(c.Rows, []string{p.Name, idformat.Rupiah(p.BudgetAmount), idformat.Rupiah(p.SpentAmount), p.Absorption})
		alt = append(alt, fmt.Sprintf("%s: %s dari %s (%s)", shortName(p.Name), idformat.RupiahShort(p.SpentAmount), idformat.RupiahShort(p.BudgetAmount), p.Absorption))
	}
	if len(names) == 0 || v.Totals == nil {
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

// efficiencyChart: every programme and kegiatan as a point, budget
// absorption across and capaian up, with the 100 % lines: what was achieved
// for what was spent. The table beside it gives the difference, the
// report's own definition of efficiency (capaian − penyerapan).
func efficiencyChart(v *view.Report) (*view.Chart, map[string]any) {
	type point struct {
		level, name         string
		capaian, absorption float64
	}
	var points []point
	for _, p := range v.Programs {
		if p.HasAbsorption && p.HasCapaian {
			points = append(points, point{"Program", p.Name, p.CapaianValue, p.AbsorptionValue})
		}
		for _, k := range p.Children {
			if k.HasAbsorption && k.HasCapaian {
				points = append(points, point{"Kegiatan", k.Name, k.CapaianValue, k.AbsorptionValue})
			}
		}
	}
	if len(points) == 0 {
		return nil, nil
	}
	c := &view.Chart{Title: "Capaian kinerja terhadap penyerapan anggaran, per program dan kegiatan",
		Headers: []string{"Butir", "Tingkat", "Rata-rata capaian indikator (hitung ulang)", "Penyerapan anggaran (hitung ulang)", "Capaian − penyerapan (poin)"}}
	lo, hi := 100.0, 100.0
	var dP, dK []opts.ScatterData
	above, below := 0, 0
	for _, p := range points {
		diff := report.Efficiency(p.capaian, p.absorption)
		c.Rows = append(c.Rows, []string{p.name, p.level, idformat.Percent(p.capaian, 2), idformat.Percent(p.absorption, 2), idformat.Signed(diff, 2)})
		d := opts.ScatterData{Name: shortName(p.name), Value: []float64{p.absorption, p.capaian}, SymbolSize: 12}
		if p.level == "Program" {
			dP = append(dP, d)
		} else {
			dK = append(dK, d)
		}
		lo, hi = min(lo, p.capaian, p.absorption), max(hi, p.capaian, p.absorption)
		if p.capaian < 100 {
			below++
		} else {
			above++
		}
	}
	// a rate axis starts at a round value under the lowest point, marked as
	// not zero in the table heading and the text alternative
	axisMin := math.Max(0, math.Floor((lo-5)/10)*10)
	axisMax := math.Ceil((hi+5)/10) * 10
	step := math.Max(10, math.Ceil((axisMax-axisMin)/60)*10)
	c.Alt = fmt.Sprintf("%d butir: %d mencapai capaian 100 %% atau lebih, %d di bawahnya. Sumbu mulai dari %s %%, bukan nol. Capaian adalah rata-rata capaian hitung ulang indikator butir itu sendiri (%s); selisihnya di tabel.",
		len(points), above, below, idformat.Number(axisMin), v.Main.Table)
	sc := charts.NewScatter()
	sc.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: ChartEfficiency}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "16", Right: "32", Top: "24", Bottom: "64", ContainLabel: opts.Bool(true)}),
	)
	sc.AddSeries("Program", dP, charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0]}))
	sc.AddSeries("Kegiatan", dK, charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[1]}))
	o := toMap(sc)
	axis := func(name string) map[string]any {
		return map[string]any{"type": "value", "min": axisMin, "max": axisMax, "interval": step, "name": name, "nameLocation": "middle", "nameGap": 32,
			"axisLabel": map[string]any{"formatter": "@fmt:pct0"}}
	}
	o["xAxis"] = []any{axis("penyerapan anggaran")}
	o["yAxis"] = []any{axis("capaian kinerja")}
	if series, ok := o["series"].([]any); ok && len(series) > 0 {
		if first, ok := series[0].(map[string]any); ok {
			first["markLine"] = map[string]any{"silent": true, "symbol": "none", "label": map[string]any{"formatter": "100 %"},
				"lineStyle": map[string]any{"type": "dashed", "color": "#555"},
				"data":      []any{map[string]any{"xAxis": 100}, map[string]any{"yAxis": 100}}}
		}
	}
	return c, o
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
	c := &view.Chart{Title: "Indikator per kategori capaian",
		Headers: []string{"Kategori", "Jumlah indikator"}}
	var names, alt []string
	var data []opts.BarData
	for _, b := range v.Bands {
		names = append(names, b.Name)
		data = append(data, opts.BarData{Value: b.Count, ItemStyle: &opts.ItemStyle{Color: bandColour(b.Level)}})
		c.Rows = append(c.Rows, []string{b.Name, idformat.Int(int64(b.Count))})
		alt = append(alt, fmt.Sprintf("%s %d", b.Name, b.Count))
	}
	where := "semua tabel capaian, setiap indikator sekali"
	if v.Main.Table != "" {
		where = v.Main.Table
	}
	c.Alt = fmt.Sprintf("%d indikator (%s): %s. Kategori menurut %s.", total, where, strings.Join(alt, ", "), v.Method.BandSet)
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
