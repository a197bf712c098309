package echarts

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/idformat"
	"github.com/sakip-terbuka/lakip/generator/locale"
)

// formatCall is one call of the JS formatter module: a function of the
// language's numbers (decimal, percent, …) or a chart format "@fmt:<name>".
type formatCall struct {
	Lang   string  `json:"lang"`
	Fn     string  `json:"fn"`
	V      float64 `json:"v"`
	Places int     `json:"places"`
	Unit   string  `json:"unit"`
}

// formatCalls lists the calls of a language and what Go writes for each:
// every number function over a table of values, and the chart formats.
func formatCalls(lang string, nf locale.Numbers) ([]formatCall, []string) {
	values := []float64{0, 1.9, 1.93, 97.8466, 97.845, 2.345, 2.335, 0.125, 0.375, 2.5, 3.5, -0.001, -1500, 1234567, 1234.5,
		99.995, 100, 115.1234, 34547900993, 595452969, 34500000000, 240000, 2_000_000_000_000, 104997233, -536010000, 0.0070, 9.995, 1e-7}
	var calls []formatCall
	var want []string
	for _, v := range values {
		for places := range 4 {
			calls = append(calls, formatCall{Lang: lang, Fn: "decimal", V: v, Places: places})
			want = append(want, nf.Decimal(v, places))
			calls = append(calls, formatCall{Lang: lang, Fn: "percent", V: v, Places: places})
			want = append(want, nf.Percent(v, places))
			calls = append(calls, formatCall{Lang: lang, Fn: "signed", V: v, Places: places})
			want = append(want, nf.Signed(v, places))
			for _, unit := range []string{"", "%", "per 1.000 KH"} {
				calls = append(calls, formatCall{Lang: lang, Fn: "measure", V: v, Places: places, Unit: unit})
				want = append(want, nf.Measure(v, unit, places))
			}
		}
		calls = append(calls, formatCall{Lang: lang, Fn: "number", V: v})
		want = append(want, nf.Number(v))
		if v == float64(int64(v)) {
			calls = append(calls, formatCall{Lang: lang, Fn: "int", V: v}, formatCall{Lang: lang, Fn: "rupiah", V: v}, formatCall{Lang: lang, Fn: "rupiahShort", V: v})
			want = append(want, nf.Int(int64(v)), nf.Rupiah(int64(v)), nf.RupiahShort(int64(v)))
		}
	}
	// the chart formats named in options ("@fmt:…"), as the axes use them
	for _, c := range []struct {
		name string
		v    float64
		want string
	}{
		{"num:2:%", 1.9, nf.Measure(1.9, "%", 2)},
		{"num:1:per 1.000 KH", 6.84, nf.Measure(6.84, "per 1.000 KH", 1)},
		{"pct:0", 95, nf.Percent(95, 0)},
		{"pct:2", 93.453, nf.Percent(93.453, 2)},
		{"int", 86, nf.Int(86)},
		{"int", 1234, nf.Int(1234)},
		{"miliar", 13_983_692_800, nf.Number(13.9836928)},
		{"rupiah", 7_904_037_926, nf.Rupiah(7_904_037_926)},
	} {
		calls = append(calls, formatCall{Lang: lang, Fn: "@fmt:" + c.name, V: c.v})
		want = append(want, c.want)
	}
	return calls, want
}

// TestJSFormatterAgreesWithGo formats a table of values with Go and with
// the formatter module of the charts (assets/js/idformat.mjs, run by node)
// and wants the same text, in each language: Indonesian as
// generator/idformat writes it, English as locale.NumbersFor("en"). The
// chart, its table and the interactive view print one number one way.
func TestJSFormatterAgreesWithGo(t *testing.T) {
	idCalls, idWant := formatCalls("id", locale.NumbersFor("id"))
	enCalls, enWant := formatCalls("en", locale.NumbersFor("en"))
	calls := append(idCalls, enCalls...)
	want := append(idWant, enWant...)
	// the Indonesian numbers are those of generator/idformat, and the
	// module's own functions (no language given) are Indonesian
	for _, c := range []struct {
		fn   string
		v    float64
		want string
	}{
		{"decimal", 1234.5, idformat.Decimal(1234.5, 1)},
		{"percent", 97.845, idformat.Percent(97.845, 2)},
		{"rupiahShort", 34_500_000_000, idformat.RupiahShort(34_500_000_000)},
		{"@fmt:pct:2", 93.453, idformat.Percent(93.453, 2)},
	} {
		calls = append(calls, formatCall{Fn: c.fn, V: c.v, Places: map[string]int{"decimal": 1, "percent": 2}[c.fn]})
		want = append(want, c.want)
	}
	// the two languages differ: the test compares two ways of writing
	if locale.NumbersFor("en").Percent(97.845, 2) == locale.NumbersFor("id").Percent(97.845, 2) {
		t.Fatal("English and Indonesian write a percentage the same way")
	}
	got := runFormatter(t, calls)
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			bad++
			if bad <= 20 {
				c := calls[i]
				t.Errorf("[%s] %s(%v, places %d, unit %q): JS %q, Go %q", c.Lang, c.Fn, c.V, c.Places, c.Unit, got[i], want[i])
			}
		}
	}
	t.Logf("%d values compared (%d Indonesian, %d English)", len(want), len(idWant), len(enWant))
}

// runFormatter runs the calls through the JS formatter module. A call
// without a language uses the module's Indonesian functions directly.
func runFormatter(t *testing.T, calls []formatCall) []string {
	t.Helper()
	in, _ := json.Marshal(calls)
	module, _ := filepath.Abs(filepath.Join("..", "..", FormatterModule))
	script := `import(process.argv[1]).then((f) => {
  const calls = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const out = calls.map((c) => {
    if (c.fn.startsWith('@fmt:')) return c.lang ? f.formatter(c.fn.slice(5), c.lang)(c.v) : f.formatter(c.fn.slice(5))(c.v);
    const n = c.lang ? f.numbers(c.lang) : f;
    switch (c.fn) {
      case 'decimal': case 'percent': case 'signed': return n[c.fn](c.v, c.places);
      case 'measure': return n.measure(c.v, c.unit, c.places);
      default: return n[c.fn](c.v);
    }
  });
  process.stdout.write(JSON.stringify(out));
});`
	cmd := exec.Command("node", "-e", script, "file://"+module)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got []string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(calls) {
		t.Fatalf("%d results for %d calls", len(got), len(calls))
	}
	return got
}
