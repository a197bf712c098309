package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/locale"
	"github.com/sakip-terbuka/lakip/generator/report"
)

// A build in parts (build -bagian N) builds a large site part after part,
// so that no step holds the whole site in memory: part 0 the pages every
// part shares, parts 1…N the reports of their agencies, each part staged
// apart, built by Hugo in a process of its own and indexed by Pagefind on
// its own; the search page merges the parts' indexes. The site is the same
// as built in one go but for the search index, which is split.

type partKind int

const (
	wholeSite   partKind = iota // a build in one go, or a shard (-instansi)
	sharedPart                  // the pages every part shares, no report
	reportsPart                 // the agencies of o.Agencies, nothing else
)

// buildParts builds the site in tmp part after part (see above).
func buildParts(ctx context.Context, o buildOptions, ls *loadedSite, parts [][]string, tmp string, st *buildStats) (stagedSite, error) {
	var site stagedSite
	// each part's pages get a search index of their own; the search page
	// merges them (Pagefind's mergeIndex), so that no Pagefind run holds
	// the whole site
	var bundles []string
	for i := range parts {
		bundles = append(bundles, partBundle(i+1))
	}
	// part 0 builds the pages every part shares (home page, feed, sitemap,
	// glossary, search page, scripts), with every report's pages as links;
	// parts 1…N build the reports of their agencies and nothing else
	for i := 0; i <= len(parts); i++ {
		po := o
		po.part = sharedPart
		if i > 0 {
			po.part, po.Agencies = reportsPart, parts[i-1]
		}
		dir := hugosite.PartDir(o.Root, i)
		stage, s, err := stageLoaded(ctx, po, ls, filepath.Join(dir, hugosite.GenDir), st)
		if err != nil {
			return site, err
		}
		if err := stage.AddJSON(searchBundlesData, map[string]any{"bundles": bundles}); err != nil {
			return site, err
		}
		site.reports = s.reports
		site.charts += s.charts
		cfg, err := hugosite.PartConfig(o.Root, dir)
		if err != nil {
			return site, err
		}
		pagefind := searchArgsPart(i, agencyDirs(po.Agencies, ls.locs))
		key, err := syncUnit(o, stage, cfg, pagefind, st)
		if err != nil {
			return site, err
		}
		stage = nil
		// the shared part's files first; a report part's own folders, its
		// index and what the shared part had no page for (the scripts only
		// a report's pages load); its versions of the shared pages, which
		// list only its own reports, are left out
		u := unit{dir: dir, key: key,
			hugo:  func(out string) error { return hugoProcess(ctx, o, out, cfg) },
			index: func(out string) error { return runPagefind(ctx, o.Root, out, pagefind...) },
		}
		why, err := u.build(o, tmp, st)
		if err != nil {
			return site, err
		}
		if why == "" {
			fmt.Fprintf(o.Log, "Bagian %d dari %d tidak berubah: hasil build sebelumnya dipakai lagi.\n", i, len(parts))
			continue
		}
		if i == 0 {
			fmt.Fprintf(o.Log, "Bagian 0 dari %d dibangun: halaman bersama (%s).\n", len(parts), why)
		} else {
			fmt.Fprintf(o.Log, "Bagian %d dari %d dibangun: %d instansi (%s … %s); %s.\n", i, len(parts), len(po.Agencies), po.Agencies[0], po.Agencies[len(po.Agencies)-1], why)
		}
	}
	// the folders of parts a previous build had beyond these
	dirs, _ := filepath.Glob(filepath.Join(o.Root, hugosite.StageDir, hugosite.PartsDir, "*"))
	for _, d := range dirs {
		if n, err := strconv.Atoi(filepath.Base(d)); err != nil || n < 0 || n > len(parts) {
			_ = os.RemoveAll(d)
		}
	}
	return site, nil
}

// searchBundlesData is the staged data file that lists, for the search
// page, the search indexes beside the main one (pagefind/): those of the
// parts of a build in parts. None in a build in one go.
const searchBundlesData = "data/pencarian.json"

// partBundle is the folder of the search index of part n (1, 2, …) of a
// build in parts; part 0's, of the pages every part shares, is the main
// one, pagefind/.
func partBundle(n int) string { return fmt.Sprintf("pagefind-bagian/%d/", n) }

// searchArgsPart are Pagefind's arguments for part n of a build in parts:
// for part 0 none (all its pages, the shared ones, into pagefind/), for a
// report part the pages below the folders in dirs (its agencies, in every
// language) into partBundle(n).
func searchArgsPart(n int, dirs []string) []string {
	if n == 0 {
		return nil
	}
	return []string{"--glob", pagefindGlob(dirs), "--output-subdir", strings.TrimSuffix(partBundle(n), "/")}
}

// splitParts splits the agencies of the site into parts of at most
// o.PartSize reports (build -bagian N), in the order of their folders; an
// agency is never split, one with more reports than that is a part of its
// own. None when the build is one part: no -bagian, a shard (-instansi),
// or no more reports than one part holds.
func splitParts(reports []*report.Report, o buildOptions) [][]string {
	if o.PartSize <= 0 || len(o.Agencies) > 0 || len(reports) <= o.PartSize {
		return nil
	}
	count := map[string]int{}
	var slugs []string
	for _, r := range reports {
		if count[r.Agency.Slug] == 0 {
			slugs = append(slugs, r.Agency.Slug)
		}
		count[r.Agency.Slug]++
	}
	sort.Strings(slugs)
	var parts [][]string
	n := 0
	for _, s := range slugs {
		if len(parts) == 0 || n+count[s] > o.PartSize {
			parts = append(parts, nil)
			n = 0
		}
		parts[len(parts)-1] = append(parts[len(parts)-1], s)
		n += count[s]
	}
	return parts
}

// agencyDirs are the folders of the agencies' pages in every language of
// locs (the default language's at the root, the others' below /<lang>/).
func agencyDirs(agencies []string, locs []*locale.Locale) []string {
	var dirs []string
	for _, a := range agencies {
		dirs = append(dirs, a)
		for _, loc := range locs[1:] {
			dirs = append(dirs, loc.Lang+"/"+a)
		}
	}
	return dirs
}

// pagefindGlob is Pagefind's --glob for the pages below the folders dirs.
func pagefindGlob(dirs []string) string { return "{" + strings.Join(dirs, ",") + "}/**/*.html" }
