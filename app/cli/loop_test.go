package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLILoop(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	file := filepath.Join(dir, "opinions.csv")
	var b strings.Builder
	b.WriteString("序号,提交人,联系方式,涉及条款,意见内容\n")
	for i := 0; i < 6; i++ {
		b.WriteString("1,张伟,13812345678,第5条,建议将审批时限由20个工作日压缩至10个工作日" + strings.Repeat("。", i%2) + "\n")
	}
	b.WriteString("7,李娜,,,建议政务服务大厅周末开放半天。\n")
	os.WriteFile(file, []byte(b.String()), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("意见内容,提交时间\n意见,2026/13/01\n"), 0o644)

	gp(t, "policy", "add", "--db", db, "--title", "优化营商环境措施", "--dept", "市发展改革委", "--category", "营商环境", "--issued", "2026-04-15")
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"import", "opinions", "--db", db, "--policy", "1"}, 2, "", "FILE"},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", filepath.Join(dir, "missing.csv")}, 1, "", "无法"},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", bad}, 1, "", "第2行第B列：无法识别的日期"},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", file}, 0, `"imported": 7`, ""},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", file}, 1, "", "不会重复导入"},
		{[]string{"import", "opinions", "--db", db, "--policy", "1", "--from-survey"}, 1, "", "尚无评价轮次"},
		{[]string{"opinion", "add", "--db", db, "--policy", "1", "--content", "建议简化注销程序。", "--source", "hotline"}, 0, "8\n", ""},
		{[]string{"opinion", "add", "--db", db, "--policy", "1"}, 2, "", "--content"},
		{[]string{"opinion", "add", "--db", db, "--policy", "1", "--content", "录错的意见"}, 0, "9\n", ""},
		{[]string{"opinion", "delete", "--db", db, "--policy", "1", "--opinion", "9"}, 0, "", ""},
		{[]string{"opinion", "delete", "--db", db, "--policy", "1"}, 2, "", "--import"},
		{[]string{"opinion", "imports", "--db", db, "--policy", "1"}, 0, "opinions.csv\t7 行\t7 条意见", ""},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "未采纳"}, 1, "", "须说明理由"},
		{[]string{"decide", "--db", db, "--policy", "1", "--decision", "未采纳"}, 2, "", "--cluster"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "x", "--decision", "采纳"}, 2, "", "--cluster"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "99", "--decision", "采纳"}, 1, "", "没有编号为 99"},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026-04-15"}, 1, "", "尚未作出处理意见"},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "everything", "--date", "2026-04-15"}, 2, "", "--what"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "部分采纳", "--reason", "已压缩至15个工作日"}, 0, "", ""},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026-04-15"}, 0, "", ""},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "采纳"}, 1, "", "不能直接修改"},
		{[]string{"decide", "--db", db, "--policy", "1", "--cluster", "1", "--decision", "采纳", "--amend", "--date", "2026-05-01"}, 0, "", ""},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "feedback", "--date", "2026-05-01"}, 0, "", ""},
		{[]string{"publications", "--db", db, "--policy", "1"}, 0, "feedback\t第2版\t2026-05-01", ""},
		{[]string{"cluster", "merge", "--db", db, "--policy", "1", "--into", "1", "--cluster", "2"}, 1, "", "已冻结"},
		{[]string{"revise", "add", "--db", db, "--policy", "1", "--clause", "第5条", "--before", "20个工作日", "--after", "15个工作日", "--reason", "采纳意见", "--cluster", "1", "--finding", "审批慢"}, 0, "1\n", ""},
		{[]string{"revise", "add", "--db", db, "--policy", "1", "--clause", "第5条", "--before", "a", "--after", "a", "--reason", "r"}, 1, "", "相同"},
		{[]string{"revise", "edit", "--db", db, "--policy", "1", "--record", "1", "--after", "12个工作日"}, 0, "2\n", ""},
		{[]string{"revise", "list", "--db", db, "--policy", "1"}, 0, "[-20-]{+12+}", ""},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "evaluation", "--date", "2026-03-01"}, 1, "", "早于政策印发日期"},
		{[]string{"publish", "--db", db, "--policy", "1", "--what", "evaluation", "--date", "2026-11-20"}, 0, "", ""},
		{[]string{"cluster", "--db", db, "--policy", "1", "--threshold", "abc"}, 2, "", "--threshold"},
		{[]string{"cluster", "--db", db, "--policy", "1", "--threshold", "1.5"}, 1, "", "0 到 1"},
		{[]string{"reasons", "--db", db}, 0, "与上位法规定不一致", ""},
		{[]string{"reasons", "--db", db, "--add", "已在实施细则中明确"}, 0, "8\n", ""},
		{[]string{"reasons", "--db", db, "--delete", "8"}, 0, "", ""},
		{[]string{"decisions", "--db", db, "--policy", "1"}, 0, "已公开，更正第 1 号", ""},
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

	// clusters --json and opinions --json shapes (DESIGN.md).
	_, out, _ := gp(t, "clusters", "--db", db, "--policy", "1", "--json")
	var cs []map[string]any
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 || cs[0]["id"] != 1.0 || cs[0]["size"] != 6.0 || cs[0]["concentrated"] != true || cs[0]["decision"] != "采纳" ||
		cs[0]["clauses"].([]any)[0] != "第五条" || cs[1]["decision"] != nil || cs[1]["reason"] != nil {
		t.Errorf("clusters --json: %s", out)
	}
	_, out, _ = gp(t, "opinions", "--db", db, "--policy", "1", "--json")
	var ops []map[string]any
	if err := json.Unmarshal([]byte(out), &ops); err != nil {
		t.Fatal(err)
	}
	if len(ops) != 8 || ops[0]["cluster"] != 1.0 || ops[0]["source"] != "consultation" || ops[0]["clause"] != "第五条" ||
		ops[0]["decision"] != "采纳" || ops[7]["source"] != "hotline" || ops[7]["decision"] != nil {
		t.Errorf("opinions --json: %s", out)
	}
	if strings.Contains(out, "13812345678") || strings.Contains(out, "张伟") {
		t.Error("opinions --json shows personal data without --personal")
	}
	_, out, _ = gp(t, "opinions", "--db", db, "--policy", "1", "--json", "--personal", "--decision", "undecided")
	if !strings.Contains(out, "李娜") || strings.Contains(out, "张伟") {
		t.Errorf("opinions --personal --decision undecided: %s", out)
	}
	_, out, _ = gp(t, "check", "--db", db, "--policy", "1")
	if !strings.Contains(out, "[通过] 政策印发时公开采纳情况") || !strings.Contains(out, "[通过] 较为集中意见未采纳须说明理由") {
		t.Errorf("check: %s", out)
	}
}
