package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIImportSurvey(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	td := func(name string) string { return filepath.Join("..", "..", "data", "ingest", "testdata", name) }
	if code, _, errs := gp(t, "policy", "add", "--db", db, "--title", "优化营商环境措施", "--dept", "市发展改革委", "--category", "营商环境"); code != 0 {
		t.Fatal(errs)
	}
	cases := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"import", "survey", "--db", db, "--policy", "1"}, 2, "", "FILE"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--format", "sojump", td("wjx_text.xlsx")}, 2, "", "未知的问卷格式"},
		{[]string{"import", "survey", "--db", db, "--policy", "9", td("wjx_text.xlsx")}, 1, "", "政策 9"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", td("truncated.xlsx")}, 1, "", "truncated.xlsx"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", td("extra_cell.csv")}, 1, "", "第5行第M列"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text.xlsx")}, 0, `"imported": 5`, ""},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text.xlsx")}, 1, "", "未重复导入"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text.csv")}, 1, "", "5 份答卷本轮次都已有"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text_later.csv")}, 0, `"imported": 3`, ""},
		{[]string{"survey", "imports", "--db", db, "--policy", "1", "--round", "2026年度"}, 0, "wjx_text_later.csv", ""},
		{[]string{"survey", "delete", "--db", db, "--policy", "1"}, 2, "", "--import"},
		{[]string{"survey", "delete", "--db", db, "--policy", "1", "--import", "99"}, 1, "", "survey imports"},
		{[]string{"import", "survey", "--db", db, "--policy", "1", "--format", "tencent", td("tencent_trailing.csv"), "--round", "腾讯"}, 0, `"format": "tencent"`, ""},
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
	// The summary JSON has the fields DESIGN.md names; a policy with no round gets 默认.
	gp(t, "policy", "add", "--db", db, "--title", "另一项政策", "--dept", "市商务局", "--category", "营商环境")
	code, out, errs := gp(t, "import", "survey", "--db", db, "--policy", "2", td("generic.csv"))
	if code != 0 {
		t.Fatal(errs)
	}
	var sum map[string]any
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"format", "rows", "imported", "questions", "warnings", "round", "import_id"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("summary lacks %q: %s", k, out)
		}
	}
	if sum["round"] != "默认" || sum["rows"] != float64(3) || sum["questions"] != float64(4) {
		t.Errorf("summary = %s", out)
	}
	// Imports are listed with their numbers; deleting one lets the same file in again.
	code, out, errs = gp(t, "survey", "imports", "--db", db, "--policy", "1", "--round", "2026年度", "--json")
	var ims []struct {
		ID       int64    `json:"import_id"`
		File     string   `json:"file"`
		Imported int      `json:"imported"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &ims); code != 0 || err != nil || len(ims) != 2 || ims[1].Imported != 3 ||
		!strings.Contains(strings.Join(ims[1].Warnings, "|"), "跳过 2 份") {
		t.Fatalf("survey imports --json = %d %q %q", code, out, errs)
	}
	if code, _, errs := gp(t, "survey", "delete", "--db", db, "--policy", "2", "--import", fmt.Sprint(ims[0].ID)); code != 1 || !strings.Contains(errs, "政策 2") {
		t.Errorf("deleting policy 1's import under policy 2: %d %q", code, errs)
	}
	if code, _, errs := gp(t, "survey", "delete", "--db", db, "--policy", "1", "--import", fmt.Sprint(ims[1].ID)); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := gp(t, "import", "survey", "--db", db, "--policy", "1", "--round", "2026年度", td("wjx_text_later.csv")); code != 0 || !strings.Contains(out, `"imported": 3`) {
		t.Errorf("re-import after delete: %d %q %q", code, out, errs)
	}
	// The questions of a round, with their keys and counts per option (8 responses: 5 + the later export's 3).
	code, out, errs = gp(t, "survey", "questions", "--db", db, "--policy", "1", "--round", "2026年度")
	if code != 0 || !strings.Contains(out, "Q2.other") || !strings.Contains(out, "材料多(4)") || !strings.Contains(out, "窗口太少(2)") {
		t.Errorf("survey questions = %d %q %q", code, out, errs)
	}
	code, out, _ = gp(t, "survey", "questions", "--db", db, "--policy", "2", "--json")
	var fs []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &fs) != nil || len(fs) != 4 {
		t.Errorf("survey questions --json = %d %s", code, out)
	}
	if code, _, errs = gp(t, "survey", "questions", "--db", db, "--policy", "1", "--round", "无此轮"); code != 1 || !strings.Contains(errs, "无此轮") {
		t.Errorf("unknown round: %d %q", code, errs)
	}
}
