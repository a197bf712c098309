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
