package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gpIn runs one command line with stdin.
func gpIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

type sectionJSON struct {
	Section  string `json:"section"`
	Title    string `json:"title"`
	Optional bool   `json:"optional"`
	On       bool   `json:"on"`
	Edited   bool   `json:"edited"`
	Text     string `json:"text"`
	Draft    string `json:"draft"`
}

func narrativeJSON(t *testing.T, db string) map[string]sectionJSON {
	t.Helper()
	code, out, errs := gp(t, "narrative", "get", "--db", db, "--policy", "1", "--json")
	if code != 0 {
		t.Fatalf("narrative get: %d %s", code, errs)
	}
	var list []sectionJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	m := map[string]sectionJSON{}
	for _, s := range list {
		m[s.Section] = s
	}
	if len(list) != 20 || list[0].Section != "summary" || list[0].Title != "摘要" {
		t.Fatalf("sections: %d, first %+v", len(list), list[0])
	}
	return m
}

func TestCLINarrative(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	m := narrativeJSON(t, db)
	if s := m["summary"]; s.Edited || s.Draft == "" || s.Text != s.Draft || !s.On {
		t.Errorf("summary before = %+v", s)
	}
	file := filepath.Join(dir, "摘要.txt")
	os.WriteFile(file, []byte("\uFEFF团队改写的摘要。\r\n第二段。\r\n\r\n"), 0o644) // as Notepad saves it
	for _, c := range []struct {
		args     []string
		stdin    string
		code     int
		out, err string
	}{
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--section", "summary", file}, "", 0, "", ""},
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--section", "存在问题", "-"}, "从标准输入写的存在问题\n", 0, "", ""},
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--section", "封面", file}, "", 2, "", "未知的报告章节"},
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--section", "summary"}, "", 2, "", "FILE"},
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--section", "summary", "-"}, "  \n", 1, "", "章节文字为空"},
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--round", "无此轮", "--section", "summary", file}, "", 1, "", "没有名为"},
		{[]string{"narrative", "set", "--db", db, "--policy", "1", "--section", "summary", filepath.Join(dir, "无此文件.txt")}, "", 1, "", "找不到文件"},
	} {
		code, out, errs := gpIn(t, c.stdin, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", c.args, code, out, errs, c.code, c.out, c.err)
		}
	}
	m = narrativeJSON(t, db)
	if s := m["summary"]; !s.Edited || s.Text != "团队改写的摘要。\n第二段。" || s.Draft == s.Text {
		t.Errorf("summary after set = %+v", s)
	}
	if s := m["problems"]; !s.Edited || s.Text != "从标准输入写的存在问题" {
		t.Errorf("problems after set from stdin = %+v", s)
	}
	_, text, _ := gp(t, "narrative", "get", "--db", db, "--policy", "1")
	if !strings.Contains(text, "【摘要】summary（团队修改）\n团队改写的摘要。") || !strings.Contains(text, "【评估背景】background（自动草稿）") {
		t.Errorf("text output:\n%s", text)
	}
	if code, out, errs := gp(t, "narrative", "reset", "--db", db, "--policy", "1", "--section", "summary"); code != 0 || out != "" {
		t.Errorf("reset: %d %q %q", code, out, errs)
	}
	if code, out, _ := gp(t, "narrative", "reset", "--db", db, "--policy", "1", "--section", "summary"); code != 0 || !strings.Contains(out, "仍用自动草稿") {
		t.Errorf("second reset: %d %q", code, out)
	}
	if m = narrativeJSON(t, db); m["summary"].Edited || !m["problems"].Edited {
		t.Errorf("after reset: summary %+v, problems %+v", m["summary"], m["problems"])
	}
}

type quoteJSON struct {
	Response int64  `json:"response"`
	Question string `json:"question"`
	Text     string `json:"text"`
	Proposed string `json:"proposed"`
	Choice   *bool  `json:"choice"`
	Excluded bool   `json:"excluded"`
}

func quotesJSON(t *testing.T, db string, args ...string) []quoteJSON {
	t.Helper()
	code, out, errs := gp(t, append([]string{"quotes", "--db", db, "--policy", "1", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("quotes: %d %s", code, errs)
	}
	var qs []quoteJSON
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatal(err)
	}
	return qs
}

func TestCLIQuotes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	ex := quotesJSON(t, db, "--excluded")
	if len(ex) != 1 || ex[0].Question != "Q17" || ex[0].Proposed != "个人诉求或联系请求" || ex[0].Choice != nil ||
		strings.Contains(ex[0].Text, "13") && !strings.Contains(ex[0].Text, "****") {
		t.Fatalf("excluded = %+v", ex)
	}
	all := quotesJSON(t, db)
	if len(all) < 100 {
		t.Fatalf("%d quotes", len(all))
	}
	other := all[0]
	resp := func(q quoteJSON) string { return strconv.FormatInt(q.Response, 10) }
	for _, c := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"quote", "include", "--db", db, "--policy", "1", "--response", resp(ex[0]), "--question", "q17"}, 0, "", ""},
		{[]string{"quote", "exclude", "--db", db, "--policy", "1", "--response", resp(other), "--question", other.Question}, 0, "", ""},
		{[]string{"quote", "exclude", "--db", db, "--policy", "1", "--response", resp(other), "--question", "Q1"}, 1, "", "不是文字题"},
		{[]string{"quote", "exclude", "--db", db, "--policy", "1", "--response", "99999", "--question", "Q17"}, 1, "", "没有编号为 99999 的答卷"},
		{[]string{"quote", "exclude", "--db", db, "--policy", "1", "--question", "Q17"}, 2, "", "--response"},
		{[]string{"quote", "exclude", "--db", db, "--policy", "1", "--response", "x", "--question", "Q17"}, 2, "", "--response"},
	} {
		code, out, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", c.args, code, out, errs, c.code, c.out, c.err)
		}
	}
	ex = quotesJSON(t, db, "--excluded")
	if len(ex) != 1 || ex[0].Response != other.Response || ex[0].Choice == nil || !*ex[0].Choice {
		t.Errorf("after include/exclude: %+v", ex)
	}
	// Back to the proposal.
	gp(t, "quote", "reset", "--db", db, "--policy", "1", "--response", resp(all[0]), "--question", other.Question)
	for _, q := range quotesJSON(t, db) {
		if q.Response == other.Response && q.Question == other.Question && (q.Choice != nil || q.Excluded) {
			t.Errorf("after reset: %+v", q)
		}
	}
	_, text, _ := gp(t, "quotes", "--db", db, "--policy", "1")
	if !strings.Contains(text, "引用（已恢复）") || !strings.Contains(text, "个人诉求或联系请求") {
		t.Errorf("text output lacks the states:\n%.600s", text)
	}
}

func TestCLIReportSettings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	for _, c := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"report-settings", "set", "--db", db, "--policy", "1", "--issuer", "北京某评估中心", "--commissioner", "市发展改革委", "--date", "2026年11月20日"}, 0, "", ""},
		{[]string{"report-settings", "set", "--db", db, "--policy", "1", "--sections", "groups,评价方法"}, 0, "", ""},
		{[]string{"report-settings", "set", "--db", db, "--policy", "1", "--date", "2026-02-30"}, 1, "", "报告日期"},
		{[]string{"report-settings", "set", "--db", db, "--policy", "1", "--sections", "封面"}, 1, "", "未知的报告部分"},
	} {
		code, out, errs := gp(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", c.args, code, out, errs, c.code, c.out, c.err)
		}
	}
	code, out, errs := gp(t, "report-settings", "get", "--db", db, "--policy", "1", "--json")
	var st struct {
		Round        string          `json:"round"`
		Issuer       string          `json:"issuer"`
		Commissioner string          `json:"commissioner"`
		Date         string          `json:"date"`
		Sections     map[string]bool `json:"sections"`
		Inherited    bool            `json:"inherited"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil {
		t.Fatalf("get: %d %s %s", code, out, errs)
	}
	want := map[string]bool{"groups": true, "methods": true, "quotes": false, "checks": false}
	if st.Round != "2026年度" || st.Issuer != "北京某评估中心" || st.Commissioner != "市发展改革委" || st.Date != "2026-11-20" ||
		len(st.Sections) != 4 || st.Sections["groups"] != want["groups"] || st.Sections["methods"] != want["methods"] ||
		st.Sections["quotes"] || st.Sections["checks"] || st.Inherited {
		t.Errorf("settings = %+v", st)
	}
	_, text, _ := gp(t, "report-settings", "get", "--db", db, "--policy", "1")
	if !strings.Contains(text, "报告日期：2026年11月20日") || !strings.Contains(text, "公众参与法定要求自查情况（checks）：不发布") {
		t.Errorf("text:\n%s", text)
	}
	// --issuer "" clears, the other fields stay.
	gp(t, "report-settings", "set", "--db", db, "--policy", "1", "--issuer", "")
	gp(t, "report-settings", "get", "--db", db, "--policy", "1", "--json")
	_, out, _ = gp(t, "report-settings", "get", "--db", db, "--policy", "1", "--json")
	if !strings.Contains(out, `"issuer": ""`) || !strings.Contains(out, `"date": "2026-11-20"`) {
		t.Errorf("after clearing the issuer: %s", out)
	}
}

// gongping report writes what the team wrote and chose: its text, its agency and date, without the answer
// left out; gongping demo --report likewise (the same writeReport).
func TestCLIReportUsesTheTeamsChoices(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.gpw")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	out := filepath.Join(dir, "报告")
	html := func() string {
		t.Helper()
		if code, _, errs := gp(t, "report", "--db", db, "--policy", "1", "--out", out); code != 0 {
			t.Fatalf("report: %d %s", code, errs)
		}
		b, err := os.ReadFile(filepath.Join(out, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before := html()
	const appeal = "我们企业的补贴申请一直没有结果"
	if strings.Contains(before, appeal) || strings.Contains(before, "团队改写的存在问题") {
		t.Fatalf("before: the appeal is quoted (the proposal should keep it out), or the team's text is there already")
	}
	gpIn(t, "团队改写的存在问题：材料仍然偏多。", "narrative", "set", "--db", db, "--policy", "1", "--section", "problems", "-")
	gp(t, "report-settings", "set", "--db", db, "--policy", "1", "--issuer", "北京某评估中心", "--date", "2026-11-20")
	q := quotesJSON(t, db, "--excluded")[0]
	gp(t, "quote", "include", "--db", db, "--policy", "1", "--response", strconv.FormatInt(q.Response, 10), "--question", q.Question)
	after := html()
	for _, want := range []string{"团队改写的存在问题：材料仍然偏多。", "北京某评估中心", "2026年11月20日", appeal, "139****5678"} {
		if !strings.Contains(after, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	if strings.Contains(after, "13912345678") {
		t.Error("the quoted appeal's phone number is not masked")
	}
}
