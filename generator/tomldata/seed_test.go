package tomldata

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/report"
)

const seedText = "../../data/dinas-sosial-sidoarjo/2021/sumber/laporan-kinerja-2021.txt"

func loadSeed(t *testing.T) *report.Report {
	t.Helper()
	reports, err := Load(os.DirFS(filepath.Join("..", "..", "data")), "data")
	if err != nil {
		t.Fatalf("bundled data has problems:\n%v", err)
	}
	for _, r := range reports {
		if r.Agency.Slug == "dinas-sosial-sidoarjo" && r.Year == 2021 {
			return r
		}
	}
	t.Fatal("seed report not found")
	return nil
}

// seedSection returns the tab-separated rows of the source text between the
// first line starting with from and the next line starting with to.
func seedSection(t *testing.T, from, to string) [][]string {
	t.Helper()
	f, err := os.Open(seedText)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	in := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.HasPrefix(line, from):
			in = true
			continue
		case in && strings.HasPrefix(line, to):
			return rows
		case in && strings.Contains(line, "\t"):
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	t.Fatalf("section %q … %q not found", from, to)
	return nil
}

var spaces = regexp.MustCompile(`\s+`)

func norm(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// TestSeedTotals: the issue's acceptance figures reproduce from the data.
func TestSeedTotals(t *testing.T) {
	r := loadSeed(t)
	tot := r.Totals()
	if tot.Budget != 34547900993 || tot.Spent != 33803921167 {
		t.Errorf("totals %d / %d, want 34547900993 / 33803921167", tot.Budget, tot.Spent)
	}
	if got := int(tot.Absorption*100 + 0.5); got != 9785 {
		t.Errorf("absorption %.4f, want 97,85", tot.Absorption)
	}
}

// TestSeedLRAComplete compares the LRA of the data with the LRA of the
// source text: same number of rows, and every amount and % printed there is
// in the data, character for character, in the same order.
func TestSeedLRAComplete(t *testing.T) {
	r := loadSeed(t)
	src := seedSection(t, "Program/Kegiatan/ SubKegiatan", "Sumber data : LRA")
	if len(src) != len(r.Budget.LRA.Rows) {
		t.Fatalf("LRA: %d rows in the source, %d in the data", len(src), len(r.Budget.LRA.Rows))
	}
	for i, cells := range src {
		row := r.Budget.LRA.Rows[i]
		if len(cells) != 4 {
			t.Fatalf("source row %d has %d cells", i+1, len(cells))
		}
		got := []string{norm(row.Text), row.Budget.Published, row.Spent.Published, row.Percent.Published}
		want := []string{norm(cells[0]), norm(cells[1]), norm(cells[2]), norm(cells[3])}
		if !slices.Equal(got[1:], want[1:]) {
			t.Errorf("LRA row %d: data %q, source %q", i+1, got[1:], want[1:])
		}
		// names: the PDF conversion split some words at column wraps ("Kabupaten/ Kota")
		if !strings.EqualFold(strings.ReplaceAll(got[0], " ", ""), strings.ReplaceAll(want[0], " ", "")) {
			t.Errorf("LRA row %d: name %q, source %q", i+1, got[0], want[0])
		}
	}
}

// TestSeedProgramTableComplete compares section 3.4 row by row with the
// source text: every column the source prints (item, indicator, target,
// realisasi, capaian, kategori, penjelasan), in order, for every row,
// item-name-only rows included.
func TestSeedProgramTableComplete(t *testing.T) {
	r := loadSeed(t)
	var table *report.MeasureTable
	for i := range r.Results.Tables {
		if r.Results.Tables[i].ID == "program-kegiatan" {
			table = &r.Results.Tables[i]
		}
	}
	if table == nil {
		t.Fatal("table program-kegiatan missing")
	}
	src := seedSection(t, "Sasaran Strategis/ Program/ Kegiatan/Subkegiatan", "3.5.Laporan")
	for _, msg := range compareProgramTable(table.Rows, src) {
		t.Error(msg)
	}
}

// TestSeedProgramTableCompareFails: the comparison above sees a change in
// any column of any row, a lost row and an extra row.
func TestSeedProgramTableCompareFails(t *testing.T) {
	r := loadSeed(t)
	var rows []report.MeasureRow
	for _, mt := range r.Results.Tables {
		if mt.ID == "program-kegiatan" {
			rows = mt.Rows
		}
	}
	src := seedSection(t, "Sasaran Strategis/ Program/ Kegiatan/Subkegiatan", "3.5.Laporan")
	if msgs := compareProgramTable(rows, src); len(msgs) > 0 {
		t.Fatalf("the seed does not match: %v", msgs)
	}
	changes := map[string]func(*report.MeasureRow){
		"uraian":     func(m *report.MeasureRow) { m.Text += "x" },
		"indikator":  func(m *report.MeasureRow) { m.Indicator = strings.Replace(m.Indicator, "a", "e", 1) },
		"target":     func(m *report.MeasureRow) { m.Target = report.ParseFigure(m.Target.Published + "0") },
		"realisasi":  func(m *report.MeasureRow) { m.Actual = report.ParseFigure("") },
		"capaian":    func(m *report.MeasureRow) { m.Achievement = report.ParseFigure("101%") },
		"kategori":   func(m *report.MeasureRow) { m.Category = "Cukup" },
		"penjelasan": func(m *report.MeasureRow) { m.Explanation = "tambahan" },
	}
	for _, at := range []int{0, 2, 40, len(rows) - 1} {
		for col, change := range changes {
			changed := slices.Clone(rows)
			change(&changed[at])
			if msgs := compareProgramTable(changed, src); len(msgs) == 0 || !strings.Contains(msgs[0], col) {
				t.Errorf("a change of %s in row %d is not seen: %v", col, at+1, msgs)
			}
		}
	}
	if len(compareProgramTable(rows[:len(rows)-1], src)) == 0 {
		t.Error("a lost last row is not seen")
	}
	if len(compareProgramTable(append(slices.Clone(rows), rows[0]), src)) == 0 {
		t.Error("an extra row is not seen")
	}
	if len(compareProgramTable(slices.Delete(slices.Clone(rows), 5, 6), src)) == 0 {
		t.Error("a lost row in the middle is not seen")
	}
}

// compareProgramTable lists where the rows of table 3.4 differ from the
// source text's rows.
func compareProgramTable(rows []report.MeasureRow, src [][]string) []string {
	var msgs []string
	columns := []string{"uraian", "indikator", "target", "realisasi", "capaian", "kategori", "penjelasan"}
	joined := 0
	si := 0
	for di, row := range rows {
		if si >= len(src) {
			return append(msgs, fmt.Sprintf("3.4: the data has %d rows, the source only %d (row %d on)", len(rows), len(src), di+1))
		}
		cells := padCells(src[si], len(columns))
		// one item name is split by a page break: its first part ends a page
		// without figures, the rest starts the next page with the indicator;
		// the data joins them into one row
		if si+1 < len(src) && blank(cells[1:]) && row.Indicator != "" {
			next := padCells(src[si+1], len(columns))
			if squash(cells[0]+next[0]) == squash(row.Text) {
				next[0] = cells[0] + " " + next[0]
				cells = next
				si++
				joined++
			}
		}
		si++
		got := []string{row.Text, row.Indicator, row.Target.Published, row.Actual.Published, row.Achievement.Published, row.Category, row.Explanation}
		for c, name := range columns {
			if !sameCell(got[c], cells[c]) {
				msgs = append(msgs, fmt.Sprintf("3.4 row %d %s: data %q, source %q", di+1, name, got[c], norm(cells[c])))
			}
		}
	}
	if si != len(src) {
		msgs = append(msgs, fmt.Sprintf("3.4: %d source rows, only %d matched by the %d data rows", len(src), si, len(rows)))
	}
	if joined != 1 {
		msgs = append(msgs, fmt.Sprintf("3.4: %d item names joined across a page break, want 1", joined))
	}
	return msgs
}

func padCells(cells []string, n int) []string {
	out := make([]string, n)
	copy(out, cells)
	return out
}

func blank(cells []string) bool {
	for _, c := range cells {
		if norm(c) != "" {
			return false
		}
	}
	return true
}

// squash drops all white space: the PDF conversion split some words at
// column wraps ("Rekomen dasi", "DPA- SKPD", "Kabupaten/ Kota").
func squash(s string) string { return spaces.ReplaceAllString(s, "") }

// sameCell: the data has the source's text, exactly (white space runs
// aside), or with the spaces the PDF conversion put inside a word removed.
func sameCell(data, source string) bool {
	d, s := norm(data), norm(source)
	return d == s || (squash(d) == squash(s) && len(d) < len(s))
}

// TestSeedRowCounts pins the number of rows of every table, counted by hand
// against the source and by the helpers' transcription notes; a lost or
// duplicated row fails here.
func TestSeedRowCounts(t *testing.T) {
	r := loadSeed(t)
	counts := map[string]int{
		"profil.tabel-1": 2, "profil.tabel-2": 8, "profil.tabel-3": 3,
		"rencana.rpjmd": 1, "rencana.renstra_program": 58,
		"rkt": 61, "pk.kepala": 1, "pk.eselon_iii": 6, "pk.eselon_iv": 19, "pk.anggaran": 48,
		"ikhtisar-sasaran": 1, "ikhtisar-program": 57, "iku": 1, "tujuan": 1, "sasaran": 1,
		"jangka-menengah-target": 1, "jangka-menengah-target-jangka-menengah": 1, "jangka-menengah-instansi-sejenis": 1,
		"tahunan-target": 1, "tahunan-target-jangka-menengah": 1, "tahunan-instansi-sejenis": 1,
		"keberhasilan-jangka-menengah": 1, "program-kegiatan": 97,
		"seri.jangka-menengah-tahun-sebelumnya": 5, "seri.tahunan-tahun-sebelumnya": 5,
		"lra": 60, "kinerja-anggaran": 1, "efisiensi": 1,
		"aset": 9, "isu_strategis": 3, "eselonisasi": 5,
	}
	got := map[string]int{
		"rencana.rpjmd": len(r.Plans.Linkage), "rencana.renstra_program": len(r.Plans.RenstraItems),
		"rkt": len(r.RKT.Rows), "pk.kepala": len(r.Agreements.Head.Rows), "pk.eselon_iii": len(r.Agreements.EselonIII.Rows),
		"pk.eselon_iv": len(r.Agreements.EselonIV.Rows), "pk.anggaran": len(r.Agreements.Budget.Rows),
		"lra": len(r.Budget.LRA.Rows), "kinerja-anggaran": len(r.Budget.Performance), "efisiensi": len(r.Budget.Efficiency.Rows),
		"aset": len(r.Profile.Assets), "isu_strategis": len(r.Profile.Issues), "eselonisasi": len(r.Profile.Echelons),
	}
	for _, st := range r.Profile.StaffTables {
		got["profil."+st.ID] = len(st.Rows)
	}
	for _, mt := range r.Results.Tables {
		got[mt.ID] = len(mt.Rows)
	}
	for _, s := range r.Results.Series {
		got["seri."+s.ID] = len(s.Values)
	}
	for k, want := range counts {
		if got[k] != want {
			t.Errorf("%s: %d rows, want %d", k, got[k], want)
		}
	}
	for k := range got {
		if _, ok := counts[k]; !ok {
			t.Errorf("table %s has no expected row count in this test", k)
		}
	}
	// the 2021 target: original 1,81 %, revised 2,38 %
	var awal, perubahan string
	for _, g := range r.Plans.Targets {
		for _, ind := range g.Indicators {
			for _, tv := range ind.Targets {
				if tv.Year == 2021 && tv.Kind == "awal" {
					awal = tv.Value.Published
				}
				if tv.Year == 2021 && tv.Kind == "perubahan" {
					perubahan = tv.Value.Published
				}
			}
		}
	}
	if awal != "1.81%" || perubahan != "2,38%" {
		t.Errorf("Renstra 2021 targets: awal %q perubahan %q", awal, perubahan)
	}
}
