package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// checkRule runs check --json and returns the named rule's ok ("pass", "fail", "null") and detail.
func checkRule(t *testing.T, db, rule string) (string, string) {
	t.Helper()
	code, out, errs := gp(t, "check", "--db", db, "--policy", "1", "--json")
	if code != 0 {
		t.Fatalf("check: %d %s", code, errs)
	}
	var res struct {
		Checks []struct {
			Rule   string `json:"rule"`
			OK     *bool  `json:"ok"`
			Detail string `json:"detail"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Checks {
		if c.Rule == rule {
			switch {
			case c.OK == nil:
				return "null", c.Detail
			case *c.OK:
				return "pass", c.Detail
			}
			return "fail", c.Detail
		}
	}
	t.Fatalf("no rule %s", rule)
	return "", ""
}

// The closed loop on the hold-out consultation export (data/loop/testdata), through the command line: a
// policy is drafted without an issue date, its feedback published, and issued later with policy set.
func TestCLIHoldoutLoop(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	file := filepath.Join("..", "..", "data", "loop", "testdata", "holdout_opinions_gbk.csv")
	steps := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"policy", "add", "--db", db, "--title", "优化营商环境若干措施", "--dept", "市发展改革委", "--category", "营商环境"}, 0, "1\n", ""},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", file}, 0, `"concentrated": 2`, ""},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "未采纳"}, 1, "", "须说明理由"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "部分采纳", "--reason", "贴息期限延长至两年"}, 0, "", ""},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026-05-20"}, 1, "", "尚未作出处理意见"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "4", "--decision", "采纳"}, 0, "", ""},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026-05-20"}, 0, "", ""},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "4", "--decision", "未采纳", "--reason", "x"}, 1, "", "--amend"},
		{[]string{"policy", "set", "--db", db, "--policy", "1"}, 2, "", "没有要修改的字段"},
		{[]string{"policy", "set", "--db", db, "--policy", "1", "--issued", "2026-13-01"}, 1, "", "无法识别的日期"},
		{[]string{"policy", "set", "--db", db, "--policy", "9", "--issued", "2026-06-01"}, 1, "", "找不到政策 9"},
		{[]string{"policy", "set", "--db", db, "--policy", "1", "--issued", "2026-05-10", "--officers"}, 0, "", ""},
		{[]string{"policy", "list", "--db", db, "--json"}, 0, `"uses_officers": true`, ""},
	}
	for _, c := range steps {
		code, out, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Fatalf("gongping %s\n = %d, stdout %q, stderr %q\n want %d, stdout ∋ %q, stderr ∋ %q",
				strings.Join(c.args, " "), code, out, errs, c.code, c.out, c.err)
		}
	}
	// Issued on 2026-05-10, ten days before the feedback: the rule now fails, and says why.
	if ok, detail := checkRule(t, db, "feedback_on_issue"); ok != "fail" || !strings.Contains(detail, "晚于印发日期 2026-05-10 10 天") {
		t.Errorf("feedback_on_issue after policy set: %s %q", ok, detail)
	}
	if ok, detail := checkRule(t, db, "officers"); ok != "fail" || !strings.Contains(detail, "0 人") {
		t.Errorf("officers after policy set --officers: %s %q", ok, detail)
	}
	gp(t, "policy", "set", "--db", db, "--policy", "1", "--issued", "2026-06-01", "--officers=false")
	if ok, detail := checkRule(t, db, "feedback_on_issue"); ok != "pass" {
		t.Errorf("feedback_on_issue issued after the feedback: %s %q", ok, detail)
	}
	if ok, _ := checkRule(t, db, "officers"); ok != "null" {
		t.Errorf("officers after --officers=false: %s", ok)
	}
	code, out, _ := gp(t, "policy", "list", "--db", db, "--json")
	if code != 0 || !strings.Contains(out, `"title": "优化营商环境若干措施"`) || !strings.Contains(out, `"dept": "市发展改革委"`) {
		t.Errorf("policy set changed fields it was not given: %s", out)
	}
}

// Regression: an unknown cluster filter listed nothing with exit 0, deleting an unknown reason template
// succeeded silently, an empty --add listed the templates, and --reason with --template (or --clear with
// a decision) quietly dropped one of them.
func TestCLIHoldoutBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	file := filepath.Join("..", "..", "data", "loop", "testdata", "holdout_stance.csv")
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"policy", "add", "--db", db, "--title", "t", "--dept", "d", "--category", "其他"}, 0, "1\n", ""},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", file}, 0, `"imported": 8`, ""},
		{[]string{"opinions", "--db", db, "--policy", "1", "--cluster", "999"}, 1, "", "没有编号为 999 的意见分组"},
		{[]string{"opinions", "--db", db, "--policy", "1", "--cluster", "1", "--json"}, 0, `"cluster": 1`, ""},
		{[]string{"reasons", "--db", db, "--delete", "999"}, 1, "", "没有编号为 999 的理由模板"},
		{[]string{"reasons", "--db", db, "--add", ""}, 1, "", "理由模板应为 1 到 500 字"},
		{[]string{"reasons", "--db", db, "--add", "x", "--delete", "1"}, 2, "", "只能给一个"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "未采纳", "--reason", "x", "--template", "1"}, 2, "", "只能给一个"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--clear", "--decision", "采纳"}, 2, "", "--clear"},
		{[]string{"cluster", "--db", db, "--policy", "1", "--threshold", "NaN"}, 1, "", "相似度阈值应在 0 到 1 之间"},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2999-01-01"}, 1, "", "晚于今天"},
	}
	for _, c := range cases {
		code, out, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("gongping %s\n = %d, stdout %q, stderr %q\n want %d, stdout ∋ %q, stderr ∋ %q",
				strings.Join(c.args, " "), code, out, errs, c.code, c.out, c.err)
		}
		if strings.Contains(errs, "goroutine ") || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
			t.Errorf("gongping %s: stderr is not a short message: %q", strings.Join(c.args, " "), errs)
		}
	}
}
