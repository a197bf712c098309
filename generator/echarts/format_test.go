package echarts

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/idformat"
)

// TestJSFormatterAgreesWithGo formats a table of values with Go's idformat
// and with the formatter module of the charts (assets/js/idformat.mjs, run
// by node) and wants the same text: the chart, its table and the
// interactive view print one number one way.
func TestJSFormatterAgreesWithGo(t *testing.T) {
	type call struct {
		Fn     string  `json:"fn"`
		V      float64 `json:"v"`
		Places int     `json:"places"`
		Unit   string  `json:"unit"`
	}
	values := []float64{0, 1.9, 1.93, 97.8466, 97.845, 2.345, 0.125, 0.375, 2.5, 3.5, -0.001, -1500, 1234567, 1234.5,
		99.995, 100, 115.1234, 34547900993, 595452969, 34500000000, 240000, 2_000_000_000_000, 104997233, -536010000, 0.0070, 9.995, 1e-7}
	var calls []call
	want := []string{}
	for _, v := range values {
		for places := range 4 {
			calls = append(calls, call{Fn: "decimal", V: v, Places: places})
			want = append(want, idformat.Decimal(v, places))
			calls = append(calls, call{Fn: "percent", V: v, Places: places})
			want = append(want, idformat.Percent(v, places))
			calls = append(calls, call{Fn: "signed", V: v, Places: places})
			want = append(want, idformat.Signed(v, places))
			for _, unit := range []string{"", "%", "per 1.000 KH"} {
				calls = append(calls, call{Fn: "measure", V: v, Places: places, Unit: unit})
				want = append(want, idformat.Measure(v, unit, places))
			}
		}
		calls = append(calls, call{Fn: "number", V: v})
		want = append(want, idformat.Number(v))
		if v == float64(int64(v)) {
			calls = append(calls, call{Fn: "int", V: v}, call{Fn: "rupiah", V: v}, call{Fn: "rupiahShort", V: v})
			want = append(want, idformat.Int(int64(v)), idformat.Rupiah(int64(v)), idformat.RupiahShort(int64(v)))
		}
	}
	// the chart formats named in options ("@fmt:…"), as the axes use them
	for _, c := range []struct {
		name string
		v    float64
		want string
	}{
		{"num:2:%", 1.9, idformat.Measure(1.9, "%", 2)},
		{"pct:0", 95, idformat.Percent(95, 0)},
		{"pct:2", 93.453, idformat.Percent(93.453, 2)},
		{"int", 86, idformat.Int(86)},
		{"miliar", 13_983_692_800, idformat.Number(13.9836928)},
		{"rupiah", 7_904_037_926, idformat.Rupiah(7_904_037_926)},
	} {
		calls = append(calls, call{Fn: "@fmt:" + c.name, V: c.v})
		want = append(want, c.want)
	}
	in, _ := json.Marshal(calls)
	module, _ := filepath.Abs(filepath.Join("..", "..", FormatterModule))
	script := `import(process.argv[1]).then((f) => {
  const calls = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const out = calls.map((c) => {
    if (c.fn.startsWith('@fmt:')) return f.formatter(c.fn.slice(5))(c.v);
    switch (c.fn) {
      case 'decimal': case 'percent': case 'signed': return f[c.fn](c.v, c.places);
      case 'measure': return f.measure(c.v, c.unit, c.places);
      default: return f[c.fn](c.v);
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
	if len(got) != len(want) {
		t.Fatalf("%d results for %d calls", len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			bad++
			if bad <= 20 {
				t.Errorf("%s(%v, places %d, unit %q): JS %q, Go %q", calls[i].Fn, calls[i].V, calls[i].Places, calls[i].Unit, got[i], want[i])
			}
		}
	}
	t.Logf("%d values compared", len(want))
}
