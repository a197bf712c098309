package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sakip-terbuka/lakip/generator/idformat"
	"github.com/sakip-terbuka/lakip/generator/report"
	"github.com/sakip-terbuka/lakip/generator/tomldata"
)

// errDataInvalid is returned when the data has errors a staff member must fix.
var errDataInvalid = errors.New("data belum benar: perbaiki galat di atas lalu jalankan lagi")

// loadData loads and prepares every report under root/data.
func loadData(root string) ([]*report.Report, error) {
	dir := dataDir(root)
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("folder data tidak ditemukan: %s", dir)
	}
	return tomldata.Load(os.DirFS(dir), "data")
}

// check prints data errors, then the audit findings of every report.
func check(root string, w io.Writer) error {
	reports, err := loadData(root)
	var problems tomldata.Problems
	if errors.As(err, &problems) {
		fmt.Fprintf(w, "GALAT DATA (%d) — situs tidak dapat dibangun sampai semuanya diperbaiki:\n\n", len(problems))
		for _, p := range problems {
			fmt.Fprintf(w, "%s\n\n", p.Error())
		}
		return errDataInvalid
	} else if err != nil {
		return err
	}
	if len(reports) == 0 {
		fmt.Fprintf(w, "GALAT DATA: %s tidak berisi laporan (data/<instansi>/instansi.toml dan data/<instansi>/<tahun>/*.toml); buat satu dengan: go run ./generator new <instansi> <tahun>\n", dataDir(root))
		return errDataInvalid
	}
	fmt.Fprintf(w, "Data sah: %d laporan.\n", len(reports))
	for _, r := range reports {
		writeAudit(w, r)
	}
	return nil
}

// writeAudit prints one report's totals and findings in plain words.
func writeAudit(w io.Writer, r *report.Report) {
	t := r.Totals()
	findings := r.Audit()
	fmt.Fprintf(w, "\n== %s %d (data/%s/%d) ==\n", r.Agency.Name, r.Year, r.Agency.Slug, r.Year)
	if t.Rows > 0 {
		fmt.Fprintf(w, "Anggaran %s, realisasi %s, penyerapan %s (jumlah %d program di LRA).\n",
			idformat.Rupiah(t.Budget), idformat.Rupiah(t.Spent), idformat.Percent(t.Absorption, 2), t.Rows)
	} else {
		fmt.Fprintln(w, "Anggaran: tidak dilaporkan (tidak ada baris program di Laporan Realisasi Anggaran).")
	}
	counts := map[report.Severity]int{}
	for _, f := range findings {
		counts[f.Severity]++
	}
	fmt.Fprintf(w, "Temuan audit: %d (serius %d, peringatan %d, info %d).\n\n", len(findings), counts[report.Serious], counts[report.Warning], counts[report.Info])
	for i, f := range findings {
		fmt.Fprintf(w, "%3d. %s\n", i+1, describeFinding(f))
	}
}

// describeFinding is one finding as a sentence a staff member can act on.
func describeFinding(f report.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s] %s", f.Severity, f.Table)
	if f.Row > 0 {
		fmt.Fprintf(&b, ", baris %d", f.Row)
	}
	if f.Item != "" {
		fmt.Fprintf(&b, " (%s)", f.Item)
	}
	b.WriteString(": ")
	if f.Field != "" {
		fmt.Fprintf(&b, "%s tercetak %q", f.Field, f.Published)
		if f.HasNumbers {
			label := "hitung ulang"
			if f.Compare != "" {
				label = "angka pembanding di " + f.Compare
			}
			fmt.Fprintf(&b, ", %s %s, selisih %s", label, idformat.Quantity(f.Recomputed, f.Unit), idformat.Difference(f.Difference, f.Unit))
		}
		b.WriteString(". ")
	}
	b.WriteString(f.Detail)
	b.WriteString(".")
	return b.String()
}
