// Package echarts builds chart options with go-echarts and renders them to
// SVG at build time with ECharts itself (server-side rendering in Node), so
// that a page shows its charts without downloading the charting library.
package echarts

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

//go:embed render.mjs
var renderScript []byte

// Spec is one chart to render: its options and its size in pixels.
type Spec struct {
	Key    string         `json:"key"`
	Width  int            `json:"width"`
	Height int            `json:"height"`
	Option map[string]any `json:"option"`
	// TooltipFormat names the number format of the interactive tooltip.
	TooltipFormat string `json:"-"`
}

// Render returns each chart's SVG by key. Charts whose options were already
// rendered (same options, same ECharts, same script) come from cacheDir;
// the rest are rendered by one Node process. projectRoot is where
// package.json and node_modules are. cacheDir may be "" (no cache).
func Render(ctx context.Context, projectRoot, cacheDir string, specs []Spec) (map[string]string, error) {
	out := map[string]string{}
	version, _ := os.ReadFile(filepath.Join(projectRoot, "node_modules", "echarts", "package.json"))
	hashes := map[string]string{}
	var missing []Spec
	for _, s := range specs {
		b, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		h := sha256.New()
		h.Write(renderScript)
		h.Write(version)
		h.Write(b)
		hashes[s.Key] = hex.EncodeToString(h.Sum(nil))
		if cacheDir != "" {
			if svg, err := os.ReadFile(filepath.Join(cacheDir, hashes[s.Key]+".svg")); err == nil {
				out[s.Key] = string(svg)
				continue
			}
		}
		missing = append(missing, s)
	}
	rendered, err := renderWithNode(ctx, projectRoot, missing)
	if err != nil {
		return nil, err
	}
	for key, svg := range rendered {
		svg = stableIDs(svg, path.Base(key))
		out[key] = svg
		if cacheDir != "" {
			_ = os.MkdirAll(cacheDir, 0o755)
			_ = os.WriteFile(filepath.Join(cacheDir, hashes[key]+".svg"), []byte(svg), 0o644)
		}
	}
	return out, nil
}

// zrender numbers its ids and CSS classes across all charts of a process,
// so the same chart would get other ids beside other charts.
var zrID = regexp.MustCompile(`zr\d+-[a-z]+-?\d+`)

// stableIDs renames them per chart, in order of first appearance: the SVG
// depends only on its own options, and ids never clash on a page.
func stableIDs(svg, name string) string {
	seen := map[string]string{}
	return zrID.ReplaceAllStringFunc(svg, func(id string) string {
		if n, ok := seen[id]; ok {
			return n
		}
		n := fmt.Sprintf("g-%s-%d", name, len(seen)+1)
		seen[id] = n
		return n
	})
}

func renderWithNode(ctx context.Context, projectRoot string, specs []Spec) (map[string]string, error) {
	if len(specs) == 0 {
		return map[string]string{}, nil
	}
	sorted := append([]Spec(nil), specs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Key < sorted[j].Key })
	input, err := json.Marshal(sorted)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "lakip-charts-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "render.mjs")
	if err := os.WriteFile(script, renderScript, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", script, projectRoot)
	cmd.Dir = projectRoot
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("merender grafik dengan ECharts (node) gagal: %v\n%s", err, stderr.String())
	}
	out := map[string]string{}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("keluaran perender grafik tidak terbaca: %v", err)
	}
	for _, s := range specs {
		if out[s.Key] == "" {
			return nil, fmt.Errorf("grafik %s tidak dirender", s.Key)
		}
	}
	return out, nil
}

// Accessible gives a rendered SVG a role, a title and a description, so that
// a screen reader announces the chart's text alternative. id must be unique
// on the page that inlines the SVG.
func Accessible(svg, id, title, desc string) string {
	i := strings.Index(svg, ">")
	if !strings.HasPrefix(svg, "<svg") || i < 0 {
		return svg
	}
	var b strings.Builder
	b.WriteString(svg[:i])
	fmt.Fprintf(&b, ` role="img" aria-labelledby="%s-title %s-desc" focusable="false">`, id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, xmlEscape(title), id, xmlEscape(desc))
	b.WriteString(svg[i+1:])
	return b.String()
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
