// Package echarts builds chart options with go-echarts and renders them to
// SVG at build time with ECharts itself (server-side rendering in Node), so
// that a page shows its charts without downloading the charting library.
package echarts

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

//go:embed render.mjs
var renderScript []byte

// Spec is one chart to render: one option per layout.
type Spec struct {
	Key     string   `json:"key"`
	Layouts []Layout `json:"layouts"`
	// Lang is the language the chart is written in ("id", "en"): its
	// numbers (axes, labels, tooltips) are formatted that language's way.
	Lang string `json:"lang"`
	// DataText are the report's own words the drawings show (names of
	// programmes, the report's own categories): in a chart of another
	// language than the data's, each <text> of a line of them is marked
	// lang="id" (see markData).
	DataText []string `json:"-"`
	// TooltipFormat names the number format of the interactive tooltip.
	TooltipFormat string `json:"-"`
}

// Layout is one drawing of a chart: its name ("sempit", "sedang",
// "lebar"), its size in CSS pixels and its ECharts option.
type Layout struct {
	Name   string         `json:"name"`
	Width  int            `json:"width"`
	Height int            `json:"height"`
	Option map[string]any `json:"option"`
}

// FormatterModule is the number formatter that every chart uses, at build
// time (render.mjs) and in the browser (grafik.js), in the chart's
// language: the same output as generator/locale's Numbers.
const FormatterModule = "assets/js/idformat.mjs"

// job is one layout of one chart, as render.mjs reads it. Lang picks the
// number format of its axes and labels; it is part of the cache key.
type job struct {
	Key    string         `json:"key"`
	Lang   string         `json:"lang"`
	Width  int            `json:"width"`
	Height int            `json:"height"`
	Option map[string]any `json:"option"`
}

// Render returns each chart's SVG by key: one SVG holding every layout of
// the chart (see combine). Layouts whose options were already rendered
// (same key, language, options, ECharts and scripts) come from cacheDir; the rest
// are rendered by one Node process. projectRoot is where package.json,
// node_modules and the formatter module are. cacheDir may be "" (no cache).
func Render(ctx context.Context, projectRoot, cacheDir string, specs []Spec) (map[string]string, error) {
	version, _ := os.ReadFile(filepath.Join(projectRoot, "node_modules", "echarts", "package.json"))
	formatter, err := os.ReadFile(filepath.Join(projectRoot, filepath.FromSlash(FormatterModule)))
	if err != nil {
		return nil, fmt.Errorf("pemformat angka grafik %s tidak terbaca: %w", FormatterModule, err)
	}
	drawn := map[string]string{}
	hashes := map[string]string{}
	var missing []job
	for _, s := range specs {
		for _, l := range s.Layouts {
			j := job{Key: s.Key + "#" + l.Name, Lang: s.Lang, Width: l.Width, Height: l.Height, Option: l.Option}
			b, err := json.Marshal(j)
			if err != nil {
				return nil, err
			}
			h := sha256.New()
			h.Write(renderScript)
			h.Write(formatter)
			h.Write(version)
			h.Write(b)
			hashes[j.Key] = hex.EncodeToString(h.Sum(nil))
			if cacheDir != "" {
				if svg, err := os.ReadFile(filepath.Join(cacheDir, hashes[j.Key]+".svg")); err == nil {
					drawn[j.Key] = string(svg)
					continue
				}
			}
			missing = append(missing, j)
		}
	}
	rendered, err := renderWithNode(ctx, projectRoot, missing)
	if err != nil {
		return nil, err
	}
	for key, svg := range rendered {
		svg = stableIDs(svg, strings.ReplaceAll(path.Base(key), "#", "-"))
		drawn[key] = svg
		if cacheDir != "" {
			cacheDrawing(cacheDir, hashes[key], svg)
		}
	}
	out := map[string]string{}
	for _, s := range specs {
		svg, err := combine(path.Base(s.Key), s.Layouts, func(l Layout) string { return markData(drawn[s.Key+"#"+l.Name], s) })
		if err != nil {
			return nil, fmt.Errorf("grafik %s: %w", s.Key, err)
		}
		out[s.Key] = svg
	}
	return out, nil
}

// cacheDrawing keeps one drawing in cacheDir under its hash. It is written
// to a temporary file and renamed into place, so that a build killed while
// writing, or another build reading at the same moment, never finds half a
// drawing under the name of a whole one. A failure only costs a render.
func cacheDrawing(cacheDir, hash, svg string) {
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(cacheDir, hash+".*.tmp")
	if err != nil {
		return
	}
	_, err = f.WriteString(svg)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(cacheDir, hash+".svg"))
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
}

var svgOpen = regexp.MustCompile(`^<svg[^>]*>`)

// dataLang is the language of the reports' own words: they are published
// as written, in Indonesian.
const dataLang = "id"

var svgText = regexp.MustCompile(`<text( [^>]*)?>([^<]*)</text>`)

// markData marks the texts of a drawing that are the report's own words
// as Indonesian (lang and xml:lang, which HTML reads on inline SVG), when
// the chart is in another language: a <text> whose content has a letter
// and is, whole words, part of one of the spec's DataText (a wrapped line
// of a programme's name). Only the chart's own texts: never a number.
func markData(svg string, s Spec) string {
	if s.Lang == dataLang || s.Lang == "" || len(s.DataText) == 0 {
		return svg
	}
	return svgText.ReplaceAllStringFunc(svg, func(t string) string {
		m := svgText.FindStringSubmatch(t)
		text := strings.TrimSpace(html.UnescapeString(m[2]))
		if !strings.ContainsFunc(text, unicode.IsLetter) || !partOfData(text, s.DataText) {
			return t
		}
		return `<text lang="` + dataLang + `" xml:lang="` + dataLang + `"` + m[1] + ">" + m[2] + "</text>"
	})
}

// partOfData tells whether text is one of data's strings, or a run of its
// whole words (a line of a wrapped name).
func partOfData(text string, data []string) bool {
	want := " " + strings.Join(strings.Fields(text), " ") + " "
	for _, d := range data {
		if strings.Contains(" "+strings.Join(strings.Fields(d), " ")+" ", want) {
			return true
		}
	}
	return false
}

// combine puts the drawings of a chart's layouts into one SVG: each drawing
// a <symbol> with its own viewBox, each shown by a <use> whose class names
// its layout. The page's CSS shows one <use> and gives the SVG the aspect
// ratio of that drawing (--sempit, --sedang, --lebar); the width and height
// attributes are the last (widest) drawing's, for readers without CSS.
// One <svg> per chart: one role, title and description (Accessible).
func combine(name string, ls []Layout, svgOf func(Layout) string) (string, error) {
	var b strings.Builder
	var ratios []string
	for _, l := range ls {
		ratios = append(ratios, fmt.Sprintf("--%s:%d/%d", l.Name, l.Width, l.Height))
	}
	last := ls[len(ls)-1]
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" class="chart-layouts" style="%s">`, last.Width, last.Height, strings.Join(ratios, ";"))
	for _, l := range ls {
		svg := svgOf(l)
		open := svgOpen.FindString(svg)
		end := strings.LastIndex(svg, "</svg>")
		if open == "" || end < len(open) {
			return "", fmt.Errorf("tata letak %s bukan SVG", l.Name)
		}
		fmt.Fprintf(&b, "\n<symbol id=\"g-%s-%s\" viewBox=\"0 0 %d %d\">%s</symbol>", name, l.Name, l.Width, l.Height, svg[len(open):end])
	}
	for _, l := range ls {
		fmt.Fprintf(&b, "\n<use href=\"#g-%s-%s\" class=\"%s\" width=\"100%%\" height=\"100%%\"></use>", name, l.Name, l.Name)
	}
	b.WriteString("\n</svg>")
	return b.String(), nil
}

// zrender numbers its ids and CSS classes across all charts of a process,
// so the same chart would get other ids beside other charts.
var zrID = regexp.MustCompile(`zr\d+-[a-z]+-?\d+`)

// stableIDs renames them per chart, in order of first appearance: the SVG
// depends only on its own options, and ids never clash on a page.
func stableIDs(svg, name string) string {
	seen := map[string]string{}
	return zrID.ReplaceAllStringFunc(svg, func(id string) string {
		if n, ok := seen[id]; ok {
			return n
		}
		n := fmt.Sprintf("g-%s-%d", name, len(seen)+1)
		seen[id] = n
		return n
	})
}

func renderWithNode(ctx context.Context, projectRoot string, specs []job) (map[string]string, error) {
	if len(specs) == 0 {
		return map[string]string{}, nil
	}
	sorted := append([]job(nil), specs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Key < sorted[j].Key })
	input, err := json.Marshal(sorted)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "lakip-charts-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "render.mjs")
	if err := os.WriteFile(script, renderScript, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", script, projectRoot, FormatterModule)
	cmd.Dir = projectRoot
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("merender grafik dengan ECharts (node) gagal: %v\n%s", err, stderr.String())
	}
	out := map[string]string{}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("keluaran perender grafik tidak terbaca: %v", err)
	}
	for _, s := range specs {
		if out[s.Key] == "" {
			return nil, fmt.Errorf("grafik %s tidak dirender", s.Key)
		}
	}
	return out, nil
}

// Accessible gives a rendered SVG a role, a title and a description, so that
// a screen reader announces the chart's text alternative. id must be unique
// on the page that inlines the SVG.
func Accessible(svg, id, title, desc string) string {
	i := strings.Index(svg, ">")
	if !strings.HasPrefix(svg, "<svg") || i < 0 {
		return svg
	}
	var b strings.Builder
	b.WriteString(svg[:i])
	fmt.Fprintf(&b, ` role="img" aria-labelledby="%s-title %s-desc" focusable="false">`, id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, xmlEscape(title), id, xmlEscape(desc))
	b.WriteString(svg[i+1:])
	return b.String()
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
