package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
// -instansi, all from the same data/) into one site in out, and indexes it
// with Pagefind once, so that one search covers every shard. A file that
// several shards hold (the home page, feed, sitemap, glossary, search page,
// CSS and scripts) must be byte-identical in all of them: a difference means
// the shards were built from different data or templates, and nothing is
// published. The site in out is replaced only when the merge is complete.
func merge(ctx context.Context, root, out string, shards []string, log io.Writer) error {
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
			if rel == "pagefind" && d.IsDir() {
				return filepath.SkipDir // a shard built with its own index: rebuilt below
			}
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
	if err := searchIndex(ctx, root, tmp); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	if err := hugosite.Publish(tmp, out); err != nil {
		return err
	}
	fmt.Fprintf(log, "Situs digabung di %s dari %d bagian (%d berkas), indeks pencarian dibangun.\n", out, len(shards), len(from))
	return nil
}
