package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// projectFiles are what a build reads from the project root.
var projectFiles = []string{"config.toml", "content", "layouts", "assets", "i18n", "static", "data", "package.json", "package-lock.json"}

// copyProject makes a throw-away copy of the project to build in, so that
// tests never touch the working tree's .build/ or public/. node_modules is
// linked, after installing it once in the real root if missing. The copies
// share one cache of chart drawings (sharedCharts): a drawing is keyed by
// everything it is drawn from, so a copy whose data differs gets its own,
// and the package's two dozen builds do not render the seed's charts again
// each time (about 40 s of the package's time).
func copyProject(t testing.TB) string {
	t.Helper()
	root := coldProject(t)
	charts := filepath.Join(root, hugosite.StageDir, "cache", "charts")
	if err := os.MkdirAll(filepath.Dir(charts), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(sharedCharts, charts); err != nil {
		t.Fatal(err)
	}
	return root
}

// sharedCharts is the chart cache the copies of the project share (made by
// TestMain, removed after the tests).
var sharedCharts string

// coldProject is a copy of the project with nothing cached: its first
// build renders every chart (the seed site built once, and the
// determinism test's second cold build).
func coldProject(t testing.TB) string {
	t.Helper()
	abs, _ := filepath.Abs(repoRoot)
	if err := ensureNodeModules(context.Background(), abs, io.Discard, true); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, f := range projectFiles {
		src := filepath.Join(abs, f)
		info, err := os.Stat(src)
		if err != nil {
			t.Fatal(err)
		}
		if info.IsDir() {
			copyDir(t, src, filepath.Join(root, f))
		} else {
			b, _ := os.ReadFile(src)
			if err := os.WriteFile(filepath.Join(root, f), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Symlink(filepath.Join(abs, "node_modules"), filepath.Join(root, "node_modules")); err != nil {
		t.Fatal(err)
	}
	return root
}

func buildIn(t testing.TB, root string, extra ...string) string {
	t.Helper()
	out := filepath.Join(root, "public")
	var log bytes.Buffer
	args := append([]string{"build", "-root", root, "-out", out}, extra...)
	if err := Run(context.Background(), args, &log, &log); err != nil {
		t.Fatalf("build failed: %v\n%s", err, log.String())
	}
	return out
}

var (
	siteOnce sync.Once
	siteOut  string
	siteRoot string
)

// builtSite builds the seed site once for all tests of this package.
func builtSite(t *testing.T) string {
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lakip-site-")
		if err != nil {
			t.Fatal(err)
		}
		siteRoot = dir
		sub := &tbDir{TB: t, dir: dir}
		root := coldProject(sub)
		siteOut = buildIn(t, root)
	})
	if siteOut == "" {
		t.Fatal("site build failed earlier")
	}
	return siteOut
}

// tbDir gives copyProject a temp dir that outlives one test.
type tbDir struct {
	testing.TB
	dir string
}

func (d *tbDir) TempDir() string { return d.dir }

func TestMain(m *testing.M) {
	// a build runs this binary again for Hugo (hugoProcess): then it is
	// the generator, not the tests
	// the generator, not the tests, also when a test runs a command in a
	// process of its own (cliProcess): then as main does, stopped by Ctrl+C
	if os.Getenv(HugoChildEnv) != "" || os.Getenv(cliChildEnv) != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(ExitCode(err))
		}
		os.Exit(0)
	}
	dir, err := os.MkdirTemp("", "lakip-charts-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sharedCharts = dir
	code := m.Run()
	for _, dir := range []string{siteRoot, reportsRoot, sharedCharts} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

func readPage(t *testing.T, out, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("page %s missing: %v", rel, err)
	}
	return string(b)
}

func seedReport(t *testing.T) *report.Report {
	t.Helper()
	reports, err := loadData(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return reports[0]
}

const base = "dinas-sosial-sidoarjo/2021/"

func TestEveryPageTypeExists(t *testing.T) {
	out := builtSite(t)
	pages := []string{"index.html", "glosarium/index.html", "dinas-sosial-sidoarjo/index.html", base + "index.html"}
	for _, p := range []string{"profil", "rencana", "capaian", "program", "anggaran", "efisiensi", "analisis", "catatan-data", "metodologi"} {
		pages = append(pages, base+p+"/index.html")
	}
	pages = append(pages,
		base+"program/penunjang/index.html",
		base+"program/penunjang/administrasi-umum/index.html",
		base+"program/penunjang/administrasi-umum/kunjungan-tamu/index.html",
		base+"sumber/laporan-kinerja-2021.txt",
		base+"grafik/utama.json",
		"js/echarts.min.js",
	)
	for _, p := range pages {
		s := readPage(t, out, p)
		if strings.HasSuffix(p, ".html") && !strings.Contains(s, `<html lang="id">`) {
			t.Errorf("%s: not an Indonesian HTML page", p)
		}
	}
	// every item of the hierarchy has its page
	r := seedReport(t)
	for _, p := range r.ProgramItems() {
		var walk func(it *report.Item)
		walk = func(it *report.Item) {
			readPage(t, out, base+"program/"+strings.Join(it.Path(), "/")+"/index.html")
			for _, c := range it.Children {
				walk(c)
			}
		}
		walk(p)
	}
}

var trRe = regexp.MustCompile(`(?s)<tr id="([a-z0-9-]+)"[^>]*>(.*?)</tr>`)

func rowsByID(page string) map[string]string {
	m := map[string]string{}
	for _, match := range trRe.FindAllStringSubmatch(page, -1) {
		m[match[1]] = html.UnescapeString(match[2])
	}
	return m
}

// TestLRARowsExact: every LRA row is on the budget page with its figures
// exactly as published.
func TestLRARowsExact(t *testing.T) {
	out := builtSite(t)
	rows := rowsByID(readPage(t, out, base+"anggaran/index.html"))
	r := seedReport(t)
	if len(r.Budget.LRA.Rows) != 60 {
		t.Fatalf("seed LRA has %d rows", len(r.Budget.LRA.Rows))
	}
	for i, row := range r.Budget.LRA.Rows {
		id := fmt.Sprintf("lra-%d", i+1)
		got, ok := rows[id]
		if !ok {
			t.Errorf("row %s missing", id)
			continue
		}
		for _, want := range []string{row.Text, row.Budget.Published, row.Spent.Published, row.Percent.Published} {
			if !strings.Contains(got, want) {
				t.Errorf("row %s lacks %q", id, want)
			}
		}
	}
	// the recomputed % stands beside the published one where they differ
	if got := rows["lra-58"]; !strings.Contains(got, "93,46") || !strings.Contains(got, "93,45\u00a0%") || !strings.Contains(got, `class="flag"`) {
		t.Errorf("row lra-58 should show 93,46 as printed and 93,45 %% recomputed, flagged: %s", got)
	}
}

var hrefRe = regexp.MustCompile(`(?:href|src|action|srcset|data-options|data-echarts)="([^"]*)"`)

func links(page string) []string {
	var out []string
	for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func TestProgramPagesLinkBothWays(t *testing.T) {
	out := builtSite(t)
	r := seedReport(t)
	for _, p := range r.ProgramItems() {
		pURL := "/" + base + "program/" + p.ID + "/"
		pPage := strings.Join(links(readPage(t, out, base+"program/"+p.ID+"/index.html")), "\n")
		for _, k := range p.Children {
			kURL := pURL + k.ID + "/"
			if !strings.Contains(pPage, kURL) {
				t.Errorf("programme %s does not link to kegiatan %s", p.ID, k.ID)
			}
			kPage := strings.Join(links(readPage(t, out, base+"program/"+p.ID+"/"+k.ID+"/index.html")), "\n")
			if !strings.Contains(kPage, pURL+"\n") && !strings.HasSuffix(kPage, pURL) {
				t.Errorf("kegiatan %s does not link back to programme %s", k.ID, p.ID)
			}
			for _, s := range k.Children {
				if !strings.Contains(kPage, kURL+s.ID+"/") {
					t.Errorf("kegiatan %s does not link to sub-kegiatan %s", k.ID, s.ID)
				}
			}
		}
	}
}

var svgRe = regexp.MustCompile(`(?s)<figure class="chart" id="grafik-utama".*?(<svg.*?</svg>)`)

func TestPMKSChartCarriesTheSeries(t *testing.T) {
	out := builtSite(t)
	m := svgRe.FindStringSubmatch(readPage(t, out, base+"index.html"))
	if m == nil {
		t.Fatal("no inline PMKS chart on the report home")
	}
	svg := m[1]
	for _, v := range []string{"1,93\u00a0%", "1,89\u00a0%", "1,83\u00a0%", "2,23\u00a0%", "2,38\u00a0%", "1,81\u00a0%"} {
		if !strings.Contains(svg, v) {
			t.Errorf("PMKS chart SVG lacks %q", v)
		}
	}
	for _, y := range []string{"2017", "2018", "2019", "2020", "2021"} {
		if !strings.Contains(svg, ">"+y+"<") {
			t.Errorf("PMKS chart SVG lacks the year %s", y)
		}
	}
	if !strings.Contains(svg, `role="img"`) || !strings.Contains(svg, `<title id="svg-utama-title">Persentase Penurunan PMKS`) || !strings.Contains(svg, `<desc id="svg-utama-desc">Makin rendah makin baik.`) {
		t.Error("chart SVG has no role and title for screen readers")
	}
}

var cssURLRe = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

func TestNoOtherHost(t *testing.T) {
	out := builtSite(t)
	n := 0
	lic := licenseURL(t)
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		var refs []string
		switch filepath.Ext(p) {
		case ".html":
			refs = links(string(b))
			n++
		case ".css":
			for _, m := range cssURLRe.FindAllStringSubmatch(string(b), -1) {
				refs = append(refs, m[1])
			}
		}
		for _, ref := range refs {
			if strings.HasPrefix(ref, configBaseURL(t)) {
				continue // the site's own address (canonical link)
			}
			if ref == lic && strings.Contains(string(b), `rel="license"`) {
				continue // the data licence: a link to its text, not a resource
			}
			if strings.HasPrefix(ref, "http:") || strings.HasPrefix(ref, "https:") || strings.HasPrefix(ref, "//") {
				t.Errorf("%s references another host: %s", p, ref)
			}
		}
		return nil
	})
	if err != nil || n < 70 {
		t.Fatalf("walked %d pages: %v", n, err)
	}
}

// TestBuildsAreByteIdentical builds the site from scratch in two folders,
// then rebuilds the first one warm (charts from the cache, Hugo and
// Pagefind run again: -nocache), and compares every file.
func TestBuildsAreByteIdentical(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	rootA := coldProject(t)
	buildIn(t, rootA)
	log, err := runBuild(rootA, "-out", filepath.Join(rootA, "public"), "-nocache")
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if strings.Contains(log, "tidak dijalankan") {
		t.Fatalf("-nocache reused the previous build's output:\n%s", log)
	}
	a := filepath.Join(rootA, "public")
	b := builtSite(t) // built once, cold, in another folder
	sa, sb := treeHashes(t, a), treeHashes(t, b)
	if len(sa) < 75 {
		t.Fatalf("only %d files built", len(sa))
	}
	for p, h := range sa {
		if sb[p] != h {
			t.Errorf("%s differs between two builds", p)
		}
	}
	for p := range sb {
		if _, ok := sa[p]; !ok {
			t.Errorf("%s only in the second build", p)
		}
	}
}

func treeHashes(t *testing.T, dir string) map[string][32]byte {
	m := map[string][32]byte{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = sha256.Sum256(b)
		return nil
	})
	return m
}

// TestFailedBuildKeepsPreviousSite: bad data fails the build and leaves the
// published site exactly as it was.
func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	out := buildIn(t, root)
	before := treeHashes(t, out)
	edit(t, filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021", "anggaran.toml"), `anggaran = "Rp. 7.904.037.926,-"`, `anggaran = 7904037926`)
	var log bytes.Buffer
	err := Run(context.Background(), []string{"build", "-root", root, "-out", out}, &log, &log)
	if err == nil || !strings.Contains(log.String(), "anggaran.lra.baris[0].anggaran") {
		t.Fatalf("want a data error naming the key, got %v\n%s", err, log.String())
	}
	sameTree(t, before, treeHashes(t, out))

	// a template error fails in Hugo, after the data step: same guarantee
	edit(t, filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021", "anggaran.toml"), `anggaran = 7904037926`, `anggaran = "Rp. 7.904.037.926,-"`)
	edit(t, filepath.Join(root, "layouts", "anggaran.html"), `{{ define "main" }}`, `{{ define "main" }}{{ .NoSuchMethod }}`)
	log.Reset()
	err = Run(context.Background(), []string{"build", "-root", root, "-out", out}, &log, &log)
	if err == nil || !strings.Contains(err.Error(), "Hugo") {
		t.Fatalf("want a Hugo error, got %v\n%s", err, log.String())
	}
	sameTree(t, before, treeHashes(t, out))
	if left, _ := filepath.Glob(out + ".baru*"); len(left) > 0 {
		t.Errorf("the unfinished build was left beside the site: %v", left)
	}
}

func sameTree(t *testing.T, before, after map[string][32]byte) {
	t.Helper()
	if len(after) != len(before) {
		t.Fatalf("published site changed: %d files, was %d", len(after), len(before))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed after a failed build", p)
		}
	}
}

var baseURLRe = regexp.MustCompile(`(?m)^baseURL = "([^"]+)"`)

// configBaseURL is the address config.toml publishes the site at.
func configBaseURL(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join(repoRoot, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := baseURLRe.FindSubmatch(b)
	if m == nil {
		t.Fatal("no baseURL in config.toml")
	}
	return string(m[1])
}
