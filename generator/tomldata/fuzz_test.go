package tomldata

import (
	"bytes"
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// fuzzSlots are the files a fuzz input can be: the files of a year (each
// replaces the base's file of that name, so laporan.toml is never doubled),
// an extra file merged with them, and the agency file.
var fuzzSlots = []string{
	"contoh/2021/laporan.toml",
	"contoh/2021/capaian.toml",
	"contoh/2021/capaian_program.toml",
	"contoh/2021/program.toml",
	"contoh/2021/profil.toml",
	"contoh/2021/rencana.toml",
	"contoh/2021/rkt.toml",
	"contoh/2021/perjanjian.toml",
	"contoh/2021/anggaran.toml",
	"contoh/2021/narasi.toml",
	"contoh/2021/tambahan.toml",
	"contoh/instansi.toml",
}

// fuzzInput is the fuzz input for one file: the slot's index, then the content.
func fuzzInput(slot string, content []byte) []byte {
	for i, s := range fuzzSlots {
		if s == slot {
			return append([]byte{byte(i)}, content...)
		}
	}
	panic("no fuzz slot " + slot)
}

func fuzzBase(tb testing.TB) map[string][]byte {
	tb.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "fuzzbase.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	base := map[string][]byte{}
	for _, f := range ar.Files {
		base[f.Name] = f.Data
	}
	return base
}

// FuzzLoad: the input is one data file, its first byte choosing which
// (fuzzSlots), laid over a small valid report with every file
// (testdata/fuzzbase.txtar). Whatever it holds, Load must return reports
// or problems quickly, never panic, and print nothing that acts on a
// terminal; every report it returns must survive the audit and the page
// model with only finite figures and no negative total. Run it with
//
//	GOMEMLIMIT=2GiB go test -run='^$' -fuzz=FuzzLoad -fuzzminimizetime=0 -fuzztime=10m ./generator/tomldata
func FuzzLoad(f *testing.F) {
	base := fuzzBase(f)
	for i, slot := range fuzzSlots {
		if data, ok := base[slot]; ok {
			f.Add(append([]byte{byte(i)}, data...))
		}
	}
	f.Add(fuzzInput("contoh/2021/tambahan.toml", []byte("[[anggaran.lra.baris]]\ntingkat = \"program\"\nanggaran = \"Rp 1\"\n[[capaian.tabel]]\nid = \"x\"\n[[capaian.tabel.baris]]\nref = \"keg\"\ntarget = \"1\"\n")))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		slot := fuzzSlots[int(in[0])%len(fuzzSlots)]
		fsys := fstest.MapFS{}
		for name, data := range base {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		fsys[slot] = &fstest.MapFile{Data: in[1:]}
		start := time.Now()
		reports, err := Load(fsys, "data")
		checkFuzzResult(t, reports, err)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("loading and auditing took %v", d)
		}
	})
}

func checkFuzzResult(t *testing.T, reports []*report.Report, err error) {
	t.Helper()
	var problems Problems
	if err != nil && !errors.As(err, &problems) {
		t.Fatalf("not a list of problems: %v", err)
	}
	if err == nil && len(reports) == 0 {
		t.Fatal("no error and no report")
	}
	if err != nil {
		for _, r := range err.Error() {
			if r != '\n' && r != '\t' && hiddenRune(r) != "" {
				t.Fatalf("a problem prints the hidden character U+%04X:\n%q", r, err.Error())
			}
		}
	}
	for _, r := range reports {
		if s, ok := hiddenIn(reflect.ValueOf(r)); ok {
			t.Fatalf("the report holds the text %q", s)
		}
		findings := r.Audit()
		main := r.MainMeasurement()
		r.HeadlineRow()
		r.HeadlineSeries()
		r.Tables()
		r.Pages()
		r.ProgramItems()
		tot := r.Totals()
		if tot.Budget < 0 || tot.Spent < 0 || !finite(tot.Absorption) {
			t.Fatalf("totals %+v", tot)
		}
		for _, f := range findings {
			if !finite(f.Recomputed) || !finite(f.Difference) {
				t.Fatalf("finding with a number that is not finite: %+v", f)
			}
		}
		for _, m := range main {
			res := m.Result
			if !finite(res.Value) || !finite(res.Difference) || !finite(res.Achievement.Percent) || !finite(res.Achievement.Raw) {
				t.Fatalf("row %d: a figure that is not finite: %+v", m.Index, res)
			}
		}
	}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// hiddenIn finds a text holding a hidden character (checkText) in the
// exported fields of v.
func hiddenIn(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		return v.String(), checkText(v.String()) != ""
	case reflect.Pointer:
		if !v.IsNil() {
			return hiddenIn(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			if s, ok := hiddenIn(v.Index(i)); ok {
				return s, true
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				if s, ok := hiddenIn(v.Field(i)); ok {
					return s, true
				}
			}
		}
	}
	return "", false
}

// TestFuzzBaseIsValid: the fuzz base loads without problems and has
// findings of the kinds the audit makes, so that the fuzzer starts from a
// report that reaches every check.
func TestFuzzBaseIsValid(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range fuzzBase(t) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	reports, err := Load(fsys, "data")
	if err != nil {
		t.Fatalf("fuzz base has problems:\n%v", err)
	}
	kinds := map[report.FindingKind]bool{}
	for _, f := range reports[0].Audit() {
		kinds[f.Kind] = true
	}
	for _, k := range []report.FindingKind{report.KindAchievement, report.KindCategory, report.KindPercent, report.KindChildrenSum,
		report.KindTableTotal, report.KindCrossTable, report.KindOverspent, report.KindTargetChanged, report.KindNumberFormat} {
		if !kinds[k] {
			t.Errorf("the fuzz base has no finding %q", k)
		}
	}
}

// TestFuzzCorpus checks that every file of the seed corpus is a fuzz input
// this target reads ([]byte), so that a renamed argument does not silently
// drop the hostile inputs.
func TestFuzzCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzLoad", "*"))
	if len(files) < 8 {
		t.Fatalf("seed corpus has %d inputs", len(files))
	}
	for _, file := range files {
		data := mustRead(t, file)
		if !bytes.HasPrefix(data, []byte("go test fuzz v1\n[]byte(")) || strings.Count(string(data), "\n") > 2 {
			t.Errorf("%s: not one []byte input", file)
		}
	}
}
