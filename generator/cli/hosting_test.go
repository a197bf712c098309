package cli

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var metaRe = regexp.MustCompile(`<(?:meta (?:property|name)="([a-z:_]+)" content|link rel="(canonical)" href)="([^"]*)"`)

func metas(page string) map[string]string {
	m := map[string]string{}
	for _, x := range metaRe.FindAllStringSubmatch(page, -1) {
		m[x[1]+x[2]] = x[3]
	}
	return m
}

// pageURLs lists the URL of every HTML page of a built site under base.
func pageURLs(t *testing.T, out, base string) []string {
	var urls []string
	for _, p := range htmlPages(t, out) {
		rel, _ := filepath.Rel(out, p)
		rel = strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		urls = append(urls, base+rel)
	}
	sort.Strings(urls)
	return urls
}

func TestSharingMetadata(t *testing.T) {
	out := builtSite(t)
	base := configBaseURL(t)
	for _, u := range pageURLs(t, out, base) {
		page := readPage(t, out, strings.TrimPrefix(u, base)+"index.html")
		m := metas(page)
		if m["canonical"] != u || m["og:url"] != u {
			t.Errorf("%s: canonical %q og:url %q", u, m["canonical"], m["og:url"])
		}
		for _, k := range []string{"og:title", "og:description", "og:type", "og:site_name", "twitter:card", "twitter:title", "description"} {
			if m[k] == "" {
				t.Errorf("%s: no %s", u, k)
			}
		}
	}
}

func TestSitemapRobotsFeed(t *testing.T) {
	out := builtSite(t)
	base := configBaseURL(t)
	// the root sitemap is an index of one sitemap per language
	var index struct {
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal([]byte(readPage(t, out, "sitemap.xml")), &index); err != nil {
		t.Fatal(err)
	}
	if len(index.Sitemaps) != 2 {
		t.Fatalf("sitemap index lists %d sitemaps, want one per language (2)", len(index.Sitemaps))
	}
	var locs []string
	for _, sub := range index.Sitemaps {
		var sm struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal([]byte(readPage(t, out, strings.TrimPrefix(sub.Loc, base))), &sm); err != nil {
			t.Fatal(err)
		}
		for _, u := range sm.URLs {
			locs = append(locs, u.Loc)
		}
	}
	sort.Strings(locs)
	if want := pageURLs(t, out, base); strings.Join(locs, "\n") != strings.Join(want, "\n") {
		t.Errorf("sitemap lists %d URLs, the site has %d pages", len(locs), len(want))
	}
	if robots := readPage(t, out, "robots.txt"); !strings.Contains(robots, "Sitemap: "+base+"sitemap.xml") {
		t.Errorf("robots.txt: %s", robots)
	}
	var feed struct {
		Channel struct {
			Items []struct {
				Title string `xml:"title"`
				Link  string `xml:"link"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal([]byte(readPage(t, out, "index.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Channel.Items) != 1 || feed.Channel.Items[0].Link != base+"dinas-sosial-sidoarjo/2021/" {
		t.Errorf("feed items %+v", feed.Channel.Items)
	}
	if !strings.Contains(readPage(t, out, "index.html"), `type="application/rss+xml"`) {
		t.Error("the home page does not announce the feed")
	}
}

// TestSubPathHosting builds the site for https://example.go.id/kinerja/ (a
// GitHub Pages project site, say) and checks that every link, script,
// stylesheet, chart option and the search bundle stay under /kinerja/.
func TestSubPathHosting(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	const base = "https://example.go.id/kinerja/"
	out := buildIn(t, copyProject(t), "-baseurl", base)
	checkLinks(t, out, base)
	lic := licenseURL(t)
	for _, p := range htmlPages(t, out) {
		b, _ := os.ReadFile(p)
		for _, ref := range links(string(b)) {
			if strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, base) || ref == lic {
				continue
			}
			if !strings.HasPrefix(ref, "/kinerja/") {
				t.Errorf("%s: %q is not under /kinerja/", p, ref)
			}
		}
	}
	search := readPage(t, out, "cari/index.html")
	for _, want := range []string{`data-bundle="/kinerja/pagefind/"`, `src="/kinerja/pagefind/pagefind-ui.js"`} {
		if !strings.Contains(search, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	if robots := readPage(t, out, "robots.txt"); !strings.Contains(robots, "Sitemap: "+base+"sitemap.xml") {
		t.Errorf("robots.txt: %s", robots)
	}
}

// licenseURL is the address of the data licence (config.toml): the one
// link that leads to another site on purpose (a link, never a resource).
func licenseURL(t *testing.T) string {
	t.Helper()
	lic, err := siteLicense(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return lic.Path
}
