package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
)

// indonesianInterface lists the Indonesian interface strings an English
// page must not show: the pieces of every i18n/id.toml value that differs
// from its en.toml value, with template parameters cut out, long enough
// (two words and 12 characters) not to be a word the languages share.
func indonesianInterface(t *testing.T, root string) map[string]string {
	t.Helper()
	read := func(lang string) map[string]string {
		var raw map[string]any
		if _, err := toml.DecodeFile(filepath.Join(root, "i18n", lang+".toml"), &raw); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for k, v := range raw {
			switch x := v.(type) {
			case string:
				out[k] = x
			case map[string]any:
				out[k], _ = x["other"].(string)
			}
		}
		return out
	}
	id, en := read("id"), read("en")
	param := regexp.MustCompile(`\{\{[^}]*\}\}`)
	pieces := map[string]string{} // piece → key
	for k, v := range id {
		if v == en[k] {
			continue
		}
		for _, p := range param.Split(v, -1) {
			p = strings.Trim(strings.TrimSpace(p), ".,:;()“”\"'·—–-")
			p = strings.TrimSpace(p)
			if len(p) >= 12 && strings.Contains(p, " ") && !strings.Contains(en[k], p) {
				pieces[p] = k
			}
		}
	}
	return pieces
}

// visibleEnglishText is the text of an English page a reader sees as
// interface: everything outside elements marked lang="id" (the report's
// own words), scripts and styles.
func visibleEnglishText(t *testing.T, page string) (text string, htmlLang string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "lang" && n.Data == "html" {
					htmlLang = a.Val
				}
				if a.Key == "lang" && a.Val == "id" {
					return
				}
			}
			switch n.Data {
			case "script", "style", "template":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "aria-label" || a.Key == "title" || a.Key == "alt" || a.Key == "placeholder" {
					b.WriteString(" " + a.Val + " ")
				}
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteString(" ")
		}
	}
	walk(doc)
	return strings.Join(strings.Fields(b.String()), " "), htmlLang
}

// reportWords is every text of the reports' data (names, table titles,
// notes, narrative): an interface string that is also the report's own
// words cannot be told apart inside a sentence that quotes the report (a
// finding naming "3.5 Laporan Realisasi Anggaran"), so it is not checked.
func reportWords(t *testing.T, dirs ...string) string {
	t.Helper()
	var b strings.Builder
	for _, v := range tomlStrings(dirs, func(string) bool { return true }) {
		b.WriteString(v.value + "\n")
	}
	return b.String()
}

// tomlString is a string value of a TOML file and the key it is under
// ("" in a list of strings).
type tomlString struct{ key, value string }

// tomlStrings is every string value of the TOML files below dirs whose
// path file accepts.
func tomlStrings(dirs []string, file func(path string) bool) []tomlString {
	var out []tomlString
	var collect func(key string, v any)
	collect = func(key string, v any) {
		switch x := v.(type) {
		case string:
			out = append(out, tomlString{key, x})
		case map[string]any:
			for k, e := range x {
				collect(k, e)
			}
		case []map[string]any:
			for _, e := range x {
				collect("", e)
			}
		case []any:
			for _, e := range x {
				collect("", e)
			}
		}
	}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".toml") && file(p) {
				var v map[string]any
				if _, err := toml.DecodeFile(p, &v); err == nil {
					collect("", v)
				}
			}
			return nil
		})
	}
	return out
}

// englishLeaks lists the Indonesian interface strings on the English pages
// below out/en/, as "page: “string” (key)".
func englishLeaks(t *testing.T, root, out string) (leaks []string, pages int) {
	t.Helper()
	pieces := indonesianInterface(t, root)
	words := reportWords(t, filepath.Join(repoRoot, "data"), filepath.Join(repoRoot, "generator", "cli", "testdata", "reports"))
	for p := range pieces {
		if strings.Contains(words, p) {
			delete(pieces, p)
		}
	}
	if len(pieces) < 100 {
		t.Fatalf("only %d Indonesian interface strings: the list is broken", len(pieces))
	}
	err := englishPages(out, func(rel string, b []byte) error {
		pages++
		text, lang := visibleEnglishText(t, string(b))
		if lang != "en" {
			leaks = append(leaks, rel+`: <html lang="`+lang+`">`)
		}
		if !strings.Contains(string(b), `hreflang="id"`) || !strings.Contains(string(b), `class="lang-switch"`) {
			leaks = append(leaks, rel+": no language switch or hreflang link")
		}
		for p, key := range pieces {
			if strings.Contains(text, p) {
				leaks = append(leaks, rel+": “"+p+"” ("+key+")")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(leaks)
	return leaks, pages
}

// TestEnglishPagesSpeakEnglish: an English page shows no Indonesian
// interface string outside elements marked lang="id", has lang="en" and a
// switch to the same page in Indonesian; on the seed site and on the
// reports shaped unlike it.
func TestEnglishPagesSpeakEnglish(t *testing.T) {
	for _, out := range []string{builtSite(t), builtReports(t)} {
		leaks, pages := englishLeaks(t, repoRoot, out)
		// the glossary explains each Indonesian term: the terms are its subject
		leaks = slices.DeleteFunc(leaks, func(l string) bool {
			return strings.HasPrefix(l, filepath.Join("en", "glosarium")+string(filepath.Separator)) && strings.Contains(l, "“")
		})
		if pages < 20 {
			t.Errorf("%s: only %d English pages", out, pages)
		}
		for _, l := range leaks {
			t.Error(l)
		}
	}
}

// TestEnglishCheckCanFail: a page with an Indonesian interface string
// outside lang="id", or without lang="en", is caught; the same text inside
// an element marked lang="id" is not.
func TestEnglishCheckCanFail(t *testing.T) {
	out := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(out, "en", name, "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	head := `<nav class="lang-switch"><a hreflang="id" href="/">Bahasa Indonesia</a></nav>`
	write("bocor", `<html lang="en"><body>`+head+`<p>Sub kegiatan tanpa anggaran</p><p>Angka persis: anggaran X</p></body></html>`)
	write("benar", `<html lang="en"><body>`+head+`<p lang="id">Angka persis: anggaran X</p></body></html>`)
	write("tanpa-lang", `<html><body>`+head+`</body></html>`)
	leaks, _ := englishLeaks(t, repoRoot, out)
	joined := strings.Join(leaks, "\n")
	if !strings.Contains(joined, filepath.Join("en", "bocor", "index.html")+": “Angka persis: anggaran”") {
		t.Errorf("leak not caught:\n%s", joined)
	}
	if strings.Contains(joined, filepath.Join("en", "benar")) {
		t.Errorf("text marked lang=id caught:\n%s", joined)
	}
	if !strings.Contains(joined, filepath.Join("en", "tanpa-lang", "index.html")+`: <html lang="">`) {
		t.Errorf("missing lang not caught:\n%s", joined)
	}
}

// unmarkedNames lists, for the English pages below out/en/, the names of
// the report's items (programme, kegiatan, sub-kegiatan: Indonesian, as
// published) shown as text outside an element marked lang="id", as
// "page: “name”": a screen reader would read them with English rules
// (WCAG 3.1.2). Attributes (aria-label, title) cannot carry a language of
// their own and are not checked.
func unmarkedNames(t *testing.T, out string, names []string) []string {
	t.Helper()
	return unmarkedText(t, out, nil, func(text string) []string {
		var found []string
		for _, name := range names {
			if strings.Contains(text, name) {
				found = append(found, name)
			}
		}
		return found
	})
}

// unmarkedText lists, for the English pages below out/en/, what find finds
// in a text outside an element marked lang="id" (or hidden from every
// reader, or one that skip, if given, leaves out), once per page, as
// "page: “found”".
func unmarkedText(t *testing.T, out string, skip func(*html.Node) bool, find func(text string) []string) []string {
	t.Helper()
	var leaks []string
	seen := map[string]bool{}
	err := englishPages(out, func(rel string, b []byte) error {
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return err
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					// marked, or not read at all: hidden (search
					// metadata), aria-hidden, a chart drawn as one image
					// (role="img", read by its name)
					if a.Key == "lang" && a.Val == "id" || a.Key == "hidden" || a.Key == "aria-hidden" && a.Val == "true" || a.Key == "role" && a.Val == "img" {
						return
					}
				}
				switch n.Data {
				case "script", "style", "template", "title", "head":
					return
				}
				if skip != nil && skip(n) {
					return
				}
			}
			if n.Type == html.TextNode {
				for _, name := range find(n.Data) {
					if !seen[rel+name] {
						seen[rel+name] = true
						leaks = append(leaks, rel+": “"+name+"”")
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(leaks)
	return leaks
}

// itemNames are the names of the items of program.toml below dirs.
func itemNames(t *testing.T, dirs ...string) []string {
	t.Helper()
	var names []string
	for _, v := range tomlStrings(dirs, func(p string) bool { return filepath.Base(p) == "program.toml" }) {
		if v.key == "nama" && len(v.value) > 12 {
			names = append(names, v.value)
		}
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// TestEnglishPagesMarkReportNames: on the English pages, every item name
// shown as text is marked lang="id"; on the seed site and the test reports.
func TestEnglishPagesMarkReportNames(t *testing.T) {
	names := itemNames(t, filepath.Join(repoRoot, "data"), filepath.Join("testdata", "reports"))
	if len(names) < 20 {
		t.Fatalf("only %d item names", len(names))
	}
	for _, out := range []string{builtSite(t), builtReports(t)} {
		leaks := unmarkedNames(t, out, names)
		for _, l := range leaks {
			t.Error(l)
		}
	}
}

// englishPages calls fn with every HTML page below out/en/ (its path below
// out, its bytes).
func englishPages(out string, fn func(rel string, page []byte) error) error {
	return filepath.WalkDir(filepath.Join(out, "en"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		return fn(rel, b)
	})
}

// TestEnglishPagesMarkTheReportsWords: on the English pages, the reports'
// own words are marked lang="id" wherever they are shown as text: their
// table titles, item and unit names, indicators, goals and targets (the
// seed's and the test reports' judul, uraian, nama, indikator, sasaran and
// tujuan), figures as printed the Indonesian way ("2,38%", "Rp.
// 7.632.500,-") and the start of every line of its other texts (notes,
// narrative, formulas), in the interface sentences that name a table
// (against_other_target, capaian_against, compare_figure,
// main_measurement: t-marked.html), in a finding's detail
// (view.Finding.DetailParts), a chart's title, text alternative and table
// rows (view.Chart), the rows an item appears in
// (view.Appearance), the data dictionary of Data terbuka
// (opendata.DictText's parts), the report's own band names
// (band_own) and elsewhere.
func TestEnglishPagesMarkTheReportsWords(t *testing.T) {
	dirs := []string{filepath.Join(repoRoot, "data"), filepath.Join("testdata", "reports")}
	keys := map[string]bool{"judul": true, "uraian": true, "nama": true, "indikator": true, "sasaran": true, "tujuan": true}
	// figures as printed, written the Indonesian way (a decimal comma,
	// rupiah); not those the interface's own text gives as an example
	figureKeys := map[string]bool{"persen": true, "target": true, "target_awal": true, "realisasi": true, "capaian": true, "nilai": true,
		"anggaran": true, "penyerapan": true, "penyerapan_anggaran": true}
	indonesianFigure := regexp.MustCompile(`\d,\d|Rp`)
	english, err := os.ReadFile(filepath.Join(repoRoot, "i18n", "en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	seen := map[string]bool{}
	names, figures, texts := 0, 0, 0
	for _, v := range tomlStrings(dirs, func(string) bool { return true }) {
		name := keys[v.key] && len(v.value) > 12 && !strings.Contains(v.value, "\n")
		figure := figureKeys[v.key] && len(v.value) >= 4 && indonesianFigure.MatchString(v.value) && !strings.Contains(string(english), v.value)
		if (name || figure) && !seen[v.value] {
			seen[v.value] = true
			words = append(words, regexp.QuoteMeta(v.value))
			if name {
				names++
			} else {
				figures++
			}
		}
		// and every other text of the report (notes, narrative, formulas,
		// an address): the start of each of its lines, where it is prose
		// (identifiers such as file names have no space)
		for _, line := range strings.Split(v.value, "\n") {
			if line = strings.TrimSpace(line); len(line) >= 30 && strings.Contains(line[:30], " ") && !seen[line[:30]] {
				seen[line[:30]] = true
				words = append(words, regexp.QuoteMeta(line[:30]))
				texts++
			}
		}
	}
	if names < 100 || figures < 50 || texts < 300 {
		t.Fatalf("only %d names, titles and indicators, %d figures and %d other texts", names, figures, texts)
	}
	// the longest first: a name is found whole, not as the shorter name
	// it starts with
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })
	re := regexp.MustCompile(strings.Join(words, "|"))
	find := func(text string) []string { return re.FindAllString(text, -1) }
	for _, out := range []string{builtSite(t), builtReports(t)} {
		for _, l := range unmarkedText(t, out, nil, find) {
			t.Error(l)
		}
	}
}
