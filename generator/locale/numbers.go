package locale

import (
	"math"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/sakip-terbuka/lakip/generator/idformat"
)

// Numbers writes numbers and amounts one language's way.
type Numbers interface {
	Int(n int64) string
	Decimal(v float64, places int) string
	Percent(v float64, places int) string
	Signed(v float64, places int) string
	Rupiah(n int64) string
	RupiahShort(n int64) string
	Number(v float64) string
	Quantity(v float64, unit string) string
	Measure(v float64, unit string, places int) string
	Difference(v float64, unit string) string
}

// NumbersFor is the number style of a language: Indonesian (the
// generator/idformat package) unless lang is "en".
func NumbersFor(lang string) Numbers {
	if lang == "en" {
		return english{}
	}
	return indonesian{}
}

type indonesian struct{}

func (indonesian) Int(n int64) string                        { return idformat.Int(n) }
func (indonesian) Decimal(v float64, p int) string           { return idformat.Decimal(v, p) }
func (indonesian) Percent(v float64, p int) string           { return idformat.Percent(v, p) }
func (indonesian) Signed(v float64, p int) string            { return idformat.Signed(v, p) }
func (indonesian) Rupiah(n int64) string                     { return idformat.Rupiah(n) }
func (indonesian) RupiahShort(n int64) string                { return idformat.RupiahShort(n) }
func (indonesian) Number(v float64) string                   { return idformat.Number(v) }
func (indonesian) Quantity(v float64, unit string) string    { return idformat.Quantity(v, unit) }
func (indonesian) Measure(v float64, u string, p int) string { return idformat.Measure(v, u, p) }
func (indonesian) Difference(v float64, unit string) string  { return idformat.Difference(v, unit) }

// english writes numbers the English way: 1,234,567; 97.85%; IDR 34.5
// billion. Units from data (orang, Jiwa) are data and stay as given.
type english struct{}

var enPrinter = message.NewPrinter(language.English)

func (english) Int(n int64) string { return enPrinter.Sprint(number.Decimal(n)) }

func (english) Decimal(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := enPrinter.Sprint(number.Decimal(v, number.MinFractionDigits(places), number.MaxFractionDigits(places)))
	if strings.Trim(s, "-−0,.") == "" {
		s = strings.TrimLeft(s, "-−")
	}
	return s
}

func (e english) Percent(v float64, places int) string { return e.Decimal(v, places) + "%" }

func (e english) Signed(v float64, places int) string {
	s := e.Decimal(math.Abs(v), places)
	switch {
	case strings.Trim(s, "0,.") == "":
		return s
	case v < 0:
		return "−" + s
	default:
		return "+" + s
	}
}

func (e english) Rupiah(n int64) string {
	if n < 0 {
		return "−IDR " + e.Int(-n)
	}
	return "IDR " + e.Int(n)
}

func (e english) RupiahShort(n int64) string {
	v := math.Abs(float64(n))
	sign := ""
	if n < 0 {
		sign = "−"
	}
	for _, u := range []struct {
		size float64
		name string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
		if v >= u.size {
			return sign + "IDR " + enTrim(e.Decimal(v/u.size, 2)) + " " + u.name
		}
	}
	return sign + "IDR " + e.Int(int64(v))
}

func enTrim(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

func (e english) Number(v float64) string { return enTrim(e.Decimal(v, 2)) }

func (e english) Quantity(v float64, unit string) string {
	switch unit {
	case "Rp":
		return e.Rupiah(int64(v))
	case "%":
		return e.Percent(v, 2)
	case "poin":
		return e.Decimal(v, 2) + " points"
	case "":
		return e.Number(v)
	default:
		return e.Number(v) + " " + unit
	}
}

func (e english) Measure(v float64, unit string, places int) string {
	n := e.Decimal(v, places)
	switch unit {
	case "":
		return n
	case "%":
		return n + "%"
	default:
		return n + " " + unit
	}
}

func (e english) Difference(v float64, unit string) string {
	switch unit {
	case "Rp":
		return e.Signed(v, 0) + " rupiah"
	case "%", "poin":
		return e.Signed(v, 2) + " points"
	default:
		places := 2
		if v == math.Trunc(v) {
			places = 0
		}
		return strings.TrimSpace(e.Signed(v, places) + " " + unit)
	}
}
