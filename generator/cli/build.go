package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/sakip-terbuka/lakip/generator/echarts"
	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/opendata"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/view"
	"github.com/sakip-terbuka/lakip/generator/workbook"
)

type buildOptions struct {
	Root    string
	Out     string
	BaseURL string
	Log     io.Writer
	// Force publishes even when the new site has no report, or a report
	// lost most of its pages compared with the published site.
	Force bool
	// Agencies, when not empty, makes the build one shard of a sharded
	// site (build -instansi a,b): only these agencies' pages, charts and
	// files are rendered, beside the pages every shard builds alike (home,
	// feed, sitemap, glossary, search page, assets); the other reports are
	// staged as summaries and their pages as links only. Its search index
	// covers its agencies' pages (and, like every shard's, the shared
	// pages): `merge` joins the shards and lists their indexes for the
	// search page (shardIndex).
	Agencies []string
	// PartSize, when above zero, builds a site of more reports than that
	// in parts of at most PartSize reports, one after another, each by its
	// own Hugo run (build -bagian N): memory stays that of one part, the
	// site is the same as built in one go.
	PartSize int
	// NoCache runs Hugo and Pagefind even where the previous build's
	// output has the same inputs (build -nocache); the new output is kept
	// for the next build all the same.
	NoCache bool
	// part is set on the options of one part of a build in parts: the
	// shared part renders no report (every report's pages are links for
	// the home page, feed and sitemap), a report part stages nothing of
	// the agencies outside it.
	part partKind
}

// renders tells whether the build renders this agency's pages.
func (o buildOptions) renders(slug string) bool {
	if o.part == sharedPart {
		return false
	}
	if len(o.Agencies) == 0 {
		return true
	}
	for _, a := range o.Agencies {
		if a == slug {
			return true
		}
	}
	return false
}

// buildStats are the durations of the build's steps, for the benchmark.
type buildStats struct {
	Load   time.Duration // load, validate, audit, view
	Charts time.Duration // go-echarts options + one Node process rendering SVG
	Hugo   time.Duration // write the stage and run Hugo
	Search time.Duration // Pagefind indexing the built site
	Pages  int
	// Reused counts the Hugo runs (the whole site, or parts) whose output
	// the build took from the previous build: same inputs (unit)
	Reused int
}

// build turns data/ into the site in o.Out. The previous output stays as it
// was unless the whole build succeeds.
func build(ctx context.Context, o buildOptions) (buildStats, error) {
	var st buildStats
	if err := ensureNodeModules(ctx, o.Root, o.Log, false); err != nil {
		return st, err
	}
	if err := checkOutput(o.Root, o.Out); err != nil {
		return st, err
	}
	unlock, err := lockBuild(ctx, o.Root, o.Log)
	if err != nil {
		return st, err
	}
	defer unlock()
	if err := hugosite.PrepareOutput(o.Out); err != nil {
		return st, err
	}
	hugosite.RemoveStale(o.Out)
	ls, err := loadSite(o, &st)
	var problems tomldata.Problems
	if errors.As(err, &problems) {
		fmt.Fprintf(o.Log, "GALAT DATA (%d) — situs tidak dibangun, hasil sebelumnya tetap:\n\n%s\n\n", len(problems), problems.Error())
		return st, errDataInvalid
	} else if err != nil {
		return st, err
	}
	parts := splitParts(ls.reports, o)
	if len(parts) == 0 {
		// one part: the previous build's parts, if any, are not needed
		_ = os.RemoveAll(filepath.Join(o.Root, hugosite.StageDir, hugosite.PartsDir))
	} else {
		ls.dropViews() // each part views its own reports
	}
	tmp, err := hugosite.NewOutput(o.Out)
	if err != nil {
		return st, err
	}
	site, err := buildInto(ctx, o, ls, parts, tmp, &st)
	if err != nil {
		_ = os.RemoveAll(tmp)
		return st, err
	}
	if !o.Force {
		if err := compareWithPublished(o.Out, tmp); err != nil {
			_ = os.RemoveAll(tmp)
			return st, err
		}
	}
	if err := hugosite.Publish(tmp, o.Out); err != nil {
		return st, err
	}
	fmt.Fprintf(o.Log, "Situs dibangun di %s: %d laporan, %d halaman hasil generator, %d grafik (data %v, grafik %v, Hugo %v, Pagefind %v).\n",
		o.Out, site.reports, st.Pages, site.charts, st.Load.Round(time.Millisecond), st.Charts.Round(time.Millisecond), st.Hugo.Round(time.Millisecond), st.Search.Round(time.Millisecond))
	if st.Reused > 0 && len(parts) == 0 {
		fmt.Fprintln(o.Log, "Hugo dan Pagefind tidak dijalankan: masukannya sama dengan build sebelumnya, hasilnya dipakai lagi (-nocache: bangun ulang semuanya).")
	}
	return st, nil
}

// buildInto stages the site and runs Hugo into tmp: in one go, or, when
// parts are given (build -bagian N), part after part (buildParts).
func buildInto(ctx context.Context, o buildOptions, ls *loadedSite, parts [][]string, tmp string, st *buildStats) (stagedSite, error) {
	if len(parts) > 0 {
		_ = os.RemoveAll(wholeDir(o.Root))
		return buildParts(ctx, o, ls, parts, tmp, st)
	}
	stage, site, err := stageLoaded(ctx, o, ls, hugosite.GenPath(o.Root), st)
	if err != nil {
		return site, err
	}
	pagefind := []string{"pagefind/"}
	if len(o.Agencies) > 0 {
		// a shard: its agencies' pages get an index of their own, which
		// merge lists for the search page (shardIndex)
		if err := stage.AddJSON(searchBundlesData, map[string]any{"list": shardList}); err != nil {
			return site, err
		}
		pagefind = append([]string{"shard"}, o.Agencies...)
	}
	key, err := syncUnit(o, stage, "", pagefind, st)
	if err != nil {
		return site, err
	}
	stage = nil
	u := unit{dir: wholeDir(o.Root), key: key, hugo: func(out string) error {
		if len(ls.reports) <= hugoInProcessMax {
			return hugosite.Build(o.Root, out, o.BaseURL)
		}
		// a large site: Hugo in a process of its own, as in a build in
		// parts, so that what it holds is given back before Pagefind runs
		return hugoProcess(ctx, o, out, "")
	}}
	u.index = func(out string) error { return searchIndex(ctx, o.Root, out) }
	if len(o.Agencies) > 0 {
		u.index = func(out string) error { return shardIndex(ctx, o.Root, ls, o.Agencies, out) }
	}
	_, err = u.build(o, tmp, st)
	return site, err
}

// hugoInProcessMax is the largest site (in reports) whose build runs Hugo
// in the generator's own process: starting a process costs about 0,25 s,
// more than a small site's memory is worth; a larger site's Hugo runs in a
// process of its own (hugoProcess).
const hugoInProcessMax = 20

// HugoChildEnv is set in the environment of the process that runs Hugo
// for a build: the generator itself, run again with the hidden command
// hugo (a test binary reads it in TestMain).
const HugoChildEnv = "LAKIP_HUGO_ANAK"

// hugoProcess runs Hugo into out in a process of its own (the generator
// again, hidden command hugo), with the extra configuration file cfg when
// not empty (a part's mounts, PartConfig). Hugo holds on to what one run
// loaded for as long as its process lives: in a process of its own, that
// memory is given back when it ends, before Pagefind runs or the next part
// builds (at 200 reports in one go, the generator kept 3,9 GB while
// Pagefind took as much again). The staged files are no longer needed
// here: returned to the system while Hugo builds.
func hugoProcess(ctx context.Context, o buildOptions, out, cfg string) error {
	debug.FreeOSMemory()
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	args := []string{"hugo", "-root", o.Root, "-out", out, "-baseurl", o.BaseURL}
	if cfg != "" {
		args = append(args, cfg)
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = append(os.Environ(), HugoChildEnv+"=1")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(log.String()); msg != "" {
			return errors.New(msg)
		}
		return fmt.Errorf("Hugo gagal membangun situs ke %s: %w", out, err)
	}
	if os.Getenv(hugosite.MetricsEnv) != "" {
		fmt.Fprint(os.Stderr, log.String())
	}
	return nil
}

// syncStage writes the files of the stage that changed since the last
// build (on a warm rebuild of 20 reports 0,45 s instead of 2,7 s to remove
// and write the whole stage again); a stage Sync cannot mend (a folder
// where a file now goes) is written again from nothing.
func syncStage(stage *hugosite.Stage) error {
	if _, err := stage.Sync(); err != nil {
		if err := os.RemoveAll(stage.Dir); err != nil {
			return err
		}
		if _, err := stage.Sync(); err != nil {
			return err
		}
	}
	return nil
}

// stagedSite counts what stageSite staged, for the build's summary line.
type stagedSite struct {
	reports, charts int
}

// loadedSite is data/ loaded, audited and viewed in every language, once
// per build: a build split into parts stages every part from it.
type loadedSite struct {
	reports  []*report.Report
	findings [][]report.Finding // each report's, in the order of reports
	locs     []*locale.Locale
	lic      opendata.License
	agencies map[string]string // slug → name
	// briefs: every report in every language (report by report, languages
	// in the order of locs), what a build that does not render the report
	// stages of it
	briefs []reportBrief
	// views: the full view of each brief, kept for a build in one go; a
	// build in parts drops them (dropViews) and views each part's reports
	// again when it stages them, so as not to hold every report's view
	views []*view.Report
}

// reportBrief is what the pages of other reports need of a report in one
// language: its pages (as links) and its summary.
type reportBrief struct {
	agency   string
	pages    []hugosite.Page
	dataPath string
	summary  hugosite.Summary
}

// view is the full view of brief i.
func (ls *loadedSite) view(i int) *view.Report {
	if ls.views != nil {
		return ls.views[i]
	}
	n := len(ls.locs)
	return view.Build(ls.reports[i/n], ls.findings[i/n], ls.locs[i%n])
}

// dropViews frees the full views: a build in parts views each part's
// reports when it stages them.
func (ls *loadedSite) dropViews() { ls.views = nil }

// stageSite loads data/ and records in a stage (not yet written) everything
// Hugo needs besides the hand-written files: generated pages, report data,
// open data, rendered charts. Bad data comes back as tomldata.Problems.
// build writes the stage and runs Hugo; serve syncs it under Hugo's server.
func stageSite(ctx context.Context, o buildOptions, st *buildStats) (*hugosite.Stage, stagedSite, error) {
	ls, err := loadSite(o, st)
	if err != nil {
		return nil, stagedSite{}, err
	}
	return stageLoaded(ctx, o, ls, hugosite.GenPath(o.Root), st)
}

// loadSite loads, audits and views every report of data/ in every
// language the site is published in.
func loadSite(o buildOptions, st *buildStats) (*loadedSite, error) {
	t0 := time.Now()
	defer func() { st.Load += time.Since(t0) }()
	reports, err := loadData(o.Root)
	if err != nil {
		return nil, err
	}
	for _, a := range o.Agencies {
		if !slices.ContainsFunc(reports, func(r *report.Report) bool { return r.Agency.Slug == a }) {
			return nil, fmt.Errorf("%w: -instansi %s: tidak ada laporan instansi itu di %s", errUsage, a, dataDir(o.Root))
		}
	}
	if len(reports) == 0 && !o.Force {
		return nil, fmt.Errorf("tidak ada laporan di %s: situs tidak diganti dengan situs kosong (pakai -force bila memang disengaja)", dataDir(o.Root))
	}
	ls := &loadedSite{reports: reports, agencies: map[string]string{}}
	if ls.lic, err = siteLicense(o.Root); err != nil {
		return nil, err
	}
	if ls.locs, err = loadLocales(o.Root); err != nil {
		return nil, err
	}
	ls.views = make([]*view.Report, 0, len(reports)*len(ls.locs))
	for _, r := range reports {
		findings := r.Audit()
		ls.findings = append(ls.findings, findings)
		ls.agencies[r.Agency.Slug] = r.Agency.Name
		// one view per language: the interface text and the figures the
		// site computes are written in it; the data stays as published
		for _, loc := range ls.locs {
			v := view.Build(r, findings, loc)
			ls.views = append(ls.views, v)
			ls.briefs = append(ls.briefs, reportBrief{agency: v.AgencySlug, pages: hugosite.ReportPages(v), dataPath: hugosite.ReportDataPath(v), summary: hugosite.ReportSummary(v)})
		}
	}
	for _, loc := range ls.locs {
		if err := loc.Err(); err != nil {
			return nil, err
		}
	}
	return ls, nil
}

// stageLoaded records in a stage in dir what Hugo needs to build the
// reports o renders (every report, or the agencies of one shard or part);
// the other reports are staged as summaries and their pages as links only.
func stageLoaded(ctx context.Context, o buildOptions, ls *loadedSite, dir string, st *buildStats) (*hugosite.Stage, stagedSite, error) {
	var site stagedSite
	stage := hugosite.NewStage(dir)
	locByLang := map[string]*locale.Locale{}
	for _, loc := range ls.locs {
		locByLang[loc.Lang] = loc
	}
	// the reports this build renders, in full, in every language
	var views []*view.Report
	reportOf := map[*view.Report]*report.Report{}
	for i, b := range ls.briefs {
		if o.renders(b.agency) {
			v := ls.view(i)
			views = append(views, v)
			reportOf[v] = ls.reports[i/len(ls.locs)]
		}
	}
	var specs []echarts.Spec
	for _, v := range views {
		specs = append(specs, echarts.Build(v, locByLang[v.Lang])...)
		if v.Lang == locale.Default {
			if err := stageSource(stage, o.Root, reportOf[v], v); err != nil {
				return nil, site, err
			}
		}
	}
	for _, loc := range ls.locs {
		if err := loc.Err(); err != nil {
			return nil, site, err
		}
	}

	t1 := time.Now()
	svgs, err := echarts.Render(ctx, o.Root, filepath.Join(o.Root, hugosite.StageDir, "cache", "charts"), specs)
	if err != nil {
		return nil, site, err
	}
	chartByKey := map[string]*view.Chart{}
	for _, v := range views {
		for _, c := range v.Charts {
			chartByKey[c.Key] = c
		}
	}
	for _, s := range specs {
		name := path.Base(s.Key)
		c := chartByKey[s.Key]
		stage.Add("assets/charts/"+s.Key+".svg", []byte(echarts.Accessible(svgs[s.Key], "svg-"+name, c.Title, c.Alt)))
		if err := stage.AddJSON("static/"+path.Dir(s.Key)+"/grafik/"+name+".json", echarts.InteractiveOption(s)); err != nil {
			return nil, site, err
		}
	}
	st.Charts += time.Since(t1)

	t2 := time.Now() // writing pages counts towards Hugo (build adds Hugo's run)
	defer func() { st.Hugo += time.Since(t2) }()
	for _, b := range ls.briefs {
		if o.renders(b.agency) || o.part == reportsPart {
			continue // rendered below; or a report part: the shared part links the others
		}
		for _, p := range b.pages {
			p.LinkOnly = true
			if err := stage.AddPage(p); err != nil {
				return nil, site, err
			}
		}
		if err := stage.AddJSON(b.dataPath, b.summary); err != nil {
			return nil, site, err
		}
	}
	var jobs []openDataJob
	for _, v := range views {
		for _, p := range hugosite.ReportPages(v) {
			if err := stage.AddPage(p); err != nil {
				return nil, site, err
			}
			st.Pages++
		}
		if err := stage.AddJSON(hugosite.ReportDataPath(v), v); err != nil {
			return nil, site, err
		}
		if v.Lang == locale.Default {
			jobs = append(jobs, openDataJob{reportOf[v], reportViews(views, v.Key), v})
		}
	}
	if err := stageAllOpenData(o, stage, jobs, ls.locs, ls.lic); err != nil {
		return nil, site, err
	}
	for slug, name := range ls.agencies {
		if !o.renders(slug) && o.part == reportsPart {
			continue
		}
		for _, loc := range ls.locs {
			p := hugosite.AgencyPage(slug, name, loc.Lang)
			p.LinkOnly = !o.renders(slug)
			if err := stage.AddPage(p); err != nil {
				return nil, site, err
			}
		}
	}
	lib, err := os.ReadFile(filepath.Join(o.Root, "node_modules", "echarts", "dist", "echarts.min.js"))
	if err != nil {
		return nil, site, fmt.Errorf("pustaka ECharts tidak ditemukan (jalankan npm ci): %w", err)
	}
	stage.Add("static/js/echarts.min.js", lib)
	site.reports, site.charts = len(ls.reports), len(specs)
	return stage, site, nil
}

// loadLocales reads the interface strings of every language the site is
// published in (i18n/<lang>.toml), the default language first. A language
// listed in config.toml's disableLanguages (Hugo's own setting, e.g. for a
// large region built in Indonesian only) gets no pages, data or charts.
func loadLocales(root string) ([]*locale.Locale, error) {
	var cfg struct {
		DisableLanguages []string `toml:"disableLanguages"`
	}
	if _, err := toml.DecodeFile(filepath.Join(root, "config.toml"), &cfg); err != nil {
		return nil, fmt.Errorf("config.toml: %w", err)
	}
	var locs []*locale.Locale
	for _, lang := range locale.Languages {
		if lang != locale.Default && slices.Contains(cfg.DisableLanguages, lang) {
			continue
		}
		loc, err := locale.Load(os.DirFS(root), lang)
		if err != nil {
			return nil, err
		}
		locs = append(locs, loc)
	}
	return locs, nil
}

// stageSource copies the report's source text, so that readers can check
// every figure against the original.
func stageSource(stage *hugosite.Stage, root string, r *report.Report, v *view.Report) error {
	if r.Meta.SourceFile == "" {
		return nil
	}
	file := filepath.Join(dataDir(root), r.Agency.Slug, fmt.Sprint(r.Year), filepath.FromSlash(r.Meta.SourceFile))
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("berkas sumber %s (laporan.berkas_sumber) tidak dapat dibaca: %w", file, err)
	}
	stage.Add("static/"+v.SourceFile, b)
	return nil
}

// ensureNodeModules installs the pinned npm packages when any package of
// package.json is missing, so that the README's commands work on a fresh
// clone. The build needs only the dependencies (ECharts, Pagefind); the
// tests also need the devDependencies (browser checks, validators).
func ensureNodeModules(ctx context.Context, root string, log io.Writer, withDev bool) error {
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		return fmt.Errorf("package.json tidak terbaca: %w", err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return fmt.Errorf("package.json: %w", err)
	}
	complete := true
	sets := []map[string]string{pkg.Dependencies}
	args := []string{"ci", "--no-audit", "--no-fund", "--omit=dev"}
	if withDev {
		sets = append(sets, pkg.DevDependencies)
		args = args[:3]
	}
	for _, deps := range sets {
		for name := range deps {
			if _, err := os.Stat(filepath.Join(root, "node_modules", name, "package.json")); err != nil {
				complete = false
			}
		}
	}
	if complete {
		return nil
	}
	fmt.Fprintln(log, "Memasang paket npm yang dipatok package-lock.json (npm ci)…")
	cmd := exec.CommandContext(ctx, "npm", args...)
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci gagal (perlu Node.js 20 dan npm): %w", err)
	}
	return nil
}

// reportViews are the views of one report (key "<agency>/<year>"), one per
// language.
func reportViews(views []*view.Report, key string) []*view.Report {
	var out []*view.Report
	for _, v := range views {
		if v.Key == key {
			out = append(out, v)
		}
	}
	return out
}

// openDataJob is one report whose open data stageAllOpenData writes: the
// report, its views in every language, the view in the default language.
type openDataJob struct {
	report *report.Report
	views  []*view.Report
	view   *view.Report
}

// stageAllOpenData writes the open data of every job's report, on every
// core: each report's tables, workbook and ZIP are built into a stage of
// their own (with the report's source document, which the ZIP holds), then
// recorded in stage. A report whose inputs have not changed since the last
// build gets the files kept then (keptOpenData). The first error, in the
// jobs' order, is returned.
func stageAllOpenData(o buildOptions, stage *hugosite.Stage, jobs []openDataJob, locs []*locale.Locale, lic opendata.License) error {
	subs := make([]*hugosite.Stage, len(jobs))
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		subs[i] = hugosite.NewStage("")
		if src := j.view.SourceFile; src != "" {
			subs[i].Add("static/"+src, stage.Bytes("static/"+src))
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = keptOpenData(o, subs[i], j.report, locs, func(s *hugosite.Stage) error {
				return stageOpenData(s, j.report, j.views, locs, lic)
			})
		}()
	}
	wg.Wait()
	for i := range jobs {
		if errs[i] != nil {
			return errs[i]
		}
		stage.AddAll(subs[i])
	}
	return nil
}

// stageOpenData writes the report's open data, once per report: one CSV and
// one JSON file per table, the data package describing them, the whole
// report as one JSON file, and the data dictionary the "Data terbuka" page
// shows (data/terbuka/<agency>/<year>.json). views are the report's views,
// one per language of locs; the files are those of the default language's
// view, their titles and descriptions in every language (the default's in
// "title"/"description", the others' in "translations").
func stageOpenData(stage *hugosite.Stage, r *report.Report, views []*view.Report, locs []*locale.Locale, lic opendata.License) error {
	var v *view.Report
	for _, w := range views {
		if w.Lang == locale.Default {
			v = w
		}
	}
	if v == nil {
		return fmt.Errorf("data terbuka %s %d: tidak ada tampilan dalam bahasa %s", r.Agency.Slug, r.Year, locale.Default)
	}
	dir := "static/" + v.URL + "data/"
	resources := opendata.Build(r, views, locs)
	for _, res := range resources {
		stage.Add(dir+res.Name+".csv", res.CSV())
		b, err := res.JSON()
		if err != nil {
			return err
		}
		stage.Add(dir+res.Name+".json", b)
	}
	// the whole report as a workbook, as staff edit it (export-xlsx)
	xlsx, err := workbook.Export(r)
	if err != nil {
		return err
	}
	stage.Add("static/"+v.Workbook, xlsx)
	pkg := opendata.DataPackage(r, resources, lic, locs)
	opendata.AddWorkbook(pkg, r, locs)
	// the build checks the languages before the open data is written: a
	// string missing here is checked here
	for _, loc := range locs {
		if err := loc.Err(); err != nil {
			return err
		}
	}
	if err := stage.AddJSON(dir+"datapackage.json", pkg); err != nil {
		return err
	}
	whole := map[string]any{"instansi": opendata.AgencyTree(r.Agency), "tahun": r.Year, "laporan_kinerja": opendata.Tree(r)}
	if err := stage.AddJSON(dir+"laporan.json", whole); err != nil {
		return err
	}
	// one ZIP of every file of the report: the tables, the package, the
	// whole report, and the source document when bundled
	files := map[string][]byte{}
	for _, res := range resources {
		files[res.Name+".csv"] = stage.Bytes(dir + res.Name + ".csv")
		files[res.Name+".json"] = stage.Bytes(dir + res.Name + ".json")
	}
	files["datapackage.json"] = stage.Bytes(dir + "datapackage.json")
	files["laporan.json"] = stage.Bytes(dir + "laporan.json")
	files[path.Base(v.Workbook)] = xlsx
	if v.SourceFile != "" {
		files["sumber/"+path.Base(v.SourceFile)] = stage.Bytes("static/" + v.SourceFile)
	}
	zipped, err := opendata.Zip(files)
	if err != nil {
		return err
	}
	stage.Add("static/"+v.ZipFile, zipped)
	// for the templates: the data dictionary of the Data terbuka page,
	// resolved in each language, and the names of the exported tables (a
	// link to a table's files checks its name there)
	dict := map[string][]opendata.DictEntry{}
	names := map[string]bool{}
	for _, loc := range locs {
		dict[loc.Lang] = opendata.Dictionary(resources, loc.Lang)
	}
	for _, res := range resources {
		names[res.Name] = true
	}
	return stage.AddJSON(fmt.Sprintf("data/terbuka/%s/%d.json", v.AgencySlug, v.Year), map[string]any{"dictionary": dict, "names": names})
}

// searchIndex runs Pagefind (npm, pinned) over the built site: the index and
// the search UI land in pagefind/ beside the pages.
func searchIndex(ctx context.Context, root, site string) error {
	return runPagefind(ctx, root, site)
}

// runPagefind runs Pagefind over site with the extra arguments given.
func runPagefind(ctx context.Context, root, site string, args ...string) error {
	cmd := exec.CommandContext(ctx, pagefindBinary(root), append([]string{"--site", site, "--silent"}, args...)...)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("Pagefind gagal mengindeks situs: %v\n%s", err, out.String())
	}
	return nil
}

// checkOutput refuses an output folder that holds the project or its
// inputs: the build replaces the folder it is given.
func checkOutput(root, out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	for _, p := range append([]string{""}, projectInputs...) {
		in := filepath.Join(root, p)
		if abs == in || strings.HasPrefix(in, abs+string(filepath.Separator)) || strings.HasPrefix(abs, in+string(filepath.Separator)) && p != "" {
			return fmt.Errorf("-out %s memuat atau berada di dalam proyek/masukan build (%s): pilih folder hasil tersendiri, mis. %s", out, in, filepath.Join(root, "public"))
		}
	}
	return nil
}

// projectInputs are what a build reads below the project root.
var projectInputs = []string{"data", "content", "layouts", "assets", "i18n", "static", "config.toml", "generator", "node_modules", ".git", hugosite.StageDir}

var reportDirRe = regexp.MustCompile(`^[a-z0-9-]+/[0-9]{4}$`)

// reportPages counts the pages of each report (agency/year) of a built site.
func reportPages(site string) map[string]int {
	counts := map[string]int{}
	_ = filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return nil
		}
		rel, _ := filepath.Rel(site, p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) >= 3 && reportDirRe.MatchString(parts[0]+"/"+parts[1]) {
			counts[parts[0]+"/"+parts[1]]++
		}
		return nil
	})
	return counts
}

// compareWithPublished refuses a new site in which a published report lost
// most of its pages (or disappeared): a data mistake should not unpublish it.
func compareWithPublished(published, built string) error {
	old := reportPages(published)
	now := reportPages(built)
	var lost []string
	for key, n := range old {
		if now[key]*2 < n {
			lost = append(lost, fmt.Sprintf("%s: %d halaman di situs terbit, kini %d", key, n, now[key]))
		}
	}
	if len(lost) == 0 {
		return nil
	}
	sort.Strings(lost)
	return fmt.Errorf("situs tidak diganti: laporan yang sudah terbit kehilangan sebagian besar halamannya:\n  %s\n(bila memang disengaja, bangun dengan -force)", strings.Join(lost, "\n  "))
}

// siteLicense reads the licence of the published data from config.toml
// ([params.lisensi]); the templates read the same keys.
func siteLicense(root string) (opendata.License, error) {
	var cfg struct {
		Params struct {
			License opendata.License `toml:"lisensi"`
		} `toml:"params"`
	}
	if _, err := toml.DecodeFile(filepath.Join(root, "config.toml"), &cfg); err != nil {
		return opendata.License{}, fmt.Errorf("config.toml: %w", err)
	}
	return cfg.Params.License, nil
}

// pagefindBinary is Pagefind's own program as npm installed it for this
// system (@pagefind/<system>-<processor>), run directly: npm's wrapper
// script (node_modules/.bin/pagefind) starts Node only to find and start
// the same program, 0,15 s of the seed's 0,45 s. The wrapper where npm
// installed no program for this system under the expected name.
func pagefindBinary(root string) string {
	platform, cpu := runtime.GOOS, runtime.GOARCH
	switch cpu {
	case "amd64":
		cpu = "x64"
	}
	exe := ""
	if platform == "windows" {
		exe = ".exe"
	}
	dir := filepath.Join(root, "node_modules", "@pagefind", platform+"-"+cpu, "bin")
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		if info, err := os.Stat(filepath.Join(dir, name+exe)); err == nil && info.Mode().IsRegular() {
			return filepath.Join(dir, name+exe)
		}
	}
	return filepath.Join(root, "node_modules", ".bin", "pagefind")
}
