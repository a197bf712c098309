package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Reading settles how an ambiguous figure is read: the key `bacaan` of a
// results row, set by staff once they know what the report meant.
type Reading string

const (
	// ReadingUnset: the figure stays ambiguous and is counted nowhere.
	ReadingUnset Reading = ""
	// ReadingDecimal: "97,259" is 97,259 (the comma is the decimal mark).
	ReadingDecimal Reading = "desimal"
	// ReadingThousands: "97,259" is 97.259 (the comma groups thousands).
	ReadingThousands Reading = "ribuan"
)

// UnmarshalText accepts "desimal", "ribuan" or nothing.
func (r *Reading) UnmarshalText(b []byte) error {
	switch s := Reading(strings.TrimSpace(string(b))); s {
	case ReadingUnset, ReadingDecimal, ReadingThousands:
		*r = s
	default:
		return fmt.Errorf("bacaan %q tidak dikenal: tulis \"desimal\" (koma sebagai tanda desimal) atau \"ribuan\" (koma sebagai pemisah ribuan)", s)
	}
	return nil
}

// a number whose only separator is one comma followed by exactly three
// digits: "97,259" is 97,259 by the Indonesian convention, but 97.259 in a
// report that typed the English thousands comma.
var reCommaThree = regexp.MustCompile(`^([0-9]{1,3}),([0-9]{3})(\s|%|$)`)

// ThousandsReading is the other reading of an ambiguous figure: "97,259"
// read with the comma grouping thousands (97259). ok is false when the
// figure has one reading only.
func ThousandsReading(f Figure) (float64, bool) {
	if f.Kind != Number {
		return 0, false
	}
	m := reCommaThree.FindStringSubmatch(strings.TrimSpace(f.Published))
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1]+m[2], 64)
	return v, err == nil
}

// read applies a reading to a figure: the thousands reading replaces the
// value when chosen.
func read(f Figure, r Reading) Figure {
	if r == ReadingThousands {
		if v, ok := ThousandsReading(f); ok {
			f.Value = v
		}
	}
	return f
}
