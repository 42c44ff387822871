package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The score commands end to end on data/score's hand-computed fixture (testdata/fixture.md there).
func TestCLIScore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	fx := filepath.Join("..", "..", "data", "score", "testdata")
	scheme := filepath.Join(dir, "scheme.json")
	os.WriteFile(scheme, []byte(`{"questions":{"Q4":{"points":5,"best":5}},
 "dimensions":{"process":{"indicators":[{"name":"便捷","weight":2,"questions":["Q2"]},{"name":"态度","questions":["Q3"]}]},
               "standards":{"indicators":[{"name":"知晓","questions":["Q4"]}]}},
 "problems":["Q5"],"directions":["Q6"],"overall":"Q7",
 "screening":{"speeders":0.5,"straightline_min_items":3}}`), 0o644)
	noScale := filepath.Join(dir, "noscale.json")
	os.WriteFile(noScale, []byte(`{"dimensions":{"standards":{"indicators":[{"name":"知晓","questions":["Q4"]}]}}}`), 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"dimensions":{"process":{"weight":0}}}`), 0o644)
	xlsx := filepath.Join(dir, "scheme.xlsx")
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"policy", "add", "--db", db, "--title", "测试", "--dept", "发改委", "--category", "营商环境"}, 0, "1\n", ""},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", filepath.Join(fx, "fixture.csv")}, 0, `"imported": 7`, ""},
		{[]string{"import", "assessment", "--db", db, "--policy", "1", filepath.Join(fx, "fixture_assessment.csv")}, 0, `"round": "2026年度"`, ""},
		{[]string{"import", "assessment", "--db", db, "--policy", "1", filepath.Join(fx, "fixture_assessment.csv")}, 1, "", "已导入"},
		{[]string{"import", "officers", "--db", db, "--policy", "1", filepath.Join(fx, "fixture_officers.csv")}, 0, "不在本政策的体验官名单中", ""},
		{[]string{"import", "officers", "--db", db, "--policy", "1"}, 2, "", "FILE"},
		{[]string{"scheme", "set", "--db", db, "--policy", "1", bad}, 1, "", "权重"},
		{[]string{"scheme", "set", "--db", db, "--policy", "1", noScale}, 1, "", "Q4"},
		{[]string{"scheme", "set", "--db", db, "--policy", "1", scheme}, 0, "", ""},
		{[]string{"scheme", "get", "--db", db, "--policy", "1", "--out", xlsx}, 0, "", ""},
		{[]string{"scheme", "set", "--db", db, "--policy", "1", xlsx}, 0, "", ""},
		{[]string{"scheme", "get", "--db", db, "--policy", "1"}, 0, `"overall": "Q7"`, ""},
		{[]string{"score", "--db", db, "--policy", "1", "--by", "Q99", "--json"}, 1, "", "Q99"},
		{[]string{"score", "--db", db, "--policy", "1"}, 0, "综合得分：70.8　等级：中", ""},
		{[]string{"response", "restore", "--db", db, "--policy", "1", "--id", "999"}, 1, "", "不属于"},
		{[]string{"response", "restore", "--db", db, "--policy", "1", "--id", "5"}, 0, "", ""},
		{[]string{"score", "--db", db, "--policy", "1"}, 0, "有效 5", ""},
		{[]string{"response", "reset", "--db", db, "--policy", "1", "--id", "5"}, 0, "", ""},
	}
	for _, c := range cases {
		code, out, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("%s: exit %d (want %d)\nstdout %s\nstderr %s", strings.Join(c.args, " "), code, c.code, out, errs)
		}
	}
	code, out, _ := gp(t, "score", "--db", db, "--policy", "1", "--json", "--by", "Q1")
	if code != 0 {
		t.Fatal(out)
	}
	var res struct {
		Respondents struct{ Imported, Valid int }
		Dimensions  []struct {
			Key   string
			Score *float64
			Alpha *float64
		}
		Composite struct {
			Score *float64
			Grade *string
		}
		Breakdown *struct{ Groups []any }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Respondents.Imported != 7 || res.Respondents.Valid != 4 || *res.Composite.Grade != "中" ||
		res.Dimensions[0].Key != "process" || res.Dimensions[1].Alpha != nil || len(res.Breakdown.Groups) != 2 {
		t.Errorf("score --json = %s", out)
	}
}
