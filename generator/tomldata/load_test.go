package tomldata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
// the problems its "want:" lines list, in sorted order. A want line that
// starts with "data" is the start of the first line of one problem, in the
// order of the problems; every other want line is a whole line of some
// problem's excerpt. A problem at a key of a data file must name its line
// and column (file:line:col: key: message) and show the line, and its want
// line must say so: only problems about a whole folder or file have none.
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
			var heads, excerpts []string
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if w, ok := strings.CutPrefix(line, "want: "); ok {
					if strings.HasPrefix(w, "data") {
						heads = append(heads, w)
					} else {
						excerpts = append(excerpts, w)
					}
				}
			}
			_, err = Load(caseFS(t, ar), "data")
			var problems Problems
			if !errors.As(err, &problems) {
				t.Fatalf("want problems, got %v", err)
			}
			out := problems.Error()
			if len(problems) != len(heads) {
				t.Errorf("got %d problems, want %d:\n%s", len(problems), len(heads), out)
			}
			var excerptLines []string
			for i, p := range problems {
				first, _, _ := strings.Cut(p.Error(), "\n")
				if i < len(heads) && !strings.HasPrefix(first, heads[i]) {
					t.Errorf("problem %d is\n\t%s\nwant\n\t%s…", i+1, first, heads[i])
				}
				if p.KeyPath != "" && strings.HasSuffix(p.File, ".toml") && (p.Line == 0 || p.Excerpt == "") {
					t.Errorf("problem %d names a key of a data file but not its line:\n%s", i+1, p.Error())
				}
				if at := fmt.Sprintf("%s:%d:%d: ", p.File, p.Line, p.Col); p.Line > 0 && i < len(heads) && !strings.HasPrefix(heads[i], at) {
					t.Errorf("want line %d does not assert the position %s", i+1, at)
				}
				if p.Excerpt != "" {
					excerptLines = append(excerptLines, strings.Split(p.Excerpt, "\n")...)
				}
			}
			for _, w := range excerpts {
				if !slices.Contains(excerptLines, w) {
					t.Errorf("no excerpt line %q in:\n%s", w, out)
				}
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

// TestSemanticProblemsShowLine: problems found after parsing (an unknown
// key deep in an array of tables, a wrong type, a ref to nothing) name
// their line and column, counted by hand from the file below, and show the
// line with a caret under the key, also on a line indented with tabs.
func TestSemanticProblemsShowLine(t *testing.T) {
	capaian := "# dua tabel capaian\n" + // 1
		"[[capaian.tabel]]\n" + // 2
		"id = \"t1\"\n" + // 3
		"[[capaian.tabel.baris]]\n" + // 4
		"uraian = \"Program Contoh\"\n" + // 5
		"ref = \"prog\"\n" + // 6
		"\n" + // 7
		"[[capaian.tabel]]\n" + // 8
		"id = \"t2\"\n" + // 9
		"[[capaian.tabel.baris]]\n" + // 10
		"uraian = \"Program Contoh\"\n" + // 11
		"ref = \"prog\"\n" + // 12
		"  [[capaian.tabel.baris]]\n" + // 13
		"\turaian = \"Kegiatan Contoh\"\n" + // 14
		"\tref = \"keg\"\n" + // 15
		"\t\trealisai = \"90%\"\n" + // 16: unknown key, after two tabs
		"  [[capaian.tabel.baris]]\n" + // 17
		"  uraian = \"Sub Kegiatan Contoh\"\n" + // 18
		"  ref = \"sbu\"\n" + // 19: no such item
		"  target = 90\n" // 20: a number, not the figure as printed
	fsys := caseFS(t, &txtar.Archive{Files: []txtar.File{{Name: "contoh/2021/capaian.toml", Data: []byte(capaian)}}})
	_, err := Load(fsys, "data")
	var problems Problems
	if !errors.As(err, &problems) {
		t.Fatalf("want problems, got %v", err)
	}
	want := []struct {
		line, col int
		keyPath   string
		excerpt   string
	}{
		{16, 3, "capaian.tabel[1].baris[1].realisai", "   16 | \t\trealisai = \"90%\"\n      | \t\t^^^^^^^^"},
		{19, 3, "capaian.tabel[1].baris[2].ref", "   19 |   ref = \"sbu\"\n      |   ^^^"},
		{20, 3, "capaian.tabel[1].baris[2].target", "   20 |   target = 90\n      |   ^^^^^^"},
	}
	if len(problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(problems), len(want), problems)
	}
	for i, w := range want {
		p := problems[i]
		if p.File != "data/contoh/2021/capaian.toml" || p.Line != w.line || p.Col != w.col || p.KeyPath != w.keyPath {
			t.Errorf("problem %d at %s:%d:%d %s, want line %d col %d %s", i+1, p.File, p.Line, p.Col, p.KeyPath, w.line, w.col, w.keyPath)
		}
		if p.Excerpt != w.excerpt {
			t.Errorf("problem %d excerpt\n%s\nwant\n%s", i+1, p.Excerpt, w.excerpt)
		}
		head := fmt.Sprintf("data/contoh/2021/capaian.toml:%d:%d: %s: ", w.line, w.col, w.keyPath)
		if !strings.HasPrefix(p.Error(), head) || !strings.HasSuffix(p.Error(), "\n"+w.excerpt) {
			t.Errorf("problem %d prints\n%s\nwant %s… and the excerpt", i+1, p.Error(), head)
		}
		// on a terminal (tab stops every 8 columns) the caret stands under
		// the key's first character
		lines := strings.Split(p.Excerpt, "\n")
		if len(lines) != 2 {
			continue
		}
		src, caret := expandTabs(lines[0]), expandTabs(lines[1])
		key := w.keyPath[strings.LastIndexByte(w.keyPath, '.')+1:]
		if at := strings.Index(caret, "^"); at < 0 || !strings.HasPrefix(src[at:], key) {
			t.Errorf("problem %d: caret not under %q:\n%s\n%s", i+1, key, src, caret)
		}
	}
}

// expandTabs shows s as a terminal does, with tab stops every 8 columns.
func expandTabs(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '\t' {
			for {
				b.WriteByte(' ')
				n++
				if n%8 == 0 {
					break
				}
			}
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
