package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
)

func runBuild(root string, extra ...string) (string, error) {
	var log bytes.Buffer
	err := Run(context.Background(), append([]string{"build", "-root", root}, extra...), &log, &log)
	return log.String(), err
}

// fileList is the sorted list of files of a built site.
func fileList(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return err
	})
	sort.Strings(files)
	return files
}

// TestOutReplacesOnlyItsOwnFolder: -out never deletes a folder the tool did
// not build, nor the project itself.
func TestOutReplacesOnlyItsOwnFolder(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	foreign := t.TempDir()
	precious := filepath.Join(foreign, "penting.txt")
	os.WriteFile(precious, []byte("jangan dihapus"), 0o644)
	log, err := runBuild(root, "-out", foreign)
	if err == nil || !strings.Contains(err.Error(), "bukan hasil build alat ini") {
		t.Fatalf("build into a foreign folder: %v\n%s", err, log)
	}
	if b, err := os.ReadFile(precious); err != nil || string(b) != "jangan dihapus" {
		t.Fatal("the foreign folder's file was touched")
	}
	for _, bad := range []string{root, filepath.Join(root, "data"), filepath.Join(root, "data", "hasil"), filepath.Dir(root)} {
		if _, err := runBuild(root, "-out", bad); err == nil {
			t.Errorf("-out %s accepted", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "data", "dinas-sosial-sidoarjo", "instansi.toml")); err != nil {
		t.Fatal("the project lost its data")
	}
	// a folder it built carries the marker, and is replaced
	out := filepath.Join(t.TempDir(), "situs")
	if log, err := runBuild(root, "-out", out); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if _, err := os.Stat(filepath.Join(out, hugosite.Marker)); err != nil {
		t.Fatal("the built site has no marker")
	}
	if log, err := runBuild(root, "-out", out); err != nil {
		t.Fatalf("rebuilding into its own folder: %v\n%s", err, log)
	}
	var usage bytes.Buffer
	Run(context.Background(), []string{"-h"}, &usage, &usage)
	if !strings.Contains(usage.String(), "-out DIR") || !strings.Contains(usage.String(), "-force") {
		t.Errorf("-h does not document -out and -force:\n%s", usage.String())
	}
}

// TestRefusesToPublishNothing: an empty data/ or a report that lost most of
// its pages does not replace the published site unless forced.
func TestRefusesToPublishNothing(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	data := filepath.Join(root, "data")
	copyDir(t, filepath.Join(data, "dinas-sosial-sidoarjo", "2021"), filepath.Join(data, "dinas-sosial-sidoarjo", "2022"))
	edit(t, filepath.Join(data, "dinas-sosial-sidoarjo", "2022", "laporan.toml"), "tahun = 2021", "tahun = 2022")
	out := buildIn(t, root)
	before := treeHashes(t, out)

	// a year folder removed by mistake
	os.RemoveAll(filepath.Join(data, "dinas-sosial-sidoarjo", "2022"))
	log, err := runBuild(root, "-out", out)
	if err == nil || !strings.Contains(err.Error(), "dinas-sosial-sidoarjo/2022") {
		t.Fatalf("a published report vanished without complaint: %v\n%s", err, log)
	}
	sameTree(t, before, treeHashes(t, out))

	// no report at all
	os.RemoveAll(data)
	os.Mkdir(data, 0o755)
	if _, err := runBuild(root, "-out", out); err == nil || !strings.Contains(err.Error(), "tidak ada laporan") {
		t.Fatalf("an empty data/ was published: %v", err)
	}
	sameTree(t, before, treeHashes(t, out))
	var checkLog bytes.Buffer
	if err := Run(context.Background(), []string{"check", "-root", root}, &checkLog, &checkLog); err == nil {
		t.Errorf("check accepts an empty data/: %s", checkLog.String())
	}

	// forced, it goes
	copyDir(t, filepath.Join(repoRoot, "data", "dinas-sosial-sidoarjo"), filepath.Join(data, "dinas-sosial-sidoarjo"))
	if log, err := runBuild(root, "-out", out, "-force"); err != nil {
		t.Fatalf("-force: %v\n%s", err, log)
	}
	if _, err := os.Stat(filepath.Join(out, "dinas-sosial-sidoarjo", "2022")); err == nil {
		t.Error("the forced build kept the removed year")
	}
}

// TestConcurrentBuildsPublishCompleteSites: builds started at once wait for
// each other; every one succeeds and the site is complete.
func TestConcurrentBuildsPublishCompleteSites(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	out := buildIn(t, root)
	want := fileList(t, out)
	var wg sync.WaitGroup
	errs := make([]error, 3)
	logs := make([]string, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			logs[i], errs[i] = runBuild(root, "-out", out)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v\n%s", i, err, logs[i])
		}
	}
	if got := fileList(t, out); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after concurrent builds the site has %d files, a single build %d", len(got), len(want))
	}
	waited := 0
	for _, l := range logs {
		if strings.Contains(l, "menunggu") {
			waited++
		}
	}
	if waited == 0 {
		t.Error("no build waited for another")
	}
}

// TestKilledPublishIsRepaired: a build killed between two renames (where
// the system has no atomic exchange) leaves the site aside; the next build,
// even a failing one, puts it back instead of deleting it.
func TestKilledPublishIsRepaired(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	out := buildIn(t, root)
	before := treeHashes(t, out)
	if err := os.Rename(out, out+".lama"); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021", "laporan.toml"), "tahun = 2021", "tahun = 2020")
	if _, err := runBuild(root, "-out", out); err == nil {
		t.Fatal("bad data built")
	}
	sameTree(t, before, treeHashes(t, out))
}

// TestHugoErrorsArePrinted: a template error that Hugo only logs (errorf)
// is printed in full, not as "logged 1 error(s)".
func TestHugoErrorsArePrinted(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	edit(t, filepath.Join(root, "layouts", "metodologi.html"), `{{ define "main" }}`, `{{ define "main" }}{{ errorf "uji galat templat %s" "metodologi" }}`)
	_, err := runBuild(root)
	if err == nil {
		t.Fatal("the build succeeded")
	}
	if !strings.Contains(err.Error(), "uji galat templat metodologi") {
		t.Errorf("the logged template error is not printed: %v", err)
	}
}
