package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

const repoRoot = "../.."

func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := Run(context.Background(), args, &out, &out)
	return out.String(), err
}

// TestCheckSeedGolden pins the whole `check` report for the bundled data.
func TestCheckSeedGolden(t *testing.T) {
	out, err := runCLI(t, "check", "-root", repoRoot)
	if err != nil {
		t.Fatalf("check failed: %v\n%s", err, out)
	}
	golden := filepath.Join("testdata", "check-seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/cli -update)", err)
	}
	if out != string(want) {
		t.Errorf("check output differs from %s (go test ./generator/cli -update to accept):\n%s", golden, diffLines(string(want), out))
	}
	for _, must := range []string{"Anggaran Rp 34.547.900.993, realisasi Rp 33.803.921.167, penyerapan 97,85 %", "93,46", "122,31%", "Rp. 595.42.969,-"} {
		if !strings.Contains(out, must) {
			t.Errorf("check output lacks %q", must)
		}
	}
}

// TestCheckBadCopy: a copy of the data with a misspelt key, a wrong type and
// a syntax error in three files lists all three with positions and fails.
func TestCheckBadCopy(t *testing.T) {
	root := t.TempDir()
	copyDir(t, filepath.Join(repoRoot, "data"), filepath.Join(root, "data"))
	year := filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021")
	edit(t, filepath.Join(year, "anggaran.toml"), `realisasi = "Rp. 7611667635"`, `realisai = "Rp. 7611667635"`)
	edit(t, filepath.Join(year, "capaian.toml"), `capaian = "100%"`, `capaian = 100`)
	edit(t, filepath.Join(year, "program.toml"), `id = "penunjang"`, `id = "penunjang`)
	out, err := runCLI(t, "check", "-root", root)
	if err == nil || ExitCode(err) != 1 {
		t.Fatalf("want a data error with exit code 1, got %v\n%s", err, out)
	}
	for _, want := range []string{
		"data/dinas-sosial-sidoarjo/2021/anggaran.toml:14:1: anggaran.lra.baris[0].realisai: kunci tidak dikenal; maksud Anda \"realisasi\"?",
		"data/dinas-sosial-sidoarjo/2021/capaian.toml:20:3: capaian.tabel[0].baris[0].capaian: harus berupa teks",
		"data/dinas-sosial-sidoarjo/2021/program.toml:7:",
		`id = "penunjang`,
		"GALAT DATA (3)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if a, c, p := strings.Index(out, "anggaran.toml"), strings.Index(out, "capaian.toml"), strings.Index(out, "program.toml"); !(a < c && c < p) {
		t.Errorf("problems not sorted by file:\n%s", out)
	}
}

func TestUsage(t *testing.T) {
	if _, err := runCLI(t); ExitCode(err) != 2 {
		t.Errorf("no command: exit %d, want 2", ExitCode(err))
	}
	if _, err := runCLI(t, "publish"); ExitCode(err) != 2 {
		t.Errorf("unknown command: exit %d, want 2", ExitCode(err))
	}
	if out, err := runCLI(t, "help"); err != nil || !strings.Contains(out, "check") {
		t.Errorf("help: %v %s", err, out)
	}
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func edit(t testing.TB, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// diffLines shows the first differing lines, enough to see what changed.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
