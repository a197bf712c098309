// Package cli is the generator's command line: it parses arguments and
// wires the loader, the audit, the page writer and Hugo together.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
)

const usage = `Pemakaian: go run ./generator <perintah> [opsi]

Perintah:
  check   periksa data/: galat data (keluar dengan kode 1) dan temuan audit
  build   periksa data lalu bangun situs ke public/
  serve   bangun situs lalu sajikan di http://127.0.0.1:1313, bangun ulang bila data/, layouts/ atau content/ berubah
  new     new <nama-folder-instansi> <tahun>: buat kerangka laporan baru untuk diisi: menulis
          data/<instansi>/instansi.toml (bila belum ada), <tahun>/laporan.toml dan <tahun>/capaian.toml

Opsi umum:
  -root DIR   folder proyek (bawaan: folder kerja)
`

// errUsage marks a wrong command line (exit code 2); every other error,
// bad data included, exits with 1.
var errUsage = errors.New("penggunaan salah")

// ExitCode maps an error from Run to the process exit code.
func ExitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// Run executes one command. It is the whole program but for os.Exit, so
// tests call it in-process.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "help" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return fmt.Errorf("%w: sebutkan perintah", errUsage)
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "folder proyek")
	out := fs.String("out", "", "folder hasil (bawaan: <root>/public)")
	addr := fs.String("addr", "127.0.0.1:1313", "alamat server (serve)")
	baseURL := fs.String("baseurl", "", "URL dasar situs (bawaan: dari config.toml)")
	// flags may come before or after the positional arguments of `new`
	var positional []string
	for {
		if err := fs.Parse(rest); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		args := fs.Args()
		if consumed := rest[:len(rest)-len(args)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			positional = append(positional, args...)
			break
		}
		rest = args
		if len(rest) == 0 {
			break
		}
		positional, rest = append(positional, rest[0]), rest[1:]
	}
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(absRoot, "public")
	}
	switch cmd {
	case "check":
		return check(absRoot, stdout)
	case "build":
		_, err := build(ctx, buildOptions{Root: absRoot, Out: *out, BaseURL: *baseURL, Log: stdout})
		return err
	case "serve":
		return serve(ctx, buildOptions{Root: absRoot, Out: *out, BaseURL: *baseURL, Log: stdout}, *addr)
	case "new":
		return scaffold(absRoot, *root, positional, stdout)
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: perintah %q tidak dikenal", errUsage, cmd)
	}
}

func dataDir(root string) string { return filepath.Join(root, "data") }
