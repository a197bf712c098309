package echarts

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/view"
)

// chartTestReports are reports of the CLI tests: every chart kind, a band
// set of the site and one of the report's own.
var chartTestReports = []string{"../cli/testdata/reports/dua-tahun", "../cli/testdata/reports/hasil-saja"}

// chartTexts lists every text of a report's charts in one language: title,
// text alternative, table, and every string of the options (series and
// axis names, labels, notes). A line break of a wrapped label is a space
// again, so that a wrapped name reads as the name.
func chartTexts(v *view.Report, specs []Spec) []string {
	var out []string
	for _, c := range v.Charts {
		out = append(out, c.Title, c.Alt)
		out = append(out, c.Headers...)
		for _, r := range c.Rows {
			out = append(out, r...)
		}
	}
	var walk func(any)
	walk = func(n any) {
		switch x := n.(type) {
		case map[string]any:
			for _, v := range x {
				walk(v)
			}
		case []any:
			for _, v := range x {
				walk(v)
			}
		case []string:
			for _, v := range x {
				walk(v)
			}
		case string:
			if !strings.HasPrefix(x, "@fmt:") { // a number format's name
				out = append(out, strings.ReplaceAll(x, "\n", " "))
			}
		}
	}
	for _, s := range specs {
		for _, l := range s.Layouts {
			walk(l.Option)
		}
	}
	return out
}

// dataTexts are the report's own words a chart shows in every language:
// names of programmes and kegiatan, the indicator and its unit, table
// titles, and band names and band sets the two views share.
func dataTexts(id, en *view.Report) []string {
	var out []string
	for _, p := range id.Programs {
		out = append(out, p.Name, programName(p.Name))
		for _, k := range p.Children {
			out = append(out, k.Name)
		}
	}
	if id.Series != nil {
		out = append(out, id.Series.Indicator, id.Series.Unit)
	}
	out = append(out, id.Main.Table)
	for i, b := range id.Bands {
		if i < len(en.Bands) && en.Bands[i].Name == b.Name {
			out = append(out, b.Name)
		}
	}
	if id.Method.BandSet == en.Method.BandSet {
		out = append(out, id.Method.BandSet)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// indonesianFragments are the words of this package's Indonesian strings
// (the chart_ keys of i18n/id.toml) that the English string of the same
// key does not share: each piece between template actions, of at least
// four letters.
func indonesianFragments(t *testing.T) []string {
	t.Helper()
	read := func(lang string) map[string]string {
		var m map[string]string
		if _, err := toml.DecodeFile("../../i18n/"+lang+".toml", &m); err != nil {
			// other sections may use tables (one/other); read ours only
			var raw map[string]any
			if _, err := toml.DecodeFile("../../i18n/"+lang+".toml", &raw); err != nil {
				t.Fatal(err)
			}
			m = map[string]string{}
			for k, v := range raw {
				if s, ok := v.(string); ok {
					m[k] = s
				}
			}
		}
		return m
	}
	id, en := read("id"), read("en")
	action := regexp.MustCompile(`\{\{[^}]*\}\}`)
	var out []string
	for k, s := range id {
		if !strings.HasPrefix(k, "chart_") {
			continue
		}
		for _, f := range action.Split(s, -1) {
			f = strings.Trim(f, " .,:;()·–-")
			if len([]rune(f)) >= 4 && !strings.Contains(en[k], f) {
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestChartsInEnglish builds the charts of the test reports in English and
// in Indonesian. Leaving out the report's own words (data), no English
// chart text contains an Indonesian interface phrase of the charts or a
// number written the Indonesian way; the Indonesian charts do contain
// them (so the check can fail).
func TestChartsInEnglish(t *testing.T) {
	locID, err := locale.Load(os.DirFS("../.."), "id")
	if err != nil {
		t.Fatal(err)
	}
	locEN, err := locale.Load(os.DirFS("../.."), "en")
	if err != nil {
		t.Fatal(err)
	}
	fragments := indonesianFragments(t)
	if len(fragments) < 20 {
		t.Fatalf("only %d Indonesian fragments of chart_ keys: %q", len(fragments), fragments)
	}
	idNumber := regexp.MustCompile(`\d %|\bRp\b|\b(miliar|juta|triliun)\b|\d\.\d{3}\b`)
	enNumber := regexp.MustCompile(`\d\.\d+%|\bIDR\b|\b(billion|million)\b|\d,\d{3}\b`)
	seen := map[string]bool{}
	charts, ownTitles := 0, 0
	for _, dir := range chartTestReports {
		reports, err := tomldata.Load(os.DirFS(dir), "data")
		if err != nil {
			t.Fatal(dir, err)
		}
		for _, r := range reports {
			findings := r.Audit()
			vID, vEN := view.Build(r, findings, locID), view.Build(r, findings, locEN)
			specsID, specsEN := Build(vID, locID), Build(vEN, locEN)
			charts += len(specsEN)
			if len(specsID) != len(specsEN) {
				t.Fatalf("%s: %d Indonesian charts, %d English", vID.Key, len(specsID), len(specsEN))
			}
			for i, s := range specsEN {
				if s.Lang != "en" || specsID[i].Lang != "id" || !strings.HasPrefix(s.Key, "en/") || strings.HasPrefix(specsID[i].Key, "en/") {
					t.Errorf("chart %s (%s) / %s (%s): language or key prefix wrong", s.Key, s.Lang, specsID[i].Key, specsID[i].Lang)
				}
			}
			data := dataTexts(vID, vEN)
			strip := func(s string) string {
				for _, d := range data {
					if d != "" {
						s = strings.ReplaceAll(s, d, "")
					}
				}
				return s
			}
			// the title's and the text alternative's parts marked as the
			// report's words are its words (data), nothing the site wrote
			// in English; and joined they are the title and the text
			// alternative
			for key, c := range vEN.Charts {
				for _, x := range []struct {
					what  string
					parts []locale.Part
					text  string
				}{{"title", c.TitleParts, c.Title}, {"text alternative", c.AltParts, c.Alt}} {
					var joined string
					for _, p := range x.parts {
						joined += p.Text
						if p.Own && x.what == "title" {
							ownTitles++
						}
						if p.Own && !slices.Contains(data, p.Text) {
							t.Errorf("%s %s: the %s marks %q as the report's words", vEN.Key, key, x.what, p.Text)
						}
					}
					if joined != x.text {
						t.Errorf("%s %s: the %s's parts %q are not its text %q", vEN.Key, key, x.what, joined, x.text)
					}
				}
			}
			for _, s := range chartTexts(vEN, specsEN) {
				s = strip(s)
				for _, f := range fragments {
					if strings.Contains(s, f) {
						t.Errorf("%s: English chart text %q contains the Indonesian %q", vEN.Key, s, f)
					}
				}
				if m := idNumber.FindString(s); m != "" {
					t.Errorf("%s: English chart text %q writes a number the Indonesian way (%q)", vEN.Key, s, m)
				}
			}
			for _, s := range chartTexts(vID, specsID) {
				s = strip(s)
				for _, f := range fragments {
					if strings.Contains(s, f) {
						seen[f] = true
					}
				}
				if m := enNumber.FindString(s); m != "" {
					t.Errorf("%s: Indonesian chart text %q writes a number the English way (%q)", vID.Key, s, m)
				}
			}
		}
	}
	// a series chart's title names its indicator, in the report's words
	if ownTitles == 0 {
		t.Error("no English chart title marks the report's words (a series chart's indicator)")
	}
	if charts < 5 {
		t.Fatalf("only %d charts built", charts)
	}
	if len(seen) < len(fragments)/2 {
		t.Errorf("the Indonesian charts show only %d of %d Indonesian fragments: the check finds nothing", len(seen), len(fragments))
	}
	for _, l := range []*locale.Locale{locID, locEN} {
		if err := l.Err(); err != nil {
			t.Error(err)
		}
	}
}

// TestLayoutsKeepTextReadable: at every card width from 300 to 1.200 px
// the drawing the page shows keeps its text at least 11 px (a drawing of
// Width px with Font px text, scaled to the card), and the container
// queries of assets/css/main.css switch drawings where MinCard says.
func TestLayoutsKeepTextReadable(t *testing.T) {
	if layouts[0].MinCard != minCard {
		t.Errorf("the narrowest drawing starts at %d px, not %d", layouts[0].MinCard, minCard)
	}
	const sempitMax = 480 // max-width: 30rem of the phone drawing
	for card := minCard; card <= 1200; card++ {
		var shown layout
		for _, l := range layouts {
			if card >= l.MinCard {
				shown = l
			}
		}
		width := float64(card)
		if shown.Narrow {
			width = min(width, sempitMax)
		}
		if px := float64(shown.Font) * width / float64(shown.Width); px < minTextPx {
			t.Errorf("a %d px card shows %s (%d px, text %d px): text at %.2f px", card, shown.Name, shown.Width, shown.Font, px)
		}
	}
	css, err := os.ReadFile("../../assets/css/main.css")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)@container \(max-width: ([\d.]+)rem\) \{(.*?)\n\}`)
	shows := regexp.MustCompile(`use\.(\w+) \{ display: inline; \}`)
	found := map[string]int{}
	for _, m := range block.FindAllStringSubmatch(string(css), -1) {
		var rem float64
		if _, err := fmt.Sscan(m[1], &rem); err != nil {
			t.Fatal(err)
		}
		if s := shows.FindStringSubmatch(m[2]); s != nil {
			found[s[1]] = int(math.Round((rem + 0.01) * 16))
		}
	}
	for i, l := range layouts[:len(layouts)-1] {
		if found[l.Name] != layouts[i+1].MinCard {
			t.Errorf("main.css shows %s below %d px; generator/echarts says below %d px", l.Name, found[l.Name], layouts[i+1].MinCard)
		}
	}
}
