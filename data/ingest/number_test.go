package ingest

import (
	"strconv"
	"testing"
)

// TestParseNumberIsParseFloat: the first-byte shortcut accepts and reads exactly what ParseFloat does.
func TestParseNumberIsParseFloat(t *testing.T) {
	cases := []string{"", "0", "1", "-2", "+3", "3.5", ".5", "5.", "1e3", "1E-3", "0x1p-2", "0X1P3", "1_000", "0x_1p0",
		"Inf", "+inf", "-Infinity", "infinity", "NaN", "nan", "-", "+", "+-1", "1,000", " 1", "1 ", "１", "一",
		"123秒", "2分3秒", "意见1", "e3", "E", "x", "#N/A", "(跳过)", "0.1.2", "00012", "-0", "5.", "1e", "1e+", "0x1p+2", "0x1.8p1", "0x1f", "INF", "InFiNiTy", "nAn", "1_0", "0x_1p0_0", "9" + "99999999999999999999e400"}
	for _, v := range cases {
		f, ok := parseNumber(v)
		g, err := strconv.ParseFloat(v, 64)
		if ok != (err == nil) || (ok && f != g && !(f != f && g != g)) {
			t.Errorf("parseNumber(%q) = %v, %v; ParseFloat = %v, %v", v, f, ok, g, err)
		}
	}
}
