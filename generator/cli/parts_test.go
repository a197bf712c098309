package cli

import (
	"fmt"
	"testing"

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
