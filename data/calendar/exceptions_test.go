package calendar

import (
	"fmt"
	"strings"
	"testing"
)

func TestExceptions(t *testing.T) {
	ov, err := ParseOverrides(strings.NewReader("2026-11-23 休\n2026-11-28 班\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := New(ov)
	show := func(ex Exceptions) string {
		var parts []string
		for _, o := range ex.Off {
			parts = append(parts, fmt.Sprintf("%s:%d", o.Name, o.Days))
		}
		for _, m := range ex.Makeup {
			parts = append(parts, "班"+m.Format(layout))
		}
		return strings.Join(parts, " ")
	}
	for _, tc := range []struct{ from, to, want string }{
		// The comment period of the sample: 2/14 a make-up Saturday, 2/16–2/20 and 2/23 off for 春节 (5 working days).
		{"2026-02-12", "2026-02-25", "春节:6 班2026-02-14"},
		{"2026-09-30", "2026-10-10", "国庆节:5 班2026-10-10"},
		{"2026-11-23", "2026-11-29", ":1 班2026-11-28"}, // an override: a day off no holiday names
		{"2026-03-02", "2026-03-13", ""},               // ordinary weeks
		{"2026-03-02", "2026-02-27", ""},               // reversed
		{"2026-01-01", "2027-02-06", ""},               // 401 days: longer than MaxExceptionsSpan
	} {
		if got := show(c.Exceptions(d(tc.from), d(tc.to))); got != tc.want {
			t.Errorf("Exceptions(%s, %s) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}
