package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func d(s string) time.Time {
	t, err := time.Parse(layout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWorkingDays2026(t *testing.T) {
	c := New(nil)
	cases := []struct {
		from, to string
		want     int
	}{
		{"2026-02-12", "2026-02-25", 5}, // 2/14 is a make-up Saturday; 2/15–2/23 Spring Festival
		{"2026-09-30", "2026-10-08", 2}, // National Day 10/1–10/7
		{"2026-01-01", "2026-01-01", 0}, // New Year's Day
		{"2026-01-04", "2026-01-04", 1}, // a make-up Sunday
		{"2026-02-14", "2026-02-14", 1},
		{"2026-02-28", "2026-02-28", 1}, // make-up Saturday after the festival
		{"2026-05-01", "2026-05-05", 0}, // Labour Day
		{"2026-05-09", "2026-05-09", 1}, // make-up Saturday
		{"2026-09-20", "2026-09-20", 1}, // make-up Sunday before National Day
		{"2026-10-10", "2026-10-10", 1},
		{"2026-11-23", "2026-11-29", 5}, // an ordinary week
		{"2026-03-02", "2026-02-27", 0}, // reversed range
		{"2026-06-19", "2026-06-19", 0}, // Dragon Boat Festival
	}
	for _, tc := range cases {
		got, err := c.WorkingDays(d(tc.from), d(tc.to))
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("WorkingDays(%s, %s) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestOverrides(t *testing.T) {
	ov, err := ParseOverrides(strings.NewReader("# 2030 notice\n2030-02-02 班 春节调休\n2030-02-04 off\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(ov)
	if !c.IsWorkday(d("2030-02-02")) { // a Saturday made a working day
		t.Error("override 班 ignored")
	}
	if c.IsWorkday(d("2030-02-04")) { // a Monday made a day off
		t.Error("override off ignored")
	}
	if c.IsWorkday(d("2030-02-03")) { // a plain Sunday
		t.Error("plain Sunday counted")
	}
	for _, bad := range []string{"2030-02-30 休", "2030-02-02", "2030-02-02 maybe"} {
		if _, err := ParseOverrides(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "第1行") {
			t.Errorf("ParseOverrides(%q) error = %v, want one naming line 1", bad, err)
		}
	}
}

func TestSpanBound(t *testing.T) {
	if _, err := New(nil).WorkingDays(d("2026-01-01"), d("2926-01-01")); err == nil {
		t.Error("900-year range accepted")
	}
}

// Regression (issue 11): a range in a year lunar-go holds no notice for (2028 on, 2001 and before) was
// counted Monday–Friday without a word. Now the count names the years it had to assume.
func TestUncoveredYears(t *testing.T) {
	t.Setenv("GONGPING_HOLIDAYS", "/tmp/gp-test/holidays.txt")
	if first, last := BuiltinYears(); first != 2002 || last != 2027 {
		t.Errorf("BuiltinYears() = %d, %d; lunar-go v1.4.7 holds the notices 2002–2027", first, last)
	}
	ov2028, err := ParseOverrides(strings.NewReader("2028-01-01 休 元旦\n"))
	if err != nil {
		t.Fatal(err)
	}
	ovDec, err := ParseOverrides(strings.NewReader("2027-12-31 班\n"))
	if err != nil {
		t.Fatal(err)
	}
	ovDec2, err := ParseOverrides(strings.NewReader("2030-12-31 班\n")) // from the 2031 notice
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		ov       map[string]bool
		from, to string
		days     int
		years    []int
	}{
		{"2028 Spring Festival", nil, "2028-01-24", "2028-01-28", 5, []int{2028}},
		{"inside the data", nil, "2026-02-12", "2026-02-25", 5, nil},
		{"last data year", nil, "2027-10-08", "2027-12-28", 59, nil},
		{"before the data", nil, "2001-06-04", "2001-06-08", 5, []int{2001}},
		{"1900", nil, "1900-01-01", "1900-01-07", 5, []int{1900}},
		{"across both ends", nil, "2001-12-20", "2002-01-10", 15, []int{2001}},
		// 29–31 December is set by the next year's notice (2001-12-29/30 are make-up days for 2002's 元旦).
		{"Dec 29–31 of 2001 held", nil, "2001-12-29", "2001-12-31", 3, nil},
		{"Dec 29–31 of 2027 not held", nil, "2027-12-27", "2027-12-31", 5, []int{2028}},
		{"several years", nil, "2027-06-01", "2030-01-01", 0, []int{2028, 2029, 2030}},
		{"2028 entered", ov2028, "2028-01-24", "2028-01-28", 5, nil},
		{"2028 entered, Dec 2027 too", ov2028, "2027-12-27", "2028-01-05", 8, nil},
		{"2028 entered, 2029 not", ov2028, "2028-12-28", "2029-01-02", 4, []int{2029}},
		{"an explicit line is no guess", ovDec, "2027-12-31", "2027-12-31", 1, nil},
		{"but covers only its day", ovDec, "2027-12-30", "2027-12-31", 2, []int{2028}},
		{"nor covers 2028", ovDec, "2028-01-03", "2028-01-03", 1, []int{2028}},
		{"nor covers its own year", ovDec2, "2030-12-01", "2030-12-01", 0, []int{2030}},
	}
	for _, tc := range cases {
		got, err := New(tc.ov).Count(d(tc.from), d(tc.to))
		if err != nil {
			t.Fatal(err)
		}
		if tc.days != 0 && got.Days != tc.days || fmt.Sprint(got.Uncovered) != fmt.Sprint(tc.years) && len(got.Uncovered)+len(tc.years) > 0 {
			t.Errorf("%s: Count(%s, %s) = %d days, uncovered %v; want %d, %v", tc.name, tc.from, tc.to, got.Days, got.Uncovered, tc.days, tc.years)
		}
		if len(tc.years) == 0 && got.Known != got.Days || got.Known > got.Days {
			t.Errorf("%s: Known = %d of %d days", tc.name, got.Known, got.Days)
		}
		if w := got.Warning(); (w == "") != (len(tc.years) == 0) {
			t.Errorf("%s: Warning() = %q", tc.name, w)
		}
	}
	if got, _ := New(nil).Count(d("2027-12-20"), d("2027-12-31")); got.Days != 10 || got.Known != 7 {
		t.Errorf("2027-12-20…31: %+v, want 10 days, 7 known (29–31 December assumed)", got)
	}
	got, _ := New(nil).Count(d("2028-01-24"), d("2028-01-28"))
	w := got.Warning()
	for _, want := range []string{"2028 年", "2002–2027", "周一至周五", "/tmp/gp-test/holidays.txt", "补充"} {
		if !strings.Contains(w, want) {
			t.Errorf("Warning() = %q, want it to contain %q", w, want)
		}
	}
	if strings.Contains(w, "\n") {
		t.Errorf("Warning() is not one line: %q", w)
	}
	if got := YearsText([]int{1999, 2000, 2001, 2028, 2030, 2031}, "、"); got != "1999–2001、2028、2030–2031" {
		t.Errorf("YearsText = %q", got)
	}
}

// Regression (issue 11): a file saved by Windows Notepad (UTF-8 with BOM, CRLF) was refused at line 1;
// older Notepad saves GBK ("ANSI") or UTF-16 ("Unicode").
func TestOverridesEncodings(t *testing.T) {
	text := "# 2028 年通知\r\n2028-01-01 休 元旦\r\n2028-02-05 班 春节调休\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]string{
		"UTF-8 BOM CRLF":         "\ufeff" + text,
		"CRLF":                   text,
		"BOM, no final line end": "\ufeff2028-01-01 休\r\n2028-02-05 班",
		"GBK":                    gbk,
		"UTF-16LE BOM":           u16,
		"UTF-16BE BOM":           u16be,
	} {
		ov, err := ParseOverrides(strings.NewReader(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if w, ok := ov["2028-01-01"]; !ok || w {
			t.Errorf("%s: 2028-01-01 = %v %v, want a day off", name, w, ok)
		}
		if w, ok := ov["2028-02-05"]; !ok || !w {
			t.Errorf("%s: 2028-02-05 = %v %v, want a working day", name, w, ok)
		}
	}
}

// Regression (issue 11): two lines for one date that disagree were taken silently (the last won).
func TestOverridesConflict(t *testing.T) {
	_, err := ParseOverrides(strings.NewReader("2028-01-01 休 元旦\n# 改\n\n2028-01-01 班\n"))
	if err == nil || !strings.Contains(err.Error(), "第1行") || !strings.Contains(err.Error(), "第4行") || !strings.Contains(err.Error(), "2028-01-01") {
		t.Errorf("conflicting lines: error %v, want one naming lines 1 and 4 and the date", err)
	}
	ov, err := ParseOverrides(strings.NewReader("2028-01-01 休 元旦\n2028-01-01 off\n2028-01-01 休\n"))
	if err != nil || len(ov) != 1 || ov["2028-01-01"] {
		t.Errorf("identical lines: %v %v, want accepted", ov, err)
	}
}

// The override file is read again when it changes: a notice added while the window is open counts at once.
func TestDefaultRereads(t *testing.T) {
	p := filepath.Join(t.TempDir(), "holidays.txt")
	t.Setenv("GONGPING_HOLIDAYS", p)
	count := func() Count {
		t.Helper()
		c, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		n, err := c.Count(d("2028-01-24"), d("2028-01-28"))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); len(n.Uncovered) != 1 {
		t.Errorf("no file: %+v", n)
	}
	if err := os.WriteFile(p, []byte("\ufeff2028-01-01 休\r\n2028-01-26 休 春节\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := count(); n.Days != 4 || len(n.Uncovered) != 0 {
		t.Errorf("2028 entered: %+v, want 4 days, nothing assumed", n)
	}
	if err := os.WriteFile(p, []byte("2028-01-01 休\n2028-01-01 班\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Default(); err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "第1行与第2行") {
		t.Errorf("broken file: %v", err)
	}
}
