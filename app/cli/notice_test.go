package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The adoption-feedback notice from the command line: report --kind feedback (and publish-doc, its
// other name) writes 采纳情况说明.html and .docx and prints their paths; a policy whose feedback is not
// published gets a draft, and says so.
func TestCLINotice(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	out := filepath.Join(dir, "说明")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	html, docx := filepath.Join(out, "采纳情况说明.html"), filepath.Join(out, "采纳情况说明.docx")
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"report", "--db", db, "--policy", "1", "--kind", "feedback"}, 2, "", "--out"},
		{[]string{"report", "--db", db, "--policy", "1", "--kind", "notice", "--out", out}, 2, "", "--kind 应为"},
		{[]string{"report", "--db", db, "--policy", "1", "--kind", "feedback", "--round", "2026年度", "--out", out}, 2, "", "--round 只用于评价报告"},
		{[]string{"report", "--db", db, "--policy", "1", "--kind", "feedback", "--raw", "--out", out}, 2, "", "--raw 只用于评价报告"},
		{[]string{"report", "--db", db, "--policy", "1", "--kind", "feedback", "--by", "Q1", "--out", out}, 2, "", "--by 只用于评价报告"},
		{[]string{"report", "--db", db, "--policy", "9", "--kind", "feedback", "--out", out}, 1, "", "找不到政策 9"},
		{[]string{"report", "--db", db, "--policy", "1", "--kind", "feedback", "--out", out}, 0, html + "\n" + docx + "\n", "另有 3 条修订记录晚于采纳情况的公开日期"},
		{[]string{"publish-doc", "--db", db, "--policy", "1", "--kind", "采纳情况说明", "--out", out}, 0, html + "\n" + docx + "\n", ""},
	}
	for _, c := range cases {
		code, stdout, stderr := gp(t, c.args...)
		if code != c.code || (c.code == 0 && stdout != c.out) || !strings.Contains(stderr, c.err) || strings.Contains(stderr, "草稿") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr with %q",
				c.args, code, stdout, stderr, c.code, c.out, c.err)
		}
	}
	for _, p := range []string{html, docx} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	// --kind evaluation is the report as it always was.
	code, stdout, stderr := gp(t, "report", "--db", db, "--policy", "1", "--kind", "evaluation", "--out", out)
	if code != 0 || !strings.Contains(stdout, filepath.Join(out, "report.html")) || strings.Contains(stdout, "采纳情况说明") {
		t.Errorf("--kind evaluation: %d %q %q", code, stdout, stderr)
	}

	// Not published yet: a draft from the current decisions.
	db2 := filepath.Join(dir, "draft.gpw")
	for _, args := range [][]string{
		{"policy", "add", "--db", db2, "--title", "关于优化营商环境的若干措施", "--dept", "市发展改革委", "--category", "营商环境"},
		{"opinion", "add", "--db", db2, "--policy", "1", "--content", "建议延长申报期限。", "--submitter", "张伟"},
	} {
		if code, _, errs := gp(t, args...); code != 0 {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
	}
	code, stdout, stderr = gp(t, "report", "--db", db2, "--policy", "1", "--kind", "feedback", "--out", filepath.Join(dir, "草稿"))
	if code != 0 || strings.Count(stdout, "\n") != 2 || !strings.Contains(stderr, "采纳情况尚未公开") || !strings.Contains(stderr, "草稿") {
		t.Errorf("draft: %d %q %q", code, stdout, stderr)
	}
}

// gongping demo --report writes the notice beside the report.
func TestCLIDemoNotice(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := gp(t, "demo", "--db", filepath.Join(dir, "ws.gpw"), "--report", dir)
	if code != 0 || !strings.Contains(stdout, filepath.Join(dir, "采纳情况说明.html")) || !strings.Contains(stdout, filepath.Join(dir, "采纳情况说明.docx")) {
		t.Fatalf("demo --report: %d %q %q", code, stdout, stderr)
	}
	for _, n := range []string{"采纳情况说明.html", "采纳情况说明.docx", "report.html"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Error(err)
		}
	}
}
