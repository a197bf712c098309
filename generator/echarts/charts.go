package echarts

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sakip-terbuka/lakip/generator/locale"
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

const (
	fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
	textColour = "#1b1f24"
	mutedText  = "#57606a"
)

// layout is one drawing of a chart, for the width it is read at: every
// chart is drawn for a phone, for a tablet (or a narrow window) and for a
// wide screen, and the page shows the one that fits its card (a CSS
// container query in assets/css/main.css). Sizes are CSS pixels at scale
// 1; the page scales a drawing to its card, so a text of Font px shows at
// Font × card ÷ Width. Each drawing is shown only at card widths where its
// text stays at least 11 px (minTextPx; TestLayoutsKeepTextReadable):
//
//	sempit  cards below 30rem (480 px), at most 480 px wide: 300 px → 11,8 px
//	sedang  cards of 30rem to 48rem (480–767 px): 480 px → 11,2 px
//	lebar   cards of 48rem (768 px) and more: 768 px → 11,3 px; 1.100 px → 16,3 px
type layout struct {
	Name   string // "sempit", "sedang" or "lebar": the class of its <use>
	Width  int
	Font   int // the font size of every text of the chart
	Narrow bool
	// MinCard is the narrowest card, in CSS px, that shows this drawing
	// (the container query's breakpoint); the narrowest drawing is shown
	// from minCard on.
	MinCard int
}

// minTextPx is the smallest size, in CSS px, of a chart's text on screen;
// minCard is the narrowest card a chart is read in (a 360 px phone).
const (
	minTextPx = 11
	minCard   = 300
)

var layouts = []layout{
	{Name: "sempit", Width: 330, Font: 13, Narrow: true, MinCard: minCard},
	{Name: "sedang", Width: 600, Font: 14, MinCard: 480},
	{Name: "lebar", Width: 880, Font: 13, MinCard: 768},
}

// drawing makes a chart's option, and its height, for one layout.
type drawing func(l layout) (option map[string]any, height int)

// Build makes every chart of a report in the view's language (loc): the
// option specs to render, one per layout, and each chart's title, text
// alternative and data table in v.Charts. A chart of another language than
// the default has its key, SVG and option file below "<lang>/".
func Build(v *view.Report, loc *locale.Locale) []Spec {
	var specs []Spec
	prefix := ""
	if loc.Lang != locale.Default {
		prefix = loc.Lang + "/"
	}
	// data are the report's own words the drawings show (see Spec.DataText)
	add := func(name string, c *view.Chart, draw drawing, tooltip string, data []string) {
		key := prefix + v.Key + "/" + name
		c.Key = key
		c.SVG = "charts/" + key + ".svg"
		c.Options = v.URL + "grafik/" + name + ".json" // v.URL has the language's prefix
		v.Charts[name] = c
		s := Spec{Key: key, Lang: loc.Lang, TooltipFormat: tooltip, DataText: data}
		for _, l := range layouts {
			option, height := draw(l)
			option["aria"] = map[string]any{"enabled": true, "label": map[string]any{"description": c.Title + ". " + c.Alt}}
			option["animation"] = false
			option["textStyle"] = map[string]any{"fontFamily": fontFamily, "fontSize": l.Font}
			option["color"] = palette
			if legend, ok := option["legend"].(map[string]any); ok {
				legend["bottom"] = 0
				legend["itemGap"] = 16
				legend["textStyle"] = map[string]any{"fontSize": l.Font, "color": textColour}
			}
			s.Layouts = append(s.Layouts, Layout{Name: l.Name, Width: l.Width, Height: height, Option: option})
		}
		specs = append(specs, s)
	}
	if c, d, f := seriesChart(v.Series, loc); c != nil {
		add(ChartHeadline, c, d, f, nil)
	}
	if c, d, data := budgetChart(v, loc); c != nil {
		add(ChartBudget, c, d, "rupiah", data)
	}
	if c, d := efficiencyChart(v, loc); c != nil {
		add(ChartEfficiency, c, d, "pct:2", nil)
	}
	if c, d, data := bandChart(v, loc); c != nil {
		add(ChartBands, c, d, "int", data)
	}
	return specs
}

// InteractiveOption is what the interactive view loads for a chart: the
// option of each layout by its name, with tooltips. grafik.js redraws the
// layout that the page shows.
func InteractiveOption(s Spec) map[string]any {
	out := map[string]any{}
	for _, l := range s.Layouts {
		o := make(map[string]any, len(l.Option)+1)
		for k, v := range l.Option {
			o[k] = v
		}
		trigger := "axis"
		if series(o, 0)["type"] == "scatter" {
			trigger = "item"
		}
		// confined to the chart, and as wide as the chart at most: a long
		// name wraps instead of widening the page on a phone
		o["tooltip"] = map[string]any{"trigger": trigger, "valueFormatter": "@fmt:" + s.TooltipFormat, "confine": true,
			"extraCssText": "white-space: normal; max-width: 100%; box-sizing: border-box; overflow-wrap: anywhere;"}
		out[l.Name] = o
	}
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
	return out
}

// series returns the i-th series of an option map (empty if none).
func series(o map[string]any, i int) map[string]any {
	s, _ := o["series"].([]any)
	if i >= len(s) {
		return map[string]any{}
	}
	m, _ := s[i].(map[string]any)
	if m == nil {
		return map[string]any{}
	}
	return m
}

// textAbove lays out a horizontal bar chart for any width: the text of each
// category (its name and figures, on lines of their own) stands above its
// bars from the left edge, so that no name is cut or squeezed beside the
// bars. It is the label of an invisible first bar series as tall as the
// text; the other series are the bars. Returns the option and its height.
func textAbove(bar *charts.Bar, l layout, texts [][]string, valueAxis map[string]any) (map[string]any, int) {
	lines := 1
	for _, t := range texts {
		lines = max(lines, len(t))
	}
	lineHeight := l.Font + 5
	const barWidth = 14
	o := toMap(bar)
	bars := len(o["series"].([]any))
	var data, names []any
	for i, t := range texts {
		// pad at the top, so that the text ends just above its bars
		t = append(make([]string, lines-len(t)), t...)
		data = append(data, map[string]any{"value": 0, "label": map[string]any{"formatter": strings.Join(t, "\n")}})
		_ = i
	}
	for i := range bars {
		s := series(o, i)
		names = append(names, s["name"])
		s["barWidth"] = barWidth
		s["itemStyle"] = mergeMap(s["itemStyle"], map[string]any{"color": palette[i]})
	}
	text := map[string]any{"type": "bar", "name": "", "data": data, "barWidth": lines * lineHeight, "silent": true,
		"itemStyle": map[string]any{"color": "rgba(0,0,0,0)"}, "tooltip": map[string]any{"show": false},
		"label": map[string]any{"show": true, "position": "right", "distance": 0, "color": textColour,
			"fontSize": l.Font, "lineHeight": lineHeight, "align": "left"}}
	o["series"] = append([]any{text}, o["series"].([]any)...)
	o["barGap"] = "20%"
	band := lines*lineHeight + bars*barWidth + bars*4 + 20
	valueAxis["type"] = "value"
	valueAxis["axisLabel"] = mergeMap(valueAxis["axisLabel"], map[string]any{"fontSize": l.Font, "hideOverlap": true, "color": mutedText})
	o["xAxis"] = []any{valueAxis}
	o["yAxis"] = []any{map[string]any{"type": "category", "data": make([]string, len(texts)), "inverse": true,
		"axisTick": map[string]any{"show": false}, "axisLabel": map[string]any{"show": false}}}
	bottom := 8 + lineHeight
	if valueAxis["name"] != nil {
		bottom += lineHeight + 4
		valueAxis["nameLocation"] = "middle"
		valueAxis["nameGap"] = lineHeight + 8
		valueAxis["nameTextStyle"] = map[string]any{"fontSize": l.Font, "color": mutedText}
	}
	if legend, ok := o["legend"].(map[string]any); ok && legend["show"] != false {
		legend["data"] = names
		bottom += lineHeight + 16
	}
	o["grid"] = []any{map[string]any{"left": 8, "right": 24, "top": 4, "bottom": bottom, "containLabel": false}}
	return o, 4 + bottom + len(texts)*band
}

func mergeMap(a any, b map[string]any) map[string]any {
	out := map[string]any{}
	if m, ok := a.(map[string]any); ok {
		for k, v := range m {
			out[k] = v
		}
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// wrap breaks a text into lines of at most width characters at spaces; a
// word longer than that stays whole. A no-break space (nbsp) keeps a number
// with its unit ("97,60 %", "Rp 7,61 miliar"); it is written as a space.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	// split at ASCII white space only (strings.Fields would split at nbsp too)
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i := range lines {
		lines[i] = strings.ReplaceAll(lines[i], nbsp, " ")
	}
	return lines
}

const nbsp = "\u00a0"

// together joins the words of a phrase with no-break spaces, for wrap.
func together(s string) string { return strings.ReplaceAll(s, " ", nbsp) }

// chars is how many characters of the chart's font fit on a line of the
// layout: a wide average (0,62 em), so that a wider font still fits.
func chars(l layout) int {
	return (l.Width - 40) * 100 / (l.Font * 62)
}

// niceStep is a round step (1, 2 or 5 × 10ⁿ) at least span/n.
func niceStep(span float64, n int) float64 {
	raw := span / float64(n)
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= raw*0.999 {
			return m * p
		}
	}
	return 10 * p
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// cutAxis marks a value axis that does not start at zero: a zigzag at its
// start: two slanted strokes across it, the usual sign of a cut axis.
func cutAxis(axis map[string]any) {
	axis["axisLine"] = map[string]any{"show": true, "onZero": false, "lineStyle": map[string]any{"color": mutedText},
		"symbol":     []any{"path://M0 6L16 0L16 2.5L0 8.5ZM0 12.5L16 6.5L16 9L0 15Z", "none"},
		"symbolSize": []int{16, 15}, "symbolOffset": []int{10, 0}}
}

// note is a line of text at the top left of a chart, e.g. that an axis does
// not start at zero.
func note(text string, l layout) map[string]any {
	return map[string]any{"type": "text", "left": 4, "top": 4, "silent": true,
		"style": map[string]any{"text": text, "fontSize": l.Font, "fill": mutedText, "fontFamily": fontFamily}}
}

// programName is a programme's name without the word "Program": the
// charts say what they show. Never cut: long names wrap.
func programName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"Program ", "PROGRAM "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// seriesChart: the headline indicator's yearly series against the plan's
// targets, original and revised. Title, unit, polarity and number format
// all come from the data. A rate that moves within a narrow band is drawn
// on an axis that starts near its values, marked as cut (zigzag and note).
func seriesChart(sd *view.SeriesData, loc *locale.Locale) (*view.Chart, drawing, string) {
	if sd == nil || len(sd.Years) == 0 {
		return nil, nil, ""
	}
	format := fmt.Sprintf("num:%d:%s", sd.Decimals, sd.Unit)
	show := func(p *float64) string {
		if p == nil {
			return "–"
		}
		return loc.Measure(*p, sd.Unit, sd.Decimals)
	}
	// written is show as a message's argument: a figure the site wrote
	written := func(p *float64) locale.Written { return locale.Written(show(p)) }
	hasTarget, hasRevised := false, false
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range sd.Years {
		hasTarget = hasTarget || sd.Target[i] != nil
		hasRevised = hasRevised || sd.Revised[i] != nil
		for _, p := range []*float64{sd.Actual[i], sd.Target[i], sd.Revised[i]} {
			if p != nil {
				lo, hi = min(lo, *p), max(hi, *p)
			}
		}
	}
	first, last := sd.Years[0], sd.Years[len(sd.Years)-1]
	title := "chart_series_title"
	if hasTarget {
		title = "chart_series_title_target"
	}
	actualName, targetName, revisedName := loc.T("chart_actual"), loc.T("chart_target_renstra"), loc.T("chart_target_revised")
	c := &view.Chart{Headers: []string{loc.T("chart_year"), actualName}}
	setTitle(c, loc, locale.M(title, "Indicator", sd.Indicator, "First", first, "Last", last))
	if hasTarget {
		c.Headers = append(c.Headers, targetName)
	}
	if hasRevised {
		c.Headers = append(c.Headers, revisedName)
	}
	var xs []string
	var altParts []any
	for i, y := range sd.Years {
		xs = append(xs, fmt.Sprint(y))
		row := []string{fmt.Sprint(y), show(sd.Actual[i])}
		if hasTarget {
			row = append(row, show(sd.Target[i]))
		}
		if hasRevised {
			row = append(row, show(sd.Revised[i]))
		}
		c.Rows = append(c.Rows, row)
		key := "chart_series_alt_actual"
		if y == sd.BaselineYear {
			key = "chart_series_alt_baseline"
		}
		if sd.Actual[i] != nil {
			altParts = append(altParts, locale.M(key, "Year", y, "Value", written(sd.Actual[i])))
		}
	}
	alt := []any{locale.M("chart_series_alt", "Polarity", locale.Written(capitalise(sd.Polarity)), "Values", locale.List{Items: altParts, Sep: "; "})}
	n := len(sd.Years) - 1
	if sd.Target[n] != nil {
		if sd.Revised[n] != nil {
			alt = append(alt, locale.M("chart_series_alt_target_revised", "Year", last, "Target", written(sd.Target[n]), "Revised", written(sd.Revised[n])))
		} else {
			alt = append(alt, locale.M("chart_series_alt_target", "Year", last, "Target", written(sd.Target[n])))
		}
	}
	// the value axis: from zero, unless the values lie in a band far from
	// zero (then a line on a zero axis would be flat)
	axisMin, axisMax, step := 0.0, 0.0, 0.0
	if !math.IsInf(lo, 0) {
		step = niceStep(hi-lo, 4)
		axisMin = round6(math.Floor((lo-step/2)/step) * step)
		axisMax = round6(math.Ceil((hi+step/2)/step) * step)
	}
	cut := axisMin > 0 && lo > hi-lo
	if !cut {
		axisMin = 0
		step = niceStep(axisMax, 5)
		axisMax = round6(math.Ceil(axisMax/step) * step)
	}
	if cut {
		alt = append(alt, locale.M("chart_series_alt_cut", "Min", locale.Written(loc.Measure(axisMin, sd.Unit, sd.Decimals))))
	}
	setAlt(c, loc, locale.List{Items: alt, Sep: " "})
	draw := func(l layout) (map[string]any, int) {
		line := charts.NewLine()
		line.SetGlobalOptions(
			charts.WithInitializationOpts(opts.Initialization{ChartID: ChartHeadline}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		)
		empty := make([]opts.LineData, len(xs))
		line.SetXAxis(xs).
			AddSeries(actualName, empty, charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 9}))
		if hasTarget {
			line.AddSeries(targetName, empty, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed"}), charts.WithLineChartOpts(opts.LineChart{Symbol: "diamond", SymbolSize: 10}))
		}
		if hasRevised {
			line.AddSeries(revisedName, empty, charts.WithLineChartOpts(opts.LineChart{Symbol: "triangle", SymbolSize: 12}))
		}
		o := toMap(line)
		// each value's label: on a phone the number alone (the axis gives
		// the unit); above the point when it is the highest of its year,
		// below when the lowest; a value equal to one already labelled is
		// not labelled again
		label := func(v float64) string {
			if l.Narrow {
				return loc.Decimal(v, sd.Decimals)
			}
			return loc.Measure(v, sd.Unit, sd.Decimals)
		}
		all := [][]*float64{sd.Actual, sd.Target, sd.Revised}
		si := 0
		for k, vals := range all {
			if (k == 1 && !hasTarget) || (k == 2 && !hasRevised) {
				continue
			}
			var data []any
			for i := range sd.Years {
				p := vals[i]
				if p == nil {
					data = append(data, "-")
					continue
				}
				pos, dup := "top", false
				for k2, other := range all {
					q := other[i]
					if k2 == k || q == nil {
						continue
					}
					if label(*q) == label(*p) && k2 < k {
						dup = true
					}
					if *q > *p {
						pos = "bottom"
					}
				}
				data = append(data, map[string]any{"value": *p, "label": map[string]any{"show": !dup, "position": pos, "formatter": label(*p)}})
			}
			s := series(o, si)
			s["data"] = data
			// a white halo keeps a label legible where it crosses a line
			s["label"] = map[string]any{"show": true, "fontSize": l.Font, "color": textColour, "distance": 6, "textBorderColor": "#fff", "textBorderWidth": 3}
			s["labelLayout"] = map[string]any{"hideOverlap": true}
			si++
		}
		lineHeight := l.Font + 5
		xAxis := map[string]any{"type": "category", "data": xs, "boundaryGap": true,
			"axisLabel": map[string]any{"fontSize": l.Font, "color": mutedText, "hideOverlap": true}}
		yAxis := map[string]any{"type": "value", "min": axisMin, "max": axisMax, "interval": step,
			"axisLabel": map[string]any{"fontSize": l.Font, "color": mutedText, "formatter": "@fmt:" + format}}
		top := 16 + lineHeight
		if cut {
			cutAxis(yAxis)
			o["graphic"] = []any{note(loc.T("chart_axis_not_zero"), l)}
			top += lineHeight
		}
		o["xAxis"] = []any{xAxis}
		o["yAxis"] = []any{yAxis}
		height := 400
		legendLines := 1
		if l.Narrow {
			height = 380
			legendLines = 2
		}
		o["grid"] = []any{map[string]any{"left": 8, "right": 16, "top": top, "bottom": 24 + legendLines*(lineHeight+8), "containLabel": true}}
		return o, height
	}
	return c, draw, format
}

// budgetChart: anggaran and realisasi per programme (LRA), with absorption.
// Also returns the programmes' names it draws (data).
func budgetChart(v *view.Report, loc *locale.Locale) (*view.Chart, drawing, []string) {
	if len(v.Programs) == 0 || v.Totals == nil {
		return nil, nil, nil
	}
	budgetName, spentName := loc.T("chart_budget"), loc.T("chart_spent")
	c := &view.Chart{
		Headers: []string{loc.T("chart_programme"), budgetName, spentName, loc.T("chart_absorption_recomputed")}}
	setTitle(c, loc, locale.M("chart_budget_title", "Year", v.Year))
	var names, figures []string
	var dB, dS []opts.BarData
	var alt []any
	for _, p := range v.Programs {
		if !p.HasAmounts {
			continue
		}
		names = append(names, programName(p.Name))
		figures = append(figures, strings.Join([]string{together(loc.RupiahShort(p.SpentAmount)), together(loc.T("chart_budget_of", "Budget", locale.Short(p.BudgetAmount))), together("· " + p.Absorption)}, " "))
		dB = append(dB, opts.BarData{Value: p.BudgetAmount})
		dS = append(dS, opts.BarData{Value: p.SpentAmount})
		c.Rows = append(c.Rows, []string{p.Name, loc.Rupiah(p.BudgetAmount), loc.Rupiah(p.SpentAmount), p.Absorption})
		c.RowOwn = append(c.RowOwn, true) // a programme's name
		alt = append(alt, locale.M("chart_budget_alt_item", "Name", programName(p.Name), "Spent", locale.Short(p.SpentAmount), "Budget", locale.Short(p.BudgetAmount), "Absorption", locale.Written(p.Absorption)))
	}
	if len(names) == 0 {
		return nil, nil, nil
	}
	setAlt(c, loc, locale.M("chart_budget_alt", "Budget", locale.Written(v.Totals.BudgetShort), "Spent", locale.Written(v.Totals.SpentShort), "Absorption", locale.Written(v.Totals.Absorption), "Items", locale.List{Items: alt, Sep: "; "}))
	draw := func(l layout) (map[string]any, int) {
		bar := charts.NewBar()
		bar.SetGlobalOptions(
			charts.WithInitializationOpts(opts.Initialization{ChartID: "anggaran"}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		)
		bar.SetXAxis(names).AddSeries(budgetName, dB).AddSeries(spentName, dS)
		var texts [][]string
		for i, n := range names {
			texts = append(texts, append(wrap(n, chars(l)), wrap(figures[i], chars(l))...))
		}
		return textAbove(bar, l, texts, map[string]any{"name": loc.T("chart_axis_billion_rupiah"), "axisLabel": map[string]any{"formatter": "@fmt:miliar"}})
	}
	return c, draw, names
}

// efficiencyChart: every programme and kegiatan as a point, budget
// absorption across and capaian up, with the 100 % lines: what was achieved
// for what was spent. The table beside it gives the difference, the
// report's own definition of efficiency (capaian − penyerapan).
func efficiencyChart(v *view.Report, loc *locale.Locale) (*view.Chart, drawing) {
	type point struct {
		program             bool
		name                string
		capaian, absorption float64
	}
	var points []point
	for _, p := range v.Programs {
		if p.HasAbsorption && p.HasCapaian {
			points = append(points, point{true, p.Name, p.CapaianValue, p.AbsorptionValue})
		}
		for _, k := range p.Children {
			if k.HasAbsorption && k.HasCapaian {
				points = append(points, point{false, k.Name, k.CapaianValue, k.AbsorptionValue})
			}
		}
	}
	if len(points) == 0 {
		return nil, nil
	}
	programLevel, kegiatanLevel := loc.T("chart_level_program"), loc.T("chart_level_kegiatan")
	c := &view.Chart{
		Headers: []string{loc.T("chart_item"), loc.T("chart_level"), loc.T("chart_mean_capaian"), loc.T("chart_absorption_budget_recomputed"), loc.T("chart_capaian_minus_absorption")}}
	setTitle(c, loc, locale.M("chart_efficiency_title"))
	loX, hiX, loY, hiY := 100.0, 100.0, 100.0, 100.0
	var dP, dK []opts.ScatterData
	above, below := 0, 0
	for _, p := range points {
		diff := report.Efficiency(p.capaian, p.absorption)
		level := kegiatanLevel
		if p.program {
			level = programLevel
		}
		c.Rows = append(c.Rows, []string{p.name, level, loc.Percent(p.capaian, 2), loc.Percent(p.absorption, 2), loc.Signed(diff, 2)})
		c.RowOwn = append(c.RowOwn, true) // an item's name
		d := opts.ScatterData{Name: p.name, Value: []float64{p.absorption, p.capaian}, SymbolSize: 12}
		if p.program {
			dP = append(dP, d)
		} else {
			dK = append(dK, d)
		}
		loX, hiX = min(loX, p.absorption), max(hiX, p.absorption)
		loY, hiY = min(loY, p.capaian), max(hiY, p.capaian)
		if p.capaian < 100 {
			below++
		} else {
			above++
		}
	}
	// each rate axis spans its own values and 100 %, in round steps: not
	// from zero, marked so (zigzag, note, text alternative)
	axisRange := func(lo, hi float64) (float64, float64, float64) {
		step := niceStep(hi-lo+2, 4)
		return math.Max(0, round6(math.Floor((lo-1)/step)*step)), round6(math.Ceil((hi+1)/step) * step), step
	}
	minX, maxX, stepX := axisRange(loX, hiX)
	minY, maxY, stepY := axisRange(loY, hiY)
	setAlt(c, loc, locale.M("chart_efficiency_alt", "Count", len(points), "Above", above, "Below", below, "Full", locale.Pct{V: 100},
		"MinX", locale.Pct{V: minX}, "MinY", locale.Pct{V: minY}, "Table", mainTable(v)))
	draw := func(l layout) (map[string]any, int) {
		sc := charts.NewScatter()
		sc.SetGlobalOptions(
			charts.WithInitializationOpts(opts.Initialization{ChartID: ChartEfficiency}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true)}),
		)
		// programmes drawn last, as diamonds: a programme with one kegiatan
		// sits on the same point and stays visible
		sc.AddSeries(kegiatanLevel, dK, charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[1], Opacity: opts.Float(0.8)}))
		sc.AddSeries(programLevel, dP, charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0], BorderColor: "#fff", BorderWidth: 1.5}))
		o := toMap(sc)
		lineHeight := l.Font + 5
		axis := func(name string, lo, hi, step float64, x bool) map[string]any {
			a := map[string]any{"type": "value", "min": lo, "max": hi, "interval": step, "name": name,
				"nameTextStyle": map[string]any{"fontSize": l.Font, "color": mutedText},
				"axisLabel":     map[string]any{"formatter": "@fmt:pct:0", "fontSize": l.Font, "color": mutedText, "hideOverlap": true}}
			if x {
				// the labels a little further down than ECharts' 8 px: the
				// lowest label of the y axis stands at the same corner
				a["axisLabel"].(map[string]any)["margin"] = 12
				a["nameLocation"], a["nameGap"] = "middle", lineHeight+14
			} else {
				// the y axis' name stands above it, read across
				a["nameLocation"] = "end"
				a["nameTextStyle"] = map[string]any{"fontSize": l.Font, "color": mutedText, "align": "left"}
				a["nameGap"] = 10
			}
			if lo > 0 {
				cutAxis(a)
			}
			return a
		}
		o["xAxis"] = []any{axis(loc.T("chart_axis_absorption"), minX, maxX, stepX, true)}
		o["yAxis"] = []any{axis(loc.T("chart_axis_capaian"), minY, maxY, stepY, false)}
		top := 16 + 2*lineHeight
		if minX > 0 || minY > 0 {
			o["graphic"] = []any{note(loc.T("chart_axis_not_zero"), l)}
			top += lineHeight
		}
		// the tooltip of a point gives both its figures, named as the axes
		for i := range 2 {
			series(o, i)["dimensions"] = []string{loc.T("chart_axis_absorption"), loc.T("chart_axis_capaian")}
			series(o, i)["encode"] = map[string]any{"x": 0, "y": 1, "tooltip": []int{0, 1}}
		}
		series(o, 1)["symbol"] = "diamond"
		series(o, 1)["symbolSize"] = 15
		first := series(o, 0)
		first["markLine"] = map[string]any{"silent": true, "symbol": "none",
			"label":     map[string]any{"show": true, "formatter": loc.Percent(100, 0), "position": "insideEndTop", "fontSize": l.Font, "color": textColour},
			"lineStyle": map[string]any{"type": "dashed", "color": "#555"},
			"data":      []any{map[string]any{"xAxis": 100}, map[string]any{"yAxis": 100}}}
		o["grid"] = []any{map[string]any{"left": 8, "right": 24, "top": top, "bottom": 28 + 2*lineHeight + 16, "containLabel": true}}
		height := 480
		if l.Narrow {
			height = 400
		}
		return o, height
	}
	return c, draw
}

// bandChart: how many indicators of the main measurement fall in each
// band, by their recomputed capaian. Also returns the band names it draws
// that are data: the report's own categories (not "cannot be assessed",
// the last band, which is the site's).
func bandChart(v *view.Report, loc *locale.Locale) (*view.Chart, drawing, []string) {
	total := 0
	for _, b := range v.Bands {
		total += b.Count
	}
	if total == 0 {
		return nil, nil, nil
	}
	var own []string
	if v.Method.BandSetOwn {
		for _, b := range v.Bands[:len(v.Bands)-1] {
			own = append(own, b.Name)
		}
	}
	countName := loc.T("chart_indicator_count")
	c := &view.Chart{
		Headers: []string{loc.T("chart_category"), countName}}
	setTitle(c, loc, locale.M("chart_bands_title"))
	var names []string
	var alt []any
	var data []opts.BarData
	for _, b := range v.Bands {
		names = append(names, b.Name)
		data = append(data, opts.BarData{Value: b.Count, ItemStyle: &opts.ItemStyle{Color: bandColour(b.Level)}})
		c.Rows = append(c.Rows, []string{b.Name, loc.Int(int64(b.Count))})
		// the report's own band names, but the site's band of what cannot
		// be assessed (the last)
		c.RowOwn = append(c.RowOwn, b.Own)
		alt = append(alt, locale.M("chart_bands_alt_item", "Band", locale.OwnOr(b.Name, b.Own), "Count", b.Count))
	}
	setAlt(c, loc, locale.M("chart_bands_alt", "Count", total, "Where", mainTable(v), "Items", locale.List{Items: alt, Sep: ", "}, "BandSet", locale.OwnOr(v.Method.BandSet, v.Method.BandSetOwn)))
	draw := func(l layout) (map[string]any, int) {
		bar := charts.NewBar()
		bar.SetGlobalOptions(
			charts.WithInitializationOpts(opts.Initialization{ChartID: "kategori"}),
			charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		)
		bar.SetXAxis(names).AddSeries(countName, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
		var texts [][]string
		for _, n := range names {
			texts = append(texts, wrap(n, chars(l)))
		}
		o, h := textAbove(bar, l, texts, map[string]any{"minInterval": 1, "axisLabel": map[string]any{"formatter": "@fmt:int"}})
		s := series(o, 1)
		s["label"] = mergeMap(s["label"], map[string]any{"fontSize": l.Font, "color": textColour, "formatter": "@fmt:int"})
		delete(s, "itemStyle") // each bar keeps its band's colour
		return o, h
	}
	return c, draw, own
}

func bandColour(level int) string {
	return [...]string{"#006d2c", "#31a354", "#b07200", "#D55E00", "#7f7f7f", "#7f7f7f", "#7f7f7f"}[min(level, 6)]
}

// mainTable is, as a message's argument, the table the band counts
// come from: its title (the report's words), or the interface's phrase
// for all tables.
func mainTable(v *view.Report) any {
	if v.Main.Table != "" {
		return v.Main.Table
	}
	return locale.M("chart_all_tables")
}

// setAlt writes the chart's text alternative m, as one string (Alt: the
// drawing's description, the interactive view's) and in parts (AltParts:
// the page's caption, which marks the report's own words).
func setAlt(c *view.Chart, loc *locale.Locale, m any) {
	c.Alt = fmt.Sprint(loc.Value(m))
	c.AltParts = loc.Parts(m)
}

// setTitle writes the chart's title m, as one string (Title) and in parts
// (TitleParts: the page's caption, which marks the report's own words).
func setTitle(c *view.Chart, loc *locale.Locale, m any) {
	c.Title = fmt.Sprint(loc.Value(m))
	c.TitleParts = loc.Parts(m)
}

// capitalise writes a sentence's first letter as a capital.
func capitalise(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}
