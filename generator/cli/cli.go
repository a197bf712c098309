// Package cli is the generator's command line: it parses arguments and
// wires the loader, the audit, the page writer and Hugo together.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
)

const usage = `Pemakaian: go run ./generator <perintah> [opsi]

Perintah:
  check   periksa data/: galat data (keluar dengan kode 1) dan temuan audit
  build   periksa data lalu bangun situs ke public/
  serve   pratinjau langsung di http://127.0.0.1:1313 (server Hugo): halaman yang terbuka dimuat ulang
          sendiri setelah setiap perubahan; galat data tampil di halaman. Tidak menulis ke -out
  new     new <nama-folder-instansi> <tahun>: buat kerangka laporan baru untuk diisi: menulis
          data/<instansi>/instansi.toml (bila belum ada), <tahun>/laporan.toml dan <tahun>/capaian.toml
  merge   merge -out DIR BAGIAN1 BAGIAN2 …: gabungkan bagian-bagian situs (build -instansi) menjadi
          satu situs; indeks pencarian setiap bagian didaftarkan, dicari sebagai satu
  export-xlsx  export-xlsx -report <instansi>/<tahun> [-o berkas.xlsx]: tulis laporan sebagai buku kerja
          Excel (satu lembar per tabel, lembar Petunjuk); bawaan -o: <instansi>-<tahun>.xlsx
  import-xlsx  import-xlsx <berkas.xlsx> [-report <instansi>/<tahun>]: tulis buku kerja kembali sebagai
          berkas TOML di data/<instansi>/<tahun>/ (menggantikan berkas .toml di sana; instansi.toml ditulis
          hanya bila belum ada). Setiap galat disebut dengan lembar dan selnya; selama ada galat tidak ada
          berkas yang ditulis. Bawaan -report: isian folder di lembar Laporan
  import-sipd  import-sipd <berkas.xlsx> -report <instansi>/<tahun>: baca ekspor anggaran SIPD (kolom Kode
          atau kode urusan/bidang/program/kegiatan/sub kegiatan, Uraian, Anggaran/Pagu, Realisasi bila ada)
          ke laporan yang sudah ada: kode resmi di program.toml (butir dicocokkan menurut kode, lalu nama;
          yang belum ada ditambah) dan anggaran/realisasi di LRA (anggaran.toml). Data lain tidak diubah;
          setiap galat disebut dengan lembar dan selnya, selama ada galat tidak ada berkas yang ditulis

Opsi umum:
  -root DIR      folder proyek (bawaan: folder kerja)
  -out DIR       folder hasil build (bawaan: <root>/public). Folder itu diganti utuh, maka
                 hanya folder baru, kosong, atau hasil build alat ini (berisi berkas penanda
                 .kinerja-terbuka) yang diterima; folder lain ditolak dan tidak disentuh
  -baseurl URL   alamat situs terbit, mis. https://contoh.go.id/kinerja/ (bawaan: config.toml)
  -force         terbitkan juga bila data/ tidak berisi laporan, atau laporan yang sudah terbit
                 kehilangan lebih dari separuh halamannya (bawaan: ditolak, situs lama tetap)
  -addr HOST:PORT  alamat server serve (bawaan: 127.0.0.1:1313)
  -instansi A,B  build satu bagian situs: hanya halaman instansi A dan B (folder di data/), ditambah
                 halaman bersama (beranda, umpan, peta situs, glosarium, cari) yang sama di setiap
                 bagian; dengan indeks pencarian sendiri, yang didaftarkan merge. Lihat README,
                 "Satu wilayah"
  -bagian N      build situs besar per bagian berisi paling banyak N laporan (instansi utuh), satu
                 bagian demi satu bagian, lalu digabung dengan satu indeks pencarian: memori sebatas
                 satu bagian, situsnya sama dengan build sekaligus (mis. -bagian 50)
  -nocache       jalankan Hugo dan Pagefind, dan buat data terbuka setiap laporan, walau masukannya
                 sama dengan build sebelumnya (bawaan: hasil build sebelumnya dipakai lagi untuk
                 situs, bagian, atau laporan yang masukannya tidak berubah: halaman buatan
                 generator, templat, i18n, config, versi Hugo; berkas laporan, versi generator)
  -report INSTANSI/TAHUN  laporan untuk export-xlsx / import-xlsx / import-sipd, mis. dinas-kesehatan/2023
  -o BERKAS      buku kerja yang ditulis export-xlsx
  -format teks|github  keluaran check: teks (bawaan), atau github: setiap galat data sebagai
                 anotasi GitHub Actions (::error file=…,line=…,col=…) pada barisnya di pull request

Satu build pada satu waktu per proyek: build kedua (atau serve yang baru dimulai)
menunggu yang pertama selesai; selama serve berjalan, build menunggu serve berhenti. Situs lama diganti hanya setelah situs baru lengkap.
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
	force := fs.Bool("force", false, "terbitkan walau tanpa laporan atau laporan kehilangan banyak halaman")
	format := fs.String("format", formatText, "keluaran check: teks atau github")
	reportArg := fs.String("report", "", "laporan <instansi>/<tahun> (export-xlsx, import-xlsx, import-sipd)")
	xlsxOut := fs.String("o", "", "buku kerja yang ditulis export-xlsx")
	agencies := fs.String("instansi", "", "build: hanya instansi ini (a,b), satu bagian situs bertingkat")
	noCache := fs.Bool("nocache", false, "build: jalankan Hugo dan Pagefind, dan buat data terbuka, walau masukannya tidak berubah")
	partSize := fs.Int("bagian", 0, "build: bangun per bagian berisi paling banyak N laporan, satu demi satu (memori satu bagian)")
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
	if *format != formatText && *format != formatGitHub {
		return fmt.Errorf("%w: -format %q tidak dikenal: pakai %s atau %s", errUsage, *format, formatText, formatGitHub)
	}
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(absRoot, "public")
	} else if abs, err := filepath.Abs(*out); err == nil {
		*out = abs
	}
	switch cmd {
	case "check":
		return check(absRoot, stdout, *format)
	case "build":
		if f := os.Getenv(ProfileEnv); f != "" {
			stop, err := startProfile(f)
			if err != nil {
				return err
			}
			defer stop()
		}
		_, err := build(ctx, buildOptions{Root: absRoot, Out: *out, BaseURL: *baseURL, Log: stdout, Force: *force, Agencies: splitAgencies(*agencies), PartSize: *partSize, NoCache: *noCache})
		return err
	case "hugo": // internal: Hugo in a process of its own for build (hugoProcess)
		if len(positional) > 1 {
			return fmt.Errorf("%w: hugo -root R -out O [-baseurl U] [CONFIG]", errUsage)
		}
		return hugosite.Build(absRoot, *out, *baseURL, positional...)
	case "merge":
		return merge(absRoot, *out, positional, stdout)
	case "serve":
		return serve(ctx, buildOptions{Root: absRoot, Out: *out, BaseURL: *baseURL, Log: stdout, Force: *force}, *addr)
	case "new":
		return scaffold(absRoot, *root, positional, stdout)
	case "export-xlsx":
		return exportXlsx(absRoot, *reportArg, *xlsxOut, stdout)
	case "import-xlsx":
		return importXlsx(absRoot, positional, *reportArg, stdout)
	case "import-sipd":
		return importSIPD(absRoot, positional, *reportArg, stdout)
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: perintah %q tidak dikenal", errUsage, cmd)
	}
}

// ProfileEnv names the environment variable that, when set to a file name,
// makes build write a CPU profile of the generator's own process there
// (loading, staging, reusing, publishing; Hugo's run has its own,
// hugosite.ProfileEnv): LAKIP_PROFILE=gen.prof go run ./generator build,
// then go tool pprof -top gen.prof.
const ProfileEnv = "LAKIP_PROFILE"

// startProfile starts a CPU profile into file; stop ends it.
func startProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func dataDir(root string) string { return filepath.Join(root, "data") }
