// Package hugosite writes what Hugo needs to build the site (generated
// content pages, the report data, rendered charts) into a staging folder,
// and runs Hugo in-process. Generated files never mix with the hand-written
// content/ and layouts/: config.toml mounts the staging folder beside them.
package hugosite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// StageDir is the staging folder below the project root (git-ignored).
const StageDir = ".build"

// GenDir is the stage's folder of generated files, below StageDir (or
// below a part's folder, PartDir): config.toml mounts .build/gen.
const GenDir = "gen"

// GenPath is the stage of a build in one go (and of serve) below root.
func GenPath(root string) string { return filepath.Join(root, StageDir, GenDir) }

// Page is one generated content page: front matter only, no body, so that
// no text from the data can ever be read as Markdown, HTML or a shortcode.
type Page struct {
	Path   string         // below content/, e.g. "dinas-kesehatan-kota-contoh/2023/_index.md"
	Title  string         `json:"title"`
	Layout string         `json:"layout"`
	Weight int            `json:"weight,omitempty"`
	Params map[string]any `json:"params"`
	// LinkOnly: Hugo gives the page its permalink (it is listed in the
	// sitemap, the feed and the report lists) but does not render it: the
	// page belongs to another shard of a sharded build (build -instansi).
	LinkOnly bool `json:"-"`
}

// Stage is a folder being filled with generated files.
type Stage struct {
	Dir   string
	files map[string][]byte
}

// NewStage starts an empty stage in dir.
func NewStage(dir string) *Stage { return &Stage{Dir: dir, files: map[string][]byte{}} }

// Add records a file to write, by slash path below the stage.
func (s *Stage) Add(path string, data []byte) { s.files[path] = data }

// AddAll records every file of another stage.
func (s *Stage) AddAll(o *Stage) {
	for p, b := range o.files {
		s.files[p] = b
	}
}

// Paths lists the recorded files' slash paths, sorted.
func (s *Stage) Paths() []string { return slices.Sorted(maps.Keys(s.files)) }

// Bytes returns a recorded file, nil if none.
func (s *Stage) Bytes(path string) []byte { return s.files[path] }

// AddJSON records a JSON file with sorted keys and no HTML escaping.
// Published files (below static/) are indented for readers; files only Hugo
// reads (data/) are compact, a quarter smaller to load for a whole region.
func (s *Stage) AddJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if !strings.HasPrefix(path, "data/") {
		enc.SetIndent("", " ")
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s.Add(path, buf.Bytes())
	return nil
}

// AddPage records a content page with JSON front matter.
func (s *Stage) AddPage(p Page) error {
	fm := map[string]any{"title": p.Title, "layout": p.Layout, "params": p.Params}
	if p.Weight != 0 {
		fm["weight"] = p.Weight
	}
	if p.LinkOnly {
		fm["build"] = map[string]any{"render": "link", "publishResources": false}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(fm); err != nil {
		return err
	}
	s.Add("content/"+p.Path, buf.Bytes())
	return nil
}

// stageRoots are the folders of the stage that config.toml mounts. They
// always exist, so that a watching Hugo keeps watching them.
var stageRoots = []string{"content", "data", "assets", "static"}

// Sync makes the stage folder hold exactly the recorded files, touching
// only the files that differ and never removing the mounted folders: a
// warm build writes little, and a watching Hugo server sees just the
// changes (and rebuilds only what they touch). Data, charts and static
// files are written before the pages that read them. It returns the slash paths written or removed.
func (s *Stage) Sync() ([]string, error) {
	for _, root := range stageRoots {
		if err := os.MkdirAll(filepath.Join(s.Dir, root), 0o755); err != nil {
			return nil, err
		}
	}
	paths := s.Paths()
	sort.SliceStable(paths, func(i, j int) bool {
		ci, cj := strings.HasPrefix(paths[i], "content/"), strings.HasPrefix(paths[j], "content/")
		if ci != cj {
			return cj
		}
		return paths[i] < paths[j]
	})
	var changed []string
	for _, p := range paths {
		full := filepath.Join(s.Dir, filepath.FromSlash(p))
		if old, err := os.ReadFile(full); err == nil && bytes.Equal(old, s.files[p]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return changed, err
		}
		// write outside the mounts, then rename: Hugo never reads a
		// half-written file, nor sees the temporary one
		if err := writeRenamed(filepath.Dir(s.Dir), full, s.files[p]); err != nil {
			return changed, err
		}
		changed = append(changed, p)
	}
	var stale, dirs []string
	err := filepath.WalkDir(s.Dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.Dir, full)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." {
				dirs = append(dirs, full)
			}
			return nil
		}
		if _, ok := s.files[rel]; !ok {
			stale = append(stale, rel)
		}
		return nil
	})
	if err != nil {
		return changed, err
	}
	for _, rel := range stale {
		if err := os.Remove(filepath.Join(s.Dir, filepath.FromSlash(rel))); err != nil {
			return changed, err
		}
		changed = append(changed, rel)
	}
	// empty folders left by removed files, deepest first; the mounted
	// folders stay
	keep := map[string]bool{}
	for _, root := range stageRoots {
		keep[filepath.Join(s.Dir, root)] = true
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		if !keep[dirs[i]] {
			_ = os.Remove(dirs[i]) // fails, harmlessly, when not empty
		}
	}
	return changed, nil
}

// writeRenamed writes data to a temporary file in tmpDir and renames it to
// path.
func writeRenamed(tmpDir, path string, data []byte) error {
	f, err := os.CreateTemp(tmpDir, "sync-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), 0o644)); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	return nil
}

// ReportPages lists the generated pages of one report.
func ReportPages(v *view.Report) []Page {
	base := v.AgencySlug + "/" + fmt.Sprint(v.Year) + "/"
	params := func(extra ...string) map[string]any {
		m := map[string]any{"report": v.Key, "agency": v.AgencySlug, "year": v.Year}
		for i := 0; i+1 < len(extra); i += 2 {
			m[extra[i]] = extra[i+1]
		}
		return m
	}
	// one page per entry of the report's page list (report.Pages, the registry)
	var pages []Page
	for i, p := range v.Pages {
		path := base + p.Slug + ".md"
		switch p.Slug {
		case "":
			path = base + "_index.md"
		case report.PagePrograms:
			path = base + p.Slug + "/_index.md"
		}
		layout := report.PageLayout(p.Slug)
		pages = append(pages, Page{Path: langPath(path, v.Lang), Title: p.Title, Layout: layout, Weight: i, Params: params()})
	}
	ids := make([]string, 0, len(v.Items))
	for id := range v.Items {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		it := v.Items[id]
		rel := strings.TrimPrefix(it.URL, v.URL) // the item's path below the report
		rel = strings.TrimSuffix(rel, "/")
		path := base + rel + "/_index.md"
		if len(it.Children) == 0 {
			path = base + rel + "/index.md"
		}
		pages = append(pages, Page{Path: langPath(path, v.Lang), Title: it.Name, Layout: "item", Params: params("ref", id)})
	}
	return pages
}

// AgencyPage is the page listing an agency's reports, in language lang.
func AgencyPage(slug, name, lang string) Page {
	return Page{Path: langPath(slug+"/_index.md", lang), Title: name, Layout: "instansi", Params: map[string]any{"agency": slug}}
}

// langPath is the content file of a page in language lang: Hugo pairs
// "x/_index.md" (the default language) with its translation
// "x/_index.en.md".
func langPath(p, lang string) string {
	if lang == "" || lang == locale.Default {
		return p
	}
	return strings.TrimSuffix(p, ".md") + "." + lang + ".md"
}

// ReportDataPath is where the view of a report is staged for Hugo:
// data/laporan/<agency>/<year>.json for the default language,
// data/laporan_<lang>/… for the others (site.Data of the page's language
// in layouts/_partials/report.html).
func ReportDataPath(v *view.Report) string {
	dir := "laporan"
	if v.Lang != "" && v.Lang != locale.Default {
		dir += "_" + v.Lang
	}
	return fmt.Sprintf("data/%s/%s/%d.json", dir, v.AgencySlug, v.Year)
}

// Summary is what the pages shared by every report (the home page, the
// feed) read of a report: in a sharded build (build -instansi), the
// reports of other shards are staged as their summary only, so that a
// shard loads and holds a few hundred bytes per report it does not render
// and still builds the same home page and feed as the single build.
type Summary struct {
	Key        string         `json:"key"`
	AgencySlug string         `json:"agency_slug"`
	Agency     string         `json:"agency"`
	Government string         `json:"government"`
	Province   string         `json:"province"`
	Year       int            `json:"year"`
	Title      string         `json:"title"`
	URL        string         `json:"url"`
	Headline   *view.Headline `json:"headline"`
	Totals     *view.Totals   `json:"totals"`
	Findings   struct {
		Total   int `json:"total"`
		Serious int `json:"serious"`
	} `json:"findings"`
}

// ReportSummary is the summary of one report view.
func ReportSummary(v *view.Report) Summary {
	s := Summary{Key: v.Key, AgencySlug: v.AgencySlug, Agency: v.Agency, Government: v.Government, Province: v.Province,
		Year: v.Year, Title: v.Title, URL: v.URL, Headline: v.Headline, Totals: v.Totals}
	s.Findings.Total, s.Findings.Serious = v.Findings.Total, v.Findings.Serious
	return s
}
