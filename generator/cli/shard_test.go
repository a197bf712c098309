package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
)

// TestShardedBuildEqualsSingle builds the test reports as one site, then
// as two shards (build -instansi) merged with merge, and checks that the
// merged site has the same pages with the same bytes as the single build,
// and that one search finds an item of each shard.
func TestShardedBuildEqualsSingle(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	os.RemoveAll(filepath.Join(root, "data"))
	reportsData(t, filepath.Join(root, "data"))
	single := builtReports(t) // the same data built in one go, shared

	run := func(args ...string) string {
		t.Helper()
		var log bytes.Buffer
		if err := Run(context.Background(), args, &log, &log); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, log.String())
		}
		return log.String()
	}
	tmp := t.TempDir()
	a, b, merged := filepath.Join(tmp, "a"), filepath.Join(tmp, "b"), filepath.Join(tmp, "gabung")
	run("build", "-root", root, "-out", a, "-instansi", "dinas-kesehatan-contoh")
	run("build", "-root", root, "-out", b, "-instansi", "dinas-sosial-kota-contoh,badan-kepegawaian-contoh")
	if exists(a, "dinas-sosial-kota-contoh/2020/index.html") || exists(b, "dinas-kesehatan-contoh/2022/index.html") {
		t.Fatal("a shard rendered another shard's report")
	}
	run("merge", "-root", root, "-out", merged, a, b)
	// the same site built in parts of at most two reports, one Hugo run
	// (process) per part: the three agencies make three parts, and part 0
	// the pages they share
	parted := filepath.Join(tmp, "bagian")
	// built first with one agency's narrative changed, then again as it
	// is: the other parts are reused, that agency's part is built again,
	// and the site is checked below as a whole
	narasi := filepath.Join(root, "data", "dinas-sosial-kota-contoh", "2020", "narasi.toml")
	orig, _ := os.ReadFile(narasi)
	if err := os.WriteFile(narasi, bytes.Replace(orig, []byte("Hambatan dan Upaya"), []byte("Hambatan dan Solusi"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	log := run("build", "-root", root, "-out", parted, "-bagian", "2")
	if strings.Contains(log, "tidak berubah") {
		t.Errorf("the first build in parts reused a part:\n%s", log)
	}
	if n := len(mustGlob(t, filepath.Join(root, ".build", "bagian", "*"))); n != 4 {
		t.Errorf("build -bagian 2 of four reports of three agencies: %d parts, want 3 and the shared one", n)
	}
	os.WriteFile(narasi, orig, 0o644)
	log = run("build", "-root", root, "-out", parted, "-bagian", "2")
	for _, want := range []string{"Bagian 1 dari 3 tidak berubah", "Bagian 2 dari 3 tidak berubah", "Bagian 3 dari 3 dibangun: 1 instansi (dinas-sosial-kota-contoh"} {
		if !strings.Contains(log, want) {
			t.Errorf("rebuild in parts after one agency's change: no %q in the log:\n%s", want, log)
		}
	}
	// built in parts: each part has its index, the search page merges them
	searchFinds(t, parted, map[string]string{"imunisasi": duaTahun22, "kepegawaian": capaianSaja}, true)
	// the same files but for the search: an index per part, which the
	// search pages list (data-merge)
	for _, p := range []string{"cari/index.html", "en/cari/index.html"} {
		page := readPage(t, parted, p)
		if !strings.Contains(page, ` data-merge="/pagefind-bagian/1/ /pagefind-bagian/2/ /pagefind-bagian/3/"`) {
			t.Errorf("%s of the site built in parts does not list the parts' search indexes", p)
		}
		os.WriteFile(filepath.Join(parted, p), []byte(strings.Replace(page, ` data-merge="/pagefind-bagian/1/ /pagefind-bagian/2/ /pagefind-bagian/3/"`, "", 1)), 0o644)
	}
	if diff := diffTrees(t, single, parted, "pagefind"); diff != "" {
		t.Errorf("the site built in parts differs from the single build:\n%s", diff)
	}

	// the same pages but for the search page's list of the shards' indexes
	want, got := pageSet(t, single), pageSet(t, merged)
	for _, p := range []string{"cari/index.html", "en/cari/index.html"} {
		const list = ` data-merge-list="/pagefind-instansi/daftar.json"`
		if !strings.Contains(got[p], list) {
			t.Errorf("%s of the merged site does not point to the list of the shards' search indexes", p)
		}
		got[p] = strings.Replace(got[p], list, "", 1)
	}
	var names []string
	if b, err := os.ReadFile(filepath.Join(merged, "pagefind-instansi", "daftar.json")); err != nil || json.Unmarshal(b, &names) != nil || !slices.Equal(names, []string{"badan-kepegawaian-contoh/", "dinas-kesehatan-contoh/"}) {
		t.Errorf("the merged site's list of search indexes: %q, %v", names, err)
	}
	if !slices.Equal(sortedKeys(want), sortedKeys(got)) {
		t.Fatalf("page sets differ:\nsingle %v\nmerged %v", sortedKeys(want), sortedKeys(got))
	}
	for rel, page := range want {
		if got[rel] != page {
			t.Errorf("%s differs between the single build and the merged shards", rel)
		}
	}

	// one search over both shards: an item page of each
	terms := map[string]string{"imunisasi": duaTahun22, "kepegawaian": capaianSaja}
	for term, report := range terms {
		if !strings.Contains(strings.ToLower(want[strings.TrimSuffix(report, "/")+"/index.html"]+allText(want, report)), term) {
			t.Fatalf("test term %q is not on the pages of %s: pick another", term, report)
		}
	}
	// one search over both shards, through the search page's own UI,
	// which reads the list of the shards' indexes
	searchFinds(t, merged, terms, true)
}

// searchFinds searches the site in dir from its search page in each
// language (with Pagefind's API, or through the page's own UI when ui is
// set) and checks that each term finds a page of its report, in that
// language only.
func searchFinds(t *testing.T, dir string, terms map[string]string, ui bool) {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	// Pagefind indexes each language apart: the English search page finds
	// the English pages only, the Indonesian one the Indonesian pages
	langs := []struct{ search, prefix string }{{"/cari/", "/"}, {"/en/cari/", "/en/"}}
	cmd := exec.Command("node", filepath.Join("testdata", "search.mjs"))
	list, _ := json.Marshal(sortedKeys(terms))
	cmd.Env = append(os.Environ(), "SITE_URL="+srv.URL, "CHROMIUM="+chromiumPath(t), "TERMS="+string(list), `SEARCH_PATHS=["/cari/", "/en/cari/"]`)
	if ui {
		cmd.Env = append(cmd.Env, "SEARCH_UI=1")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("search: %v\n%s", err, out)
	}
	var byPage map[string]map[string][]string
	if err := json.Unmarshal(out, &byPage); err != nil {
		t.Fatalf("search output: %v\n%s", err, out)
	}
	for _, lang := range langs {
		found := byPage[lang.search]
		for term, report := range terms {
			if !slices.ContainsFunc(found[term], func(u string) bool { return strings.Contains(u, lang.prefix+report) }) {
				t.Errorf("%s: searching %q on %s finds no page of %s: %v", filepath.Base(dir), term, lang.search, report, found[term])
			}
			if other := slices.IndexFunc(found[term], func(u string) bool { return strings.HasPrefix(u, "/en/") != (lang.prefix == "/en/") }); other >= 0 {
				t.Errorf("%s: searching %q on %s finds a page of the other language: %s", filepath.Base(dir), term, lang.search, found[term][other])
			}
		}
	}
}

// diffTrees lists the files that differ between two built sites, or that
// only one of them has, "" when none; paths starting with skip (e.g.
// "pagefind": the search indexes) are left out.
func diffTrees(t *testing.T, a, b, skip string) string {
	t.Helper()
	kept := func(rel string) bool { return skip == "" || !strings.HasPrefix(rel, skip) }
	ha, hb := treeHashes(t, a), treeHashes(t, b)
	var out []string
	for rel, x := range ha {
		if y, ok := hb[rel]; !kept(rel) {
			continue
		} else if !ok {
			out = append(out, "only in "+a+": "+rel)
		} else if x != y {
			out = append(out, "differs: "+rel)
		}
	}
	for rel := range hb {
		if _, ok := ha[rel]; !ok && kept(rel) {
			out = append(out, "only in "+b+": "+rel)
		}
	}
	slices.Sort(out)
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("… %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// pageSet maps every HTML and XML file of a built site to its content.
func pageSet(t *testing.T, site string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml")) {
			return err
		}
		if rel, _ := filepath.Rel(site, p); !strings.HasPrefix(rel, "pagefind") {
			b, _ := os.ReadFile(p)
			pages[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// allText joins the pages below one report folder.
func allText(pages map[string]string, report string) string {
	var b strings.Builder
	for rel, p := range pages {
		if strings.HasPrefix(rel, report) {
			b.WriteString(p)
		}
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestShardWorkflowExample lints the sharded publishing example with
// actionlint and checks that it runs the two commands of a sharded build.
func TestShardWorkflowExample(t *testing.T) {
	path := filepath.Join(repoRoot, ".github", "workflows", "shards.yml.example")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.Lint("shards.yml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("actionlint: %s", e.Error())
	}
	for _, want := range []string{"go run ./generator build -instansi", "go run ./generator merge -out public", "matrix:"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("workflow example lacks %q", want)
		}
	}
}
