package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The same rules the loader applies to folder names (generator/tomldata).
var (
	reScaffoldSlug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	reScaffoldYear = regexp.MustCompile(`^[0-9]{4}$`)
)

// scaffoldFile is one file `new` writes.
type scaffoldFile struct {
	rel      string // below data/, slash-separated
	text     string
	keepIfAt bool // written only when missing (instansi.toml)
}

// scaffold implements `new <agency-slug> <year>`: it writes a minimal valid
// report, every key present or shown commented out with an Indonesian
// explanation, for a staff member to fill in. It refuses, writing nothing,
// when the slug or the year is not valid or the year folder exists.
func scaffold(root, rootFlag string, args []string, w io.Writer) error {
	if len(args) != 2 {
		return fmt.Errorf("%w: perintah new perlu dua argumen, nama folder instansi dan tahun, mis. go run ./generator new dinas-kesehatan-kota-contoh 2024", errUsage)
	}
	slug, year := args[0], args[1]
	if !reScaffoldSlug.MatchString(slug) {
		return fmt.Errorf("%w: nama folder instansi %q tidak sah: pakai huruf kecil, angka dan tanda hubung saja (mis. dinas-kesehatan-kota-contoh), karena menjadi bagian alamat situs; tidak ada berkas yang ditulis", errUsage, slug)
	}
	if !reScaffoldYear.MatchString(year) {
		return fmt.Errorf("%w: tahun %q tidak sah: tulis tahun laporan dengan empat angka (mis. 2024); tidak ada berkas yang ditulis", errUsage, year)
	}
	data := dataDir(root)
	if info, err := os.Stat(data); err != nil || !info.IsDir() {
		return fmt.Errorf("folder data tidak ditemukan: %s; jalankan perintah dari folder proyek atau sebutkan -root; tidak ada berkas yang ditulis", data)
	}
	agencyDir := filepath.Join(data, slug)
	yearDir := filepath.Join(agencyDir, year)
	if _, err := os.Lstat(yearDir); err == nil {
		return fmt.Errorf("folder data/%s/%s sudah ada: laporan tahun itu tidak ditimpa dan tidak ada berkas yang ditulis; sunting berkasnya langsung, atau hapus folder itu dulu bila memang ingin mulai dari awal", slug, year)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if info, err := os.Stat(agencyDir); err == nil && !info.IsDir() {
		return fmt.Errorf("data/%s ada tetapi bukan folder; tidak ada berkas yang ditulis", slug)
	}
	earlier := earlierYears(agencyDir)

	files := scaffoldFiles(slug, year)
	var created []string // paths to remove if a later write fails
	rollback := func() {
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
	}
	if _, err := os.Stat(agencyDir); errors.Is(err, os.ErrNotExist) {
		if err := os.Mkdir(agencyDir, 0o755); err != nil {
			return err
		}
		created = append(created, agencyDir)
	}
	if err := os.Mkdir(yearDir, 0o755); err != nil {
		rollback()
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("folder data/%s/%s sudah ada: tidak ada berkas yang ditulis", slug, year)
		}
		return err
	}
	created = append(created, yearDir)
	var written, kept []string
	for _, f := range files {
		p := filepath.Join(data, filepath.FromSlash(f.rel))
		if f.keepIfAt {
			if _, err := os.Lstat(p); err == nil {
				kept = append(kept, "data/"+f.rel)
				continue
			}
		}
		fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			rollback()
			return err
		}
		created = append(created, p)
		_, werr := io.WriteString(fh, f.text)
		if cerr := fh.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			rollback()
			return werr
		}
		written = append(written, "data/"+f.rel)
	}

	cmdSuffix := ""
	if rootFlag != "." && rootFlag != "" {
		cmdSuffix = " -root " + rootFlag
	}
	fmt.Fprintf(w, "Laporan baru data/%s/%s dibuat. Berkas yang ditulis:\n", slug, year)
	for _, p := range written {
		fmt.Fprintf(w, "  %s\n", p)
	}
	for _, p := range kept {
		fmt.Fprintf(w, "  %s sudah ada: tidak diubah\n", p)
	}
	fmt.Fprintf(w, `
Langkah berikutnya:
  1. Buka setiap berkas di atas dan ganti setiap teks <...> dengan isi laporan, persis seperti
     tercetak. Kunci yang diawali # bersifat opsional: hapus # di awal barisnya untuk memakainya.
  2. Tambahkan tabel capaian lain dan, bila ada, berkas lain (program.toml, profil.toml,
     rencana.toml, rkt.toml, perjanjian.toml, anggaran.toml, narasi.toml): setiap kunci
     dijelaskan di README.md, bagian "Add an agency or a year".
`)
	if len(earlier) > 0 {
		fmt.Fprintf(w, "     Tahun sebelumnya ada di data/%s/%s: berkas yang isinya tetap (mis. program.toml,\n     profil.toml) boleh disalin dari sana lalu disesuaikan.\n", slug, earlier[len(earlier)-1])
	}
	fmt.Fprintf(w, `  3. Jalankan: go run ./generator check%s
     Perbaiki setiap GALAT DATA yang disebutkan sampai muncul "Data sah", lalu baca temuannya.
  4. Jalankan: go run ./generator serve%s
     dan lihat hasilnya di http://127.0.0.1:1313/%s/%s/
  5. git commit dan git push: situs diterbitkan oleh pipeline.
`, cmdSuffix, cmdSuffix, slug, year)
	return nil
}

// earlierYears lists the year folders an agency already has, sorted.
func earlierYears(agencyDir string) []string {
	entries, _ := os.ReadDir(agencyDir)
	var years []string
	for _, e := range entries {
		if e.IsDir() && reScaffoldYear.MatchString(e.Name()) {
			years = append(years, e.Name())
		}
	}
	sort.Strings(years)
	return years
}

// scaffoldFiles are the files of a new report, with the slug and year filled in.
func scaffoldFiles(slug, year string) []scaffoldFile {
	y, _ := strconv.Atoi(year)
	r := strings.NewReplacer(
		"{{SLUG}}", slug,
		"{{TAHUN}}", year,
		"{{TAHUN_BERIKUT}}", fmt.Sprintf("%04d", y+1),
		"{{TAHUN_LALU}}", fmt.Sprintf("%04d", y-1),
	)
	return []scaffoldFile{
		{rel: slug + "/instansi.toml", text: r.Replace(scaffoldAgency), keepIfAt: true},
		{rel: slug + "/" + year + "/laporan.toml", text: r.Replace(scaffoldReport)},
		{rel: slug + "/" + year + "/capaian.toml", text: r.Replace(scaffoldResults)},
	}
}

const scaffoldAgency = `# Data instansi: data/{{SLUG}}/instansi.toml
# Dipakai bersama oleh semua laporan tahunan instansi ini (satu berkas untuk semua tahun).
# Dibuat oleh "go run ./generator new". Cara mengisi:
#   - Ganti setiap teks <...> dengan isi yang benar.
#   - Baris kunci yang diawali # bersifat opsional: hapus # di awal baris untuk memakainya.
#   - Teks selalu di dalam tanda kutip "...".
# Nama folder ({{SLUG}}) menjadi alamat situs: /{{SLUG}}/.

# Nama lengkap instansi, persis seperti di sampul laporan. WAJIB.
# Contoh: "Dinas Kesehatan Kota Contoh"
nama = "<Nama Lengkap Instansi>"

# Nama singkat instansi. Opsional.
# Contoh: "Dinas Sosial"
# nama_singkat = "<Nama Singkat>"

# Pemerintah daerah tempat instansi berada; tampil di bawah nama instansi. Opsional.
# Contoh: "Kota Contoh", "Kabupaten Contoh", "Provinsi Jawa Timur"
# pemerintah = "<Kabupaten/Kota/Provinsi ...>"

# Provinsi; tampil sesudah nama pemerintah daerah. Opsional.
# Contoh: "Jawa Timur"
# provinsi = "<Provinsi>"

# Alamat kantor; tampil di halaman Profil. Opsional.
# Contoh: "Jalan Raya Pahlawan Nomor 1, Kota Contoh"
# alamat = "<Alamat Kantor>"
`

const scaffoldReport = `# Identitas laporan dan pengaturan hitung ulang: data/{{SLUG}}/{{TAHUN}}/laporan.toml
# Berkas ini WAJIB ada di setiap folder tahun. Dibuat oleh "go run ./generator new". Cara mengisi:
#   - Ganti setiap teks <...> dengan isi laporan, persis seperti tercetak.
#   - Baris kunci yang diawali # bersifat opsional: hapus # di awal baris untuk memakainya
#     (juga pada judul tabel [ ... ] di atasnya).
#   - Teks di dalam tanda kutip "..."; bilangan bulat, angka dan true/false tanpa tanda kutip.
# Sesudah mengubah: go run ./generator check

[laporan]
# Judul laporan persis seperti di sampul. WAJIB.
# Contoh: "Laporan Kinerja Dinas Kesehatan Kota Contoh Tahun 2021"
judul = "Laporan Kinerja <Nama Instansi> Tahun {{TAHUN}}"

# Tahun kinerja yang dilaporkan: bilangan bulat tanpa tanda kutip. WAJIB, dan harus sama
# dengan nama folder ({{TAHUN}}).
tahun = {{TAHUN}}

# Tempat dan tanggal penandatanganan laporan, seperti tercetak. Opsional.
# Contoh: "Kota Contoh, Februari 2022"
# tempat_tanggal = "<Kota>, <Bulan> {{TAHUN_BERIKUT}}"

# Dari mana data ini disalin: dokumen, versi, asal berkas. Opsional, tetapi sangat dianjurkan;
# ditampilkan di halaman Metodologi dan di data terbuka.
# Contoh: "LKjIP Dinas Kesehatan Kota Contoh Tahun 2021, PDF dari situs e-SAKIP"
# sumber = "<Nama dokumen sumber, asal dan tanggal unduh>"

# Berkas teks laporan sumber yang disimpan di folder tahun ini, diterbitkan agar pembaca dapat
# memeriksa salinan data. Opsional. Jalur relatif terhadap folder tahun; berkasnya harus ada.
# Contoh: "sumber/laporan-kinerja-{{TAHUN}}.txt"
# berkas_sumber = "sumber/laporan-kinerja-{{TAHUN}}.txt"

# id tabel capaian (di capaian.toml) yang menjadi pengukuran utama laporan: dari tabel inilah
# jumlah indikator per kategori, daftar indikator di bawah target dan ringkasan DPRD dihitung.
# Opsional; bila tidak diisi, semua indikator dari semua tabel capaian dihitung, masing-masing sekali.
# Contoh: "pengukuran-kinerja"
# tabel_utama = "pengukuran-kinerja"

# Jumlah indikator yang menurut teks laporan diukur: bilangan bulat tanpa tanda kutip. Opsional;
# bila berbeda dengan jumlah indikator pada pengukuran utama, perbedaannya menjadi temuan.
# Contoh: 7
# jumlah_indikator = 7

# Sasaran strategis utama, ditampilkan paling awal di beranda laporan. Opsional: seluruh bagian
# ini boleh tetap menjadi komentar. Untuk memakainya, hapus # di depan [laporan.utama] dan di
# depan kunci yang dipakai.
# [laporan.utama]
# id tabel capaian yang memuat sasaran utama. Wajib bila [laporan.utama] dipakai.
# tabel = "pengukuran-kinerja"
# Nomor baris di tabel itu, mulai dari 1 (bilangan bulat). Opsional; bila baris dan ref tidak
# diisi, dipakai baris pertama yang ber-ref, atau baris 1. Isi baris ATAU ref, tidak keduanya.
# baris = 1
# Atau: baris yang ref-nya sama dengan id ini (id sasaran di rencana.toml). Opsional.
# ref = "<id-sasaran>"
# id seri tahunan ([[capaian.seri]] di capaian.toml) yang digambar bersama sasaran utama. Opsional.
# seri = "seri-capaian"

# Pengaturan cara situs menghitung ulang capaian. Nilai di bawah adalah nilai bawaan: seluruh
# bagian ini boleh dihapus bila nilai bawaan sesuai dengan laporan Anda.
[laporan.pengaturan]
# Rumus capaian untuk indikator "makin rendah makin baik" (polaritas = "turun"):
#   "2-r/t"  (2 − realisasi ÷ target) × 100, PermenPANRB 8/2021 (bawaan)
#   "t/r"    target ÷ realisasi × 100, dipakai sebagian aplikasi e-SAKIP
# Pilih rumus yang dipakai laporan Anda.
rumus_turun = "2-r/t"

# Batas atas capaian dalam persen, angka tanpa tanda kutip (mis. 100 atau 120); 0 = tanpa batas.
# Isi bila laporan membatasi capaian: capaian tercetak 100% di samping hitungan ulang 137,9%
# lalu dijelaskan oleh batas ini, bukan dicatat sebagai selisih.
batas_capaian = 0

# Himpunan kategori capaian (predikat) yang dipakai laporan:
#   "laporan"        > 100 Sangat Berhasil; 85–100 Berhasil; 55–85 Cukup; di bawah 55 Kurang (bawaan)
#   "esakip"         ≥ 100 Sangat Berhasil; 75–99 Berhasil; 55–74 Cukup Berhasil; < 55 Kurang Berhasil
#   "permendagri86"  ≥ 91 Sangat Tinggi; 76–90 Tinggi; 66–75 Sedang; 51–65 Rendah; ≤ 50 Sangat Rendah
#   "sendiri"        kategori yang dicetak laporan Anda: isi [laporan.pengaturan.kategori_sendiri] di bawah
kategori = "laporan"

# Toleransi pembulatan tambahan dalam poin persen, angka tanpa tanda kutip; 0 = tidak ada.
# Persen tercetak diperiksa sampai setengah satuan desimal terakhirnya (97,85 → ±0,005;
# 100 → ±0,5), atau sampai nilai ini bila lebih besar.
toleransi = 0

# Kategori capaian milik laporan sendiri, bila laporan mencetak skala kategorinya sendiri.
# Opsional; dipakai hanya bersama kategori = "sendiri" di atas. Untuk memakainya, hapus # di
# depan judul-judul tabel [ ... ] dan kunci di bawah ini.
# [laporan.pengaturan.kategori_sendiri]
# Nama skala kategori, seperti akan ditampilkan. Opsional.
# nama = "Kategori capaian <Nama Instansi>"
# Di mana laporan mencetak skala ini (bab, halaman). Opsional.
# sumber = "LKjIP {{TAHUN}} Bab III, hlm. <nomor>"
#
# Setiap pita (kategori) satu blok [[laporan.pengaturan.kategori_sendiri.pita]], dari yang
# terbaik; sedikitnya dua pita. Setiap pita: nama (teks, wajib); dari = batas bawah dalam persen
# (angka, wajib kecuali pada pita terakhir); lebih_dari = true bila capaian harus LEBIH DARI
# batas itu (bawaan false: batas itu atau lebih). Pita terakhir tanpa dari: menampung sisanya.
# [[laporan.pengaturan.kategori_sendiri.pita]]
# nama = "Terlampaui Target"
# dari = 100
# lebih_dari = true
# [[laporan.pengaturan.kategori_sendiri.pita]]
# nama = "Tercapai Target"
# dari = 100
# [[laporan.pengaturan.kategori_sendiri.pita]]
# nama = "Target Tidak Tercapai"
`

const scaffoldResults = `# Tabel capaian kinerja: data/{{SLUG}}/{{TAHUN}}/capaian.toml
# Setiap laporan perlu SEDIKITNYA SATU tabel capaian dengan sedikitnya satu baris.
# Dibuat oleh "go run ./generator new". Cara mengisi:
#   - Ganti setiap teks <...> dengan isi laporan, persis seperti tercetak (salah ketik juga).
#   - Baris kunci yang diawali # bersifat opsional: hapus # di awal baris untuk memakainya.
#   - Salin blok [[capaian.tabel]] untuk setiap tabel capaian laporan (Ikhtisar Eksekutif, IKU,
#     3.1, 3.2 ...), dan blok [[capaian.tabel.baris]] untuk setiap baris, dalam urutan tercetak.
#   - Angka SELALU ditulis sebagai teks dalam tanda kutip, persis seperti tercetak: "97,85%",
#     "1.234 Orang", "B"; "-" atau "Nihil" berarti tidak ada target atau tidak ada data (bukan nol).
#     Titik memisahkan ribuan, koma adalah tanda desimal; penulisan yang menyimpang tetap dibaca
#     dan dicatat.
# Sesudah mengubah: go run ./generator check

[[capaian.tabel]]
# id tabel: huruf kecil, angka dan tanda hubung; unik dalam laporan; menjadi jangkar di alamat
# halaman dan nama berkas data terbuka. WAJIB. Nilai di bawah boleh dipakai terus.
# Contoh: "iku", "ikhtisar-sasaran", "pengukuran-sasaran"
id = "pengukuran-kinerja"

# Bagian atau bab tempat tabel tercetak. Opsional.
# Contoh: "3.1", "Ikhtisar Eksekutif"
# bagian = "3.1"

# Judul tabel persis seperti tercetak. Opsional; bila kosong ("") ditampilkan "(tabel 1)".
# Contoh: "Pengukuran Kinerja Sasaran Strategis Tahun {{TAHUN}}"
judul = "<Judul tabel, mis. Pengukuran Kinerja Sasaran Strategis Tahun {{TAHUN}}>"

# Paragraf yang dicetak bersama tabel (pengantar atau penjelasan). Opsional.
# Teks panjang boleh memakai tiga tanda kutip: """ ... """
# keterangan = """<Paragraf yang menyertai tabel>"""

  # Satu baris tabel. Salin blok ini untuk setiap baris, dalam urutan tercetak.
  [[capaian.tabel.baris]]
  # Nomor baris persis seperti tercetak. Opsional.
  # Contoh: "1", "1.", "a.", ""
  no = "1"

  # Tingkat butir pada baris ini: "tujuan", "sasaran", "program", "kegiatan" atau "sub_kegiatan".
  # Opsional; bila ref diisi dan tingkat tidak, tingkat diambil dari butir yang dirujuk
  # (bila diisi, harus cocok dengan butir itu).
  tingkat = "sasaran"

  # Isi kolom pertama: sasaran, program atau kegiatan persis seperti tercetak. Bila sel ini
  # kosong di laporan, tulis "" (dan jangan isi ref): baris ini melanjutkan butir baris di atasnya.
  # Contoh: "Menurunnya angka kematian bayi"
  uraian = "<Sasaran strategis, persis seperti tercetak>"

  # id butir yang dibahas baris ini, dari program.toml (program, kegiatan, sub-kegiatan) atau
  # rencana.toml (tujuan, sasaran, indikator). Opsional; id yang ditulis harus ada di sana.
  # Dengan ref, baris ini ditautkan ke halaman butir itu dan dibandingkan dengan tabel lain.
  # Contoh: "kematian-bayi"
  # ref = "<id-butir>"

  # Indikator kinerja persis seperti tercetak. Opsional, tetapi hampir selalu ada.
  # Contoh: "Angka kematian bayi per 1.000 kelahiran hidup"
  indikator = "<Indikator kinerja, persis seperti tercetak>"

  # "naik" bila makin tinggi makin baik, "turun" bila makin rendah makin baik (rumusnya dipilih
  # di laporan.toml, rumus_turun). Opsional; bawaan: polaritas indikator yang dirujuk ref, atau "naik".
  polaritas = "naik"

  # Target awal (sebelum perubahan), bila laporan mencetak dua target. Opsional.
  # Contoh: "1,81%"
  # target_awal = "<target awal tercetak>"

  # Target tahun ini, persis seperti tercetak. "-" = tidak ada target. Opsional.
  # Contoh: "85%", "2,38 %", "12 Dokumen", "BB"
  target = "<target tercetak, mis. 85%>"

  # Realisasi tahun ini, persis seperti tercetak. "-" = tidak ada data. Opsional.
  # Contoh: "83,5%", "12 Dokumen", "B"
  realisasi = "<realisasi tercetak, mis. 83,5%>"

  # Capaian yang dicetak laporan (biasanya persen). Situs menghitung ulang dari target dan
  # realisasi dan menampilkan selisihnya; angka tercetak tidak pernah diubah. Opsional.
  # Contoh: "98,24%"
  capaian = "<capaian tercetak, mis. 98,24%>"

  # Kategori atau predikat yang dicetak laporan untuk baris ini. Opsional.
  # Contoh: "Berhasil", "Sangat Tinggi"
  # kategori = "<kategori tercetak>"

  # Penjelasan atau analisis yang dicetak laporan untuk baris ini. Opsional.
  # penjelasan = """<Penjelasan tercetak>"""

  # Catatan penyalin data: sel yang rusak, angka yang tidak terbaca, cara baris ini disalin.
  # Opsional; ditampilkan sebagai catatan, bukan sebagai isi laporan.
  # catatan = "<Catatan penyalin>"

  # true bila baris ini terpotong di laporan sumber (kolomnya tidak lengkap): salin yang
  # tercetak saja dan jelaskan di catatan. Opsional; bawaan false.
  # terpotong = true

  # Bila angka baris ini ambigu (mis. "97,259 KPM": koma sebagai desimal atau pemisah ribuan?),
  # situs menampilkan kedua bacaan dan tidak menghitung baris ini sampai Anda menetapkan
  # bacaannya: "desimal" atau "ribuan". Opsional.
  # bacaan = "ribuan"

# Seri tahunan: realisasi satu indikator selama beberapa tahun (perbandingan dengan tahun
# sebelumnya), digambar sebagai grafik. Opsional: seluruh blok ini boleh tetap menjadi komentar.
# Untuk memakainya, hapus # di depan [[capaian.seri]], [[capaian.seri.nilai]] dan kunci yang dipakai.
# [[capaian.seri]]
# id seri: huruf kecil, angka dan tanda hubung; unik dalam laporan, berbeda dari id tabel. Wajib.
# id = "seri-capaian"
# Bagian tempat seri tercetak. Opsional.
# bagian = "3.2"
# Judul seri persis seperti tercetak; menjadi judul grafik. Opsional.
# judul = "Perbandingan capaian kinerja dengan tahun sebelumnya"
# Paragraf yang dicetak bersama seri. Opsional.
# keterangan = """<Paragraf tercetak>"""
# Indikator yang diukur seri ini. Opsional.
# indikator = "<Indikator kinerja>"
# id butir di program.toml atau rencana.toml. Opsional; harus ada.
# ref = "<id-butir>"
# "naik" atau "turun": menentukan kalimat "makin tinggi/rendah makin baik". Opsional; bawaan "naik".
# polaritas = "naik"
# Satuan nilai, mis. "%". Opsional.
# satuan = "%"
# Jumlah angka desimal yang ditampilkan, bilangan bulat 0 sampai 6. Opsional; bawaan: seperti tercetak.
# desimal = 2
#
# Satu blok [[capaian.seri.nilai]] untuk setiap tahun: tahun (bilangan bulat, wajib), nilai
# (teks persis tercetak), dan jenis ("awal" atau "perubahan", hanya bila satu tahun punya dua nilai).
# [[capaian.seri.nilai]]
# tahun = {{TAHUN_LALU}}
# nilai = "<nilai tercetak>"
# [[capaian.seri.nilai]]
# tahun = {{TAHUN}}
# jenis = "perubahan"
# nilai = "<nilai tercetak>"
`
