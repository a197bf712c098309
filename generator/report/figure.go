package report

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// FigureKind tells what a published cell holds.
type FigureKind int

const (
	// Absent: the cell was not transcribed (the report has no such cell).
	Absent FigureKind = iota
	// Number: a quantity, possibly with a unit or a percent sign.
	Number
	// NoData: the report prints "–" or "Nihil": no target or no data, never zero.
	NoData
	// Grade: an ordinal grade such as "B" or "BB" (SAKIP grades AA … D).
	Grade
	// Text: anything else the report printed in a figure's place. Kept, never computed.
	Text
	// NotAssessed: the report says the indicator was not assessed ("belum
	// dinilai", "n/a"): an explicit status, never a number.
	NotAssessed
)

// Figure is one published cell: the text exactly as printed and what it
// reads as. The published text is never changed; Value is derived from it.
type Figure struct {
	Published string
	Kind      FigureKind
	Value     float64
	Unit      string // "%", "Orang", "Dokumen" … as printed
	// Irregular is the i18n key (irregular_*) of how a number is written
	// against Indonesian conventions ("1.93" with a decimal point, "97,259"
	// with a thousands comma …); "" when it is written the standard way.
	Irregular string
	// Decimals is how many decimals the report printed: it sets the rounding
	// tolerance when the figure is compared with a recomputed one.
	Decimals int
	// Score is the number printed beside a grade ("CC (60,09)"), valid when
	// HasScore. Published holds the whole cell; Grade the letters.
	Score    float64
	HasScore bool
	Grade    string

	err error
}

// MaxFigure bounds the numbers a figure may hold (10^15, as MaxRupiah):
// no indicator counts that high, and below it every capaian, sum and
// difference the site computes stays a finite number.
const MaxFigure = 1e15

// Err reports a number too large to compute with; the figure is still
// read (the loader reports the error with the other problems).
func (f Figure) Err() error { return f.err }

// Grades are the SAKIP grades, best first.
var Grades = []string{"AA", "A", "BB", "B", "CC", "C", "D"}

// UnmarshalText keeps the cell as published; reading it never fails, since a
// report may print anything in a figure's place.
func (f *Figure) UnmarshalText(b []byte) error {
	*f = ParseFigure(string(b))
	return nil
}

// MarshalText returns the published text.
func (f Figure) MarshalText() ([]byte, error) { return []byte(f.Published), nil }

// IsNumber reports whether the figure can enter arithmetic.
func (f Figure) IsNumber() bool { return f.Kind == Number }

// IsPercent reports whether the figure was printed with a percent sign.
func (f Figure) IsPercent() bool { return f.Kind == Number && f.Unit == "%" }

var (
	reNoData = regexp.MustCompile(`^(?i:[-–—]+|nihil)(\s+(.*))?$`)
	// a number at the start: digits with . and , as separators
	reNumber = regexp.MustCompile(`^([0-9][0-9.,]*)\s*(.*)$`)
	reGroups = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{3})+$`)
	// "belum dinilai", "tidak dinilai", "n/a", "N/A"
	reNotAssessed = regexp.MustCompile(`^(?i:(belum|tidak)\s+dinilai|n/?a)$`)
	// a grade with a score: "CC (60,09)", "CC, 60,09", "CC skor 60,09", "CC; nilai 60,09"
	reGradeScore = regexp.MustCompile(`^([A-D]{1,2})\s*(?:\(|,|;|-|–)?\s*(?i:skor|nilai)?\s*:?\s*([0-9][0-9.,]*)\s*\)?$`)
)

// ParseFigure reads a cell as printed. Indonesian convention: "." groups
// thousands and "," is the decimal mark. Numbers that break it are still
// read, with the most likely meaning, and marked Irregular.
func ParseFigure(s string) Figure {
	f := Figure{Published: s}
	t := strings.TrimSpace(s)
	if t == "" {
		f.Kind = Absent
		return f
	}
	if m := reNoData.FindStringSubmatch(t); m != nil {
		f.Kind = NoData
		f.Unit = strings.TrimSpace(m[2])
		return f
	}
	if reNotAssessed.MatchString(t) {
		f.Kind = NotAssessed
		return f
	}
	for _, g := range Grades {
		if t == g {
			f.Kind, f.Grade = Grade, g
			return f
		}
	}
	if m := reGradeScore.FindStringSubmatch(t); m != nil && GradeRank(m[1]) > 0 {
		if v, _, ok := parseIndonesianNumber(strings.TrimRight(m[2], ".,")); ok {
			f.Kind, f.Grade, f.Score, f.HasScore = Grade, m[1], v, true
			if v > MaxFigure {
				f.err = tooLarge(s)
			}
			return f
		}
	}
	m := reNumber.FindStringSubmatch(t)
	if m == nil {
		f.Kind = Text
		return f
	}
	v, irregular, ok := parseIndonesianNumber(strings.TrimRight(m[1], ".,"))
	if !ok {
		f.Kind = Text
		return f
	}
	unit := strings.TrimSpace(m[2])
	if strings.HasPrefix(unit, "%") {
		rest := strings.TrimSpace(strings.TrimPrefix(unit, "%"))
		if rest != "" {
			f.Kind = Text
			return f
		}
		unit = "%"
	}
	f.Kind, f.Value, f.Unit, f.Irregular = Number, v, unit, irregular
	if v > MaxFigure {
		f.err = tooLarge(s)
	}
	f.Decimals = printedDecimals(strings.TrimRight(m[1], ".,"), irregular)
	return f
}

// parseIndonesianNumber reads "1.234.567", "97,85", "1.234,5" and the
// irregular forms seen in real reports.
func parseIndonesianNumber(n string) (v float64, irregular string, ok bool) {
	dots, commas := strings.Count(n, "."), strings.Count(n, ",")
	switch {
	case dots == 0 && commas == 0:
		v, err := strconv.ParseFloat(n, 64)
		return v, "", err == nil
	case commas == 0: // only dots
		if reGroups.MatchString(n) {
			v, err := strconv.ParseFloat(strings.ReplaceAll(n, ".", ""), 64)
			return v, "", err == nil
		}
		if dots == 1 {
			v, err := strconv.ParseFloat(n, 64)
			return v, "irregular_point_decimal", err == nil
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(n, ".", ""), 64)
		return v, "pemisah ribuan tidak beraturan", err == nil
	case dots == 0 && commas == 1:
		i := strings.Index(n, ",")
		v, err := strconv.ParseFloat(strings.Replace(n, ",", ".", 1), 64)
		if len(n)-i-1 == 3 {
			return v, "irregular_comma_thousands", err == nil
		}
		return v, "", err == nil
	case commas == 1 && strings.LastIndex(n, ",") > strings.LastIndex(n, "."):
		i := strings.Index(n, ",")
		intPart, frac := n[:i], n[i+1:]
		v, err := strconv.ParseFloat(strings.ReplaceAll(intPart, ".", "")+"."+frac, 64)
		if !reGroups.MatchString(intPart) {
			return v, "pemisah ribuan tidak beraturan", err == nil
		}
		return v, "", err == nil
	default:
		return 0, "", false
	}
}

// MaxRupiah is the largest amount a report may print: Rp 1.000 triliun
// (10^15), far above the yearly budget of any region. It keeps every sum
// of amounts far from the int64 limit (over 9.000 rows of it still fit),
// so that no total can wrap into a negative figure.
const MaxRupiah int64 = 1_000_000_000_000_000

// Rupiah is a published amount of money: the text as printed and the whole
// rupiah it reads as.
type Rupiah struct {
	Published string
	Amount    int64
	Present   bool
	Irregular string
	err       error
}

var reRupiah = regexp.MustCompile(`^(?i:rp\.?)?\s*([0-9][0-9.]*)(,-|,00|,00,-)?\s*-?$`)

// UnmarshalText keeps the amount as published; a cell that is not an amount
// is reported by Err, with the other problems of the file.
func (r *Rupiah) UnmarshalText(b []byte) error {
	*r = ParseRupiah(string(b))
	return nil
}

// MarshalText returns the published text.
func (r Rupiah) MarshalText() ([]byte, error) { return []byte(r.Published), nil }

// Err reports an amount that could not be read.
func (r Rupiah) Err() error { return r.err }

// ParseRupiah reads "Rp. 7.904.037.926,-", "Rp 9.684.952.671", "5.572.950,-".
// Malformed grouping ("Rp. 595.42.969,-") is read digit by digit and marked.
func ParseRupiah(s string) Rupiah {
	r := Rupiah{Published: s}
	t := strings.TrimSpace(s)
	if t == "" {
		return r
	}
	m := reRupiah.FindStringSubmatch(t)
	if m == nil {
		r.err = fmt.Errorf("%q bukan jumlah rupiah (contoh yang benar: \"Rp. 1.234.567,-\")", Abbreviate(s))
		return r
	}
	digits := strings.TrimRight(m[1], ".")
	if strings.Contains(digits, ".") && !reGroups.MatchString(digits) {
		r.Irregular = "irregular_grouping"
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(digits, ".", ""), 10, 64)
	if err != nil || n > MaxRupiah {
		r.err = fmt.Errorf("%q terlalu besar: jumlah rupiah paling besar Rp 1.000.000.000.000.000 (Rp 1.000 triliun); periksa banyaknya angka", Abbreviate(s))
		return r
	}
	r.Amount, r.Present = n, true
	return r
}

// Polarity tells whether a higher or a lower realisation is better.
type Polarity string

const (
	HigherIsBetter Polarity = "naik"
	LowerIsBetter  Polarity = "turun"
)

// UnmarshalText accepts "naik", "turun" or nothing (higher is better).
func (p *Polarity) UnmarshalText(b []byte) error {
	switch s := Polarity(strings.TrimSpace(string(b))); s {
	case "", HigherIsBetter, LowerIsBetter:
		*p = s // "" reads as higher is better, as when the key is left out
	default:
		return fmt.Errorf("polaritas %q tidak dikenal: tulis \"naik\" (makin tinggi makin baik) atau \"turun\" (makin rendah makin baik)", s)
	}
	return nil
}

// UnmarshalText checks a hierarchy level.
func (l *Level) UnmarshalText(b []byte) error {
	switch s := Level(strings.TrimSpace(string(b))); s {
	case LevelUnknown, LevelGoal, LevelTarget, LevelProgram, LevelKegiatan, LevelSub:
		*l = s
	default:
		return fmt.Errorf("tingkat %q tidak dikenal: tulis tujuan, sasaran, program, kegiatan atau sub_kegiatan", s)
	}
	return nil
}

// printedDecimals counts the digits after the decimal mark as the number
// was read: after the comma, or after a lone dot read as a decimal point.
func printedDecimals(n, irregular string) int {
	if i := strings.LastIndex(n, ","); i >= 0 {
		return len(n) - i - 1
	}
	if strings.Count(n, ".") == 1 && irregular == "irregular_point_decimal" {
		return len(n) - strings.Index(n, ".") - 1
	}
	return 0
}

// Tolerance is half a unit in the last decimal the report printed ("97,85"
// → 0,005; "100" → 0,5), but never less than floor: a figure printed to
// fewer decimals can only be checked that far.
func (f Figure) Tolerance(floor float64) float64 {
	return max(0.5*math.Pow10(-f.Decimals), floor) + 1e-9
}

func tooLarge(s string) error {
	return fmt.Errorf("angka %q terlalu besar untuk dihitung (paling besar 1.000.000.000.000.000); periksa banyaknya angka", Abbreviate(s))
}

// ShortLimit is how many characters of a long value a message quotes.
const ShortLimit = 60

// Abbreviate cuts a long text to ShortLimit characters, for a message
// that quotes it (the loader's problems use it too).
func Abbreviate(s string) string {
	n := 0
	for i := range s {
		if n == ShortLimit {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
