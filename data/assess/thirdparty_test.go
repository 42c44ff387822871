package assess

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// assessmentParts recomputes DESIGN's A_d = 100 × Σ得分 / Σ满分 per dimension from the stored rows.
func assessmentParts(t *testing.T, s *store.Store, policyID int64, round string) ([]Row, map[string]float64) {
	t.Helper()
	ctx := context.Background()
	rd, err := s.ResolveRound(ctx, policyID, round)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Rows(ctx, s, rd.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, max := map[string]float64{}, map[string]float64{}
	for _, r := range rows {
		k := DimensionOf(r.Dimension, nil)
		got[k] += r.Score
		max[k] += r.Max
	}
	parts := map[string]float64{}
	for k := range max {
		parts[k] = 100 * got[k] / max[k]
	}
	return rows, parts
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func hasWarning(ws []string, parts ...string) bool {
	for _, w := range ws {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(w, p)
		}
		if ok {
			return true
		}
	}
	return false
}

// 考核点 / 总分值 / 得分 with "10分" written as text: read as numbers, the 合计 row skipped with a warning.
func TestPointsSheetWithTextPoints(t *testing.T) {
	s, id := newStore(t)
	sum, err := ImportAssessment(context.Background(), s, id, "2026年度", filepath.Join("testdata", "points.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != 8 || sum.Imported != 8 || sum.Questions != 8 || len(sum.Units) != 0 {
		t.Errorf("summary = %+v", sum)
	}
	if len(sum.Warnings) != 1 || !hasWarning(sum.Warnings, "第11行", "合计") {
		t.Errorf("warnings = %q, want one naming the 合计 row 11", sum.Warnings)
	}
	rows, parts := assessmentParts(t, s, id, "2026年度")
	if rows[0].Indicator != "政策宣传解读" || rows[0].Max != 10 || rows[0].Score != 8 || rows[0].Problem != "未制作政策图解" || rows[3].Score != 7.5 {
		t.Errorf("rows[0] = %+v, rows[3] = %+v", rows[0], rows[3])
	}
	if !near(parts["process"], 100*34.5/40) || !near(parts["standards"], 100*26.0/30) || !near(parts["results"], 100*26.0/30) {
		t.Errorf("A_d = %v", parts)
	}
}

// One score column per district: each district is an assessment of the round, A_d averages them; the
// 合计 row is not counted again.
func TestDistrictColumnsOneAssessmentEach(t *testing.T) {
	s, id := newStore(t)
	ctx := context.Background()
	sum, err := ImportAssessment(ctx, s, id, "2026年度", filepath.Join("testdata", "districts.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(sum.Units, "、") != "东城区、西城区、朝阳区" || sum.Rows != 7 || sum.Imported != 7 || sum.Questions != 7 {
		t.Errorf("summary = %+v", sum)
	}
	if !hasWarning(sum.Warnings, "第10行", "合计") || !hasWarning(sum.Warnings, "3 个被评单位", "东城区 84.0", "西城区 77.0", "朝阳区 92.5") {
		t.Errorf("warnings = %q", sum.Warnings)
	}
	rows, parts := assessmentParts(t, s, id, "2026年度")
	if len(rows) != 21 || rows[0].Unit != "东城区" || rows[7].Unit != "西城区" || rows[7].Score != 8 || rows[20].Unit != "朝阳区" || rows[20].Score != 18 {
		t.Fatalf("%d rows: %+v … %+v", len(rows), rows[0], rows[len(rows)-1])
	}
	// The 存在问题 text is the sheet's, written once: stored once, not once per district.
	problems := 0
	for _, r := range rows {
		if r.Problem != "" {
			problems++
		}
	}
	if problems != 2 {
		t.Errorf("%d rows carry a problem text, want 2", problems)
	}
	if !near(parts["process"], 100*89.5/105) || !near(parts["standards"], 100*66.0/75) || !near(parts["results"], 100*98.0/120) {
		t.Errorf("A_d = %v", parts)
	}
	if _, err := ImportAssessment(ctx, s, id, "2026年度", filepath.Join("testdata", "districts.xlsx")); err == nil || !strings.Contains(err.Error(), "已导入") {
		t.Errorf("re-import: err = %v", err)
	}
	if rows, _ := assessmentParts(t, s, id, "2026年度"); len(rows) != 21 {
		t.Errorf("re-import changed rows: %d", len(rows))
	}
}

// A rubric without scores is refused, naming the missing column and the headers it has.
func TestRubricWithoutScoreColumn(t *testing.T) {
	s, id := newStore(t)
	_, err := ImportAssessment(context.Background(), s, id, "", filepath.Join("testdata", "rubric.xlsx"))
	var ie *data.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an InputError", err)
	}
	for _, want := range []string{"rubric.xlsx", "找不到得分列", "得分、实际得分、评分", "被评单位", "第2行", "一级指标、二级指标、考核内容、评分标准、分值"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to contain %q", err, want)
		}
	}
	if rs, _ := s.Rounds(context.Background(), id); len(rs) != 0 {
		t.Errorf("a refused import left a round behind: %v", rs)
	}
}

// 小计 rows per dimension and a 总分 row are skipped, each with a warning; a 小计 that does not add up
// is named.
func TestSubtotalRowsSkippedWithWarnings(t *testing.T) {
	s, id := newStore(t)
	sum, err := ImportAssessment(context.Background(), s, id, "", filepath.Join("testdata", "subtotals.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != 7 || sum.Imported != 7 || sum.Questions != 7 {
		t.Errorf("summary = %+v", sum)
	}
	for _, w := range [][]string{{"第5行", "小计"}, {"第8行", "小计"}, {"第11行", "取得成效小计"}, {"第12行", "总分"}, {"第8行", "25", "24", "不符"}} {
		if !hasWarning(sum.Warnings, w...) {
			t.Errorf("warnings = %q, want one with %q", sum.Warnings, w)
		}
	}
	if len(sum.Warnings) != 5 {
		t.Errorf("%d warnings, want 5: %q", len(sum.Warnings), sum.Warnings)
	}
	_, parts := assessmentParts(t, s, id, "")
	if !near(parts["process"], 100*26.0/30) || !near(parts["standards"], 100*24.0/30) || !near(parts["results"], 100*34.0/40) {
		t.Errorf("A_d = %v", parts)
	}
}

// An expert panel under a two-row header: each expert an assessment; 自评得分 and 平均分 left out, each
// with a warning.
func TestExpertPanelTwoRowHeader(t *testing.T) {
	s, id := newStore(t)
	sum, err := ImportAssessment(context.Background(), s, id, "", filepath.Join("testdata", "experts.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(sum.Units, "、") != "专家1、专家2、专家3" || sum.Rows != 3 || sum.Questions != 3 {
		t.Errorf("summary = %+v", sum)
	}
	for _, w := range [][]string{{"第D列", "自评得分", "不作为第三方评分"}, {"第H列", "平均分", "汇总列"}, {"专家1 80.0", "专家2 88.3", "专家3 86.7"}} {
		if !hasWarning(sum.Warnings, w...) {
			t.Errorf("warnings = %q, want one with %q", sum.Warnings, w)
		}
	}
	if len(sum.Warnings) != 3 {
		t.Errorf("%d warnings, want 3: %q", len(sum.Warnings), sum.Warnings)
	}
	rows, parts := assessmentParts(t, s, id, "")
	if len(rows) != 9 || rows[0].Line != 3 || rows[3].Unit != "专家2" || rows[3].Score != 9 {
		t.Errorf("rows = %+v", rows)
	}
	if !near(parts["process"], 100*75.0/90) || !near(parts["results"], 100*78.0/90) {
		t.Errorf("A_d = %v", parts)
	}
}

// Quarter columns under bare headers: a blank score of a scored quarter refuses the file naming the cell
// and the quarter (nothing stored); a quarter with no scores at all is not a unit.
func TestQuarterColumnsBlankCell(t *testing.T) {
	s, id := newStore(t)
	_, err := ImportAssessment(context.Background(), s, id, "", filepath.Join("testdata", "quarters.csv"))
	var ie *data.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "第3行第E列（第二季度）缺少得分") {
		t.Fatalf("err = %v, want one naming 第3行第E列（第二季度）", err)
	}
	if rs, _ := s.Rounds(context.Background(), id); len(rs) != 0 {
		t.Errorf("a refused import left a round behind: %v", rs)
	}
}

func TestScoreHeader(t *testing.T) {
	for in, want := range map[string]string{
		"得分": "", "实际得分（分）": "", "考核得分": "", "东城区得分": "东城区", "得分（专家1）": "专家1", "得分-第一季度": "第一季度",
		"专家评分": "", "得分(100分)": "",
	} {
		if got, ok := scoreHeader(in); !ok || got != want {
			t.Errorf("scoreHeader(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"评分标准", "得分说明", "东城区", "分值"} {
		if _, ok := scoreHeader(in); ok {
			t.Errorf("scoreHeader(%q) took it for a score", in)
		}
	}
}

func TestIsTotal(t *testing.T) {
	for in, want := range map[string]bool{
		"合计": true, "合 计": true, "小计": true, "执行过程小计": true, "一、执行过程 小计": true, "总分": true, "合计得分": true,
		"小计（执行过程）": true, "合计 100分": true, "总分86.5": true, "符合计划要求": false, "综合计分方法": false, "总计划完成率": false, "执行过程": false,
	} {
		if got := isTotal(in); got != want {
			t.Errorf("isTotal(%q) = %v, want %v", in, got, want)
		}
	}
}

// A single 得分 beside the experts' columns it was settled from: 得分 is the score, the others are named.
func TestSettledScoreBesideExperts(t *testing.T) {
	rows, sum, _, err := ReadAssessment(filepath.Join("testdata", "panel_settled.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Score != 13 || rows[0].Unit != "" || len(sum.Units) != 0 || rows[0].Problem != "1项细则未出台" {
		t.Errorf("rows = %+v, summary %+v", rows, sum)
	}
	if len(sum.Warnings) != 1 || !hasWarning(sum.Warnings, "第D列、第E列（专家1、专家2）", "未导入", "第F列“得分”") {
		t.Errorf("warnings = %q", sum.Warnings)
	}
}

// No 一级指标 column: the section rows (序号 一, 二; "三、取得成效") give the dimension of the rows below;
// their sub-totals are not counted again, and one that does not add up is named.
func TestSectionRowsGiveDimensions(t *testing.T) {
	s, id := newStore(t)
	sum, err := ImportAssessment(context.Background(), s, id, "", filepath.Join("testdata", "sections.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows != 4 || sum.Imported != 4 || sum.Questions != 4 {
		t.Errorf("summary = %+v", sum)
	}
	for _, w := range [][]string{{"第3行“执行过程”", "第6行“细则标准”", "第8行“三、取得成效”", "未重复计入"}, {"第6行", "26", "27", "不符"}, {"第10行", "合计"}} {
		if !hasWarning(sum.Warnings, w...) {
			t.Errorf("warnings = %q, want one with %q", sum.Warnings, w)
		}
	}
	if len(sum.Warnings) != 3 {
		t.Errorf("%d warnings, want 3: %q", len(sum.Warnings), sum.Warnings)
	}
	rows, parts := assessmentParts(t, s, id, "")
	if rows[0].Dimension != "执行过程" || rows[0].Indicator != "政策宣传解读" || rows[3].Dimension != "三、取得成效" || rows[3].Problem == "" {
		t.Errorf("rows = %+v", rows)
	}
	if !near(parts["process"], 100*34.0/40) || !near(parts["standards"], 100*27.0/30) || !near(parts["results"], 100*25.0/30) {
		t.Errorf("A_d = %v", parts)
	}
}

// The two-row header saved as CSV (得分 over blank cells, the experts' names below) reads as three experts.
func TestTwoRowHeaderCSV(t *testing.T) {
	rows, sum, _, err := ReadAssessment(filepath.Join("testdata", "experts_twoline.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(sum.Units, "、") != "张教授、李研究员、王律师" || sum.Rows != 2 || len(rows) != 6 || rows[0].Line != 3 || rows[5].Score != 18 {
		t.Errorf("rows = %+v, summary %+v", rows, sum)
	}
}

// Header readings that need no file of their own: which columns are scores, and what a sheet with only
// an average column gives.
func TestUnitColumnsOfHeaders(t *testing.T) {
	for _, c := range []struct {
		header []string
		units  string // the units' names joined by "、"; "-" for the one unnamed score column; "" refused
		warn   string
	}{
		{[]string{"一级指标", "分值", "得分"}, "-", ""},
		{[]string{"一级指标", "分值", "东城区得分", "西城区得分"}, "东城区、西城区", ""},
		{[]string{"一级指标", "分值", "得分（专家1）", "得分（专家2）", "平均得分"}, "专家1、专家2", "平均得分"},
		{[]string{"一级指标", "分值", "平均分"}, "-", "按第C列“平均分”作为得分"},
		{[]string{"一级指标", "分值", "自评得分"}, "", ""},
		{[]string{"一级指标", "分值", "自评得分", "评价得分"}, "-", "自评得分"},
		{[]string{"一级指标", "分值", "评分标准", "序号", "权重"}, "", ""},
		{[]string{"一级指标", "分值", "东城区", "西城区", "东城区"}, "", ""}, // the same unit twice: refused
	} {
		g := &grid{name: "t.csv", rows: []gridRow{{num: 1, cells: c.header}, {num: 2, cells: append([]string{"执行过程", "10"}, "8", "9", "7")}}}
		hi, pos, err := findAssessmentHeader(g)
		if err != nil {
			t.Fatalf("%v: %v", c.header, err)
		}
		units, _, warns, err := unitColumns(g, hi, pos)
		var names []string
		for _, u := range units {
			if u.name == "" {
				names = append(names, "-")
			} else {
				names = append(names, u.name)
			}
		}
		if got := strings.Join(names, "、"); got != c.units || (c.units == "") != (err != nil) {
			t.Errorf("%v: units %q (err %v), want %q", c.header, got, err, c.units)
		}
		if c.warn != "" && !hasWarning(warns, c.warn) {
			t.Errorf("%v: warnings %q, want one with %q", c.header, warns, c.warn)
		}
	}
}

// Choosing units: only 东城区 is stored (A_d is 东城区's own); a unit the sheet lacks, or a unit on a sheet
// with one 得分 column, is refused listing what there is.
func TestChooseUnits(t *testing.T) {
	s, id := newStore(t)
	ctx := context.Background()
	_, err := ImportAssessmentWith(ctx, s, id, "", filepath.Join("testdata", "districts.xlsx"), AssessmentOptions{Units: []string{"海淀区"}})
	if err == nil || !strings.Contains(err.Error(), "没有被评单位“海淀区”") || !strings.Contains(err.Error(), "东城区、西城区、朝阳区") {
		t.Errorf("unknown unit: err = %v", err)
	}
	_, err = ImportAssessmentWith(ctx, s, id, "", filepath.Join("testdata", "points.xlsx"), AssessmentOptions{Units: []string{"东城区"}})
	if err == nil || !strings.Contains(err.Error(), "只有一个得分列") {
		t.Errorf("unit on a one-score sheet: err = %v", err)
	}
	sum, err := ImportAssessmentWith(ctx, s, id, "", filepath.Join("testdata", "districts.xlsx"), AssessmentOptions{Units: []string{"东城区"}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(sum.Units, "、") != "东城区" || !hasWarning(sum.Warnings, "3 个被评单位", "只导入 1 个", "东城区 84.0") {
		t.Errorf("summary = %+v", sum)
	}
	rows, parts := assessmentParts(t, s, id, "")
	if len(rows) != 7 || rows[6].Unit != "东城区" || !near(parts["process"], 100*30.0/35) {
		t.Errorf("%d rows, A_d %v", len(rows), parts)
	}
}

func TestSheetUnits(t *testing.T) {
	for file, want := range map[string]string{"districts.xlsx": "东城区、西城区、朝阳区", "experts.xlsx": "专家1、专家2、专家3", "points.xlsx": "", "merged.xlsx": ""} {
		got, err := SheetUnits(filepath.Join("testdata", file))
		if err != nil || strings.Join(got, "、") != want {
			t.Errorf("%s: %q, %v; want %q", file, got, err, want)
		}
	}
	if _, err := SheetUnits(filepath.Join("testdata", "rubric.xlsx")); err == nil || !strings.Contains(err.Error(), "找不到得分列") {
		t.Errorf("rubric: err = %v", err)
	}
}
