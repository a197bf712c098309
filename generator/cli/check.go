package cli

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	lakip "github.com/sakip-terbuka/lakip"
	"github.com/sakip-terbuka/lakip/generator/idformat"
	"github.com/sakip-terbuka/lakip/generator/locale"
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

// Output formats of check.
const (
	formatText   = "teks"   // for people: problems with the line shown
	formatGitHub = "github" // GitHub Actions workflow commands: each problem on its line in a pull request
)

// check prints data errors, then the audit findings of every report, in
// the given format.
func check(root string, w io.Writer, format string) error {
	reports, err := loadData(root)
	var problems tomldata.Problems
	if errors.As(err, &problems) {
		fmt.Fprintf(w, "GALAT DATA (%d) — situs tidak dapat dibangun sampai semuanya diperbaiki:\n\n", len(problems))
		for _, p := range problems {
			if format == formatGitHub {
				fmt.Fprintln(w, githubAnnotation(p))
				continue
			}
			fmt.Fprintf(w, "%s\n\n", p.Error())
		}
		return errDataInvalid
	} else if err != nil {
		return err
	}
	if len(reports) == 0 {
		msg := fmt.Sprintf("%s tidak berisi laporan (data/<instansi>/instansi.toml dan data/<instansi>/<tahun>/*.toml); buat satu dengan: go run ./generator new <instansi> <tahun>", dataDir(root))
		if format == formatGitHub {
			fmt.Fprintf(w, "::error title=GALAT DATA::%s\n", escapeGitHubData(msg))
		} else {
			fmt.Fprintf(w, "GALAT DATA: %s\n", msg)
		}
		return errDataInvalid
	}
	// the findings are written in the site's default language, from the
	// interface strings compiled in (any data folder can be checked)
	loc, err := locale.Load(lakip.I18n, locale.Default)
	if err != nil {
		return fmt.Errorf("teks antarmuka untuk temuan tidak dapat dibaca: %w", err)
	}
	if format == formatGitHub {
		// the findings quote text from the data, which may hold a line that
		// GitHub would run as a workflow command: none is run until the
		// token, which the data cannot know
		token, err := stopToken()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "::stop-commands::%s\n", token)
		defer fmt.Fprintf(w, "::%s::\n", token)
	}
	fmt.Fprintf(w, "Data sah: %d laporan.\n", len(reports))
	for _, r := range reports {
		// numbers are joined to their units by no-break spaces for the
		// site; a terminal or a CI log gets plain ones
		var b strings.Builder
		writeAudit(&b, r, loc)
		io.WriteString(w, strings.ReplaceAll(b.String(), idformat.NBSP, " "))
	}
	return loc.Err()
}

// githubAnnotation is a data problem as a GitHub Actions error annotation:
// on its file, line and column when it has them. The message is one line;
// properties and message are escaped as GitHub's toolkit escapes them.
func githubAnnotation(p tomldata.Problem) string {
	var b strings.Builder
	b.WriteString("::error file=")
	b.WriteString(escapeGitHubProperty(p.File))
	if p.Line > 0 {
		fmt.Fprintf(&b, ",line=%d,col=%d", p.Line, p.Col)
	}
	b.WriteString(",title=GALAT DATA::")
	msg := p.Message
	if p.KeyPath != "" {
		msg = p.KeyPath + ": " + msg
	}
	b.WriteString(escapeGitHubData(msg))
	return b.String()
}

// escapeGitHubData escapes the message of a workflow command.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes the value of a workflow command's property.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// stopToken is a random token for ::stop-commands::.
func stopToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "temuan-" + hex.EncodeToString(b), nil
}

// writeAudit prints one report's totals and findings in plain words.
func writeAudit(w io.Writer, r *report.Report, loc *locale.Locale) {
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
		fmt.Fprintf(w, "%3d. %s\n", i+1, describeFinding(f, loc))
	}
}

// describeFinding is one finding as a sentence a staff member can act on.
func describeFinding(f report.Finding, loc *locale.Locale) string {
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
	b.WriteString(loc.Render(f.Detail))
	b.WriteString(".")
	return b.String()
}
