package ingest

import (
	"context"
	"os"
	"path/filepath"
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

func TestWholeNumber(t *testing.T) {
	for v, want := range map[string]string{"8.0": "8", "10.00": "10", "-2.0": "-2", "+3.0": "+3", "8": "8", "8.5": "8.5",
		"8.": "8.", ".0": ".0", "1.0版": "1.0版", "3.05": "3.05", "1E1": "1E1", "满意": "满意", "0.0": "0", "12.0.0": "12.0.0"} {
		if got := wholeNumber(v); got != want {
			t.Errorf("wholeNumber(%q) = %q, want %q", v, got, want)
		}
	}
}

// A 1–10 rating saved as decimals ("8.0", as pandas writes a column with gaps) is the same rating question,
// with the same options, as the one saved as integers.
func TestRatingSavedAsDecimals(t *testing.T) {
	dir := t.TempDir()
	write := func(name, suffix string) string {
		var b strings.Builder
		b.WriteString("编号,提交时间,窗口服务满意度打分（1-10分）\n")
		for i, v := range []string{"8", "9", "", "7", "10", "8", "3", "9"} {
			if v != "" {
				v += suffix
			}
			b.WriteString(strconv.Itoa(i+1) + ",2026-11-02 10:1" + strconv.Itoa(i) + ":00," + v + "\n")
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	s, pid := newStore(t)
	var types []data.QuestionType
	var opts []string
	for i, path := range []string{write("ints.csv", ""), write("decimals.csv", ".0")} {
		sum, err := Import(context.Background(), s, Options{PolicyID: pid, Round: strconv.Itoa(i), Path: path}, nil)
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.SurveyData(context.Background(), sum.RoundID)
		if err != nil {
			t.Fatal(err)
		}
		types = append(types, d.Questions[0].Type)
		opts = append(opts, strings.Join(d.Questions[0].Options, ","))
	}
	if types[0] != data.QRating || types[1] != types[0] || opts[1] != opts[0] {
		t.Errorf("integers: %s [%s]; decimals: %s [%s]; want both a rating with the same options", types[0], opts[0], types[1], opts[1])
	}
}
