package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostileProgram is a programme name that is live markup if inserted as
// HTML: a link covering the whole screen and an image with a handler.
const hostileProgram = `Program Pemberdayaan Sosial <a href="https://contoh.invalid/" style="position:fixed;inset:0">Klik</a><img src=x onerror=alert(1)>`

// hostileFormula is a cell a spreadsheet would run.
const hostileFormula = `=HYPERLINK("http://contoh.invalid","x")`

// hostileSite builds a copy of the project whose data holds hostileProgram
// as a programme name and hostileFormula as an indicator.
func hostileSite(t *testing.T) string {
	t.Helper()
	root := copyProject(t)
	year := filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021")
	toml := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	edit(t, filepath.Join(year, "program.toml"), `nama = "Program Pemberdayaan Sosial"`, `nama = "`+toml.Replace(hostileProgram)+`"`)
	edit(t, filepath.Join(year, "capaian_program.toml"), `indikator = "Jumlah PSM yang dibina"`, `indikator = "`+toml.Replace(hostileFormula)+`"`)
	return buildIn(t, root)
}

// searchLook is what testdata/search-injection.mjs saw in the search UI.
type searchLook struct {
	FilterNames, FilterValues, FilterValueHTML []string
	Titles, SubTitles, Excerpts, Tags          []string
	ElementsInText, Injected                   []string
	CenterLink                                 *string
	Results                                    int
}

// TestHostileDataSearchAndCSV builds one site from hostile data (a
// programme name that is HTML, an indicator that is a spreadsheet formula)
// and checks the search UI and the CSV exports.
func TestHostileDataSearchAndCSV(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	chromium := chromiumPath(t)
	out := hostileSite(t)
	t.Run("search", func(t *testing.T) { searchShowsDataAsText(t, out, chromium) })
	t.Run("csv", func(t *testing.T) { csvNeutralisesFormulas(t, out) })
}

// searchShowsDataAsText searches, in Chromium, the site whose programme
// name is HTML: Pagefind indexes the programme as a filter and the page
// title, and its UI inserts filter names and values (and excerpts) as HTML.
// No element of the data may appear in the search UI (no link to
// contoh.invalid, no image, no dialog); the name is shown as text in the
// filter, the result titles and the excerpts; and selecting the filter
// still finds the programme's pages.
func searchShowsDataAsText(t *testing.T, out, chromium string) {
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	cmd := exec.Command("node", filepath.Join("testdata", "search-injection.mjs"))
	cmd.Env = append(os.Environ(), "SITE_URL="+srv.URL, "CHROMIUM="+chromium, "QUERY=Klik", "PROGRAM="+hostileProgram)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("search-injection.mjs: %v\n%s", err, stderr.String())
	}
	var got struct {
		Dialogs, Requests, Errors []string
		Search, Filtered          *searchLook
		ProgramBox                bool
		FilteredURLs              []string
	}
	t.Logf("search UI: %s", stdout.String())
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if len(got.Errors) > 0 || got.Search == nil {
		t.Fatalf("search failed: %v", got.Errors)
	}
	for _, d := range got.Dialogs {
		t.Errorf("a dialog opened: %q", d)
	}
	for _, u := range got.Requests {
		if !strings.HasPrefix(u, srv.URL+"/") || strings.HasSuffix(u, "/x") {
			t.Errorf("request from data markup or off the site: %s", u)
		}
	}
	for name, look := range map[string]*searchLook{"search": got.Search, "filtered search": got.Filtered} {
		if look == nil {
			continue
		}
		for _, e := range look.Injected {
			t.Errorf("%s: element from the data on the page: %s", name, e)
		}
		for _, e := range look.ElementsInText {
			t.Errorf("%s: element inside a text of the search UI: %s", name, e)
		}
		if look.CenterLink != nil {
			t.Errorf("%s: a link covers the middle of the screen: %s", name, *look.CenterLink)
		}
	}
	s := got.Search
	has := func(list []string, want string) bool {
		for _, x := range list {
			if strings.Contains(x, want) {
				return true
			}
		}
		return false
	}
	if !has(s.FilterValues, hostileProgram) {
		t.Errorf("the programme filter does not show the name as text: %q (HTML %q)", s.FilterValues, s.FilterValueHTML)
	}
	if has(s.FilterValues, "&lt;") || has(s.FilterValues, "&amp;") {
		t.Errorf("a filter value shows escaped text: %q", s.FilterValues)
	}
	for _, f := range []string{"Program", "Tahun"} {
		if !has(s.FilterNames, f) {
			t.Errorf("no %s filter in %q", f, s.FilterNames)
		}
	}
	if !has(s.Titles, hostileProgram) {
		t.Errorf("no result title shows the name as text: %q", s.Titles)
	}
	if !has(s.Excerpts, `<a href="https://contoh.invalid/"`) {
		t.Errorf("no excerpt shows the name as text: %q", s.Excerpts)
	}
	if has(s.Titles, "&lt;") || has(s.Excerpts, "&lt;") {
		t.Errorf("a title or excerpt shows escaped text: %q %q", s.Titles, s.Excerpts)
	}
	if !got.ProgramBox {
		t.Fatal("no checkbox for the programme filter")
	}
	if got.Filtered == nil || got.Filtered.Results == 0 || !has(got.FilteredURLs, "/program/pemberdayaan") {
		t.Errorf("filtering by the programme finds %v", got.FilteredURLs)
	}
	for _, u := range got.FilteredURLs {
		if !strings.Contains(u, "/program/pemberdayaan") {
			t.Errorf("filtering by the programme finds another page: %s", u)
		}
	}
}

// csvNeutralisesFormulas: a data cell that a spreadsheet would run as a
// formula is written with a leading quote in the CSV, unchanged in the
// JSON and laporan.json; a table with such a cell says so in its
// description; published "-" and signed figures stay as printed.
func csvNeutralisesFormulas(t *testing.T, out string) {
	dir := filepath.Join(out, base, "data")
	b, err := os.ReadFile(filepath.Join(dir, "capaian-program-kegiatan.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`,"'=HYPERLINK(""http://contoh.invalid"",""x"")",`)) {
		t.Error("capaian-program-kegiatan.csv: the formula is not quoted")
	}
	var pkg struct {
		Description string
		Resources   []struct{ Name, Path, Description string }
	}
	pb, _ := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err := json.Unmarshal(pb, &pkg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pkg.Description, "petik tunggal") {
		t.Error("datapackage.json does not describe the quoting")
	}
	quotedIn := map[string]bool{}
	for _, res := range pkg.Resources {
		if !strings.HasSuffix(res.Path, ".csv") {
			continue // the workbook: text cells, never formulas (generator/workbook)
		}
		b, _ := os.ReadFile(filepath.Join(dir, res.Name+".csv"))
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", res.Name, err)
		}
		jb, _ := os.ReadFile(filepath.Join(dir, res.Name+".json"))
		d := json.NewDecoder(bytes.NewReader(jb))
		d.UseNumber()
		var rows []map[string]any
		if err := d.Decode(&rows); err != nil || len(rows) != len(recs)-1 {
			t.Fatalf("%s.json: %v, %d rows vs %d", res.Name, err, len(rows), len(recs)-1)
		}
		for i, rec := range recs[1:] {
			for c, cell := range rec {
				orig := ""
				if v := rows[i][recs[0][c]]; v != nil {
					orig = fmt.Sprint(v)
				}
				switch first := strings.TrimLeft(orig, " \n"); {
				case cell == orig && (first == "" || !strings.ContainsAny(first[:1], "=+-@\t\r")):
				case cell == orig && (strings.Trim(first, "-") == "" || reSignedFigure.MatchString(first)):
				case cell == "'"+orig && first != "" && strings.ContainsAny(first[:1], "=+-@\t\r"):
					quotedIn[res.Name] = true
				default:
					t.Errorf("%s row %d %s: CSV %q for %q", res.Name, i+1, recs[0][c], cell, orig)
				}
				if orig == hostileFormula && res.Name == "capaian-program-kegiatan" {
					quotedIn["formula kept in JSON"] = true
				}
			}
		}
		if noted := strings.Contains(res.Description, "petik tunggal"); noted != quotedIn[res.Name] {
			t.Errorf("%s: description notes the quoting: %v; a cell is quoted: %v", res.Name, noted, quotedIn[res.Name])
		}
	}
	if !quotedIn["capaian-program-kegiatan"] || !quotedIn["formula kept in JSON"] {
		t.Errorf("the formula is not quoted in the CSV and kept in the JSON: %v", quotedIn)
	}
	whole, _ := os.ReadFile(filepath.Join(dir, "laporan.json"))
	if !bytes.Contains(whole, []byte(`"indikator": "=HYPERLINK(\"http://contoh.invalid\",\"x\")"`)) {
		t.Error("laporan.json does not keep the indicator as written")
	}
	page := readPage(t, out, base+"data-terbuka/index.html")
	if !strings.Contains(page, "petik tunggal") {
		t.Error("the Data terbuka page does not say why a cell starts with a quote")
	}
}

// reSignedFigure is a signed number as printed ("-5,2%", "-0.1234").
var reSignedFigure = regexp.MustCompile(`^[-+][0-9][0-9.,]*[ ]?%?$`)
