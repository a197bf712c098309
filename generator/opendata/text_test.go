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

// TestDictionaryMarksReportsWords: in English, the dictionary's titles
// that name one of the report's tables (its heading, in Indonesian) carry
// it as the report's own words, and so do the charts' descriptions that
// name them; every text in parts joins to the text itself. Nothing is in
// parts in Indonesian.
func TestDictionaryMarksReportsWords(t *testing.T) {
	resources, _, _ := seedResources(t)
	byName := map[string]Resource{}
	for _, r := range resources {
		byName[r.Name] = r
	}
	titles, descriptions := 0, 0
	check := func(where string, d DictText) {
		if d.TitleParts != nil && joined(d.TitleParts) != d.Title {
			t.Errorf("%s: title parts %+v join to another text than %q", where, d.TitleParts, d.Title)
		}
		if d.DescriptionParts != nil && joined(d.DescriptionParts) != d.Description {
			t.Errorf("%s: description parts %+v join to another text than %q", where, d.DescriptionParts, d.Description)
		}
	}
	for _, e := range Dictionary(resources, "en") {
		check(e.Name, e.DictText)
		for _, f := range e.Fields {
			check(e.Name+"."+f.Name, f.DictText)
		}
		id := byName[e.Name].Title
		if e.Title == id || !strings.Contains(e.Title, id) {
			continue // translated without naming the Indonesian heading
		}
		own := false
		for _, p := range e.TitleParts {
			own = own || (p.Own && strings.Contains(p.Text, id))
		}
		if !own {
			t.Errorf("%s: English title %q names %q unmarked (parts %+v)", e.Name, e.Title, id, e.TitleParts)
		}
		titles++
	}
	chartTitles := 0 // a series chart's title names its indicator
	for _, e := range Dictionary(resources, "en") {
		for _, p := range e.DescriptionParts {
			if p.Own {
				descriptions++
				break
			}
		}
		for _, p := range e.TitleParts {
			if p.Own && strings.HasPrefix(e.Name, "grafik-") {
				chartTitles++
				break
			}
		}
	}
	if titles < 5 || descriptions < 3 || chartTitles < 1 {
		t.Errorf("%d English titles, %d descriptions and %d chart titles name the report's words; the seed has more", titles, descriptions, chartTitles)
	}
	for _, e := range Dictionary(resources, "id") {
		if e.TitleParts != nil || e.DescriptionParts != nil {
			t.Errorf("%s: parts in Indonesian", e.Name)
		}
	}
}

// TestCSVNoteParts: the note on quoted CSV cells follows a description
// without its spaces and full stops at the end, also when the
// description ends with the report's own words.
func TestCSVNoteParts(t *testing.T) {
	l := testLocales(t)[0]
	note := l.T("data_csv_note")
	for _, c := range []struct {
		desc text
		want string
	}{
		{func(*locale.Locale) []locale.Part { return written(" Uraian. ") }, "Uraian. " + note},
		{func(*locale.Locale) []locale.Part {
			return []locale.Part{{Text: "Tabel "}, {Text: "3.1 Capaian.", Own: true}, {Text: " "}}
		}, "Tabel 3.1 Capaian. " + note},
		{nil, note},
		{func(*locale.Locale) []locale.Part { return written(" . ") }, note},
	} {
		if got := withCSVNote(c.desc).in(l); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
