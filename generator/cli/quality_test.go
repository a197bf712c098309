package cli

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func htmlPages(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	if len(pages) < 10 {
		t.Fatalf("only %d pages", len(pages))
	}
	return pages
}

// TestHTMLValid runs html-validate (npm, pinned) over every generated page.
func TestHTMLValid(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	out := builtSite(t)
	abs, _ := filepath.Abs(repoRoot)
	args := append([]string{filepath.Join(abs, "node_modules", "html-validate", "bin", "html-validate.mjs"),
		"--config", filepath.Join(abs, ".htmlvalidate.json")}, htmlPages(t, out)...)
	cmd := exec.Command("node", args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		t.Fatalf("html-validate: %v\n%s", err, buf.String())
	}
}

var idRe = regexp.MustCompile(`\sid="([^"]+)"`)

// TestInternalLinksResolve: every internal href and src points at a file of
// the built site, and every #fragment at an element of that page.
func TestInternalLinksResolve(t *testing.T) {
	checkLinks(t, builtSite(t), configBaseURL(t))
}

// checkLinks resolves every link of the built site in out, published at
// base (which may carry a sub-path).
func checkLinks(t *testing.T, out, base string) {
	t.Helper()
	baseURL, _ := url.Parse(base)
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		b, _ := os.ReadFile(file)
		m := map[string]bool{}
		for _, x := range idRe.FindAllStringSubmatch(string(b), -1) {
			m[x[1]] = true
		}
		ids[file] = m
		return m
	}
	checked := 0
	for _, page := range htmlPages(t, out) {
		b, _ := os.ReadFile(page)
		for _, ref := range links(string(b)) {
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", page, ref)
				continue
			}
			if u.Host != "" && u.Host != baseURL.Host {
				continue // other hosts are TestNoOtherHost's business
			}
			target := page
			if u.Path != "" {
				if strings.HasPrefix(u.Path, "/") {
					rest, ok := strings.CutPrefix(u.Path, baseURL.Path)
					if !ok {
						t.Errorf("%s: link %s is outside the site's path %s", page, ref, baseURL.Path)
						continue
					}
					target = filepath.Join(out, filepath.FromSlash(rest))
				} else {
					target = filepath.Join(filepath.Dir(page), filepath.FromSlash(u.Path))
				}
				if info, err := os.Stat(target); err == nil && info.IsDir() {
					target = filepath.Join(target, "index.html")
				}
				if _, err := os.Stat(target); err != nil {
					rel, _ := filepath.Rel(out, page)
					t.Errorf("%s: broken link %s", rel, ref)
					continue
				}
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
				rel, _ := filepath.Rel(out, page)
				t.Errorf("%s: link %s points at a missing #%s", rel, ref, u.Fragment)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d links checked", checked)
	}
}

var (
	cspRe         = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)
	inlineScript  = regexp.MustCompile(`<script(?:\s[^>]*)?>`)
	eventHandlers = regexp.MustCompile(`\son[a-z]+="`)
)

// TestContentSecurityPolicy: every page carries a CSP that allows scripts
// from this site only, and has no inline script or event handler.
func TestContentSecurityPolicy(t *testing.T) {
	out := builtSite(t)
	for _, page := range htmlPages(t, out) {
		b, _ := os.ReadFile(page)
		s := string(b)
		m := cspRe.FindStringSubmatch(s)
		if m == nil {
			t.Errorf("%s: no Content-Security-Policy meta tag", page)
			continue
		}
		csp := strings.ReplaceAll(m[1], "&#39;", "'")
		// scripts from this site only; WebAssembly compilation for the search
		// index is allowed, inline script and eval are not
		script := directive(csp, "script-src")
		if (script != "'self'" && script != "'self' 'wasm-unsafe-eval'") || directive(csp, "default-src") != "'self'" || directive(csp, "object-src") != "'none'" {
			t.Errorf("%s: weak CSP %q", page, csp)
		}
		for _, tag := range inlineScript.FindAllString(s, -1) {
			if !strings.Contains(tag, ` src="`) {
				t.Errorf("%s: inline script %s", page, tag)
			}
		}
		if eventHandlers.MatchString(s) {
			t.Errorf("%s: inline event handler attribute", page)
		}
	}
	headers, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil || !strings.Contains(string(headers), "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';") || !strings.Contains(string(headers), "frame-ancestors 'none'") {
		t.Errorf("_headers lacks the CSP: %v\n%s", err, headers)
	}
}

func directive(csp, name string) string {
	for _, part := range strings.Split(csp, ";") {
		if f := strings.Fields(part); len(f) > 0 && f[0] == name {
			return strings.Join(f[1:], " ")
		}
	}
	return ""
}

// TestHostileDataStaysText builds a site whose data contains HTML, a
// Markdown link to javascript:, and Hugo shortcode and template syntax: all
// of it must appear as plain text, nowhere as markup, link or expansion.
func TestHostileDataStaysText(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	year := filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021")
	const evil = `<script>alert(1)</script><img src=x onerror=alert(2)> [klik](javascript:alert(3)) {{< param title >}} {{ .Site.Title }} {{% ref "x" %}}`
	tomlEvil := strings.ReplaceAll(evil, `"`, `\"`)
	edit(t, filepath.Join(year, "program.toml"), `nama = "Program Pemberdayaan Sosial"`, `nama = "Program Pemberdayaan Sosial `+tomlEvil+`"`)
	edit(t, filepath.Join(year, "capaian_program.toml"), `indikator = "Jumlah PSM yang dibina"`, `indikator = "Jumlah PSM `+tomlEvil+`"`)
	edit(t, filepath.Join(year, "anggaran.toml"), `uraian = "PROGRAM PEMBERDAYAAN SOSIAL"`, `uraian = "PROGRAM PEMBERDAYAAN SOSIAL `+tomlEvil+`"`)
	narasi, _ := os.ReadFile(filepath.Join(year, "narasi.toml"))
	os.WriteFile(filepath.Join(year, "narasi.toml"), append(narasi, []byte("\n[[narasi]]\nid = \"uji\"\njudul = \""+tomlEvil+"\"\nparagraf = [\""+tomlEvil+"\"]\n")...), 0o644)
	edit(t, filepath.Join(root, "data", "dinas-sosial-sidoarjo", "instansi.toml"), `nama = "Dinas Sosial Kabupaten Sidoarjo"`, `nama = "Dinas Sosial `+tomlEvil+`"`)
	out := buildIn(t, root)
	shown := 0
	for _, page := range htmlPages(t, out) {
		b, _ := os.ReadFile(page)
		text, problems := scanHTML(string(b))
		for _, p := range problems {
			t.Errorf("%s: %s", page, p)
		}
		if strings.Contains(text, "<script>alert(1)</script>") {
			shown++
			for _, literal := range []string{"{{< param title >}}", "{{ .Site.Title }}", "[klik](javascript:alert(3))", "{{% ref"} {
				if !strings.Contains(text, literal) {
					t.Errorf("%s: %q not shown as text", page, literal)
				}
			}
		}
	}
	if shown < 5 {
		t.Errorf("the hostile text is shown as text on only %d pages", shown)
	}
	// the budget chart's SVG labels carry the programme name: escaped too
	svg, _ := os.ReadFile(filepath.Join(root, ".build", "gen", "assets", "charts", "dinas-sosial-sidoarjo", "2021", "anggaran-program.svg"))
	if bytes.Contains(svg, []byte("<script")) || bytes.Contains(svg, []byte("<img")) {
		t.Errorf("chart SVG contains markup from data")
	}
}

// scanHTML parses a page as a browser would and returns its text and what
// is wrong with its markup: an inline script, an element from the hostile
// data, an event handler, a javascript: link.
func scanHTML(page string) (string, []string) {
	var text strings.Builder
	var problems []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return text.String(), problems
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "img" {
				problems = append(problems, "an <img> element")
			}
			hasSrc := false
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					problems = append(problems, "event handler "+a.Key)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					problems = append(problems, "javascript: link")
				}
				hasSrc = hasSrc || a.Key == "src"
			}
			if tok.Data == "script" && !hasSrc {
				problems = append(problems, "inline <script>")
			}
		}
	}
}
