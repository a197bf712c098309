package locale_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// keyLiteral is a string literal of Go code shaped like an i18n key that no
// call to T names: the keys the report package hands to the view in struct
// fields (formulas, reasons, statuses, band and band-set labels, page
// titles) and the titles and descriptions of the open data (data_…).
var (
	// a key named in a call: loc.T("key", …), locale.M("key", …), Msg{Key: "key"}
	keyCall    = regexp.MustCompile(`(?:\.T\(|locale\.M\(|\bM\(|Key:\s*)"([a-z][a-z0-9_]*)"\s*[,)}]`)
	keyLiteral = regexp.MustCompile(`"((?:formula|reason|status|band|bandset|other_target|finding|page|irregular|field|data)_[a-z0-9_]+)"`)
	structTag  = regexp.MustCompile("`[^`]*`")
)

// TestDomainKeysExist: every key the Go side names (in a call to T or M,
// a Msg's Key, or a key-shaped literal the domain hands the view in a
// struct field) is in every language file, so that no page shows "[key]".
func TestDomainKeysExist(t *testing.T) {
	root := filepath.Join("..", "..")
	locs := map[string]*locale.Locale{}
	for _, lang := range locale.Languages {
		l, err := locale.Load(os.DirFS(root), lang)
		if err != nil {
			t.Fatal(err)
		}
		locs[lang] = l
	}
	keys := map[string]string{} // key → where it was found
	// every call that names a key, anywhere in the generator
	err := filepath.WalkDir(filepath.Join(root, "generator"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Base(filepath.Dir(p)) == "locale" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range keyCall.FindAllStringSubmatch(string(src), -1) {
			keys[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"report", "view", "opendata"} {
		files, _ := filepath.Glob(filepath.Join(root, "generator", dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range keyLiteral.FindAllStringSubmatch(structTag.ReplaceAllString(string(src), ""), -1) {
				keys[m[1]] = f
			}
		}
	}
	// keys built from a value: level_<level>
	for _, l := range []report.Level{report.LevelProgram, report.LevelKegiatan, report.LevelSub, report.LevelTarget, report.LevelGoal} {
		keys["level_"+string(l)] = "view.levelLabel"
	}
	for _, bs := range report.BandSets {
		keys[bs.Name], keys[bs.Source], keys[bs.Name+"_lower"] = "report.BandSets", "report.BandSets", "report.BandSets"
		for _, b := range bs.Bands {
			keys[b.Key] = "report.BandSets"
		}
	}
	keys["bandset_own_lower"] = "report.bandSetLabel"
	openData := 0
	for k := range keys {
		if strings.HasPrefix(k, "data_") {
			openData++
		}
	}
	if len(keys) < 40 || openData < 100 {
		t.Fatalf("found only %d keys (%d of the open data): the scan is broken", len(keys), openData)
	}
	for k, where := range keys {
		for lang, l := range locs {
			if !l.Has(k) {
				t.Errorf("%s: key %q missing from i18n/%s.toml", where, k, lang)
			}
		}
	}
}
