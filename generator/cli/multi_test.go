package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeveralAgenciesAndYears adds a second year of the seed agency and a
// second agency beside it: everything builds, each under its own URL, and
// the home page and the feed list all three reports.
func TestSeveralAgenciesAndYears(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	data := filepath.Join(root, "data")
	copyDir(t, filepath.Join(data, "dinas-sosial-sidoarjo", "2021"), filepath.Join(data, "dinas-sosial-sidoarjo", "2022"))
	edit(t, filepath.Join(data, "dinas-sosial-sidoarjo", "2022", "laporan.toml"), "tahun = 2021", "tahun = 2022")
	copyDir(t, filepath.Join(data, "dinas-sosial-sidoarjo"), filepath.Join(data, "dinas-contoh"))
	os.RemoveAll(filepath.Join(data, "dinas-contoh", "2022"))
	edit(t, filepath.Join(data, "dinas-contoh", "instansi.toml"), `nama = "Dinas Sosial Kabupaten Sidoarjo"`, `nama = "Dinas Contoh"`)
	out := buildIn(t, root)
	for _, p := range []string{"dinas-sosial-sidoarjo/2021/index.html", "dinas-sosial-sidoarjo/2022/index.html", "dinas-contoh/2021/index.html",
		"dinas-sosial-sidoarjo/2022/program/penunjang/index.html", "dinas-contoh/2021/data/lra.csv", "dinas-sosial-sidoarjo/2022/data/datapackage.json"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("%s missing", p)
		}
	}
	home := readPage(t, out, "index.html")
	for _, want := range []string{"/dinas-sosial-sidoarjo/2021/", "/dinas-sosial-sidoarjo/2022/", "/dinas-contoh/2021/", "Dinas Contoh"} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	if n := strings.Count(readPage(t, out, "index.xml"), "<item>"); n != 3 {
		t.Errorf("feed has %d reports, want 3", n)
	}
	if p := readPage(t, out, "dinas-sosial-sidoarjo/index.html"); !strings.Contains(p, "/dinas-sosial-sidoarjo/2022/") || !strings.Contains(p, "/dinas-sosial-sidoarjo/2021/") {
		t.Error("the agency page does not list both years")
	}
	checkLinks(t, out, configBaseURL(t))
}
