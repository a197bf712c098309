package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildReusesUnchangedRun: a rebuild of unchanged inputs reuses the
// previous build's Hugo and Pagefind output and publishes the same site;
// a changed figure and a published file edited in place (which reaches
// the kept file through its link) build again.
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

	// a published page edited in place, its size kept: the kept copy is
	// the same file (a hard link), so the next build must notice the edit
	home := filepath.Join(out, "index.html")
	if !sameFile(home, filepath.Join(wholeDir(root), "situs", "index.html")) {
		t.Fatal("the published home page is not a link to the kept one: the in-place edit below tests nothing")
	}
	b, _ := os.ReadFile(home)
	edited := bytes.Replace(b, []byte("Kinerja"), []byte("KINERJA"), 1)
	if bytes.Equal(edited, b) {
		t.Fatal("no text to edit on the home page")
	}
	if err := os.WriteFile(home, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	run(o, 0, "rebuild after an edit of the published site")
	if now := treeHashes(t, out); now["index.html"] != first["index.html"] {
		t.Error("the edited home page was published again")
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
