// Package idformat writes numbers the way each language of the site does,
// through golang.org/x/text's locale data: Indonesian (1.234.567;
// 97,85 %; Rp 34,55 miliar) and English (1,234,567; 97.85%; IDR 34.55
// billion). The package functions write Indonesian, the site's default.
//
// A number and its unit are joined by a no-break space (NBSP), so that
// "97,85 %" or "Rp 7,9 miliar" never breaks across lines on a narrow
// screen or in print.
package idformat

import (
	"math"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// NBSP joins a number and its unit.
const NBSP = "\u00a0"

// Style is one language's way of writing numbers and amounts.
type Style struct {
	printer  *message.Printer
	point    string    // the decimal mark
	currency string    // before an amount: "Rp", "IDR"
	percent  string    // between a number and "%": NBSP or nothing
	scales   [3]string // the names of 10¹², 10⁹ and 10⁶
	points   string    // percentage points
	rupiah   string    // the currency's name after a difference
}

// ID writes Indonesian: 1.234.567; 97,85 %; Rp 34,55 miliar.
var ID = &Style{printer: message.NewPrinter(language.Indonesian), point: ",", currency: "Rp", percent: NBSP,
	scales: [3]string{"triliun", "miliar", "juta"}, points: "poin", rupiah: "rupiah"}

// EN writes English: 1,234,567; 97.85%; IDR 34.55 billion. Units from data
// (orang, Jiwa) are data and stay as given.
var EN = &Style{printer: message.NewPrinter(language.English), point: ".", currency: "IDR", percent: "",
	scales: [3]string{"trillion", "billion", "million"}, points: "points", rupiah: "rupiah"}

// Int formats a whole number: 1.234.567.
func (s *Style) Int(n int64) string { return s.printer.Sprint(number.Decimal(n)) }

// Decimal formats v with exactly places decimals: 97,85.
func (s *Style) Decimal(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	out := s.printer.Sprint(number.Decimal(v, number.MinFractionDigits(places), number.MaxFractionDigits(places)))
	if strings.Trim(out, "-−0,.") == "" { // "-0,00" → "0,00"
		out = strings.TrimLeft(out, "-−")
	}
	return out
}

// Percent formats a percentage: 97,85 % (Indonesian, with a no-break
// space before the sign), 97.85% (English).
func (s *Style) Percent(v float64, places int) string { return s.Decimal(v, places) + s.percent + "%" }

// Signed formats a difference with its sign: +0,01 or −1.234.
func (s *Style) Signed(v float64, places int) string {
	out := s.Decimal(math.Abs(v), places)
	switch {
	case strings.Trim(out, "0,.") == "":
		return out
	case v < 0:
		return "−" + out
	default:
		return "+" + out
	}
}

// Rupiah formats an exact amount: Rp 34.547.900.993.
func (s *Style) Rupiah(n int64) string {
	if n < 0 {
		return "−" + s.currency + NBSP + s.Int(-n)
	}
	return s.currency + NBSP + s.Int(n)
}

// RupiahShort formats an amount for cards: Rp 34,55 miliar, Rp 595,5 juta.
func (s *Style) RupiahShort(n int64) string {
	v := math.Abs(float64(n))
	sign := ""
	if n < 0 {
		sign = "−"
	}
	for i, size := range []float64{1e12, 1e9, 1e6} {
		if v >= size {
			return sign + s.currency + NBSP + s.trimZeros(s.Decimal(v/size, 2)) + NBSP + s.scales[i]
		}
	}
	return sign + s.currency + NBSP + s.Int(int64(v))
}

// trimZeros drops trailing decimal zeros: "34,50" → "34,5", "12,00" → "12".
func (s *Style) trimZeros(n string) string {
	if !strings.Contains(n, s.point) {
		return n
	}
	return strings.TrimSuffix(strings.TrimRight(n, "0"), s.point)
}

// Number formats a measured value with as many decimals as it needs (max 2).
func (s *Style) Number(v float64) string { return s.trimZeros(s.Decimal(v, 2)) }

// Quantity formats a value with its unit: "Rp" as exact rupiah, "%" and
// "poin" with two decimals, other units after the number.
func (s *Style) Quantity(v float64, unit string) string {
	switch unit {
	case "Rp":
		return s.Rupiah(int64(v))
	case "%":
		return s.Percent(v, 2)
	case "poin":
		return s.Decimal(v, 2) + NBSP + s.points
	case "":
		return s.Number(v)
	default:
		return s.Number(v) + NBSP + unit
	}
}

// Measure formats a value of a series with the decimals the data declares
// and its unit: "1,90 %", "12,4 per 1.000 KH".
func (s *Style) Measure(v float64, unit string, places int) string {
	n := s.Decimal(v, places)
	switch unit {
	case "":
		return n
	case "%":
		return n + s.percent + "%"
	default:
		return n + NBSP + unit
	}
}

// Difference formats a signed difference in the unit of what it compares:
// rupiah, percentage points, or the unit itself.
func (s *Style) Difference(v float64, unit string) string {
	switch unit {
	case "Rp":
		return s.Signed(v, 0) + NBSP + s.rupiah
	case "%", "poin":
		return s.Signed(v, 2) + NBSP + s.points
	case "":
		return s.Signed(v, s.differencePlaces(v))
	default:
		return s.Signed(v, s.differencePlaces(v)) + NBSP + unit
	}
}

// differencePlaces: a whole difference without decimals, else two.
func (s *Style) differencePlaces(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 2
}

// The Indonesian style as package functions.

// Int formats a whole number: 1.234.567.
func Int(n int64) string { return ID.Int(n) }

// Decimal formats v with exactly places decimals: 97,85.
func Decimal(v float64, places int) string { return ID.Decimal(v, places) }

// Percent formats a percentage with a no-break space before the sign: 97,85 %.
func Percent(v float64, places int) string { return ID.Percent(v, places) }

// Signed formats a difference with its sign: +0,01 or −1.234.
func Signed(v float64, places int) string { return ID.Signed(v, places) }

// Rupiah formats an exact amount: Rp 34.547.900.993.
func Rupiah(n int64) string { return ID.Rupiah(n) }

// RupiahShort formats an amount for cards: Rp 34,55 miliar, Rp 595,5 juta.
func RupiahShort(n int64) string { return ID.RupiahShort(n) }

// Number formats a measured value with as many decimals as it needs (max 2).
func Number(v float64) string { return ID.Number(v) }

// Quantity formats a value with its unit.
func Quantity(v float64, unit string) string { return ID.Quantity(v, unit) }

// Measure formats a value of a series with its decimals and unit.
func Measure(v float64, unit string, places int) string { return ID.Measure(v, unit, places) }

// Difference formats a signed difference in the unit of what it compares.
func Difference(v float64, unit string) string { return ID.Difference(v, unit) }
