package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// serve builds the site, serves it on addr and rebuilds when data/,
// layouts/, content/, assets/, i18n/, static/ or config.toml change. A
// failed rebuild keeps serving the previous site and prints the errors.
func serve(ctx context.Context, o buildOptions, addr string) error {
	if _, err := build(ctx, o); err != nil && !errors.Is(err, errDataInvalid) {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(o.Out)), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	fmt.Fprintf(o.Log, "Menyajikan situs di http://%s/ (Ctrl+C untuk berhenti).\n", ln.Addr())
	last := sourceStamp(o.Root)
	tick := time.NewTicker(700 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			return srv.Shutdown(shut)
		case <-tick.C:
			if now := sourceStamp(o.Root); now != last {
				last = now
				fmt.Fprintln(o.Log, "Perubahan terdeteksi, membangun ulang…")
				if _, err := build(ctx, o); err != nil {
					fmt.Fprintf(o.Log, "Pembangunan ulang gagal; situs sebelumnya tetap disajikan: %v\n", err)
				}
			}
		}
	}
}

// sourceStamp summarises the modification times and sizes of the inputs.
func sourceStamp(root string) string {
	var n int64
	var latest time.Time
	for _, dir := range []string{"data", "layouts", "content", "assets", "i18n", "static", "config.toml"} {
		_ = filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				n += info.Size() + 1
				if info.ModTime().After(latest) {
					latest = info.ModTime()
				}
			}
			return nil
		})
	}
	_, statErr := os.Stat(root)
	return fmt.Sprint(n, latest.UnixNano(), statErr == nil)
}
