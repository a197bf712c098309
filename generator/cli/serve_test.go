package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
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

// TestServeRebuildsOnChange serves the seed site, edits the data and sees
// the change on the served page without restarting.
func TestServeRebuildsOnChange(t *testing.T) {
	root := copyProject(t)
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, []string{"serve", "-root", root, "-addr", "127.0.0.1:0"}, log, log) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	var addr string
	waitFor(t, 60*time.Second, func() bool {
		m := servingRe.FindStringSubmatch(log.String())
		if m != nil {
			addr = m[1]
		}
		return m != nil
	}, log)
	page := "http://" + addr + "/dinas-sosial-sidoarjo/2021/"
	if body := get(t, page); !strings.Contains(body, "Laporan Kinerja Dinas Sosial Kabupaten Sidoarjo Tahun 2021") {
		t.Fatalf("served page lacks the report title")
	}
	// the search index is built with the served site
	if js := get(t, "http://"+addr+"/pagefind/pagefind.js"); len(js) < 1000 {
		t.Errorf("no Pagefind index under serve")
	}
	edit(t, filepath.Join(root, "data", "dinas-sosial-sidoarjo", "2021", "laporan.toml"),
		`judul = "Laporan Kinerja Dinas Sosial Kabupaten Sidoarjo Tahun 2021"`, `judul = "Laporan Kinerja (disunting) 2021"`)
	waitFor(t, 60*time.Second, func() bool { return strings.Contains(get(t, page), "Laporan Kinerja (disunting) 2021") }, log)
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
