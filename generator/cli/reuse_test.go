package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBuildReusesUnchangedRun: a rebuild of unchanged inputs reuses the
// previous build's Hugo and Pagefind output and publishes the same site;
// a changed figure builds again (a published file edited in place:
// TestKeptOutputEditedInPlace).
func TestBuildReusesUnchangedRun(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	out := filepath.Join(root, "public")
	var log bytes.Buffer
	o := buildOptions{Root: root, Out: out, Log: &log}
	run := func(o buildOptions, reused int, why string) {
		t.Helper()
		log.Reset()
		st, err := build(context.Background(), o)
		if err != nil {
			t.Fatalf("%s: %v\n%s", why, err, log.String())
		}
		if st.Reused != reused {
			t.Errorf("%s: %d Hugo runs reused, want %d\n%s", why, st.Reused, reused, log.String())
		}
		if said := strings.Contains(log.String(), "Hugo dan Pagefind tidak dijalankan"); said != (reused > 0) {
			t.Errorf("%s: the log says Hugo was not run: %v, want %v\n%s", why, said, reused > 0, log.String())
		}
	}
	run(o, 0, "first build")
	first := treeHashes(t, out)
	run(o, 1, "unchanged rebuild")
	now := treeHashes(t, out)
	for p, h := range first {
		if now[p] != h {
			t.Errorf("%s differs after a rebuild that reused the previous output", p)
		}
	}
	if len(now) != len(first) {
		t.Errorf("%d files after the reusing rebuild, %d before", len(now), len(first))
	}

	// a changed figure: built again, and shown
	capaian := filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021", "capaian.toml")
	src, _ := os.ReadFile(capaian)
	if !bytes.Contains(src, []byte(`realisasi = "5,93%"`)) || strings.Contains(readPage(t, out, "dinas-sosial-sidoarjo/2021/capaian/index.html"), "5,94") {
		t.Fatal("the seed's figure to change is not as expected")
	}
	if err := os.WriteFile(capaian, bytes.Replace(src, []byte(`realisasi = "5,93%"`), []byte(`realisasi = "5,94%"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	run(o, 0, "rebuild after a changed figure")
	if !strings.Contains(readPage(t, out, "dinas-sosial-sidoarjo/2021/capaian/index.html"), "5,94") {
		t.Error("the changed figure is not on the capaian page")
	}
	// nor in the open data, which is kept too (keptOpenData)
	if !strings.Contains(readPage(t, out, "dinas-sosial-sidoarjo/2021/data/laporan.json"), "5,94") {
		t.Error("the changed figure is not in the report's open data")
	}
	// -nocache: TestBuildsAreByteIdentical
}

func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// TestOpenDataKey: the key of a report's kept open data changes with the
// report's files, its agency's file, an interface string and config.toml,
// and not with another agency's files.
func TestOpenDataKey(t *testing.T) {
	root := copyProject(t)
	reports, err := loadData(root)
	if err != nil || len(reports) == 0 {
		t.Fatal(err)
	}
	locs, err := loadLocales(root)
	if err != nil {
		t.Fatal(err)
	}
	r := reports[0]
	key := func() string {
		t.Helper()
		k, err := openDataKey(root, r, locs)
		if err != nil || k == "" {
			t.Fatalf("openDataKey: %q, %v", k, err)
		}
		return k
	}
	appendTo := func(rel, text string) {
		t.Helper()
		f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(rel)), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(text)
		f.Close()
	}
	base := key()
	os.MkdirAll(filepath.Join(root, "data", "dinas-lain", "2021"), 0o755)
	appendTo("data/dinas-lain/instansi.toml", "nama = \"Dinas Lain\"\n")
	appendTo("data/dinas-lain/2021/laporan.toml", "tahun = 2021\n")
	if key() != base {
		t.Error("another agency's files changed the key")
	}
	dir := filepath.ToSlash(filepath.Join("data", r.Agency.Slug))
	for _, rel := range []string{dir + "/2021/capaian.toml", dir + "/instansi.toml", "i18n/en.toml", "config.toml"} {
		appendTo(rel, "\n# perubahan\n")
		if k := key(); k == base {
			t.Errorf("a change of %s left the key as it was", rel)
		} else {
			base = k
		}
	}
}

// TestKeptOutputEditedInPlace: a unit's output is published as links to the
// kept files, so an in-place edit of a published file (its size kept)
// reaches the kept one; the next build notices it and runs again.
func TestKeptOutputEditedInPlace(t *testing.T) {
	dir := t.TempDir()
	runs := 0
	u := unit{dir: filepath.Join(dir, "unit"), key: "kunci-uji", hugo: func(out string) error {
		runs++
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, "index.html"), []byte("halaman"), 0o644)
	}}
	build := func(n, wantRuns int) string {
		t.Helper()
		site := filepath.Join(dir, "situs-"+strconv.Itoa(n))
		var st buildStats
		if _, err := u.build(buildOptions{}, site, &st); err != nil {
			t.Fatal(err)
		}
		if runs != wantRuns {
			t.Fatalf("build %d: %d runs, want %d", n, runs, wantRuns)
		}
		if b, _ := os.ReadFile(filepath.Join(site, "index.html")); string(b) != "halaman" {
			t.Fatalf("build %d published %q", n, b)
		}
		return site
	}
	build(1, 1)
	site := build(2, 1) // the same key: reused
	page := filepath.Join(site, "index.html")
	if !sameFile(page, filepath.Join(u.dir, "situs", "index.html")) {
		t.Fatal("the published page is not a link to the kept one: the edit below tests nothing")
	}
	if err := os.WriteFile(page, []byte("HALAMAN"), 0o644); err != nil {
		t.Fatal(err)
	}
	build(3, 2)
}

// TestNotReusedSaysWhy: the reason a unit runs again, as the build log of
// a build in parts gives it.
func TestNotReusedSaysWhy(t *testing.T) {
	kept := keyLine("k1", "d1")
	for _, c := range []struct {
		key     string
		noCache bool
		kept    string
		digest  string
		want    string
	}{
		{"k1", false, kept, "d1", ""},
		{"", false, kept, "d1", "Hugo diukur atau diprofilkan"},
		{"k1", true, kept, "d1", "-nocache"},
		{"k1", false, "", "d1", "belum ada hasil build sebelumnya"},
		{"k2", false, kept, "d1", "masukannya berubah"},
		{"k1", false, kept, "d2", "hasil yang disimpan berubah sejak build sebelumnya"},
	} {
		if got := notReused(c.key, c.noCache, c.kept, c.digest); got != c.want {
			t.Errorf("notReused(%q, %v, %q, %q) = %q, want %q", c.key, c.noCache, c.kept, c.digest, got, c.want)
		}
	}
}
