package locale

import (
	"slices"
	"strings"
	"testing"
)

func TestEnglishNumbers(t *testing.T) {
	e := NumbersFor("en")
	cases := []struct{ got, want string }{
		{e.Int(1234567), "1,234,567"},
		{e.Decimal(97.8466, 2), "97.85"},
		{e.Decimal(-0.001, 2), "0.00"},
		{e.Percent(97.85, 2), "97.85%"},
		{e.Rupiah(34547900993), "IDR\u00a034,547,900,993"},
		{e.RupiahShort(34500000000), "IDR\u00a034.5\u00a0billion"},
		{e.RupiahShort(595452969), "IDR\u00a0595.45\u00a0million"},
		{e.RupiahShort(240000), "IDR\u00a0240,000"},
		{e.Signed(-1234, 0), "−1,234"},
		{e.Number(1.9), "1.9"},
		{e.Number(624103), "624,103"},
		{e.Quantity(2.15, "poin"), "2.15\u00a0points"},
		{e.Measure(1.9, "%", 2), "1.90%"},
		{e.Difference(0.007, "%"), "+0.01\u00a0points"},
		{e.Difference(22807, "Jiwa"), "+22,807\u00a0Jiwa"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
	if got := NumbersFor("id").Percent(97.85, 2); got != "97,85\u00a0%" {
		t.Errorf("Indonesian percent: %q", got)
	}
}

func TestMessages(t *testing.T) {
	id, err := Parse("id", []byte("a = \"Capaian {{ .P }} dari {{ .N }} indikator, tahun {{ .Y }}\"\n[b]\nother = \"ya\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	en, _ := Parse("en", []byte("a = \"Achievement {{ .P }} of {{ .N }} indicators, year {{ .Y }}\"\n"))
	m := M("a", "P", Pct{97.85, 2}, "N", Int(1234), "Y", 2021)
	if got := id.Render(m); got != "Capaian 97,85\u00a0% dari 1.234 indikator, tahun 2021" {
		t.Errorf("id: %q", got)
	}
	if got := en.Render(m); got != "Achievement 97.85% of 1,234 indicators, year 2021" {
		t.Errorf("en: %q", got)
	}
	if id.T("b") != "ya" || id.Err() != nil {
		t.Errorf("table form: %q %v", id.T("b"), id.Err())
	}
	if got := en.T("b"); got != "[b]" {
		t.Errorf("missing key written as %q", got)
	}
	if err := en.Err(); err == nil || !strings.Contains(err.Error(), "i18n/en.toml") || !strings.Contains(err.Error(), " b") {
		t.Errorf("missing key not reported: %v", err)
	}
	// an argument the string needs but the message lacks is an error, not "<no value>"
	if got := id.T("a", "P", Pct{1, 0}); got != "[a]" || id.Err() == nil {
		t.Errorf("missing argument: %q %v", got, id.Err())
	}
}

// TestPartsMarkTheReportsWords: Parts gives the text arguments (in nested
// messages and lists too) as the report's own words, everything else as
// the interface's text, and joins to Render's sentence.
func TestPartsMarkTheReportsWords(t *testing.T) {
	l, err := Parse("en", []byte(`
a = "the same budget is stated differently: {{ .Places }} (reference: {{ .Compare }})"
place = "{{ .Table }} row {{ .Row }}: {{ .Printed }}"
q = "indicator {{ printf \"%q\" .Indicator }} has {{ .N }}"
`))
	if err != nil {
		t.Fatal(err)
	}
	m := M("a", "Places", List{Items: []any{M("place", "Table", "2.2 Rencana Kerja", "Row", 13, "Printed", "Rp. 595.42.969,-"), M("place", "Table", "3.5 LRA", "Row", 12, "Printed", "Rp. 1")}, Sep: "; "}, "Compare", Amount(595452969))
	got := l.Parts(m)
	want := []Part{
		{Text: "the same budget is stated differently: "}, {Text: "2.2 Rencana Kerja", Own: true}, {Text: " row 13: "},
		{Text: "Rp. 595.42.969,-", Own: true}, {Text: "; "}, {Text: "3.5 LRA", Own: true}, {Text: " row 12: "},
		{Text: "Rp. 1", Own: true}, {Text: " (reference: IDR\u00a0595,452,969)"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Parts:\n got %#v\nwant %#v", got, want)
	}
	var joined string
	for _, p := range got {
		joined += p.Text
	}
	if r := l.Render(m); joined != r {
		t.Errorf("Parts joined %q, Render %q", joined, r)
	}
	// quoted with %q: the quotes are the interface's, the words as given
	got = l.Parts(M("q", "Indicator", `Jumlah "PMKS"`, "N", Pct{V: 97.5, Places: 2}))
	want = []Part{{Text: `indicator "`}, {Text: `Jumlah "PMKS"`, Own: true}, {Text: `" has 97.50%`}}
	if !slices.Equal(got, want) {
		t.Errorf("Parts with %%q:\n got %#v\nwant %#v", got, want)
	}
	// the report's own words alone (Text)
	if got := l.Parts(Text("3.1 Capaian IKU")); !slices.Equal(got, []Part{{Text: "3.1 Capaian IKU", Own: true}}) {
		t.Errorf("Parts(Text): %+v", got)
	}
	// a text already cut into parts, as an argument: its own words stay
	// its own, the rest is the interface's
	split := Split{{Text: "PMKS", Own: true}, {Text: " 2016–2021"}}
	m = M("place", "Table", Written("Chart:"), "Row", split, "Printed", "Rp. 1")
	got = l.Parts(m)
	want = []Part{{Text: "Chart: row "}, {Text: "PMKS", Own: true}, {Text: " 2016–2021: "}, {Text: "Rp. 1", Own: true}}
	if !slices.Equal(got, want) {
		t.Errorf("Parts with Split:\n got %#v\nwant %#v", got, want)
	}
	if r := l.Render(m); r != "Chart: row PMKS 2016–2021: Rp. 1" {
		t.Errorf("Render with Split: %q", r)
	}
}
