package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// BenchmarkBuildSeed measures a warm rebuild of the seed site, split into
// our steps and Hugo's, and the bytes a browser downloads for the report's
// home page (HTML with inline SVG charts, CSS, JS; raw and gzip).
// Run: go test ./generator/cli -run '^$' -bench BuildSeed -benchtime 5x
func BenchmarkBuildSeed(b *testing.B) {
	root := copyProject(b)
	out := filepath.Join(root, "public")
	o := buildOptions{Root: root, Out: out, Log: io.Discard}
	if _, err := build(context.Background(), o); err != nil { // cold build, not measured
		b.Fatal(err)
	}
	var load, charts, hugo float64
	b.ResetTimer()
	for b.Loop() {
		st, err := build(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		load += float64(st.Load.Milliseconds())
		charts += float64(st.Charts.Milliseconds())
		hugo += float64(st.Hugo.Milliseconds())
	}
	n := float64(b.N)
	b.ReportMetric(load/n, "load+audit-ms/op")
	b.ReportMetric(charts/n, "charts-ms/op")
	b.ReportMetric(hugo/n, "hugo-ms/op")
	raw, gz := pageWeight(b, out, "dinas-sosial-sidoarjo/2021/index.html")
	b.ReportMetric(float64(raw), "home-bytes")
	b.ReportMetric(float64(gz), "home-gzip-bytes")
}

var assetRe = regexp.MustCompile(`(?:<link rel="stylesheet" href|<script src)="/([^"]+)"`)

// pageWeight sums a page and the CSS and JS it loads, raw and gzipped.
func pageWeight(b *testing.B, out, page string) (raw, gz int) {
	html, err := os.ReadFile(filepath.Join(out, page))
	if err != nil {
		b.Fatal(err)
	}
	files := [][]byte{html}
	for _, m := range assetRe.FindAllSubmatch(html, -1) {
		asset, err := os.ReadFile(filepath.Join(out, string(m[1])))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, asset)
	}
	for _, f := range files {
		raw += len(f)
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(f)
		w.Close()
		gz += buf.Len()
	}
	return raw, gz
}
