package report

import (
	"fmt"
	"math"
)

// addAmounts returns a + b, or false when the sum does not fit in an
// int64: rupiah sums are published, and a sum that wrapped round would be
// published as a negative figure.
func addAmounts(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// plusAmount is a + b, held at the int64 limits instead of wrapping. The
// sums of the audit and of Totals use it; Prepare refuses a report whose
// sums could reach the limits (checkAmounts), so it never saturates on a
// prepared report.
func plusAmount(a, b int64) int64 {
	if s, ok := addAmounts(a, b); ok {
		return s
	}
	if b > 0 {
		return math.MaxInt64
	}
	return math.MinInt64
}

// checkAmounts refuses an amount outside 0 … MaxRupiah (ParseRupiah
// already refuses one in the data; a report built otherwise may hold one)
// and a table whose column of amounts does not add up within int64. Every
// sum the audit and the site make is a sum of part of one column, so after
// this check none can overflow.
func (r *Report) checkAmounts(add func(path, format string, args ...any)) {
	column := func(table, field string, n int, get func(i int) Rupiah) {
		var sum int64
		overflow := false
		for i := range n {
			a := get(i)
			if !a.Present {
				continue
			}
			if a.Amount < 0 || a.Amount > MaxRupiah {
				add(fmt.Sprintf("%s[%d].%s", table, i, field), "jumlah rupiah harus antara 0 dan Rp 1.000.000.000.000.000 (Rp 1.000 triliun)")
				continue
			}
			var ok bool
			if sum, ok = addAmounts(sum, a.Amount); !ok && !overflow {
				overflow = true
				add(table, "jumlah seluruh %s di tabel ini melebihi batas hitung (sekitar Rp 9,2 juta triliun): periksa jumlah rupiah dan banyaknya baris", field)
			}
		}
	}
	planRows := func(table string, rows []PlanRow) {
		column(table, "anggaran", len(rows), func(i int) Rupiah { return rows[i].Budget })
	}
	budgetRows := func(table string, rows []BudgetRow) {
		column(table, "anggaran", len(rows), func(i int) Rupiah { return rows[i].Budget })
		column(table, "realisasi", len(rows), func(i int) Rupiah { return rows[i].Spent })
	}
	planRows("rkt.baris", r.RKT.Rows)
	planRows("perjanjian.kepala.baris", r.Agreements.Head.Rows)
	planRows("perjanjian.eselon_iii.baris", r.Agreements.EselonIII.Rows)
	planRows("perjanjian.eselon_iv.baris", r.Agreements.EselonIV.Rows)
	budgetRows("perjanjian.anggaran.baris", r.Agreements.Budget.Rows)
	budgetRows("anggaran.lra.baris", r.Budget.LRA.Rows)
	perf := r.Budget.Performance
	column("anggaran.kinerja_anggaran", "anggaran", len(perf), func(i int) Rupiah { return perf[i].Budget })
	column("anggaran.kinerja_anggaran", "realisasi_anggaran", len(perf), func(i int) Rupiah { return perf[i].Spent })
}
