package tomldata

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary bytes to every file slot of a report: whatever
// the input, Load must return (reports or problems) and never panic.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "data", "*", "2021", "*.toml"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			// the head of each file: small inputs keep the fuzzer fast
			f.Add(filepath.Base(s), b[:min(len(b), 1500)])
		}
	}
	f.Add("capaian.toml", []byte("[[capaian.tabel]]\n[[capaian.tabel.baris]]\ntarget = 1\n"))
	f.Add("program.toml", []byte("[[program]]\nid = \"a\"\n[[program.kegiatan]]\nid = \"a\"\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fsys := caseFS(t, nil)
		fsys["contoh/2021/"+filepath.Base(name)+".toml"] = &fstest.MapFile{Data: data}
		fsys["contoh/2021/laporan.toml"] = &fstest.MapFile{Data: data}
		reports, err := Load(fsys, "data")
		if err == nil && len(reports) == 0 {
			t.Fatal("no error and no report")
		}
	})
}
