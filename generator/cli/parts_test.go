package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// TestSplitParts: build -bagian N groups whole agencies, in the order of
// their folders, into parts of at most N reports; an agency with more
// reports than that is a part of its own; no parts when one would do.
func TestSplitParts(t *testing.T) {
	var reports []*report.Report
	add := func(slug string, n int) {
		a := &report.Agency{Slug: slug}
		for i := 0; i < n; i++ {
			reports = append(reports, &report.Report{Agency: a, Year: 2020 + i})
		}
	}
	add("dinas-c", 2)
	add("badan-a", 3)
	add("dinas-b", 6)
	add("dinas-d", 1)
	add("dinas-e", 1)
	cases := []struct {
		size     int
		agencies []string
		want     string
	}{
		{0, nil, "[]"},
		{13, nil, "[]"},  // every report fits one part
		{100, nil, "[]"}, // ditto
		{4, nil, "[[badan-a] [dinas-b] [dinas-c dinas-d dinas-e]]"},
		{5, nil, "[[badan-a] [dinas-b] [dinas-c dinas-d dinas-e]]"},
		{6, nil, "[[badan-a] [dinas-b] [dinas-c dinas-d dinas-e]]"},
		{9, nil, "[[badan-a dinas-b] [dinas-c dinas-d dinas-e]]"},
		{1, nil, "[[badan-a] [dinas-b] [dinas-c] [dinas-d] [dinas-e]]"},
		{2, []string{"dinas-b"}, "[]"}, // a shard (-instansi) is built in one go
	}
	for _, c := range cases {
		got := fmt.Sprint(splitParts(reports, buildOptions{PartSize: c.size, Agencies: c.agencies}))
		if got != c.want {
			t.Errorf("-bagian %d: %s, want %s", c.size, got, c.want)
		}
	}
}

// TestPartErrorsArePrinted: a template error in a part's Hugo process is
// printed as Hugo logged it, and nothing is published.
func TestPartErrorsArePrinted(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	os.RemoveAll(filepath.Join(root, "data"))
	reportsData(t, filepath.Join(root, "data"))
	edit(t, filepath.Join(root, "layouts", "metodologi.html"), `{{ define "main" }}`, `{{ define "main" }}{{ errorf "uji galat templat %s" "metodologi" }}`)
	_, err := runBuild(root, "-bagian", "2")
	if err == nil {
		t.Fatal("the build succeeded")
	}
	if !strings.Contains(err.Error(), "uji galat templat metodologi") || !strings.Contains(err.Error(), "Hugo gagal") {
		t.Errorf("the part's template error is not printed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("a failed build in parts published a site")
	}
	if m, _ := filepath.Glob(filepath.Join(root, "public.baru-*")); len(m) > 0 {
		t.Errorf("a failed build in parts left %v", m)
	}
}

// TestHugoProcess: Hugo run in a process of its own (hugoProcess, the
// hidden command hugo, which builds larger sites) writes the same
// pages as Hugo run in the generator's process.
func TestHugoProcess(t *testing.T) {
	t.Parallel()       // beside the browser checks (TestBrowser)
	in := builtSite(t) // the shared seed site, Hugo run in-process
	root := filepath.Dir(in)
	out := filepath.Join(t.TempDir(), "situs")
	if err := hugoProcess(context.Background(), buildOptions{Root: root}, out, ""); err != nil {
		t.Fatal(err)
	}
	// the build marks its output as its own; Hugo alone does not
	if err := os.WriteFile(filepath.Join(out, hugosite.Marker), []byte(readPage(t, in, hugosite.Marker)), 0o644); err != nil {
		t.Fatal(err)
	}
	if diff := diffTrees(t, in, out, "pagefind"); diff != "" {
		t.Errorf("Hugo in a process of its own wrote another site:\n%s", diff)
	}
}
