package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	out := filepath.Join(dir, "报告")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"report", "--db", db, "--policy", "1"}, 2, "", "--out"},
		{[]string{"report", "--db", db, "--out", out}, 2, "", "--policy"},
		{[]string{"report", "--db", db, "--policy", "1", "--out", out, "extra"}, 2, "", "多余的参数"},
		{[]string{"report", "--db", db, "--policy", "9", "--out", out}, 1, "", "找不到政策 9"},
		{[]string{"report", "--db", db, "--policy", "1", "--round", "无此轮次", "--out", out}, 1, "", "没有名为"},
		{[]string{"report", "--db", db, "--policy", "1", "--out", out}, 0, filepath.Join(out, "report.html") + "\n" + filepath.Join(out, "report.docx") + "\n" + filepath.Join(out, "report.xlsx") + "\n", ""},
		{[]string{"report", "--db", db, "--policy", "1", "--round", "2026年度", "--out", out, "--raw"}, 0, "report.xlsx", ""},
	}
	for _, c := range cases {
		code, stdout, stderr := gp(t, c.args...)
		if code != c.code || !strings.Contains(stdout, c.out) || !strings.Contains(stderr, c.err) || strings.Count(stderr, "\n") > 2 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				c.args, code, stdout, stderr, c.code, c.out, c.err)
		}
	}
	for _, n := range []string{"report.html", "report.docx", "report.xlsx"} {
		if fi, err := os.Stat(filepath.Join(out, n)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", n, err)
		}
	}
}
