package cli

import (
	"math"
	"strings"
	"testing"

	"github.com/sakip-terbuka/lakip/generator/report"
)

// TestHeadlineShowsTheOriginalTarget: the seed's strategic target was
// revised from 1,81 % to 2,38 %, exactly the realisation; the home page and
// the DPRD brief show the capaian against the original target too:
// (2 − 2,38/1,81) × 100 = 68,51 % (Cukup).
func TestHeadlineShowsTheOriginalTarget(t *testing.T) {
	out := builtSite(t)
	for _, p := range []string{base + "index.html", base + "ringkasan-dprd/index.html"} {
		page := readPage(t, out, p)
		mustContain(t, p, page, "Target diubah dari 1.81% menjadi 2,38%; terhadap target awal capaian 68,51 % (Cukup).", "100,00 %")
		body := text(page)
		if i, j := strings.Index(body, "68,51 %"), strings.Index(body, "Indikator per kategori"); i < 0 || j < 0 || i > j {
			t.Errorf("%s: the capaian against the original target is not in the headline, before the counts", p)
		}
	}
}

// TestProgrammePagesShowTheSignedTargets: table 3.4 used targets different
// from the signed Perjanjian Kinerja; the programme page says so at its top.
func TestProgrammePagesShowTheSignedTargets(t *testing.T) {
	out := builtSite(t)
	page := readPage(t, out, base+"program/rehabilitasi-sosial/index.html")
	body := text(page)
	top := strings.Index(body, "Target yang berbeda antartabel")
	if top < 0 || top > strings.Index(body, "Anggaran (LRA)") {
		t.Fatalf("the programme page does not show the other targets before its budget: %q", body)
	}
	for _, want := range []string{"6,47%", "5,89%", "109,85 %", "22%", "1,94%", "42,7%", "5,38%", "Perjanjian Kinerja"} {
		if !strings.Contains(body[top:], want) {
			t.Errorf("programme page lacks %q", want)
		}
	}
}

// TestAmbiguousNumberCountedNowhere: "97,259 KPM" against "100.000 KPM"
// has two readings; it is shown with both, counted in no category and is
// not listed as below target in the DPRD brief.
func TestAmbiguousNumberCountedNowhere(t *testing.T) {
	out := builtSite(t)
	results := text(readPage(t, out, base+"capaian/index.html"))
	for _, want := range []string{"angka ambigu", "bacaan desimal: 0,10 %", "bacaan ribuan: 97,26 %"} {
		if !strings.Contains(results, want) {
			t.Errorf("results page lacks %q", want)
		}
	}
	home := readPage(t, out, base+"index.html")
	sameCounts(t, "seed home", bandCounts(home), map[string]string{"Sangat Berhasil": "3", "Berhasil": "86", "Cukup": "2", "Kurang": "0", "Tidak dapat dinilai": "4"})
	mustContain(t, "seed home", home, "Dihitung dari 95 indikator", "1 indikator dengan angka ambigu")
	for _, item := range belowTarget(readPage(t, out, base+"ringkasan-dprd/index.html")) {
		if strings.Contains(item, "97,259") || strings.Contains(item, "0,10 %") {
			t.Errorf("the DPRD brief lists the ambiguous figure as below target: %q", item)
		}
	}
}

// TestSeedSeveritiesByMateriality: the target revision and the Perjanjian
// Kinerja targets that table 3.4 does not use are serious; every difference
// of at most 0,05 points is info.
func TestSeedSeveritiesByMateriality(t *testing.T) {
	findings := seedReport(t).Audit()
	var revised, pk, rounding int
	for _, f := range findings {
		switch {
		case f.Kind == report.KindTargetChanged:
			revised++
			if f.Severity != report.Serious {
				t.Errorf("target revision not serious: %+v", f)
			}
		case f.Kind == report.KindCrossTable && f.Field == "target" && strings.HasPrefix(f.TableID, "pk-"):
			pk++
			if f.Severity != report.Serious {
				t.Errorf("PK target against table 3.4 not serious: %+v", f)
			}
		case f.HasNumbers && (f.Unit == "%" || f.Unit == "poin") && f.Kind != report.KindCrossTable && math.Abs(f.Difference) <= report.RoundingPoints+1e-9:
			rounding++
			if f.Severity != report.Info {
				t.Errorf("rounding difference not info: %+v", f)
			}
		}
	}
	if revised == 0 || pk < 4 || rounding < 3 {
		t.Errorf("found %d target revisions, %d PK targets, %d rounding differences", revised, pk, rounding)
	}
}

// TestFindingsPageForPeople: the Catatan data page opens with its summary
// in words (counts per kind, the most material first, what the
// severities mean), groups the findings by kind, and keeps the full table.
func TestFindingsPageForPeople(t *testing.T) {
	out := builtSite(t)
	page := readPage(t, out, base+"catatan-data/index.html")
	body := text(page)
	for _, want := range []string{"Ringkasan", "Target berubah : 2", "Beda antartabel : 20", "Yang paling penting", "Arti tingkat catatan",
		"angka pembanding di 3.4 Analisis Pencapaian Program dan Kegiatan Pendukung", "Tabel lengkap semua catatan"} {
		if !strings.Contains(body, want) {
			t.Errorf("Catatan data lacks %q", want)
		}
	}
	if strings.Index(body, "Yang paling penting") > strings.Index(body, "Tabel lengkap") {
		t.Error("the summary is not first")
	}
	for _, id := range []string{`id="kelompok-target-berubah"`, `id="kelompok-beda-antar-tabel"`, `href="#kelompok-angka-ambigu"`} {
		if !strings.Contains(page, id) {
			t.Errorf("Catatan data lacks %s", id)
		}
	}
}

// TestEfficiencySaysSomething: the efficiency view plots every programme
// and kegiatan's capaian against its absorption, with the difference in its
// table, instead of bars that all read 100 %.
func TestEfficiencySaysSomething(t *testing.T) {
	out := builtSite(t)
	page := readPage(t, out, base+"efisiensi/index.html")
	body := text(page)
	for _, want := range []string{"Capaian kinerja terhadap penyerapan anggaran, per program dan kegiatan", "Capaian − penyerapan (poin)",
		"Administrasi Keuangan Perangkat Daerah Kegiatan 115,12 % 96,15 % +18,97", "bukan nol"} {
		if !strings.Contains(body, want) {
			t.Errorf("efficiency page lacks %q", want)
		}
	}
	if !strings.Contains(page, "<svg") {
		t.Error("no chart drawn at build time")
	}
}
