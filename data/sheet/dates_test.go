package sheet

import "testing"

func TestFormatKind(t *testing.T) {
	tests := []struct {
		code string
		want dateKind
	}{
		{`yyyy/m/d\ h:mm:ss`, dateTime},
		{`yyyy"年"m"月"d"日"\ hh:mm:ss`, dateTime},
		{`[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`, dateTime},
		{`m"月"d"日"`, dateTime},
		{`[DBNum1][$-804]yyyy"年"m"月"d"日"`, dateTime},
		{`yyyy-mm-dd;@`, dateTime},
		{`yyyy/mm/dd hh:mm`, dateTime},
		{`mmm-yy`, dateTime},
		{`mm-dd-yy`, dateTime},
		{`h"时"mm"分"ss"秒"`, clockTime},
		{`上午/下午h"时"mm"分"`, clockTime},
		{`[$-409]h:mm:ss\ AM/PM;@`, clockTime},
		{`hh:mm`, clockTime},
		{`mm:ss.0`, clockTime},
		{`[mm]:ss`, notDate},
		{`[h]:mm:ss`, notDate},
		{`0.00_ `, notDate},
		{`#,##0`, notDate},
		{`0%`, notDate},
		{`@`, notDate},
		{`General`, notDate},
		{`"¥"#,##0.00`, notDate},
		{`0.00E+00`, notDate},
		{`# ?/?`, notDate},
		{``, notDate},
	}
	for _, tt := range tests {
		if got := formatKind(tt.code); got != tt.want {
			t.Errorf("formatKind(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
}

func TestConvertDate(t *testing.T) {
	tests := []struct {
		v      string
		k      dateKind
		d1904  bool
		want   string
		wantOK bool
	}{
		{"46086.380219907405", dateTime, false, "2026-03-05 09:07:31", true},
		{"46086", dateTime, false, "2026-03-05 00:00:00", true},
		{"0.5", clockTime, false, "12:00:00", true},
		{"1000.25", dateTime, true, "1906-09-27 06:00:00", true},
		{"-1", dateTime, false, "", false},
		{"NaN", dateTime, false, "", false},
		{"Inf", dateTime, false, "", false},
		{"3000000", dateTime, false, "", false},
		{"1_000", dateTime, false, "", false},
		{"abc", dateTime, false, "", false},
		{"46086", notDate, false, "", false},
	}
	for _, tt := range tests {
		got, ok := convertDate(tt.v, tt.k, tt.d1904)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("convertDate(%q, %d, %v) = %q, %v; want %q, %v", tt.v, tt.k, tt.d1904, got, ok, tt.want, tt.wantOK)
		}
	}
}
