package report

import "testing"

func TestParseFigure(t *testing.T) {
	cases := []struct {
		in        string
		kind      FigureKind
		value     float64
		unit      string
		irregular bool
		decimals  int
	}{
		{"97,85%", Number, 97.85, "%", false, 2},
		{"97,85 %", Number, 97.85, "%", false, 2},
		{"1.93%", Number, 1.93, "%", true, 2},
		{"2 Tahap", Number, 2, "Tahap", false, 0},
		{"22.380 Liter", Number, 22380, "Liter", false, 0},
		{"624.103 Jiwa", Number, 624103, "Jiwa", false, 0},
		{"97,259 KPM", Number, 97.259, "KPM", true, 3},
		{"1757.64 M²", Number, 1757.64, "M²", true, 2},
		{"1.234,5 Orang", Number, 1234.5, "Orang", false, 1},
		{"100", Number, 100, "", false, 0},
		{"-", NoData, 0, "", false, 0},
		{"–", NoData, 0, "", false, 0},
		{"- anak", NoData, 0, "anak", false, 0},
		{"Nihil", NoData, 0, "", false, 0},
		{"", Absent, 0, "", false, 0},
		{"  ", Absent, 0, "", false, 0},
		{"BB", Grade, 0, "", false, 0},
		{"AA", Grade, 0, "", false, 0},
		{"a. 5,89 %", Text, 0, "", false, 0},
		{"Jumlah tahapan perencanaan", Text, 0, "", false, 0},
		{"5% dari PMKS", Text, 0, "", false, 0},
	}
	for _, c := range cases {
		f := ParseFigure(c.in)
		if f.Published != c.in {
			t.Errorf("%q: published text changed to %q", c.in, f.Published)
		}
		if f.Kind != c.kind || f.Value != c.value || f.Unit != c.unit || (f.Irregular != "") != c.irregular || f.Decimals != c.decimals {
			t.Errorf("%q: got kind=%d value=%v unit=%q irregular=%q decimals=%d", c.in, f.Kind, f.Value, f.Unit, f.Irregular, f.Decimals)
		}
	}
}

func TestTolerance(t *testing.T) {
	if got := fig("97,85").Tolerance(0); got < 0.005 || got > 0.00501 {
		t.Errorf("97,85: %v", got)
	}
	if got := fig("100%").Tolerance(0); got < 0.5 || got > 0.50001 {
		t.Errorf("100%%: %v", got)
	}
	if got := fig("97,85").Tolerance(0.1); got < 0.1 || got > 0.10001 {
		t.Errorf("floor: %v", got)
	}
}

func TestParseRupiah(t *testing.T) {
	cases := []struct {
		in        string
		amount    int64
		present   bool
		irregular bool
		bad       bool
	}{
		{"Rp. 7.904.037.926,-", 7904037926, true, false, false},
		{"Rp. 7611667635", 7611667635, true, false, false},
		{"Rp 9.684.952.671", 9684952671, true, false, false},
		{"5.572.950,-", 5572950, true, false, false},
		{"Rp.104.997.233,-", 104997233, true, false, false},
		{"Rp. 1197.600,-", 1197600, true, true, false},
		{"Rp. 595.42.969,-", 59542969, true, true, false},
		{"Rp. 11.072.355.308", 11072355308, true, false, false},
		{"", 0, false, false, false},
		{"sebelas juta", 0, false, false, true},
		{"Rp. 12,5 juta", 0, false, false, true},
		{"Rp. 99999999999999999999", 0, false, false, true},
	}
	for _, c := range cases {
		r := ParseRupiah(c.in)
		if r.Published != c.in || r.Amount != c.amount || r.Present != c.present || (r.Irregular != "") != c.irregular || (r.Err() != nil) != c.bad {
			t.Errorf("%q: got %+v err=%v", c.in, r, r.Err())
		}
	}
}
