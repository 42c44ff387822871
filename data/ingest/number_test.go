package ingest

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
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

// TestTrimSpaceShortcut: trimSpace is strings.TrimSpace.
func TestTrimSpaceShortcut(t *testing.T) {
	for _, v := range []string{"", " ", "a", " a", "a ", "\ta\n", "满意", " 满意", "满意\u3000", "\u3000满意", "\u00a0x\u00a0", "x\u0085",
		"\u2003意见\u2003", "\xff", " \xff", "\xe6\x84", "a\xe6", "\u200b零宽\u200b", "(跳过)", "1", "\r\n"} {
		if got, want := trimSpace(v), strings.TrimSpace(v); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestISOTimeShortcut: the hand-written "2006-01-02 15:04:05" reader agrees with time.ParseInLocation,
// and parseTime gives what the general layouts give.
func TestISOTimeShortcut(t *testing.T) {
	for _, v := range []string{"2026-11-01 10:00:00", "2024-02-29 23:59:59", "2023-02-29 10:00:00", "2026-13-01 10:00:00",
		"2026-00-10 10:00:00", "2026-04-31 10:00:00", "2026-04-30 24:00:00", "2026-04-30 23:60:00", "2026-04-30 23:59:60",
		"0000-01-01 00:00:00", "2026-1-01 10:00:000", "2026/11/01 10:00:00", "2026-11-01T10:00:00", "+026-11-01 10:00:00",
		"2026-11-01 1a:00:00", "1989-12-31 23:59:59", "2200-12-31 23:59:59", "2201-01-01 00:00:00", "2026-11-01 10:00"} {
		want, err := time.ParseInLocation("2006-01-02 15:04:05", v, data.Beijing)
		got, ok := parseISOTime(v)
		if ok != (err == nil) || (ok && !got.Equal(want)) || (ok && got.Location() != want.Location()) {
			t.Errorf("parseISOTime(%q) = %v, %v; ParseInLocation = %v, %v", v, got, ok, want, err)
		}
		pt, pok := parseTime(v)
		var gt time.Time
		gok := false
		for _, l := range timeLayouts {
			if x, err := time.ParseInLocation(l, v, data.Beijing); err == nil {
				gt, gok = x, x.Year() >= 1990 && x.Year() <= 2200
				break
			}
		}
		if !gok {
			gt = time.Time{}
		}
		if pok != gok || !pt.Equal(gt) {
			t.Errorf("parseTime(%q) = %v, %v; layouts give %v, %v", v, pt, pok, gt, gok)
		}
	}
}
