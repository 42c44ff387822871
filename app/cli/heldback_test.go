package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// score on an indicator with too many unreadable answers, and on a policy with no scheme
// (data/score/testdata/holdback.csv and parenting.csv; the numbers are worked out in
// data/score/holdback_test.go).
func TestCLIScoreHeldBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	fx := filepath.Join("..", "..", "data", "score", "testdata")
	scheme := filepath.Join(dir, "scheme.json")
	os.WriteFile(scheme, []byte(`{"dimensions":{
 "process":{"indicators":[{"name":"办理便捷","questions":["Q1"]},{"name":"服务态度","questions":["Q2"]},{"name":"办事效率","questions":["Q3"]}]},
 "results":{"indicators":[{"name":"实施效果","questions":["Q4"]}]}}}`), 0o644)
	for _, args := range [][]string{
		{"policy", "add", "--db", db, "--title", "优化营商环境若干措施", "--dept", "市发展改革委", "--category", "营商环境"},
		{"import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", filepath.Join(fx, "holdback.csv")},
		{"scheme", "set", "--db", db, "--policy", "1", scheme},
		{"policy", "add", "--db", db, "--title", "课后服务实施办法", "--dept", "市教委", "--category", "公共服务"},
		{"import", "survey", "--db", db, "--policy", "2", "--round", "2026年度", filepath.Join(fx, "parenting.csv")},
	} {
		if code, out, errs := gp(t, args...); code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errs)
		}
	}
	type result struct {
		Dimensions []struct {
			Key        string
			Score      *float64
			HeldBack   *string `json:"held_back"`
			Indicators []struct {
				Name     string
				Score    *float64
				HeldBack *string `json:"held_back"`
			}
		}
		Composite struct {
			Score    *float64
			Grade    *string
			HeldBack *string `json:"held_back"`
		}
		Warnings []string
	}
	scoreJSON := func(policy string) (result, string) {
		code, out, errs := gp(t, "score", "--db", db, "--policy", policy, "--json")
		if code != 0 {
			t.Fatalf("score --policy %s: exit %d\n%s", policy, code, errs)
		}
		var r result
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r, out
	}

	r, out := scoreJSON("1")
	att := r.Dimensions[0].Indicators[1]
	if att.Score != nil || att.HeldBack == nil || !strings.Contains(*att.HeldBack, "有 20% 的回答（2/10）无法识别（如“挺好的”）") {
		t.Errorf("服务态度 not held back:\n%s", out)
	}
	if r.Dimensions[0].Score != nil || r.Dimensions[0].HeldBack == nil || r.Composite.Score != nil || r.Composite.Grade != nil ||
		r.Composite.HeldBack == nil || r.Dimensions[2].Score == nil || *r.Dimensions[2].Score != 65 || r.Dimensions[2].HeldBack != nil {
		t.Errorf("process/composite not held back, or results not 65:\n%s", out)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "指标“服务态度”暂缓计分") {
		t.Errorf("warnings = %q", r.Warnings)
	}
	_, text, _ := gp(t, "score", "--db", db, "--policy", "1")
	for _, want := range []string{"执行过程：暂缓计分（指标“服务态度”暂缓计分", "取得成效：65.0", "综合得分：暂缓计分　等级：—", "注意：指标“服务态度”暂缓计分：有 20% 的回答"} {
		if !strings.Contains(text, want) {
			t.Errorf("score text lacks %q:\n%s", want, text)
		}
	}

	r, out = scoreJSON("2")
	if r.Composite.Score != nil || r.Composite.Grade != nil || r.Composite.HeldBack == nil || !strings.Contains(*r.Composite.HeldBack, "尚未设置评价方案") {
		t.Errorf("no scheme, still scored:\n%s", out)
	}
	for _, d := range r.Dimensions {
		if d.Score != nil {
			t.Errorf("no scheme, %s scored:\n%s", d.Key, out)
		}
	}
	_, text, _ = gp(t, "score", "--db", db, "--policy", "2")
	if !strings.Contains(text, "尚未设置评价方案，不计分：请用 gongping scheme set") || strings.Contains(text, "等级") || strings.Contains(text, "综合得分") {
		t.Errorf("score text without a scheme:\n%s", text)
	}
}
