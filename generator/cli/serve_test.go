package cli

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRe = regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)

// TestServeLivePreview serves the seed site through Hugo's server, edits
// the data and sees, without restarting: the terminal naming the changed
// file and the rebuild's duration, the reload signal sent to open pages,
// the new text on the page; then a broken edit shown in the page with
// file:line, and the good state back once it is fixed.
//
// serve runs as a process of its own (cliProcess), stopped as a reader stops
// it, with Ctrl+C: Hugo's watcher, once closed, leaves a goroutine spinning
// on its closed channels (commands/hugobuilder.go, v0.165), which in the
// test process took a core from every test after this one.
func TestServeLivePreview(t *testing.T) {
	t.Parallel() // beside the browser checks (TestBrowser)
	root := copyProject(t)
	log := &syncBuffer{}
	cmd := cliProcess("serve", "-root", root, "-addr", "127.0.0.1:0")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var addr string
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v; log:\n%s", err, log.String())
			}
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("serve did not stop after Ctrl+C; log:\n%s", log.String())
		}
		if addr != "" {
			if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
				c.Close()
				t.Errorf("%s still accepts connections after serve stopped", addr)
			}
		}
	}()
	waitFor(t, 60*time.Second, func() bool {
		m := servingRe.FindStringSubmatch(log.String())
		if m != nil {
			addr = m[1]
		}
		return m != nil
	}, log)
	page := "http://" + addr + "/dinas-sosial-sidoarjo/2021/"
	body := get(t, page)
	if !strings.Contains(body, "Laporan Kinerja Dinas Sosial Kabupaten Sidoarjo Tahun 2021") {
		t.Fatalf("served page lacks the report title")
	}
	// (c) Hugo's livereload script is in every page and its socket answers
	if !strings.Contains(body, `src="/livereload.js?`) {
		t.Errorf("no livereload script in the served page")
	}
	if js := get(t, "http://"+addr+"/livereload.js"); len(js) < 1000 {
		t.Errorf("no livereload.js")
	}
	// search is indexed once, when serve starts
	if js := get(t, "http://"+addr+"/pagefind/pagefind.js"); len(js) < 1000 {
		t.Errorf("no Pagefind index under serve")
	}
	// the published site is never written by serve
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Errorf("serve wrote public/")
	}
	reloads := listenLiveReload(t, addr)

	file := filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021", "laporan.toml")
	edit(t, file, `judul = "Laporan Kinerja Dinas Sosial Kabupaten Sidoarjo Tahun 2021"`, `judul = "Laporan Kinerja (disunting) 2021"`)
	// (a) the terminal names the file and the time the rebuild took
	rebuilt := regexp.MustCompile(`Dibangun ulang dalam \d[\d.]*m?s .*data/dinas-sosial-sidoarjo/2021/laporan\.toml`)
	waitFor(t, 30*time.Second, func() bool { return rebuilt.MatchString(log.String()) }, log)
	if !strings.Contains(log.String(), "Berubah: data/dinas-sosial-sidoarjo/2021/laporan.toml") {
		t.Errorf("the terminal does not name the changed file; log:\n%s", log.String())
	}
	// (b) the page changed; (c) open pages were told to reload
	waitFor(t, 30*time.Second, func() bool { return strings.Contains(get(t, page), "Laporan Kinerja (disunting) 2021") }, log)
	select {
	case msg := <-reloads:
		if !strings.Contains(msg, `"command":"reload"`) {
			t.Errorf("livereload sent %s, want a reload", msg)
		}
	case <-time.After(15 * time.Second):
		t.Errorf("no livereload message after the rebuild")
	}

	// (d) a broken edit: the page shows the problem with its line…
	edit(t, file, `judul = "Laporan Kinerja (disunting) 2021"`, `judull = "Laporan Kinerja (rusak) 2021"`)
	var broken string
	waitFor(t, 30*time.Second, func() bool {
		broken = get(t, page)
		return strings.Contains(broken, "Pratinjau belum dapat diperbarui")
	}, log)
	for _, want := range []string{"data/dinas-sosial-sidoarjo/2021/laporan.toml:3:1:", "judull", `src="/livereload.js?`} {
		if !strings.Contains(broken, want) {
			t.Errorf("error page lacks %q:\n%s", want, broken)
		}
	}
	if !strings.Contains(log.String(), "GALAT DATA (2)") || strings.Count(log.String(), "laporan.judull:") != 1 {
		t.Errorf("the terminal should list the data problems once; log:\n%s", log.String())
	}
	// …every page, not only the one edited
	if home := get(t, "http://"+addr+"/"); !strings.Contains(home, "Pratinjau belum dapat diperbarui") {
		t.Errorf("the home page does not show the error")
	}
	// …and the fix brings the pages back
	edit(t, file, `judull = "Laporan Kinerja (rusak) 2021"`, `judul = "Laporan Kinerja (pulih) 2021"`)
	waitFor(t, 30*time.Second, func() bool { return strings.Contains(get(t, page), "Laporan Kinerja (pulih) 2021") }, log)
	// the terminal says so, and the error page leaves the stage: both
	// may come a moment after Hugo has shown the page again (serve runs
	// in a process of its own, its output comes through a pipe)
	errorPage := filepath.Join(root, hugosite.StageDir, "gen", "content", "galat-pratinjau.md")
	valid := func() bool { return strings.Contains(log.String(), "Data kembali valid") }
	gone := func() bool { _, err := os.Stat(errorPage); return os.IsNotExist(err) }
	for deadline := time.Now().Add(15 * time.Second); !(valid() && gone()) && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
	}
	if !valid() {
		t.Errorf("the terminal does not say the data is valid again")
	}
	if !gone() {
		t.Errorf("the error page is still staged")
	}
}

// listenLiveReload connects to Hugo's livereload socket as the page's
// script does and returns the text messages it receives.
func listenLiveReload(t *testing.T, addr string) <-chan string {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "GET /livereload HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", addr)
	r := bufio.NewReader(conn)
	status, err := r.ReadString('\n')
	if err != nil || !strings.Contains(status, " 101 ") {
		t.Fatalf("livereload handshake: %q %v", status, err)
	}
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if line == "\r\n" {
			break
		}
	}
	msgs := make(chan string, 16)
	go func() {
		defer close(msgs)
		for {
			var head [2]byte
			if _, err := io.ReadFull(r, head[:]); err != nil {
				return
			}
			n := uint64(head[1] & 0x7f)
			switch n {
			case 126:
				var ext [2]byte
				if _, err := io.ReadFull(r, ext[:]); err != nil {
					return
				}
				n = uint64(binary.BigEndian.Uint16(ext[:]))
			case 127:
				var ext [8]byte
				if _, err := io.ReadFull(r, ext[:]); err != nil {
					return
				}
				n = binary.BigEndian.Uint64(ext[:])
			}
			payload := make([]byte, n)
			if _, err := io.ReadFull(r, payload); err != nil {
				return
			}
			if head[0]&0x0f == 1 { // text frame
				select {
				case msgs <- string(payload):
				default:
				}
			}
		}
	}()
	return msgs
}

// cliChildEnv makes the test binary the generator (TestMain), for
// cliProcess.
const cliChildEnv = "LAKIP_UJI_PERINTAH"

// cliProcess runs the generator with the command line args as a process
// of its own: the test binary, which TestMain turns into the generator.
func cliProcess(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), cliChildEnv+"=1")
	return cmd
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func waitFor(t *testing.T, limit time.Duration, ok func() bool, log *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out; log:\n%s", log.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}
