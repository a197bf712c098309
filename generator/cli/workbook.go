package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/sakip-terbuka/lakip/generator/hugosite"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
	"github.com/sakip-terbuka/lakip/generator/workbook"
)

// The spreadsheet round trip: export-xlsx writes a report as a workbook,
// import-xlsx writes a workbook back as the report's TOML files, after
// checking them with the loader the build uses.

var reportArgRe = regexp.MustCompile(`^([a-z0-9]+(?:-[a-z0-9]+)*)/([0-9]{4})$`)

func parseReportArg(s string) (agency string, year int, err error) {
	m := reportArgRe.FindStringSubmatch(strings.Trim(strings.TrimSpace(s), "/"))
	if m == nil {
		return "", 0, fmt.Errorf("%w: -report %q: tulis <folder-instansi>/<tahun>, mis. dinas-kesehatan/2023", errUsage, s)
	}
	year, _ = strconv.Atoi(m[2])
	return m[1], year, nil
}

// exportXlsx writes one report of data/ as a workbook.
func exportXlsx(root, reportArg, out string, w io.Writer) error {
	if reportArg == "" {
		return fmt.Errorf("%w: sebutkan laporannya: export-xlsx -report <instansi>/<tahun> [-o berkas.xlsx]", errUsage)
	}
	agency, year, err := parseReportArg(reportArg)
	if err != nil {
		return err
	}
	reports, own, err := loadReport(root, agency, year)
	if err != nil {
		return err
	}
	if len(own) > 0 {
		fmt.Fprintf(w, "GALAT DATA (%d) — perbaiki dulu, buku kerja tidak ditulis:\n\n%s\n\n", len(own), own.Error())
		return errDataInvalid
	}
	var r *report.Report
	for _, x := range reports {
		if x.Agency.Slug == agency && x.Year == year {
			r = x
		}
	}
	if r == nil {
		return fmt.Errorf("laporan %s/%d tidak ada di %s", agency, year, dataDir(root))
	}
	b, err := workbook.Export(r)
	if err != nil {
		return err
	}
	if out == "" {
		out = r.WorkbookFile()
	}
	if err := writeFileAtomic(out, b); err != nil {
		return err
	}
	fmt.Fprintf(w, "Buku kerja ditulis: %s. Ubah di Excel atau LibreOffice, lalu: go run ./generator import-xlsx %s\n", out, out)
	return nil
}

// loadReport loads data/ and returns the reports and the problems of one
// report's files (its year folder and its agency file): other reports'
// problems do not stop work on this one.
func loadReport(root, agency string, year int) ([]*report.Report, tomldata.Problems, error) {
	reports, err := loadData(root)
	var problems tomldata.Problems
	if err != nil && !errors.As(err, &problems) {
		return nil, nil, err
	}
	prefix := path.Join("data", agency)
	var own tomldata.Problems
	for _, p := range problems {
		yearDir := path.Join(prefix, strconv.Itoa(year))
		if p.File == yearDir || strings.HasPrefix(p.File, yearDir+"/") || p.File == path.Join(prefix, tomldata.AgencyFile) {
			own = append(own, p)
		}
	}
	return reports, own, nil
}

// readWorkbook reads the workbook named on the command line: a regular
// file of at most workbook.MaxWorkbookSize bytes.
func readWorkbook(file string) ([]byte, error) {
	info, err := os.Stat(file)
	switch {
	case err != nil:
		return nil, fmt.Errorf("buku kerja %s tidak dapat dibaca: %w", file, err)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s bukan berkas biasa", file)
	case info.Size() > workbook.MaxWorkbookSize:
		return nil, fmt.Errorf("%s terlalu besar (%d MB; paling besar %d MB)", file, info.Size()>>20, workbook.MaxWorkbookSize>>20)
	}
	return os.ReadFile(file)
}

// stageImport writes the candidate data folder of an import under
// .build/: the agency file (when not nil), the TOML files given, and the
// year folder's other files as they are in data/ (the source document).
// The caller loads it with the strict loader, moves what is good into
// data/ and removes the folder returned.
func stageImport(root, agency string, year int, agencyFile []byte, files map[string][]byte) (string, error) {
	stageRoot := filepath.Join(root, hugosite.StageDir)
	if err := os.MkdirAll(stageRoot, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(stageRoot, "impor-")
	if err != nil {
		return "", err
	}
	tmpYear := filepath.Join(tmp, agency, strconv.Itoa(year))
	err = os.MkdirAll(tmpYear, 0o755)
	if err == nil && agencyFile != nil {
		err = os.WriteFile(filepath.Join(tmp, agency, tomldata.AgencyFile), agencyFile, 0o644)
	}
	if err == nil {
		err = copyNonTOML(filepath.Join(dataDir(root), agency, strconv.Itoa(year)), tmpYear)
	}
	for name, b := range files {
		if err == nil {
			err = os.WriteFile(filepath.Join(tmpYear, name), b, 0o644)
		}
	}
	if err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return tmp, nil
}

// writeFileAtomic writes a file through a temporary file beside it, so
// that an interrupted write leaves the old file.
func writeFileAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-"+filepath.Base(name)+"-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// importXlsx reads a workbook, writes the report's TOML files to a
// temporary data folder, loads them with the strict loader and only then
// moves them into data/<agency>/<year>/, replacing the TOML files there.
// Every problem is printed with its sheet and cell; nothing is written
// while there is one.
func importXlsx(root string, args []string, reportArg string, w io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: sebutkan satu buku kerja: import-xlsx <berkas.xlsx> [-report <instansi>/<tahun>]", errUsage)
	}
	file := args[0]
	data, err := readWorkbook(file)
	if err != nil {
		return err
	}
	im, err := workbook.Import(file, data)
	// cell problems: the workbook is still read and loaded below, so that
	// the loader's problems are reported with them, all at once
	var cellProblems workbook.Problems
	if errors.As(err, &cellProblems) {
		if im == nil {
			printWorkbookProblems(w, cellProblems)
			return errDataInvalid
		}
	} else if err != nil {
		return err
	}
	if reportArg == "" {
		reportArg = im.Folder
		if reportArg == "" && len(cellProblems) > 0 {
			printWorkbookProblems(w, cellProblems)
			return errDataInvalid
		}
		if reportArg == "" {
			return fmt.Errorf("%w: buku kerja tidak menyebut foldernya (isian folder di lembar Laporan): tambahkan -report <instansi>/<tahun>", errUsage)
		}
	}
	agency, year, err := parseReportArg(reportArg)
	if err != nil {
		return err
	}
	if slices.Contains(tomldata.ReservedSlugs, agency) {
		return fmt.Errorf("nama folder instansi %q sudah dipakai halaman situs sendiri: pilih nama lain", agency)
	}
	agencyDir := filepath.Join(dataDir(root), agency)
	target := filepath.Join(agencyDir, strconv.Itoa(year))
	if fi, err := os.Lstat(target); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s bukan folder", target)
	}

	// the candidate data folder: the agency file (the one in data/, else
	// the workbook's), the new TOML files and the source document
	agencyFile := filepath.Join(agencyDir, tomldata.AgencyFile)
	writeAgency, agencyDiffers := false, false
	useAgency := im.Agency
	if b, err := os.ReadFile(agencyFile); err == nil {
		var have, got report.Agency
		_, err1 := toml.Decode(string(b), &have)
		_, err2 := toml.Decode(string(im.Agency), &got)
		agencyDiffers = im.Agency != nil && (err1 != nil || err2 != nil || have != got)
		useAgency = b
	} else {
		writeAgency = im.Agency != nil
	}
	tmp, err := stageImport(root, agency, year, useAgency, im.Files)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	tmpYear := filepath.Join(tmp, agency, strconv.Itoa(year))
	names := slices.Sorted(maps.Keys(im.Files))
	_, err = tomldata.Load(os.DirFS(tmp), "data")
	var problems tomldata.Problems
	if errors.As(err, &problems) || len(cellProblems) > 0 {
		out := append(workbook.Problems{}, cellProblems...)
		reported := map[[2]string]bool{}
		for _, p := range cellProblems {
			reported[[2]string{p.Sheet, p.Cell}] = true
		}
		var rest tomldata.Problems
		for _, p := range problems {
			name := path.Base(p.File)
			if name == tomldata.AgencyFile && !writeAgency {
				rest = append(rest, p) // the agency file already in data/
				continue
			}
			if name == tomldata.AgencyFile {
				name = workbook.AgencyFile
			}
			if len(cellProblems) > 0 && !im.Read(name, p.KeyPath) {
				// a value the reading refused is missing from the files:
				// what the loader says of it follows from a problem above
				continue
			}
			if loc, ok := im.Locate(name, p.KeyPath); ok {
				if q := im.Problem(loc, p.Message); !reported[[2]string{q.Sheet, q.Cell}] {
					out = append(out, q) // a cell already reported says it better
				}
			} else {
				rest = append(rest, p)
			}
		}
		return refuseImport(w, out, rest)
	} else if err != nil {
		return err
	}

	// move into place: the year folder's TOML files are replaced by the
	// workbook's
	if err := os.MkdirAll(target, 0o755); err != nil {
		return err
	}
	if writeAgency {
		if err := os.Rename(filepath.Join(tmp, agency, tomldata.AgencyFile), agencyFile); err != nil {
			return err
		}
		fmt.Fprintf(w, "Ditulis: %s\n", agencyFile)
	} else if agencyDiffers {
		fmt.Fprintf(w, "Catatan: %s sudah ada dan tidak diubah (dipakai semua tahun); isian instansi yang berbeda di buku kerja diabaikan: ubah berkas itu langsung.\n", agencyFile)
	}
	entries, _ := os.ReadDir(target)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") && im.Files[e.Name()] == nil && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(target, e.Name())); err != nil {
				return err
			}
			fmt.Fprintf(w, "Dihapus (isinya kini di berkas lain dari buku kerja): %s\n", filepath.Join(target, e.Name()))
		}
	}
	for _, name := range names {
		if err := os.Rename(filepath.Join(tmpYear, name), filepath.Join(target, name)); err != nil {
			return err
		}
		fmt.Fprintf(w, "Ditulis: %s\n", filepath.Join(target, name))
	}
	fmt.Fprintf(w, "Data sah. Lihat temuan audit dengan: go run ./generator check\n")
	return nil
}

// refuseImport prints why an import writes nothing: the problems at a cell
// of the workbook, then those of the files it would write that no cell
// can be pointed at.
func refuseImport(w io.Writer, cells workbook.Problems, rest tomldata.Problems) error {
	printWorkbookProblems(w, cells)
	if len(rest) > 0 {
		fmt.Fprintf(w, "Galat pada berkas yang akan ditulis dari buku kerja (tanpa sel yang dapat ditunjuk):\n\n%s\n\n", rest.Error())
	}
	fmt.Fprintf(w, "Tidak ada berkas yang ditulis: perbaiki buku kerja lalu impor lagi.\n")
	return errDataInvalid
}

func printWorkbookProblems(w io.Writer, ps workbook.Problems) {
	if len(ps) == 0 {
		return
	}
	fmt.Fprintf(w, "GALAT BUKU KERJA (%d) — tidak ada berkas yang ditulis:\n\n", len(ps))
	for _, p := range ps {
		fmt.Fprintln(w, p.Error())
	}
	fmt.Fprintln(w)
}

// copyNonTOML copies the regular files of a year folder that are not data
// files (the source document), so that the loader finds them beside the
// candidate TOML files. A missing folder has nothing to copy.
func copyNonTOML(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == from && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			if rel != "." {
				return os.MkdirAll(filepath.Join(to, rel), 0o755)
			}
			return nil
		}
		if !d.Type().IsRegular() || (filepath.Dir(rel) == "." && strings.HasSuffix(d.Name(), ".toml")) {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() > tomldata.MaxSourceSize {
			return nil // the loader reports a missing or oversized source document
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

// importSIPD merges a SIPD budget export into one report of data/: the
// programme tree gets the official codes (items matched by code, then by
// name; new items added) and the LRA the budget and realisasi. The
// report must exist and load without problems; the files that change are
// written to a temporary data folder, loaded with the strict loader with
// the rest of the report, and only then moved into data/. Every problem
// is printed with its sheet and cell; nothing is written while there is
// one.
func importSIPD(root string, args []string, reportArg string, w io.Writer) error {
	if len(args) != 1 || reportArg == "" {
		return fmt.Errorf("%w: import-sipd <berkas.xlsx> -report <instansi>/<tahun>", errUsage)
	}
	agency, year, err := parseReportArg(reportArg)
	if err != nil {
		return err
	}
	file := args[0]
	data, err := readWorkbook(file)
	if err != nil {
		return err
	}
	agencyDir := filepath.Join(dataDir(root), agency)
	target := filepath.Join(agencyDir, strconv.Itoa(year))
	if fi, err := os.Lstat(target); err != nil || !fi.IsDir() {
		return fmt.Errorf("laporan %s/%d belum ada di %s: buat dulu dengan go run ./generator new %s %d, lalu impor SIPD", agency, year, dataDir(root), agency, year)
	}
	// the report as it is must load: the merge rewrites whole files
	_, own, err := loadReport(root, agency, year)
	if err != nil {
		return err
	}
	if len(own) > 0 {
		fmt.Fprintf(w, "GALAT DATA (%d) — perbaiki dulu data laporan ini, tidak ada berkas yang ditulis:\n\n%s\n\n", len(own), own.Error())
		return errDataInvalid
	}
	existing := map[string][]byte{}
	entries, err := os.ReadDir(target)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") && e.Type().IsRegular() {
			b, err := os.ReadFile(filepath.Join(target, e.Name()))
			if err != nil {
				return err
			}
			existing[e.Name()] = b
		}
	}
	im, res, err := workbook.ImportSIPD(file, data, existing)
	var wp workbook.Problems
	if errors.As(err, &wp) {
		printWorkbookProblems(w, wp)
		return errDataInvalid
	} else if err != nil {
		return err
	}
	if len(im.Files) == 0 {
		for _, n := range res.Notes {
			fmt.Fprintln(w, n)
		}
		fmt.Fprintf(w, "Tidak ada yang berubah: kode dan anggaran di %s sudah sama dengan buku kerja.\n", target)
		return nil
	}

	// the candidate report: the agency file, the year folder, the changed
	// files over it
	agencyFile, _ := os.ReadFile(filepath.Join(agencyDir, tomldata.AgencyFile))
	files := maps.Clone(existing)
	maps.Copy(files, im.Files)
	tmp, err := stageImport(root, agency, year, agencyFile, files)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	tmpYear := filepath.Join(tmp, agency, strconv.Itoa(year))
	names := slices.Sorted(maps.Keys(im.Files))
	_, err = tomldata.Load(os.DirFS(tmp), "data")
	var problems tomldata.Problems
	if errors.As(err, &problems) {
		var out workbook.Problems
		var rest tomldata.Problems
		for _, p := range problems {
			if loc, ok := im.Locate(path.Base(p.File), p.KeyPath); ok {
				out = append(out, im.Problem(loc, p.Message))
			} else {
				rest = append(rest, p)
			}
		}
		return refuseImport(w, out, rest)
	} else if err != nil {
		return err
	}
	for _, name := range names {
		if err := os.Rename(filepath.Join(tmpYear, name), filepath.Join(target, name)); err != nil {
			return err
		}
		fmt.Fprintf(w, "Ditulis: %s\n", filepath.Join(target, name))
	}
	for _, n := range res.Notes {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintf(w, "Data sah. Lihat temuan audit dengan: go run ./generator check\n")
	return nil
}
