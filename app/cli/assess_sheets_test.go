package cli

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// Score sheets as third parties write them (issue 12, pattern 9), through the command line: one score
// column per district imported as one assessment each and averaged into A_d; a rubric without scores
// refused naming what is missing.
func TestCLIAssessmentUnitColumns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	td := func(f string) string { return filepath.Join("..", "..", "data", "assess", "testdata", f) }
	if code, out, errs := gp(t, "policy", "add", "--db", db, "--title", "区级营商环境政策", "--dept", "市政务服务局", "--category", "营商环境"); code != 0 {
		t.Fatal(out, errs)
	}
	code, out, errs := gp(t, "import", "assessment", "--db", db, "--policy", "1", "--round", "2026年度", td("districts.xlsx"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sum struct {
		Format    string   `json:"format"`
		Rows      int      `json:"rows"`
		Imported  int      `json:"imported"`
		Questions int      `json:"questions"`
		Units     []string `json:"units"`
		Warnings  []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err, out)
	}
	if sum.Format != "assessment-xlsx" || sum.Rows != 7 || sum.Imported != 7 || sum.Questions != 7 || strings.Join(sum.Units, ",") != "东城区,西城区,朝阳区" || len(sum.Warnings) != 2 {
		t.Errorf("summary = %s", out)
	}
	if code, _, errs := gp(t, "import", "assessment", "--db", db, "--policy", "1", "--round", "2026年度", td("districts.xlsx")); code != 1 || !strings.Contains(errs, "已导入") {
		t.Errorf("re-import: exit %d, %s", code, errs)
	}
	code, _, errs = gp(t, "import", "assessment", "--db", db, "--policy", "1", "--round", "2026年度", td("rubric.xlsx"))
	if code != 1 || !strings.Contains(errs, "找不到得分列") || !strings.Contains(errs, "一级指标、二级指标、考核内容、评分标准、分值") || strings.Contains(errs, "panic") {
		t.Errorf("rubric: exit %d, stderr %s", code, errs)
	}
	code, out, errs = gp(t, "score", "--db", db, "--policy", "1", "--round", "2026年度", "--json")
	if code != 0 {
		t.Fatalf("score: exit %d: %s", code, errs)
	}
	var res struct {
		Dimensions []struct {
			Key        string   `json:"key"`
			Assessment *float64 `json:"assessment"`
		} `json:"dimensions"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err, out)
	}
	// A_d = 100 × Σ得分 / Σ满分 over the three districts' rows: the mean of their percentages.
	want := map[string]float64{"process": 100 * 89.5 / 105, "standards": 100 * 66.0 / 75, "results": 100 * 98.0 / 120}
	for _, d := range res.Dimensions {
		if d.Assessment == nil || math.Abs(*d.Assessment-want[d.Key]) > 1e-9 {
			t.Errorf("%s: assessment %v, want %v", d.Key, d.Assessment, want[d.Key])
		}
	}
}

// --unit keeps the named districts only; a district the sheet lacks is refused (exit 1) listing those it has.
func TestCLIAssessmentChooseUnit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ws.gpw")
	sheet := filepath.Join("..", "..", "data", "assess", "testdata", "districts.xlsx")
	if code, out, errs := gp(t, "policy", "add", "--db", db, "--title", "东城区营商环境措施", "--dept", "东城区政务服务局", "--category", "营商环境"); code != 0 {
		t.Fatal(out, errs)
	}
	code, _, errs := gp(t, "import", "assessment", "--db", db, "--policy", "1", "--unit", "海淀区", sheet)
	if code != 1 || !strings.Contains(errs, "没有被评单位“海淀区”") || !strings.Contains(errs, "东城区、西城区、朝阳区") {
		t.Errorf("unknown unit: exit %d, stderr %s", code, errs)
	}
	code, out, errs := gp(t, "import", "assessment", "--db", db, "--policy", "1", "--unit", "东城区", "--unit", "朝阳区", sheet)
	if code != 0 || !strings.Contains(out, `"units": [`) || !strings.Contains(out, "只导入 2 个") || strings.Contains(out, `"西城区"`) {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
}
