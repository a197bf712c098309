package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		// formulas and what a spreadsheet starts one with: prefixed
		`=HYPERLINK("http://contoh.invalid","x")`: `'=HYPERLINK("http://contoh.invalid","x")`,
		"=1+1":                   "'=1+1",
		"+62 31 8941234":         "'+62 31 8941234",
		"-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
		"@SUM(A1:A2)":            "'@SUM(A1:A2)",
		"\t=1":                   "'\t=1",
		"\r=1":                   "'\r=1",
		"  =1":                   "'  =1",
		"\n=1":                   "'\n=1",
		"- anak":                 "'- anak",
		"-5 Orang":               "'-5 Orang",
		"-%":                     "'-%",
		"- cmd|' /C calc'!A0":    "'- cmd|' /C calc'!A0",
		"-1e3":                   "'-1e3",
		// values as printed that a spreadsheet reads as values: unchanged
		"-":                "-",
		"--":               "--",
		"-5,2%":            "-5,2%",
		"-5,2 %":           "-5,2 %",
		"-0.1234":          "-0.1234",
		"+3":               "+3",
		"-1.234.567":       "-1.234.567",
		"97,85%":           "97,85%",
		"Rp. 595.42.969,-": "Rp. 595.42.969,-",
		"":                 "",
		"Nihil":            "Nihil",
		"a=b":              "a=b",
		"–":                "–", // an en dash starts no formula
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVNeutralisesFormulaJSONKeepsIt: a formula in a data cell comes out
// quoted in the CSV, unchanged in the JSON, and the resource says why.
func TestCSVNeutralisesFormulaJSONKeepsIt(t *testing.T) {
	const formula = `=HYPERLINK("http://contoh.invalid","x")`
	res := Resource{Name: "uji", Fields: []Field{{Name: "uraian", Type: "string"}, {Name: "target", Type: "string"}, {Name: "selisih", Type: "number"}},
		Rows: [][]string{{formula, "-", "-0.5000"}, {"biasa", "-5,2%", ""}}}
	recs, err := csv.NewReader(bytes.NewReader(res.CSV())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := recs[1][0]; got != "'"+formula {
		t.Errorf("CSV cell %q, want the formula with a leading quote", got)
	}
	if recs[1][1] != "-" || recs[1][2] != "-0.5000" || recs[2][1] != "-5,2%" {
		t.Errorf("published values changed in CSV: %q", recs[1:])
	}
	b, err := res.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0]["uraian"] != formula {
		t.Errorf("JSON cell %q, want the original text", rows[0]["uraian"])
	}
	if !hasFormulaCell(res.Rows) || hasFormulaCell(res.Rows[1:]) {
		t.Error("hasFormulaCell is wrong")
	}
	for _, l := range testLocales(t) {
		if note, rule := l.T("data_csv_note"), l.T("data_csv_rule"); !strings.Contains(note, "'") || !strings.Contains(rule, "JSON") {
			t.Errorf("%s: the notes do not say what is done: %q, %q", l.Lang, note, rule)
		}
	}
}
