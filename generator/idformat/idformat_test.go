package idformat

import "testing"

func TestFormats(t *testing.T) {
	cases := []struct{ got, want string }{
		{Int(1234567), "1.234.567"},
		{Int(0), "0"},
		{Int(-1500), "-1.500"},
		{Decimal(97.8466, 2), "97,85"},
		{Decimal(-0.001, 2), "0,00"},
		{Percent(97.85, 2), "97,85\u00a0%"},
		{Percent(100, 0), "100\u00a0%"},
		{Rupiah(34547900993), "Rp\u00a034.547.900.993"},
		{Rupiah(-5), "−Rp\u00a05"},
		{RupiahShort(34547900993), "Rp\u00a034,55\u00a0miliar"},
		{RupiahShort(595452969), "Rp\u00a0595,45\u00a0juta"},
		{RupiahShort(34500000000), "Rp\u00a034,5\u00a0miliar"},
		{RupiahShort(240000), "Rp\u00a0240.000"},
		{RupiahShort(2_000_000_000_000), "Rp\u00a02\u00a0triliun"},
		{Signed(0.0146, 2), "+0,01"},
		{Signed(-1234, 0), "−1.234"},
		{Signed(0.001, 2), "0,00"},
		{Number(2.38), "2,38"},
		{Number(624103), "624.103"},
		{Number(1.9), "1,9"},
		{Quantity(595552969, "Rp"), "Rp\u00a0595.552.969"},
		{Quantity(93.453, "%"), "93,45\u00a0%"},
		{Quantity(2.15, "poin"), "2,15\u00a0poin"},
		{Quantity(34, "orang"), "34\u00a0orang"},
		{Difference(-536010000, "Rp"), "−536.010.000\u00a0rupiah"},
		{Difference(0.0070, "%"), "+0,01\u00a0poin"},
		{Difference(-1, "orang"), "−1\u00a0orang"},
		{Difference(22807, "Jiwa"), "+22.807\u00a0Jiwa"},
		{Difference(0.5, ""), "+0,50"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}
