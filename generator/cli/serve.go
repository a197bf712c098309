package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
)

// serve is the live preview for staff. The generator stages the data as a
// build does and runs Hugo's development server in-process on the project:
// Hugo watches layouts/, content/, assets/, i18n/, static/, config.toml and
// the staging folder, rebuilds only what a change touches and reloads the
// open browser pages. serve watches data/ (and config.toml, which holds the
// data licence) and re-stages on change, writing only the staged files that
// differ, so that Hugo sees just those.
//
// When the data cannot be loaded, the previous good stage stays and one page
// is added whose layout (layouts/galat-pratinjau.html) fails Hugo's build on
// purpose with the data problems: Hugo's server then shows them, file:line
// and all, in every open page (layouts/_server/error.html), until a save
// fixes them and the pages reload with the good state.
//
// Hugo renders into .build/pratinjau/, never into public/. Pagefind indexes
// that folder once at the start: search works under serve but finds what
// the pages said then. The build lock is held while serve runs, since a
// build would rewrite the staging folder under the server.
func serve(ctx context.Context, o buildOptions, addr string) error {
	if err := ensureNodeModules(ctx, o.Root, o.Log, false); err != nil {
		return err
	}
	bind, port, err := serveAddress(addr)
	if err != nil {
		return err
	}
	unlock, err := lockBuild(ctx, o.Root, o.Log)
	if err != nil {
		return err
	}
	defer unlock()
	p := &preview{o: o, stageDir: hugosite.GenPath(o.Root)}

	watched := inputStamps(o.Root)
	first := p.restage(ctx)
	if first != nil {
		p.reportError(first)
		// Hugo's first build must succeed, or its server stops: start it on
		// the previous stage (or an empty one, without the error page a
		// killed serve may have left) and show the problem after.
		if err := os.Remove(filepath.Join(p.stageDir, filepath.FromSlash(errorPagePath))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if _, err := os.Stat(p.stageDir); err != nil {
			if _, err := hugosite.NewStage(p.stageDir).Sync(); err != nil {
				return err
			}
		}
	}
	dest := filepath.Join(o.Root, hugosite.StageDir, "pratinjau")
	if err := os.RemoveAll(dest); err != nil {
		return err
	}
	srv, err := hugosite.StartServer(hugosite.ServerOptions{Root: o.Root, Dest: dest, Bind: bind, Port: port, Line: p.hugoLine})
	if err != nil {
		return fmt.Errorf("server Hugo gagal dimulai (perbaiki galat di atas lalu jalankan serve lagi): %w", err)
	}
	defer func() {
		if err := srv.Stop(15 * time.Second); err != nil {
			fmt.Fprintf(o.Log, "Server Hugo: %v\n", err)
		}
	}()
	if err := searchIndex(ctx, o.Root, dest); err != nil {
		fmt.Fprintf(o.Log, "Pencarian tidak tersedia di pratinjau: %v\n", err)
	}
	if first != nil {
		p.showError(first)
	}
	p.setReady()
	fmt.Fprintf(o.Log, "Menyajikan pratinjau di %s (Ctrl+C untuk berhenti). Halaman yang terbuka dimuat ulang sendiri setelah setiap perubahan; pencarian memakai indeks saat serve dimulai.\n", srv.URL)

	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-srv.Exited():
			return nil // Ctrl+C reached Hugo's server too
		case <-tick.C:
			now := inputStamps(o.Root)
			changed := diffStamps(watched, now)
			if len(changed) == 0 {
				continue
			}
			watched = now
			p.rebuild(ctx, changed)
		}
	}
}

// preview is serve's state: the last good stage and what the terminal has
// been told.
type preview struct {
	o        buildOptions
	stageDir string

	mu       sync.Mutex
	good     *hugosite.Stage // last stage built from valid data
	failing  bool            // the error page is staged
	ready    bool            // Hugo has started; its start-up chatter is over
	pending  []string        // files whose change Hugo is rebuilding
	since    time.Time       // when that change was seen
	genTime  time.Duration   // how long the generator took for it
	ownError bool            // Hugo is printing the error page's message
	hugoErr  bool            // Hugo reported an error since its last rebuild
}

const errorPagePath = "content/galat-pratinjau.md"

// errorMarker opens the message of the error page, so that the terminal
// does not print the data problems twice (serve prints them itself).
const errorMarker = "GALAT DATA — pratinjau belum dapat diperbarui"

// restage loads the data and syncs the stage; on error the stage is left
// as it was.
func (p *preview) restage(ctx context.Context) error {
	var st buildStats
	stage, _, err := stageSite(ctx, p.o, &st)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.good = stage
	p.failing = false
	p.mu.Unlock()
	_, err = stage.Sync()
	return err
}

// rebuild re-stages after a change in data/ or config.toml.
func (p *preview) rebuild(ctx context.Context, changed []string) {
	t0 := time.Now()
	fmt.Fprintf(p.o.Log, "\nBerubah: %s\n", strings.Join(limitList(changed, 5), ", "))
	var st buildStats
	stage, _, err := stageSite(ctx, p.o, &st)
	if err != nil {
		p.reportError(err)
		p.showError(err)
		return
	}
	p.mu.Lock()
	wasFailing := p.failing
	p.good, p.failing = stage, false
	p.pending, p.since, p.genTime = changed, t0, time.Since(t0)
	p.mu.Unlock()
	written, err := stage.Sync()
	if err != nil {
		fmt.Fprintf(p.o.Log, "Folder staging tidak dapat ditulis: %v\n", err)
		return
	}
	if wasFailing {
		fmt.Fprintln(p.o.Log, "Data kembali valid; halaman dipulihkan.")
	}
	if len(written) == 0 {
		p.mu.Lock()
		p.pending = nil
		p.mu.Unlock()
		fmt.Fprintf(p.o.Log, "Dibangun ulang dalam %v: tidak ada halaman yang berubah.\n", roundDuration(time.Since(t0)))
	}
}

// reportError prints why the data could not be staged.
func (p *preview) reportError(err error) {
	var problems tomldata.Problems
	if errors.As(err, &problems) {
		fmt.Fprintf(p.o.Log, "GALAT DATA (%d) — pratinjau menampilkan galat ini sampai diperbaiki:\n\n%s\n\n", len(problems), problems.Error())
		return
	}
	fmt.Fprintf(p.o.Log, "Pratinjau tidak dapat diperbarui — galat ditampilkan di peramban sampai diperbaiki:\n%v\n", err)
}

// showError stages the last good stage plus the error page.
func (p *preview) showError(cause error) {
	msg := errorMarker + "\n\n"
	var problems tomldata.Problems
	if errors.As(cause, &problems) {
		msg += fmt.Sprintf("%d masalah data. Perbaiki berkas berikut lalu simpan; halaman ini dimuat ulang sendiri.\n\n%s", len(problems), problems.Error())
	} else {
		msg += cause.Error()
	}
	// Hugo's error page drops repeated ": "-separated parts of a message;
	// a no-break space keeps every problem whole and looks the same.
	msg = strings.ReplaceAll(msg, ": ", ":\u00a0")
	fm, _ := json.MarshalIndent(map[string]any{
		"title":   "Galat data",
		"layout":  "galat-pratinjau",
		"build":   map[string]any{"list": "never"},
		"sitemap": map[string]any{"disable": true},
		"params":  map[string]any{"pesan": msg},
	}, "", " ")
	p.mu.Lock()
	base := p.good
	p.failing = true
	p.pending = nil
	p.mu.Unlock()
	if base == nil {
		base = hugosite.NewStage(p.stageDir)
	}
	if _, err := base.With(errorPagePath, append(fm, '\n')).Sync(); err != nil {
		fmt.Fprintf(p.o.Log, "Folder staging tidak dapat ditulis: %v\n", err)
	}
}

func (p *preview) setReady() {
	p.mu.Lock()
	p.ready = true
	p.mu.Unlock()
}

var (
	hugoTotalRe   = regexp.MustCompile(`^(?:Total|Rebuilt) in (\d+) ms$`)
	hugoChangedRe = regexp.MustCompile(`^(?:Source changed|Template (?:added|changed|removed)|Asset changed|Static file changed) (.+)$`)
	hugoNoiseRe   = regexp.MustCompile(`^(?:\s*$|\d{4}-\d\d-\d\d \d\d:|Change(?: of .*)? detected, rebuilding|Web Server is available|Watching for|Environment:|Serving pages from|Running in Fast Render|Start building|hugo v|Built in|Syncing |Data changed|File no longer exists|adding created directory|Press Ctrl)`)
	hugoLevelRe   = regexp.MustCompile(`^(ERROR|WARN)\s`)
)

// hugoLine turns what Hugo's server prints into serve's Indonesian
// messages: which file changed and how long the rebuild took. Errors and
// warnings pass through; the rest of Hugo's chatter is dropped.
func (p *preview) hugoLine(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	trimmed := strings.TrimSpace(line)
	if p.ownError {
		if !hugoLevelRe.MatchString(trimmed) && !hugoTotalRe.MatchString(trimmed) && !hugoNoiseRe.MatchString(trimmed) || trimmed == "" {
			return // the rest of the error page's message
		}
		p.ownError = false
	}
	if m := hugoLevelRe.FindStringSubmatch(trimmed); m != nil {
		switch {
		case m[1] == "ERROR" && strings.Contains(trimmed, errorMarker):
			p.ownError = true
		case p.failing && strings.Contains(trimmed, "logged 1 error"):
		case m[1] == "WARN" && strings.Contains(trimmed, "deprecated"):
			// Hugo's notes for theme authors, not for staff
		default:
			if m[1] == "ERROR" {
				p.hugoErr = true
			}
			fmt.Fprintf(p.o.Log, "Hugo: %s\n", trimmed)
		}
		return
	}
	if !p.ready {
		return // start-up: the build statistics and the like
	}
	if m := hugoTotalRe.FindStringSubmatch(trimmed); m != nil {
		ms, _ := strconv.Atoi(m[1])
		hugo := time.Duration(ms) * time.Millisecond
		switch {
		case p.failing:
			fmt.Fprintf(p.o.Log, "Halaman galat ditampilkan di peramban (Hugo %v).\n", hugo)
		case p.hugoErr:
			fmt.Fprintf(p.o.Log, "Pembangunan ulang gagal (Hugo %v): galat di atas juga ditampilkan di peramban sampai diperbaiki.\n", hugo)
		case p.pending != nil:
			fmt.Fprintf(p.o.Log, "Dibangun ulang dalam %v (data dan grafik %v, Hugo %v): %s\n",
				roundDuration(time.Since(p.since)), roundDuration(p.genTime), hugo, strings.Join(limitList(p.pending, 3), ", "))
			p.pending = nil
		default:
			fmt.Fprintf(p.o.Log, "Dibangun ulang dalam %v.\n", hugo)
		}
		p.hugoErr, p.pending = false, nil
		return
	}
	if m := hugoChangedRe.FindStringSubmatch(trimmed); m != nil {
		if p.pending == nil && !p.failing {
			// a hand-written file (layouts/, content/, assets/…): Hugo names
			// it inside its component
			fmt.Fprintf(p.o.Log, "\nBerubah: %s (dibaca Hugo)\n", m[1])
		}
		return
	}
	if hugoNoiseRe.MatchString(trimmed) {
		return
	}
	fmt.Fprintf(p.o.Log, "Hugo: %s\n", trimmed)
}

// serveAddress splits -addr; port 0 picks a free port (Hugo needs to know
// the port, it goes into the pages' addresses).
func serveAddress(addr string) (string, int, error) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("%w: -addr %q: %v", errUsage, addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, fmt.Errorf("%w: -addr %q: port tidak sah", errUsage, addr)
	}
	if port == 0 {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			return "", 0, err
		}
		port = ln.Addr().(*net.TCPAddr).Port
		ln.Close()
	}
	return host, port, nil
}

// inputStamps records the size and modification time of every file serve
// itself watches: data/ and config.toml (Hugo watches the rest).
func inputStamps(root string) map[string]string {
	stamps := map[string]string{}
	record := func(p string, info fs.FileInfo) {
		rel, _ := filepath.Rel(root, p)
		stamps[filepath.ToSlash(rel)] = fmt.Sprint(info.Size(), info.ModTime().UnixNano())
	}
	_ = filepath.WalkDir(dataDir(root), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(d.Name(), "~") {
			return nil // folders, editors' swap and backup files
		}
		if info, err := d.Info(); err == nil {
			record(p, info)
		}
		return nil
	})
	cfg := filepath.Join(root, "config.toml")
	if info, err := os.Stat(cfg); err == nil {
		record(cfg, info)
	}
	return stamps
}

// diffStamps lists the files added, changed or removed, sorted.
func diffStamps(old, now map[string]string) []string {
	var changed []string
	for p, s := range now {
		if old[p] != s {
			changed = append(changed, p)
		}
	}
	for p := range old {
		if _, ok := now[p]; !ok {
			changed = append(changed, p+" (dihapus)")
		}
	}
	sort.Strings(changed)
	return changed
}

func limitList(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(append([]string{}, items[:n]...), fmt.Sprintf("dan %d lainnya", len(items)-n))
}

func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(10 * time.Millisecond)
}
