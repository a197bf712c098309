package opendata

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/echarts"
	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/view"
)

const root = "../.."

// testLocales are the site's languages, the default first.
func testLocales(t *testing.T) []*locale.Locale {
	t.Helper()
	var locs []*locale.Locale
	for _, lang := range locale.Languages {
		l, err := locale.Load(os.DirFS(root), lang)
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, l)
	}
	return locs
}

// seedResources builds the seed's open data as the build does: one view
// per language, its charts made, the resources and the data package.
func seedResources(t *testing.T) ([]Resource, map[string]any, []*locale.Locale) {
	t.Helper()
	reports, err := tomldata.Load(os.DirFS(filepath.Join(root, "data")), "data")
	if err != nil {
		t.Fatal(err)
	}
	r := reports[0]
	locs := testLocales(t)
	var views []*view.Report
	for _, l := range locs {
		v := view.Build(r, r.Audit(), l)
		echarts.Build(v, l)
		views = append(views, v)
	}
	resources := Build(r, views, locs)
	pkg := DataPackage(r, resources, License{}, locs)
	AddWorkbook(pkg, r, locs)
	for _, l := range locs {
		if err := l.Err(); err != nil {
			t.Error(err)
		}
	}
	return resources, pkg, locs
}

// TestSeedTexts: every resource and field of the seed has a title in each
// language and, when it has a description in the default language, a
// description in each other language too; the default language's text is
// the Indonesian of i18n/id.toml, the English text is not the Indonesian.
func TestSeedTexts(t *testing.T) {
	resources, _, locs := seedResources(t)
	if len(resources) < 25 {
		t.Fatalf("%d resources", len(resources))
	}
	broken := regexp.MustCompile(`\[data_[a-z0-9_]+\]`)
	check := func(where string, def string, tr map[string]Text, defDesc string) {
		if def == "" || broken.MatchString(def) {
			t.Errorf("%s: title %q", where, def)
		}
		for _, l := range locs[1:] {
			got, ok := tr[l.Lang]
			switch {
			case !ok || got.Title == "" || broken.MatchString(got.Title):
				t.Errorf("%s: %s title %q", where, l.Lang, got.Title)
			case defDesc != "" && (got.Description == "" || broken.MatchString(got.Description)):
				t.Errorf("%s: %s description %q", where, l.Lang, got.Description)
			case defDesc != "" && got.Description == defDesc:
				t.Errorf("%s: %s description is the Indonesian one: %q", where, l.Lang, got.Description)
			}
		}
	}
	for _, res := range resources {
		check(res.Name, res.Title, res.Translations, res.Description)
		if broken.MatchString(res.Description) {
			t.Errorf("%s: description %q", res.Name, res.Description)
		}
		for _, f := range res.Fields {
			check(res.Name+"."+f.Name, f.Title, f.Translations, f.Description)
		}
	}
}

// TestCellsInDefaultLanguage: the formula and the reason a row has no
// recomputed capaian are written out in Indonesian, never as i18n keys.
func TestCellsInDefaultLanguage(t *testing.T) {
	resources, _, _ := seedResources(t)
	key := regexp.MustCompile(`^[a-z]+(_[a-z0-9]+)+$`)
	n := 0
	for _, res := range resources {
		if !strings.HasPrefix(res.Name, "capaian-") {
			continue
		}
		for _, row := range res.Rows {
			for i, f := range res.Fields {
				if f.Name != "rumus" && f.Name != "keterangan_hitung" {
					continue
				}
				if key.MatchString(row[i]) {
					t.Errorf("%s %s: %q is an i18n key", res.Name, f.Name, row[i])
				}
				if f.Name == "rumus" && strings.Contains(row[i], "realisasi") {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Error("no formula in Indonesian found")
	}
}
