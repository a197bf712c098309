package echarts

import (
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
	got := wrap("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota "+together("Rp 7,61 miliar")+" "+together("· 96,30 %"), 20)
	want := []string{"Penunjang Urusan", "Pemerintahan Daerah", "Kabupaten/Kota", "Rp 7,61 miliar", "· 96,30 %"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}
