package cli

import (
	"bytes"
	"context"
	"encoding"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// emptyProject is a project root with an empty data/ folder: all `check` needs.
func emptyProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// snapshot lists every file and folder below dir with the content of files.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func runIn(args ...string) (string, error) {
	var out bytes.Buffer
	err := Run(context.Background(), args, &out, &out)
	return out.String(), err
}

// TestScaffoldPassesCheck: `new` in a project with an empty data/ folder
// writes a report that `check` accepts, and says what it wrote and what next.
func TestScaffoldPassesCheck(t *testing.T) {
	dir := emptyProject(t)
	out, err := runIn("new", "-root", dir, "dinas-contoh", "2024")
	if err != nil {
		t.Fatalf("new failed: %v\n%s", err, out)
	}
	for _, rel := range []string{"dinas-contoh/instansi.toml", "dinas-contoh/2024/laporan.toml", "dinas-contoh/2024/capaian.toml"} {
		if _, err := os.Stat(filepath.Join(dir, "data", filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s not written: %v", rel, err)
		}
		if !strings.Contains(out, "data/"+rel) {
			t.Errorf("output does not name data/%s:\n%s", rel, out)
		}
	}
	if !strings.Contains(out, "go run ./generator check") {
		t.Errorf("output does not give the next step (check):\n%s", out)
	}
	check, err := runIn("check", "-root", dir)
	if err != nil {
		t.Fatalf("check of the scaffold failed: %v\n%s", err, check)
	}
	if !strings.Contains(check, "Data sah: 1 laporan.") {
		t.Errorf("check output:\n%s", check)
	}

	// a second year keeps the agency file as the staff member edited it
	agency := filepath.Join(dir, "data", "dinas-contoh", "instansi.toml")
	edited := "nama = \"Dinas Contoh Kabupaten Contoh\"\n"
	if err := os.WriteFile(agency, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = runIn("new", "dinas-contoh", "2025", "-root", dir) // flags after the arguments work too
	if err != nil {
		t.Fatalf("new for a second year failed: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(agency); string(b) != edited {
		t.Errorf("instansi.toml was overwritten:\n%s", b)
	}
	if !strings.Contains(out, "data/dinas-contoh/2024") {
		t.Errorf("output does not point at the earlier year:\n%s", out)
	}
	if check, err := runIn("check", "-root", dir); err != nil || !strings.Contains(check, "Data sah: 2 laporan.") {
		t.Fatalf("check with two years: %v\n%s", err, check)
	}
}

// TestScaffoldRefuses: a bad slug, a bad year or an existing year folder
// is refused with an Indonesian message, and nothing is written.
func TestScaffoldRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, slug, year, want string
		exit                   int
	}{
		{"upper case slug", "Dinas-Contoh", "2024", "nama folder instansi", 2},
		{"slug with space", "dinas contoh", "2024", "huruf kecil, angka dan tanda hubung", 2},
		{"slug with double hyphen", "dinas--contoh", "2024", "tidak sah", 2},
		{"slug with underscore", "dinas_contoh", "2024", "tidak sah", 2},
		{"two-digit year", "dinas-contoh", "24", "empat angka", 2},
		{"year with letters", "dinas-contoh", "20x4", "empat angka", 2},
		{"five-digit year", "dinas-contoh", "20245", "empat angka", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := emptyProject(t)
			out, err := runIn("new", "-root", dir, tc.slug, tc.year)
			if err == nil {
				t.Fatalf("accepted %q %q:\n%s", tc.slug, tc.year, out)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "tidak ada berkas yang ditulis") {
				t.Errorf("message %q lacks %q", err, tc.want)
			}
			if ExitCode(err) != tc.exit {
				t.Errorf("exit code %d, want %d", ExitCode(err), tc.exit)
			}
			if got := snapshot(t, filepath.Join(dir, "data")); len(got) != 1 {
				t.Errorf("files written: %v", keys(got))
			}
		})
	}

	t.Run("year folder exists", func(t *testing.T) {
		dir := emptyProject(t)
		// an agency folder without instansi.toml and a year folder already started
		year := filepath.Join(dir, "data", "dinas-contoh", "2024")
		if err := os.MkdirAll(year, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(year, "laporan.toml"), []byte("# sudah dimulai\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, filepath.Join(dir, "data"))
		out, err := runIn("new", "-root", dir, "dinas-contoh", "2024")
		if err == nil {
			t.Fatalf("overwrote an existing year:\n%s", out)
		}
		if !strings.Contains(err.Error(), "data/dinas-contoh/2024 sudah ada") || !strings.Contains(err.Error(), "tidak ada berkas yang ditulis") {
			t.Errorf("message: %v", err)
		}
		if after := snapshot(t, filepath.Join(dir, "data")); !reflect.DeepEqual(before, after) {
			t.Errorf("data/ changed: before %v, after %v", keys(before), keys(after))
		}
	})

	t.Run("wrong number of arguments", func(t *testing.T) {
		dir := emptyProject(t)
		for _, args := range [][]string{{"new", "-root", dir}, {"new", "-root", dir, "dinas-contoh"}, {"new", "-root", dir, "dinas-contoh", "2024", "lagi"}} {
			if _, err := runIn(args...); ExitCode(err) != 2 {
				t.Errorf("%v: exit %d (%v), want 2", args[3:], ExitCode(err), err)
			}
		}
		if got := snapshot(t, filepath.Join(dir, "data")); len(got) != 1 {
			t.Errorf("files written: %v", keys(got))
		}
	})
}

// TestScaffoldNamesEveryKey: every key the model reads from the three files
// appears in the scaffold, set or commented out, so that a key added to the
// model is documented where staff look first.
func TestScaffoldNamesEveryKey(t *testing.T) {
	files := map[string]string{}
	for _, f := range scaffoldFiles("dinas-contoh", "2024") {
		files[filepath.Base(f.rel)] = f.text
	}
	type part struct {
		file   string
		prefix string
		typ    reflect.Type
	}
	for _, p := range []part{
		{"instansi.toml", "", reflect.TypeFor[report.Agency]()},
		{"laporan.toml", "laporan", reflect.TypeFor[report.Meta]()},
		{"capaian.toml", "capaian", reflect.TypeFor[report.Results]()},
	} {
		for _, k := range tomlKeys(p.typ, p.prefix) {
			var re *regexp.Regexp
			if k.table != "" {
				re = regexp.MustCompile(`(?m)^\s*(# )?` + regexp.QuoteMeta(k.table) + `\s*$`)
			} else {
				re = regexp.MustCompile(`(?m)^\s*(# )?` + regexp.QuoteMeta(k.key) + ` = `)
			}
			if !re.MatchString(files[p.file]) {
				t.Errorf("%s does not show %s", p.file, k)
			}
		}
	}
	// every line with a value has an explanation above it
	for name, text := range files {
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			s := strings.TrimSpace(l)
			if i == 0 || s == "" || !regexp.MustCompile(`^(# )?[a-z_]+ = `).MatchString(s) {
				continue
			}
			prev := strings.TrimSpace(lines[i-1])
			if !strings.HasPrefix(prev, "#") && !strings.HasPrefix(prev, "[") {
				t.Errorf("%s:%d %q has no comment above it", name, i+1, s)
			}
		}
	}
}

type tomlKey struct{ key, table string }

func (k tomlKey) String() string {
	if k.table != "" {
		return k.table
	}
	return k.key
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// tomlKeys lists the keys of a struct by their toml tags, and the table
// headers ([a.b] or [[a.b]]) of its nested tables.
func tomlKeys(t reflect.Type, path string) []tomlKey {
	var out []tomlKey
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if !f.IsExported() || tag == "" || tag == "-" {
			continue
		}
		full := tag
		if path != "" {
			full = path + "." + tag
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case reflect.PointerTo(ft).Implements(textUnmarshalerType), ft.Kind() != reflect.Struct && !(ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && !reflect.PointerTo(ft.Elem()).Implements(textUnmarshalerType)):
			out = append(out, tomlKey{key: tag})
		case ft.Kind() == reflect.Struct:
			out = append(out, tomlKey{table: "[" + full + "]"})
			out = append(out, tomlKeys(ft, full)...)
		default: // a list of tables
			out = append(out, tomlKey{table: "[[" + full + "]]"})
			out = append(out, tomlKeys(ft.Elem(), full)...)
		}
	}
	return out
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
