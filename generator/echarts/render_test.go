package echarts

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestStableIDs(t *testing.T) {
	a := stableIDs(`<svg><path class="zr4-cls-18" clip-path="url(#zr4-c0)"/><clipPath id="zr4-c0"/><g class="zr4-cls-19 zr4-cls-18"/></svg>`, "pmks")
	b := stableIDs(`<svg><path class="zr0-cls-3" clip-path="url(#zr0-c0)"/><clipPath id="zr0-c0"/><g class="zr0-cls-4 zr0-cls-3"/></svg>`, "pmks")
	if a != b {
		t.Errorf("the same chart rendered after others gets other ids:\n%s\n%s", a, b)
	}
	if strings.Contains(a, "zr") || !strings.Contains(a, `id="g-pmks-2"`) {
		t.Errorf("ids not renamed: %s", a)
	}
}

func TestAccessibleEscapes(t *testing.T) {
	got := Accessible(`<svg width="1"><g/></svg>`, "c1", `<b>"Judul"</b>`, "a & b")
	if !strings.HasPrefix(got, `<svg width="1" role="img" aria-labelledby="c1-title c1-desc" focusable="false"><title id="c1-title">&lt;b&gt;&#34;Judul&#34;&lt;/b&gt;</title><desc id="c1-desc">a &amp; b</desc><g/>`) {
		t.Errorf("got %s", got)
	}
	if Accessible("not svg", "x", "t", "d") != "not svg" {
		t.Error("non-SVG input must pass through")
	}
}

func TestCombineOneSVGPerChart(t *testing.T) {
	ls := []Layout{{Name: "sempit", Width: 330, Height: 380}, {Name: "lebar", Width: 880, Height: 400}}
	drawn := map[string]string{
		"sempit": `<svg width="330" height="380" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 330 380"><text>a</text></svg>`,
		"lebar":  `<svg width="880" height="400" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 880 400"><text>b</text></svg>`,
	}
	got, err := combine("utama", ls, func(l Layout) string { return drawn[l.Name] })
	if err != nil {
		t.Fatal(err)
	}
	want := `<svg xmlns="http://www.w3.org/2000/svg" width="880" height="400" class="chart-layouts" style="--sempit:330/380;--lebar:880/400">
<symbol id="g-utama-sempit" viewBox="0 0 330 380"><text>a</text></symbol>
<symbol id="g-utama-lebar" viewBox="0 0 880 400"><text>b</text></symbol>
<use href="#g-utama-sempit" class="sempit" width="100%" height="100%"></use>
<use href="#g-utama-lebar" class="lebar" width="100%" height="100%"></use>
</svg>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(got, "<svg") != 1 {
		t.Error("one <svg> per chart: one role, title and description")
	}
	if _, err := combine("x", ls, func(Layout) string { return "no svg" }); err == nil {
		t.Error("a drawing that is not SVG must be an error")
	}
}

func TestWrapKeepsNumbersWhole(t *testing.T) {
	got := wrap("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota "+together("Rp\u00a07,61\u00a0miliar")+" "+together("· 96,30\u00a0%"), 20)
	want := []string{"Penunjang Urusan", "Pemerintahan Daerah", "Kabupaten/Kota", "Rp 7,61 miliar", "· 96,30 %"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}

// renderTestSpec is a small bar chart whose axis and labels are written by
// the formatter module: its SVG shows the language's numbers.
func renderTestSpec(key, lang string) Spec {
	option := map[string]any{
		"animation": false,
		"xAxis":     map[string]any{"type": "category", "data": []string{"a", "b"}},
		"yAxis":     map[string]any{"type": "value", "min": 0, "max": 2000, "interval": 1000, "axisLabel": map[string]any{"formatter": "@fmt:int"}},
		"series": []any{map[string]any{"type": "bar", "data": []float64{1234.5, 1500},
			"label": map[string]any{"show": true, "formatter": "@fmt:pct:1"}}},
	}
	return Spec{Key: key, Lang: lang, Layouts: []Layout{{Name: "sempit", Width: 330, Height: 200, Option: option}}}
}

// TestRenderLanguageAndCache: a chart's numbers are written in its
// language; an English chart never reuses the cached SVG of an Indonesian
// one with the same key and options (the language is part of the cache
// key); the same chart renders to the same bytes, from the cache or not,
// alone or beside other charts.
func TestRenderLanguageAndCache(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed")
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	if _, err := os.Stat(filepath.Join(root, "node_modules", "echarts")); err != nil {
		t.Skip("node_modules/echarts not installed")
	}
	ctx := context.Background()
	cache := t.TempDir()
	id, err := Render(ctx, root, cache, []Spec{renderTestSpec("x/utama", "id")})
	if err != nil {
		t.Fatal(err)
	}
	en, err := Render(ctx, root, cache, []Spec{renderTestSpec("x/utama", "en")})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, svg   string
		has, hasNot []string
	}{
		{"id", id["x/utama"], []string{"1.234,5\u00a0%", ">1.000<"}, []string{"1,234.5%", ">1,000<"}},
		{"en", en["x/utama"], []string{"1,234.5%", ">1,000<"}, []string{"1.234,5\u00a0%", ">1.000<"}},
	} {
		for _, s := range c.has {
			if !strings.Contains(c.svg, s) {
				t.Errorf("%s chart: no %q in\n%s", c.lang, s, c.svg)
			}
		}
		for _, s := range c.hasNot {
			if strings.Contains(c.svg, s) {
				t.Errorf("%s chart: %q, the other language's number", c.lang, s)
			}
		}
	}
	// from the cache, without the cache, and beside another chart rendered
	// first: the same bytes
	cached, err := Render(ctx, root, cache, []Spec{renderTestSpec("x/utama", "en")})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Render(ctx, root, "", []Spec{renderTestSpec("a/kategori", "id"), renderTestSpec("x/utama", "en")})
	if err != nil {
		t.Fatal(err)
	}
	if cached["x/utama"] != en["x/utama"] || fresh["x/utama"] != en["x/utama"] {
		t.Errorf("the same chart rendered to other bytes:\nfirst  %s\ncached %s\nfresh  %s", en["x/utama"], cached["x/utama"], fresh["x/utama"])
	}
}

// TestMarkData: in an English chart, the lines of a programme's name (the
// report's own words) are marked Indonesian; interface text, numbers and
// pieces of words are not; an Indonesian chart is left as it is.
func TestMarkData(t *testing.T) {
	svg := `<svg><text x="1">Penunjang Urusan Pemerintahan</text><text>Daerah Kabupaten/Kota</text>` +
		`<text>IDR 7.61 billion</text><text>Budget</text><text>2021</text><text>Penunjang Uru</text><text>Rehabilitasi &amp; Sosial</text></svg>`
	data := []string{"Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota 2021", "Rehabilitasi & Sosial"}
	got := markData(svg, Spec{Lang: "en", DataText: data})
	want := `<svg><text lang="id" xml:lang="id" x="1">Penunjang Urusan Pemerintahan</text><text lang="id" xml:lang="id">Daerah Kabupaten/Kota</text>` +
		`<text>IDR 7.61 billion</text><text>Budget</text><text>2021</text><text>Penunjang Uru</text><text lang="id" xml:lang="id">Rehabilitasi &amp; Sosial</text></svg>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := markData(svg, Spec{Lang: "id", DataText: data}); got != svg {
		t.Errorf("an Indonesian chart was changed: %s", got)
	}
}
