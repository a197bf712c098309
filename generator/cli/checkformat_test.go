package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeProject writes files (slash paths below the project root) into a
// new temporary project.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// brokenReport is a tiny report with a wrong type, an unknown key and an
// unknown ref in capaian.toml, an unknown key in a file whose name needs
// escaping, and a year folder without data.
var brokenReport = map[string]string{
	"data/dinas-uji/instansi.toml":     "nama = \"Dinas Uji\"\n",
	"data/dinas-uji/2021/laporan.toml": "[laporan]\njudul = \"Laporan Uji\"\ntahun = 2021\n",
	"data/dinas-uji/2021/x,y:z.toml":   "[laporan]\nsumbr = \"x\"\n",
	"data/dinas-uji/2022/catatan.txt":  "belum ada data\n",
	"data/dinas-uji/2021/capaian.toml": "" +
		"[[capaian.tabel]]\n" + // 1
		"id = \"iku\"\n" + // 2
		"[[capaian.tabel.baris]]\n" + // 3
		"indikator = \"Persentase uji\"\n" + // 4
		"target = \"90%\"\n" + // 5
		"realisasi = 90\n" + // 6: a number, not the figure as printed
		"[[capaian.tabel.baris]]\n" + // 7
		"indikator = \"Lain\"\n" + // 8
		"\trealisai = \"1\"\n" + // 9: misspelt, after a tab
		"ref = \"tidak-ada\"\n", // 10: no such item
}

// TestCheckFormatGitHub: -format github prints every data problem as a
// GitHub Actions error annotation on its file, line and column (counted by
// hand from brokenReport), escaped as GitHub requires, and fails as check
// does.
func TestCheckFormatGitHub(t *testing.T) {
	root := writeProject(t, brokenReport)
	out, err := runCLI(t, "check", "-root", root, "-format", "github")
	if err == nil || ExitCode(err) != 1 {
		t.Fatalf("want a data error with exit code 1, got %v\n%s", err, out)
	}
	want := []string{
		`::error file=data/dinas-uji/2021/capaian.toml,line=6,col=1,title=GALAT DATA::capaian.tabel[0].baris[0].realisasi: harus berupa teks dalam tanda kutip, persis seperti tercetak di laporan (mis. "97,85%25"), bukan bilangan 90`,
		`::error file=data/dinas-uji/2021/capaian.toml,line=9,col=2,title=GALAT DATA::capaian.tabel[0].baris[1].realisai: kunci tidak dikenal; maksud Anda "realisasi"?`,
		`::error file=data/dinas-uji/2021/capaian.toml,line=10,col=1,title=GALAT DATA::capaian.tabel[0].baris[1].ref: ref "tidak-ada" tidak ada`,
		`::error file=data/dinas-uji/2021/x%2Cy%3Az.toml,line=2,col=1,title=GALAT DATA::laporan.sumbr: kunci tidak dikenal; maksud Anda "sumber"?`,
		`::error file=data/dinas-uji/2022,title=GALAT DATA::folder tahun tidak berisi berkas .toml`,
	}
	var annotations []string
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "::"):
			annotations = append(annotations, line)
		case line != "" && !strings.HasPrefix(line, "GALAT DATA (5)"):
			t.Errorf("a line that is neither the heading nor an annotation: %q", line)
		}
	}
	if len(annotations) != len(want) {
		t.Fatalf("got %d annotations, want %d:\n%s", len(annotations), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(annotations[i], w) {
			t.Errorf("annotation %d\n\t%s\nwant\n\t%s…", i+1, annotations[i], w)
		}
	}

	// the default format is unchanged: the same problems for people, each
	// with its line shown
	out, err = runCLI(t, "check", "-root", root)
	if ExitCode(err) != 1 {
		t.Fatalf("want exit code 1, got %v", err)
	}
	for _, w := range []string{
		"GALAT DATA (5)",
		"data/dinas-uji/2021/capaian.toml:9:2: capaian.tabel[0].baris[1].realisai: kunci tidak dikenal; maksud Anda \"realisasi\"?\n    9 | \trealisai = \"1\"\n      | \t^^^^^^^^\n",
		"data/dinas-uji/2022: folder tahun tidak berisi berkas .toml\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("text output lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "::error") {
		t.Errorf("text output holds annotations:\n%s", out)
	}
}

// TestCheckFormatGitHubValid: on valid data the findings are plain text,
// with workflow commands stopped around them (they quote the data) and
// resumed with the same random token.
func TestCheckFormatGitHubValid(t *testing.T) {
	root := t.TempDir()
	copyDir(t, filepath.Join(repoRoot, "data"), filepath.Join(root, "data"))
	out, err := runCLI(t, "check", "-root", root, "-format", "github")
	if err != nil {
		t.Fatalf("check: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`^::stop-commands::(temuan-[0-9a-f]{32})\nData sah: `).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output does not start by stopping workflow commands:\n%.300s", out)
	}
	if !strings.HasSuffix(out, "\n::"+m[1]+"::\n") {
		t.Errorf("output does not end by resuming workflow commands with %s:\n…%s", m[1], out[max(0, len(out)-300):])
	}
	if strings.Count(out, "\n::") != 1 {
		t.Errorf("another workflow command in the output:\n%s", out)
	}
	text, _ := runCLI(t, "check", "-root", root)
	if body := strings.TrimSuffix(strings.TrimPrefix(out, m[0][:len(m[0])-len("Data sah: ")]), "::"+m[1]+"::\n"); body != text {
		t.Errorf("the findings differ from the text format:\n%s", diffLines(text, body))
	}
}

func TestCheckFormatUsage(t *testing.T) {
	root := writeProject(t, nil)
	if _, err := runCLI(t, "check", "-root", root, "-format", "json"); ExitCode(err) != 2 {
		t.Errorf("unknown format: exit %d, want 2", ExitCode(err))
	}
	if out, _ := runCLI(t, "help"); !strings.Contains(out, "-format teks|github") {
		t.Errorf("usage does not name -format:\n%s", out)
	}
	// an empty data/ folder is an error in either format
	if err := os.Mkdir(filepath.Join(root, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := runCLI(t, "check", "-root", root, "-format", "github")
	if ExitCode(err) != 1 || !strings.HasPrefix(out, "::error title=GALAT DATA::") || strings.Count(out, "\n") != 1 {
		t.Errorf("empty data/: %v\n%s", err, out)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeGitHubData("100% a,b:c\r\nd"), "100%25 a,b:c%0D%0Ad"; got != want {
		t.Errorf("data %q, want %q", got, want)
	}
	if got, want := escapeGitHubProperty("100% a,b:c\r\nd"), "100%25 a%2Cb%3Ac%0D%0Ad"; got != want {
		t.Errorf("property %q, want %q", got, want)
	}
}
