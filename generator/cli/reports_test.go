package cli

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The reports under testdata/reports/ are shaped unlike the seed and unlike
// each other (see each case's EXPECTED.md, where the figures asserted here
// are computed by hand):
//   - hasil-saja: an executive summary only, capped capaian, the agency's
//     own categories, no budget, no programme list;
//   - capaian-saja: printed capaian only, a grade with a score, a row not
//     assessed, a row cut short, no headline declared;
//   - dua-tahun: one agency with two years, programmes with official codes,
//     an LRA, a headline with a yearly series.
// They are built together once, as one site, and shared by these tests.

const (
	hasilSaja   = "dinas-sosial-kota-contoh/2020/"
	capaianSaja = "badan-kepegawaian-contoh/2017/"
	duaTahun22  = "dinas-kesehatan-contoh/2022/"
	duaTahun23  = "dinas-kesehatan-contoh/2023/"
)

var (
	reportsOnce sync.Once
	reportsOut  string
	reportsRoot string
)

// reportsData copies the cases of testdata/reports into one data folder.
func reportsData(t testing.TB, data string) {
	t.Helper()
	cases, err := os.ReadDir(filepath.Join("testdata", "reports"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		agencies, _ := os.ReadDir(filepath.Join("testdata", "reports", c.Name()))
		for _, a := range agencies {
			if a.IsDir() {
				copyDir(t, filepath.Join("testdata", "reports", c.Name(), a.Name()), filepath.Join(data, a.Name()))
			}
		}
	}
}

// builtReports builds the site of the three test reports once.
func builtReports(t *testing.T) string {
	reportsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lakip-reports-")
		if err != nil {
			t.Fatal(err)
		}
		reportsRoot = dir
		root := copyProject(&tbDir{TB: t, dir: dir})
		os.RemoveAll(filepath.Join(root, "data"))
		reportsData(t, filepath.Join(root, "data"))
		reportsOut = buildIn(t, root)
	})
	if reportsOut == "" {
		t.Fatal("the test reports' site failed to build earlier")
	}
	return reportsOut
}

// text is a page's visible text, tags removed and spaces collapsed.
func text(page string) string {
	page = regexp.MustCompile(`(?s)<(script|style|svg)\b.*?</(script|style|svg)>`).ReplaceAllString(page, " ")
	page = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, " ")
	return strings.Join(strings.Fields(html.UnescapeString(page)), " ")
}

var bandRe = regexp.MustCompile(`<li class="?band band-\d+"?><span class="?count"?>(\d+)</span> ?([^<]+)</li>`)

// bandCounts reads the "indicators per category" list of a page.
func bandCounts(page string) map[string]string {
	out := map[string]string{}
	for _, m := range bandRe.FindAllStringSubmatch(page, -1) {
		out[strings.TrimSpace(m[2])] = m[1]
	}
	return out
}

var belowRe = regexp.MustCompile(`(?s)<ul class="?[^">]*below-target"?>(.*?)</ul>`)

// belowTarget lists the text of the items of a page's below-target list.
func belowTarget(page string) []string {
	m := belowRe.FindStringSubmatch(page)
	if m == nil {
		return nil
	}
	var out []string
	for _, li := range strings.Split(m[1], "<li>")[1:] {
		out = append(out, text(li))
	}
	return out
}

func sameCounts(t *testing.T, where string, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d × %q, want %s (all: %v)", where, atoi(got[k]), k, v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: categories %v, want %v", where, got, want)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func mustContain(t *testing.T, where, page string, wants ...string) {
	t.Helper()
	body := text(page)
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", where, w)
		}
	}
}

func mustNotContain(t *testing.T, where, page string, nots ...string) {
	t.Helper()
	body := text(page)
	for _, n := range nots {
		if strings.Contains(body, n) {
			t.Errorf("%s shows %q", where, n)
		}
	}
}

func exists(out, rel string) bool {
	_, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
	return err == nil
}

// TestResultsOnlyReport: an executive summary with capped capaian and the
// agency's own categories, no budget and no programme list.
func TestResultsOnlyReport(t *testing.T) {
	out := builtReports(t)
	home := readPage(t, out, hasilSaja+"index.html")
	// the headline: 71,36 ÷ 65 = 109,78 % raw, capped at 100 as printed
	mustContain(t, "headline", home, "Persentase PMKS yang tertangani", "65%", "71,36%", "109,78 %", "dibatasi laporan menjadi 100,00 %", "Tercapai Target")
	sameCounts(t, "report home", bandCounts(home), map[string]string{"Terlampaui Target": "0", "Tercapai Target": "5", "Target Tidak Tercapai": "2"})
	// no budget anywhere: absent, never Rp 0
	for _, p := range []string{"anggaran", "program", "rencana", "profil", "efisiensi"} {
		if exists(out, hasilSaja+p+"/index.html") {
			t.Errorf("page %s/ exists for a report without its data", p)
		}
		if strings.Contains(home, `href="/`+hasilSaja+p+`/"`) {
			t.Errorf("the report links its absent page %s/", p)
		}
	}
	mustNotContain(t, "report home", home, "Total anggaran", "Rp 0", " 0,00 %")
	brief := readPage(t, out, hasilSaja+"ringkasan-dprd/index.html")
	below := belowTarget(brief)
	if len(below) != 2 || !strings.Contains(below[0], "90,75 %") || !strings.Contains(below[1], "77,00 %") {
		t.Errorf("DPRD brief below-target list %q, want rows 3 (90,75 %%) and 5 (77 %%)", below)
	}
	mustContain(t, "DPRD brief", brief, "tidak memuat Laporan Realisasi Anggaran", "Target Tidak Tercapai")
	mustNotContain(t, "DPRD brief", brief, "Rp 0")
	// the methodology names the agency's own set and its source
	method := readPage(t, out, hasilSaja+"metodologi/index.html")
	mustContain(t, "methodology", method, "Terlampaui Target", "Tercapai Target", "Target Tidak Tercapai", "dibatasi 100 %")
	mustNotContain(t, "methodology", method, "Sangat Berhasil")
	// no findings: said so
	mustContain(t, "Catatan data", readPage(t, out, hasilSaja+"catatan-data/index.html"), "Tidak ada catatan")
	// the narrative sections of its own ids, in the order of the data
	analysis := text(readPage(t, out, hasilSaja+"analisis/index.html"))
	if len(analysis) < 200 {
		t.Errorf("analysis page shows no narrative: %q", analysis)
	}
}

// TestCapaianOnlyReport: printed capaian only, grades, a row not assessed
// and one cut short, no headline declared, every indicator counted once.
func TestCapaianOnlyReport(t *testing.T) {
	out := builtReports(t)
	home := readPage(t, out, capaianSaja+"index.html")
	mustContain(t, "report home", home, "tidak menetapkan satu sasaran utama", "Dihitung dari 8 indikator semua tabel capaian")
	sameCounts(t, "report home", bandCounts(home), map[string]string{"Sangat Tinggi": "1", "Tinggi": "1", "Sedang": "1", "Rendah": "1",
		"Sangat Rendah": "1", "Tidak dapat dinilai": "3"})
	below := belowTarget(readPage(t, out, capaianSaja+"ringkasan-dprd/index.html"))
	if len(below) != 5 {
		t.Errorf("below target %d, want 5 (four capaian < 100 and the grade CC under its target B): %q", len(below), below)
	}
	joined := strings.Join(below, "\n")
	if !strings.Contains(joined, "CC (60,09)") || !strings.Contains(joined, "tidak tercapai") {
		t.Errorf("the grade row is not listed with its grade: %q", joined)
	}
	if strings.Contains(joined, "belum dinilai") {
		t.Errorf("a row not assessed is listed as below target: %q", joined)
	}
	results := readPage(t, out, capaianSaja+"capaian/index.html")
	mustContain(t, "results page", results, "belum dinilai", "CC (60,09)", "kategori dari capaian tercetak")
	mustNotContain(t, "results page", results, "Rp 0")
	if exists(out, capaianSaja+"anggaran/index.html") {
		t.Error("a report without a budget has a budget page")
	}
}

// TestAgencyWithTwoYears: programmes with codes, an LRA, a headline with a
// series, and the agency page comparing both years.
func TestAgencyWithTwoYears(t *testing.T) {
	out := builtReports(t)
	h22 := readPage(t, out, duaTahun22+"index.html")
	mustContain(t, "2022 home", h22, "Angka kematian bayi per 1.000 kelahiran hidup", "7,2", "6,8", "105,56%", "105,56 %", "Sangat Berhasil",
		"Rp 116,84 miliar", "95,09 %")
	sameCounts(t, "2022 home", bandCounts(h22), map[string]string{"Sangat Berhasil": "8", "Berhasil": "4", "Cukup Berhasil": "1", "Kurang Berhasil": "0"})
	h23 := readPage(t, out, duaTahun23+"index.html")
	mustContain(t, "2023 home", h23, "94,20%", "94,20 %", "95,57 %")
	sameCounts(t, "2023 home", bandCounts(h23), map[string]string{"Sangat Berhasil": "9", "Berhasil": "3", "Cukup Berhasil": "0", "Kurang Berhasil": "1"})
	if n := len(belowTarget(readPage(t, out, duaTahun22+"ringkasan-dprd/index.html"))); n != 5 {
		t.Errorf("2022 brief: %d below target, want 5", n)
	}
	if n := len(belowTarget(readPage(t, out, duaTahun23+"ringkasan-dprd/index.html"))); n != 4 {
		t.Errorf("2023 brief: %d below target, want 4", n)
	}
	// the series chart takes its title and unit from the data
	mustContain(t, "2023 home chart", h23, "Angka kematian bayi per 1.000 kelahiran hidup 2019–2026", "Makin rendah makin baik", "per 1.000 KH")
	mustNotContain(t, "2023 home chart", h23, "PMKS")
	// the agency page puts both years side by side
	agency := readPage(t, out, "dinas-kesehatan-contoh/index.html")
	mustContain(t, "agency page", agency, "Perbandingan antartahun", "105,56 %", "94,20 %", "95,09 %", "95,57 %")
	// the site home lists every report in a sortable table
	home := readPage(t, out, "index.html")
	if !strings.Contains(home, `class="sortable"`) {
		t.Error("the site home has no sortable table of reports")
	}
	for _, a := range []string{"Dinas Sosial Kota Contoh", "Badan Kepegawaian Daerah Kabupaten Contoh", "Dinas Kesehatan Kabupaten Contoh"} {
		if !strings.Contains(home, a) {
			t.Errorf("the site home does not list %s", a)
		}
	}
	// the one planted discrepancy of each year is found
	mustContain(t, "2022 findings", readPage(t, out, duaTahun22+"catatan-data/index.html"), "1 catatan", "92,71", "92,17 %")
}

var emptyHeading = regexp.MustCompile(`<h[1-6][^>]*>\s*(<[^>]+>\s*)*</h[1-6]>|<h[1-6][^>]*>[^<]*:\s*</h[1-6]>`)

// TestReportsShowNothingInvented: no page of the three reports shows
// Rp 0, an empty heading or a link to a file that does not exist.
func TestReportsShowNothingInvented(t *testing.T) {
	out := builtReports(t)
	var pages []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") && !strings.Contains(p, "pagefind") {
			pages = append(pages, p)
		}
		return err
	})
	sort.Strings(pages)
	if len(pages) < 30 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		if body := text(string(b)); strings.Contains(body, "Rp 0 ") || strings.HasSuffix(body, "Rp 0") {
			t.Errorf("%s shows Rp 0", rel)
		}
		if m := emptyHeading.FindString(string(b)); m != "" {
			t.Errorf("%s has an empty heading: %s", rel, m)
		}
	}
	checkLinks(t, out, configBaseURL(t))
}

// TestReportsHTMLValid runs html-validate over the test reports' pages.
func TestReportsHTMLValid(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	out := builtReports(t)
	abs, _ := filepath.Abs(repoRoot)
	var pages []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	args := append([]string{filepath.Join(abs, "node_modules", "html-validate", "bin", "html-validate.mjs"),
		"--config", filepath.Join(abs, ".htmlvalidate.json")}, pages...)
	cmd := exec.Command("node", args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		t.Fatalf("html-validate: %v\n%s", err, buf.String())
	}
}

// reportsBrowser (in TestBrowser) runs the generic browser checks
// (axe-core, console and requests, no sideways scrolling at 360 px) on
// every page type of the three test reports: every page that is one of a
// kind, and of the item pages under program/ the first two of each depth
// (programme, kegiatan, sub-kegiatan), which share their layout.
func reportsBrowser(out string) *browserRun {
	pages := []string{"", "dinas-kesehatan-contoh/", "badan-kepegawaian-contoh/"}
	for _, r := range []string{hasilSaja, capaianSaja, duaTahun23} {
		perDepth := map[int]int{}
		_ = filepath.WalkDir(filepath.Join(out, r), func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Name() == "index.html" {
				rel, _ := filepath.Rel(out, filepath.Dir(p))
				rel = filepath.ToSlash(rel) + "/"
				if _, item, ok := strings.Cut(rel, "/program/"); ok && item != "" {
					depth := strings.Count(item, "/")
					if perDepth[depth]++; perDepth[depth] > 2 {
						return nil
					}
				}
				pages = append(pages, rel)
			}
			return err
		})
	}
	return &browserRun{name: "reports", script: "browser.test.mjs", out: out,
		env: []string{"SHOT_DIR=" + filepath.Join(os.TempDir(), "lakip-screenshots", "laporan-uji"), `PAGES=["` + strings.Join(pages, `","`) + `"]`}}
}

// TestSeedReducedToOneTable: the seed's identity file and one results
// table build, with no budget section on any page.
func TestSeedReducedToOneTable(t *testing.T) {
	root := copyProject(t)
	year := filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021")
	for _, f := range []string{"anggaran.toml", "capaian_program.toml", "narasi.toml", "perjanjian.toml", "profil.toml", "program.toml", "rencana.toml", "rkt.toml"} {
		if err := os.Remove(filepath.Join(year, f)); err != nil {
			t.Fatal(err)
		}
	}
	// keep one results table: the IKU (3.1); the headline pointed at another
	b, _ := os.ReadFile(filepath.Join(year, "capaian.toml"))
	src := string(b)
	start := strings.Index(src, "[[capaian.tabel]]\nid = \"iku\"")
	end := strings.Index(src[start+10:], "[[capaian.tabel]]")
	if start < 0 || end < 0 {
		t.Fatal("the seed's IKU table was not found")
	}
	// without rencana.toml its rows cannot point at the plan's items
	table := regexp.MustCompile(`(?m)^\s*ref = .*$`).ReplaceAllString(src[start:start+10+end], "")
	if err := os.WriteFile(filepath.Join(year, "capaian.toml"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(year, "laporan.toml"), `tabel_utama = "program-kegiatan"`, ``)
	lap, _ := os.ReadFile(filepath.Join(year, "laporan.toml"))
	cut := strings.Index(string(lap), "[laporan.utama]")
	rest := string(lap)[cut:]
	next := strings.Index(rest, "[laporan.pengaturan]")
	if err := os.WriteFile(filepath.Join(year, "laporan.toml"), []byte(string(lap)[:cut]+rest[next:]), 0o644); err != nil {
		t.Fatal(err)
	}
	// the source file stays: it is part of the report's identity
	var log bytes.Buffer
	if err := Run(t.Context(), []string{"check", "-root", root}, &log, &log); err != nil {
		t.Fatalf("check: %v\n%s", err, log.String())
	}
	out := buildIn(t, root)
	for _, p := range []string{"anggaran", "program", "rencana", "profil", "efisiensi"} {
		if exists(out, base+p+"/index.html") {
			t.Errorf("page %s/ exists without its data", p)
		}
	}
	for _, p := range []string{"", "capaian/", "analisis/", "ringkasan-dprd/", "metodologi/", "data-terbuka/", "catatan-data/"} {
		page := readPage(t, out, base+p+"index.html")
		mustNotContain(t, "/"+base+p, page, "Total anggaran", "Rp 0", "Anggaran dan realisasi per program")
		if m := emptyHeading.FindString(page); m != "" {
			t.Errorf("/%s%s has an empty heading: %s", base, p, m)
		}
	}
	mustContain(t, "DPRD brief", readPage(t, out, base+"ringkasan-dprd/index.html"), "tidak memuat Laporan Realisasi Anggaran")
	checkLinks(t, out, configBaseURL(t))
}
