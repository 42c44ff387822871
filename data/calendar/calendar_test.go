package calendar

import (
	"strings"
	"testing"
	"time"
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
