package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Regression (issue 11): workdays counted a year whose holiday notice is not held (2028) as plain
// Monday–Friday without a word, and printed 0 for a reversed range.
func TestCLIWorkdaysHonest(t *testing.T) {
	file := filepath.Join(t.TempDir(), "holidays.txt")
	t.Setenv("GONGPING_HOLIDAYS", file)
	type tc struct {
		args []string
		code int
		out  string   // exactly
		err  []string // substrings; none: stderr empty
	}
	run := func(cases []tc) {
		t.Helper()
		for _, c := range cases {
			code, out, errs := gp(t, append([]string{"workdays"}, c.args...)...)
			ok := code == c.code && out == c.out && (len(c.err) > 0) == (errs != "")
			for _, w := range c.err {
				ok = ok && strings.Contains(errs, w)
			}
			if !ok {
				t.Errorf("gongping workdays %s\n = %d, stdout %q, stderr %q\n want %d, stdout %q, stderr ∋ %q",
					strings.Join(c.args, " "), code, out, errs, c.code, c.out, c.err)
			}
			if strings.Contains(errs, "goroutine ") || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("gongping workdays %s: stderr is not a short message: %q", strings.Join(c.args, " "), errs)
			}
		}
	}
	run([]tc{
		{[]string{"2028-01-24", "2028-01-28"}, 0, "5\n", []string{"2028 年", "周一至周五", file}},
		{[]string{"2001-12-20", "2028-01-05"}, 0, "6504\n", []string{"2001、2028 年"}},
		{[]string{"2026-02-12", "2026-02-25"}, 0, "5\n", nil},
		{[]string{"2026-03-10", "2026-03-01"}, 2, "", []string{"早于", "用法"}},
		{[]string{"2026-03-10", "2026-02-31"}, 1, "", []string{"无法识别的日期"}},
	})
	if strings.Count(func() string { _, _, e := gp(t, "workdays", "2028-01-24", "2028-01-28"); return e }(), "\n") != 1 {
		t.Error("the warning is not one line")
	}
	// The 2028 notice entered by Windows Notepad (BOM, CRLF): counted by it, no warning.
	os.WriteFile(file, []byte("\ufeff# 2028\r\n2028-01-01 休 元旦\r\n2028-01-26 休 春节\r\n"), 0o644)
	run([]tc{{[]string{"2028-01-24", "2028-01-28"}, 0, "4\n", nil}})
	os.WriteFile(file, []byte("2028-01-01 休 元旦\n2028-01-26 休 春节\n2028-01-26 班\n"), 0o644)
	run([]tc{{[]string{"2028-01-24", "2028-01-28"}, 1, "", []string{"第2行与第3行", file}}})
}
