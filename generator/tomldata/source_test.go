package tomldata

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// writeReport writes a minimal valid report whose laporan.berkas_sumber is
// source, in a real folder (symlinks and FIFOs need one).
func writeReport(t *testing.T, source string) string {
	t.Helper()
	root := t.TempDir()
	year := filepath.Join(root, "contoh", "2021")
	if err := os.MkdirAll(filepath.Join(year, "sumber"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"contoh/instansi.toml":     "nama = \"Dinas Contoh\"\n",
		"contoh/2021/laporan.toml": "[laporan]\njudul = \"L\"\ntahun = 2021\n" + sourceLine(source),
		"contoh/2021/capaian.toml": "[[capaian.tabel]]\nid = \"t\"\n[[capaian.tabel.baris]]\nindikator = \"i\"\ncapaian = \"100%\"\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func loadProblems(root string) string {
	_, err := Load(os.DirFS(root), "data")
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestSourceFileMustBeARegularFileInside(t *testing.T) {
	ok := writeReport(t, "sumber/laporan.txt")
	os.WriteFile(filepath.Join(ok, "contoh", "2021", "sumber", "laporan.txt"), []byte("teks"), 0o644)
	if p := loadProblems(ok); p != "" {
		t.Fatalf("a plain text source is refused: %s", p)
	}

	link := writeReport(t, "sumber/laporan.txt")
	if err := os.Symlink("/etc/passwd", filepath.Join(link, "contoh", "2021", "sumber", "laporan.txt")); err != nil {
		t.Fatal(err)
	}
	if p := loadProblems(link); !strings.Contains(p, "laporan.berkas_sumber") || !strings.Contains(p, "bukan berkas biasa") {
		t.Errorf("a symlinked source is accepted: %q", p)
	}

	fifo := writeReport(t, "sumber/laporan.txt")
	if err := syscall.Mkfifo(filepath.Join(fifo, "contoh", "2021", "sumber", "laporan.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := loadProblems(fifo); !strings.Contains(p, "bukan berkas biasa") {
		t.Errorf("a FIFO source is accepted: %q", p)
	}

	for _, bad := range []string{"/proc/self/environ", "../../instansi.toml", "sumber/../../../x.txt"} {
		if p := loadProblems(writeReport(t, bad)); !strings.Contains(p, "harus berada di dalam folder tahun ini") {
			t.Errorf("%s accepted: %q", bad, p)
		}
	}
}

func TestDataFilesMustBeRegular(t *testing.T) {
	fifo := writeReport(t, "")
	if err := syscall.Mkfifo(filepath.Join(fifo, "contoh", "2021", "x.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := loadProblems(fifo); !strings.Contains(p, "data/contoh/2021/x.toml: bukan berkas biasa") {
		t.Errorf("a FIFO named x.toml: %q", p)
	}
	link := writeReport(t, "")
	outside := filepath.Join(t.TempDir(), "rahasia.toml")
	os.WriteFile(outside, []byte("[laporan]\nsumber = \"rahasia\"\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(link, "contoh", "2021", "y.toml")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(link, "contoh", "instansi.toml"))
	os.Symlink(outside, filepath.Join(link, "contoh", "instansi.toml"))
	p := loadProblems(link)
	for _, want := range []string{"data/contoh/2021/y.toml: bukan berkas biasa", "data/contoh/instansi.toml: bukan berkas biasa"} {
		if !strings.Contains(p, want) {
			t.Errorf("a symlinked data file: %q lacks %q", p, want)
		}
	}
}

func sourceLine(source string) string {
	if source == "" {
		return ""
	}
	return "berkas_sumber = \"" + source + "\"\n"
}
