package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
)

// buildLockWait is how long a build waits for another one to finish.
const buildLockWait = 10 * time.Minute

// lockBuild takes the project's build lock (.build/kunci): one build at a
// time writes the staging folder and publishes the site. A second build
// (another process, or serve rebuilding) waits for the first, saying so.
func lockBuild(ctx context.Context, root string, log io.Writer) (unlock func(), err error) {
	dir := filepath.Join(root, hugosite.StageDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, "kunci"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(buildLockWait)
	told := false
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("kunci build %s: %w", f.Name(), err)
		}
		if ok {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if !told {
			fmt.Fprintln(log, "Build lain sedang berjalan di proyek ini; menunggu sampai selesai…")
			told = true
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("build lain masih berjalan setelah %v (kunci %s): coba lagi nanti", buildLockWait, f.Name())
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}
