package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
)

// splitAgencies reads -instansi a,b (empty: every agency).
func splitAgencies(arg string) []string {
	var out []string
	for _, a := range strings.Split(arg, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// merge joins the shards of a sharded build (each built with build
// -instansi, all from the same data/) into one site in out, and lists the
// shards' search indexes (shardList), so that one search covers every
// shard: no Pagefind run over the whole site, whose memory grows with it.
// A file that several shards hold (the home page, feed, sitemap, glossary,
// search page and the index of these pages, CSS and scripts) must be
// byte-identical in all of them: a difference means the shards were built
// from different data or templates, and nothing is published. The site in
// out is replaced only when the merge is complete.
func merge(root, out string, shards []string, log io.Writer) error {
	if len(shards) == 0 {
		return fmt.Errorf("%w: merge -out DIR SHARD1 SHARD2 …: sebutkan folder hasil build -instansi", errUsage)
	}
	if err := checkOutput(root, out); err != nil {
		return err
	}
	if err := hugosite.PrepareOutput(out); err != nil {
		return err
	}
	tmp, err := hugosite.NewOutput(out)
	if err != nil {
		return err
	}
	from := map[string]string{} // file → the shard it came from
	var conflicts []error
	for _, shard := range shards {
		if _, err := os.Stat(filepath.Join(shard, hugosite.Marker)); err != nil {
			_ = os.RemoveAll(tmp)
			return fmt.Errorf("%s bukan hasil build alat ini (tidak ada %s)", shard, hugosite.Marker)
		}
		err := filepath.WalkDir(shard, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(shard, p)
			dst := filepath.Join(tmp, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if prev, ok := from[rel]; ok {
				if old, err := os.ReadFile(dst); err != nil || !bytes.Equal(old, b) {
					conflicts = append(conflicts, fmt.Errorf("%s berbeda di %s dan %s", rel, prev, shard))
				}
				return nil
			}
			from[rel] = shard
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			_ = os.RemoveAll(tmp)
			return err
		}
	}
	if len(conflicts) > 0 {
		_ = os.RemoveAll(tmp)
		return fmt.Errorf("bagian-bagian tidak dibangun dari data dan templat yang sama; situs tidak diganti:\n%w", errors.Join(conflicts...))
	}
	n, err := writeShardList(tmp, len(shards))
	if err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	if err := hugosite.Publish(tmp, out); err != nil {
		return err
	}
	fmt.Fprintf(log, "Situs digabung di %s dari %d bagian (%d berkas), %d indeks pencarian terdaftar.\n", out, len(shards), len(from), n)
	return nil
}

// shardList is the file, below the site, that lists the search indexes of
// the shards of a merged site (a JSON list of folder names below it); the
// search page reads it (data-merge-list) and searches them as one.
const shardList = "pagefind-instansi/daftar.json"

// shardBundle is the folder of the search index of the shard of these
// agencies: named after the first one, which no other shard holds.
func shardBundle(agencies []string) string {
	first := slices.Min(agencies)
	return path.Join(path.Dir(shardList), first)
}

// shardIndex indexes a shard (build -instansi) in site: its agencies'
// pages, in every language, into shardBundle; the pages every shard shares
// (everything else it built) into pagefind/, the same in every shard.
func shardIndex(ctx context.Context, root string, ls *loadedSite, agencies []string, site string) error {
	dirs := agencyDirs(agencies, ls.locs)
	own := map[string]bool{}
	for _, d := range dirs {
		own[d] = true
	}
	if err := runPagefind(ctx, root, site, "--glob", pagefindGlob(dirs), "--output-subdir", shardBundle(agencies)); err != nil {
		return err
	}
	// the shared pages: every entry of the site, and of each language's
	// folder, but the shard's agencies
	langs := map[string]bool{}
	for _, loc := range ls.locs[1:] {
		langs[loc.Lang] = true
	}
	var shared []string
	var list func(dir string) error
	list = func(dir string) error {
		entries, err := os.ReadDir(filepath.Join(site, filepath.FromSlash(dir)))
		if err != nil {
			return err
		}
		for _, e := range entries {
			rel := path.Join(dir, e.Name())
			switch {
			case own[rel] || strings.HasPrefix(e.Name(), "pagefind"):
			case e.IsDir() && dir == "" && langs[e.Name()]:
				if err := list(rel); err != nil {
					return err
				}
			case e.IsDir():
				shared = append(shared, rel+"/**/*.html")
			case strings.HasSuffix(e.Name(), ".html"):
				shared = append(shared, rel)
			}
		}
		return nil
	}
	if err := list(""); err != nil {
		return err
	}
	return runPagefind(ctx, root, site, "--glob", "{"+strings.Join(shared, ",")+"}")
}

// writeShardList lists the shards' search indexes of the merged site in
// dir (shardList) and returns their number; every shard must have one.
func writeShardList(dir string, shards int) (int, error) {
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(path.Dir(shardList))))
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name()+"/")
		}
	}
	if err != nil || len(names) != shards {
		return 0, fmt.Errorf("%d dari %d bagian punya indeks pencarian sendiri (%s): bangun ulang setiap bagian dengan build -instansi versi ini", len(names), shards, path.Dir(shardList))
	}
	b, err := json.Marshal(names)
	if err != nil {
		return 0, err
	}
	return len(names), os.WriteFile(filepath.Join(dir, filepath.FromSlash(shardList)), b, 0o644)
}
