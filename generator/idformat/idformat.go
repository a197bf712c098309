// Package idformat writes numbers the Indonesian way (1.234.567; 97,85 %;
// Rp 34,55 miliar) through golang.org/x/text's locale data.
package idformat

import (
	"math"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

var printer = message.NewPrinter(language.Indonesian)

// Int formats a whole number: 1.234.567.
func Int(n int64) string { return printer.Sprint(number.Decimal(n)) }

// Decimal formats v with exactly places decimals: 97,85.
func Decimal(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := printer.Sprint(number.Decimal(v, number.MinFractionDigits(places), number.MaxFractionDigits(places)))
	if strings.Trim(s, "-−0,.") == "" { // "-0,00" → "0,00"
		s = strings.TrimLeft(s, "-−")
	}
	return s
}

// Percent formats a percentage with a space before the sign: 97,85 %.
func Percent(v float64, places int) string { return Decimal(v, places) + " %" }

// Signed formats a difference with its sign: +0,01 or −1.234.
func Signed(v float64, places int) string {
	s := Decimal(math.Abs(v), places)
	switch {
	case strings.Trim(s, "0,.") == "":
		return s
	case v < 0:
		return "−" + s
	default:
		return "+" + s
	}
}

// Rupiah formats an exact amount: Rp 34.547.900.993.
func Rupiah(n int64) string {
	if n < 0 {
		return "−Rp " + Int(-n)
	}
	return "Rp " + Int(n)
}

// RupiahShort formats an amount for cards: Rp 34,55 miliar, Rp 595,5 juta.
func RupiahShort(n int64) string {
	v := math.Abs(float64(n))
	sign := ""
	if n < 0 {
		sign = "−"
	}
	for _, u := range []struct {
		size float64
		name string
	}{{1e12, "triliun"}, {1e9, "miliar"}, {1e6, "juta"}} {
		if v >= u.size {
			return sign + "Rp " + trimZeros(Decimal(v/u.size, 2)) + " " + u.name
		}
	}
	return sign + "Rp " + Int(int64(v))
}

// trimZeros drops trailing decimal zeros: "34,50" → "34,5", "12,00" → "12".
func trimZeros(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ",")
}

// Number formats a measured value with as many decimals as it needs (max 2).
func Number(v float64) string {
	return trimZeros(Decimal(v, 2))
}

// Quantity formats a value with its unit: "Rp" as exact rupiah, "%" and
// "poin" with two decimals, other units after the number.
func Quantity(v float64, unit string) string {
	switch unit {
	case "Rp":
		return Rupiah(int64(v))
	case "%":
		return Percent(v, 2)
	case "poin":
		return Decimal(v, 2) + " poin"
	case "":
		return Number(v)
	default:
		return Number(v) + " " + unit
	}
}

// Measure formats a value of a series with the decimals the data declares
// and its unit: "1,90 %", "12,4 per 1.000 KH".
func Measure(v float64, unit string, places int) string {
	n := Decimal(v, places)
	switch unit {
	case "":
		return n
	case "%":
		return n + " %"
	default:
		return n + " " + unit
	}
}

// Difference formats a signed difference in the unit of what it compares:
// rupiah, percentage points, or the unit itself.
func Difference(v float64, unit string) string {
	switch unit {
	case "Rp":
		return Signed(v, 0) + " rupiah"
	case "%", "poin":
		return Signed(v, 2) + " poin"
	default:
		places := 2
		if v == math.Trunc(v) {
			places = 0
		}
		return strings.TrimSpace(Signed(v, places) + " " + unit)
	}
}
