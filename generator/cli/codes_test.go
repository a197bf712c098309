package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestOfficialCodesShown: the official Permendagri 90/2019 codes of the
// "dua-tahun" report (program.toml `kode`) are shown, as text, on the item
// pages (layouts/item.html, "Kode") and kept as text in the open data.
func TestOfficialCodesShown(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	out := builtReports(t)
	for page, code := range map[string]string{
		duaTahun23 + "program/upaya-kesehatan/":                     "1.02.02",
		duaTahun23 + "program/upaya-kesehatan/fasilitas-kesehatan/": "1.02.02.2.01",
		duaTahun23 + "program/penunjang/administrasi-keuangan/":     "1.02.01.2.02",
	} {
		// "Kode", the hidden separator of dt-sep.html (":" and a no-break
		// space; text() reads tags and spaces as one space), the code
		mustContain(t, page, readPage(t, out, page+"index.html"), "Kode : "+code)
	}
	csv := readPage(t, out, duaTahun23+"data/program.csv")
	if !strings.Contains(csv, ",1.02.02.2.01,") {
		t.Errorf("program.csv lacks the code 1.02.02.2.01 as a cell:\n%s", csv)
	}
	var rows []map[string]any
	b := readPage(t, out, duaTahun23+"data/program.json")
	if err := json.Unmarshal([]byte(b), &rows); err != nil {
		t.Fatalf("program.json: %v\n%s", err, b)
	}
	found := false
	for _, r := range rows {
		if r["id"] == "fasilitas-kesehatan" {
			found = true
			if code, ok := r["kode"].(string); !ok || code != "1.02.02.2.01" {
				t.Errorf("program.json: kode of fasilitas-kesehatan is %#v, want the text \"1.02.02.2.01\"", r["kode"])
			}
		}
	}
	if !found {
		t.Errorf("program.json has no row fasilitas-kesehatan:\n%s", b)
	}
}
