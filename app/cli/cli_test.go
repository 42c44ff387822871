package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// gp runs one command line and returns exit status, stdout and stderr.
func gp(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLIFoundation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	cases := []struct {
		args     []string
		code     int
		out, err string // substrings expected
	}{
		{[]string{"nosuch"}, 2, "", "未知命令"},
		{[]string{"policy", "add", "--title", "x"}, 2, "", "--db"},
		{[]string{"policy", "add", "--db", db, "--title", "x", "--dept", "d"}, 2, "", "--category"},
		{[]string{"policy", "add", "--db", db, "--title", "x", "--dept", "d", "--category", "无此类"}, 1, "", "未知的政策类别"},
		{[]string{"policy", "add", "--db", db, "--title", "x", "--dept", "d", "--category", "其他", "--issued", "2026/13/01"}, 1, "", "无法识别的日期"},
		{[]string{"policy", "add", "--db", db, "--bogus"}, 2, "", "bogus"},
		{[]string{"policy", "add", "--db", db, "--title", "优化营商环境措施", "--dept", "市发展改革委", "--category", "营商环境", "--issued", "2026-04-15"}, 0, "1\n", ""},
		{[]string{"consult", "set", "--db", db, "--policy", "1", "--start", "2026-09-30", "--end", "2026-10-08"}, 0, "", ""},
		{[]string{"consult", "set", "--db", db, "--policy", "7", "--start", "2026-09-30", "--end", "2026-10-08"}, 1, "", "找不到政策 7"},
		{[]string{"consult", "set", "--db", db, "--policy", "abc", "--start", "2026-09-30", "--end", "2026-10-08"}, 2, "", "--policy"},
		{[]string{"consult", "set", "--db", db, "--policy", "1", "--start", "2026-10-08", "--end", "2026-09-30"}, 1, "", "早于"},
		{[]string{"meeting", "add", "--db", db, "--date", "2026-03-05", "--reps", "many"}, 2, "", "--reps"},
		{[]string{"meeting", "add", "--db", db, "--date", "2026-03-05", "--reps", "6", "--title", "常务会议"}, 0, "1\n", ""},
		{[]string{"officer", "add", "--db", db, "--policy", "1", "--name", "张伟"}, 0, "1\n", ""},
		{[]string{"officer", "add", "--db", db, "--policy", "1", "--name", "张伟"}, 1, "", "已在名单中"},
		{[]string{"workdays", "2026-02-12", "2026-02-25"}, 0, "5\n", ""},
		{[]string{"workdays", "2026-09-30", "2026-10-08"}, 0, "2\n", ""},
		{[]string{"workdays", "2026-09-30"}, 2, "", "FROM TO"},
		{[]string{"workdays", "2026-09-31", "2026-10-08"}, 1, "", "无法识别的日期"},
		{[]string{"check", "--db", db, "--policy", "1"}, 0, "未通过", ""},
		{[]string{"policy", "list", "--db", db}, 0, "优化营商环境措施", ""},
		{[]string{"open", "--db", db, "extra", "--nope"}, 2, "", "nope"},
		{[]string{"consult", "set", "--db", db, "--policy", "1", "--start", "2026-09-30", "--end", "2026-10-08", "stray"}, 2, "", "多余的参数"},
		{[]string{"check", "--db", db, "--policy", "1", "stray"}, 2, "", "多余的参数"},
		{[]string{"demo", "--db", db, "stray"}, 2, "", "多余的参数"},
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

func TestCLICheckJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	gp(t, "policy", "add", "--db", db, "--title", "t", "--dept", "d", "--category", "其他")
	gp(t, "consult", "set", "--db", db, "--policy", "1", "--start", "2026-09-30", "--end", "2026-10-08")
	code, out, errs := gp(t, "check", "--db", db, "--policy", "1", "--json")
	if code != 0 {
		t.Fatalf("check: %d %s", code, errs)
	}
	var res struct {
		Policy int64 `json:"policy"`
		Checks []struct {
			Rule     string `json:"rule"`
			OK       *bool  `json:"ok"`
			Value    *int   `json:"value"`
			Required *int   `json:"required"`
			Detail   string `json:"detail"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, c := range res.Checks {
		rules[c.Rule] = true
		if c.Rule == "comment_period" && (c.OK == nil || *c.OK || *c.Value != 2 || *c.Required != 5) {
			t.Errorf("comment_period = %+v", c)
		}
		if c.Detail == "" {
			t.Errorf("%s has no detail", c.Rule)
		}
	}
	for _, r := range []string{"comment_period", "feedback_on_issue", "unadopted_reasons", "meetings", "officers", "demand_collection", "evaluation_published"} {
		if !rules[r] {
			t.Errorf("rule %s missing", r)
		}
	}
}

func TestCLIDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.gpw")
	code, out, errs := gp(t, "demo", "--db", db)
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("demo = %d %q %q", code, out, errs)
	}
	code, out, _ = gp(t, "check", "--db", db, "--policy", strings.TrimSpace(strings.Split(out, "\n")[0]), "--json")
	if code != 0 || !strings.Contains(out, `"comment_period"`) {
		t.Fatalf("check on demo = %d %s", code, out)
	}
}
