package tomldata

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// caseFS lays the case's files over the minimal valid dataset of base.txtar.
func caseFS(t *testing.T, overlay *txtar.Archive) fstest.MapFS {
	t.Helper()
	base, err := txtar.ParseFile(filepath.Join("testdata", "base.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range base.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if overlay != nil {
		for _, f := range overlay.Files {
			if strings.TrimSpace(string(f.Data)) == "(hapus)" {
				delete(fsys, f.Name)
				continue
			}
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

func TestBaseIsValid(t *testing.T) {
	reports, err := Load(caseFS(t, nil), "data")
	if err != nil {
		t.Fatalf("base data should load: %v", err)
	}
	if len(reports) != 1 || reports[0].Agency.Slug != "contoh" || reports[0].Year != 2021 {
		t.Fatalf("unexpected reports: %+v", reports)
	}
	if got := reports[0].Totals().Budget; got != 1000000 {
		t.Errorf("budget %d", got)
	}
}

// TestBadInput runs every case in testdata/bad: each must fail with exactly
// the problems its "want:" lines list (each line a prefix of one message, or
// of a line of its excerpt), in sorted order.
func TestBadInput(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.txtar"))
	if len(files) < 25 {
		t.Fatalf("bad-input corpus has %d cases; the issue asks for at least 25", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var wants []string
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if w, ok := strings.CutPrefix(line, "want: "); ok {
					wants = append(wants, w)
				}
			}
			_, err = Load(caseFS(t, ar), "data")
			var problems Problems
			if !errors.As(err, &problems) {
				t.Fatalf("want problems, got %v", err)
			}
			out := problems.Error()
			lines := strings.Split(out, "\n")
			for _, w := range wants {
				found := false
				for _, l := range lines {
					if strings.HasPrefix(l, w) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("missing %q in:\n%s", w, out)
				}
			}
			// one want line per problem, excerpt lines aside
			wantProblems := 0
			for _, w := range wants {
				if strings.HasPrefix(w, "data") {
					wantProblems++
				}
			}
			if len(problems) != wantProblems {
				t.Errorf("got %d problems, want %d:\n%s", len(problems), wantProblems, out)
			}
			for i := 1; i < len(problems); i++ {
				if problems[i-1].File > problems[i].File {
					t.Errorf("problems not sorted by file:\n%s", out)
				}
			}
		})
	}
}

func TestSyntaxErrorShowsLineAndCaret(t *testing.T) {
	fsys := caseFS(t, &txtar.Archive{Files: []txtar.File{{Name: "contoh/instansi.toml", Data: []byte("nama = \"Dinas\"\npemerintah = = \"x\"\n")}}})
	_, err := Load(fsys, "data")
	var problems Problems
	if !errors.As(err, &problems) || len(problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	p := problems[0]
	if p.File != "data/contoh/instansi.toml" || p.Line != 2 || p.Col < 1 {
		t.Errorf("position %s:%d:%d", p.File, p.Line, p.Col)
	}
	if !strings.Contains(p.Excerpt, "pemerintah = = \"x\"") || !strings.Contains(p.Excerpt, "^") {
		t.Errorf("excerpt does not show the line with a caret:\n%s", p.Excerpt)
	}
}

// TestSeedLoads loads the bundled data: it must be free of data errors.
func TestSeedLoads(t *testing.T) {
	reports, err := Load(os.DirFS(filepath.Join("..", "..", "data")), "data")
	if err != nil {
		t.Fatalf("bundled data has problems:\n%v", err)
	}
	if len(reports) == 0 {
		t.Fatal("no report in data/")
	}
}
