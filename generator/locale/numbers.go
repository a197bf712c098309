package locale

import "github.com/sakip-terbuka/lakip/generator/idformat"

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

// NumbersFor is the number style of a language (generator/idformat):
// English for "en", Indonesian for any other.
func NumbersFor(lang string) Numbers {
	if lang == "en" {
		return idformat.EN
	}
	return idformat.ID
}
