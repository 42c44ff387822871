// Command gen writes the assess package's test sheets (run in data/assess): go run ./testdata/gen
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"github.com/gongping/gongping/assets/sample/genscoring"
)

func main() {
	dir := "testdata"
	must(genscoring.WriteAssessment(filepath.Join(dir, "merged.xlsx")))
	must(genscoring.WriteOfficers(filepath.Join(dir, "officers5.xlsx")))

	// A bad score: row 6 (the second data row), column D.
	f := excelize.NewFile()
	rows := [][]any{{"评分表"}, {}, {"维度", "指标", "满分", "评分"}, {"执行过程", "宣传", 10, 8}, {"执行过程", "流程", 10, 7}, {"细则标准", "细则", 10, "八"}}
	for i, r := range rows {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", c, v)
		}
	}
	must(f.SaveAs(filepath.Join(dir, "badscore.xlsx")))

	// A CSV without merges: blank 一级指标 cells are filled down; a 小计 row is skipped.
	must(os.WriteFile(filepath.Join(dir, "plain.csv"), []byte("\ufeff一级指标,二级指标,分值,得分,扣分说明,建议\n"+
		"执行过程,宣传,10,9,,\n,流程,10,6,材料多,减材料\n小计,,20,15,,\n取得成效,成效,20,15,,\n"), 0o644))

	// Officers on 0–100, one not on the roster, one row without a 细则标准 score.
	must(os.WriteFile(filepath.Join(dir, "officers100.csv"), []byte("姓名,日期,执行过程,细则标准,取得成效,问题,建议\n"+
		"王建国,2026/9/1,80,70,90,排队久,\n陌生人,2026年9月2日,60,,70,,多宣传\n"), 0o644))

	writeThirdParty(dir)
}

// sheet is one worksheet to write: rows from A1 down (nil cells stay empty) and ranges to merge.
type sheet struct {
	rows   [][]any
	merges [][2]string
}

func (s sheet) save(path string) {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range s.rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			c, _ := excelize.CoordinatesToCellName(j+1, i+1)
			must(f.SetCellValue("Sheet1", c, v))
		}
	}
	for _, m := range s.merges {
		must(f.MergeCell("Sheet1", m[0], m[1]))
	}
	must(f.SaveAs(path))
}

// writeThirdParty writes score sheets laid out as third-party agencies write them (issue 12, pattern 9).
func writeThirdParty(dir string) {
	// 考核点 / 评分标准 / 总分值 / 得分 with the points written as text ("10分"), a merged 一级指标 per
	// dimension and a 合计 row merged across A:D.
	sheet{rows: [][]any{
		{"2026年度《北京市优化营商环境条例》实施情况第三方评估评分表"},
		{"序号", "一级指标", "考核点", "评分标准", "总分值", "得分", "扣分原因"},
		{1, "一、执行过程（40分）", "政策宣传解读", "召开新闻发布会得5分；发布图解或问答得5分", "10分", "8分", "未制作政策图解"},
		{2, nil, "办事流程优化", "办理环节每减少1个得2分，最高10分", "10分", "9分", ""},
		{3, nil, "窗口服务规范", "一次性告知、限时办结落实到位得10分", "10分", "10分", ""},
		{4, nil, "投诉处理时效", "5个工作日内办结率每低1个百分点扣0.5分", "10分", "7.5分", "部分投诉超期办结"},
		{5, "二、细则标准（30分）", "配套细则出台", "按期出台配套细则得15分，每缺1项扣1.5分", "15分", "12分", "2项配套细则未按期出台"},
		{6, nil, "办事标准公开", "办事指南要素齐全、及时更新得15分", "15分", 14, ""},
		{7, "三、取得成效（30分）", "企业满意度", "抽样调查满意度×20", "20分", "17分", ""},
		{8, nil, "办理时限压缩", "平均办理时限压缩50%以上得10分", "10分", "9分", ""},
		{"合计", nil, nil, nil, "100分", "86.5分", nil},
	}, merges: [][2]string{{"A1", "G1"}, {"B3", "B6"}, {"B7", "B8"}, {"B9", "B10"}, {"A11", "D11"}}}.save(filepath.Join(dir, "points.xlsx"))

	// One score column per rated district, a 存在问题 column and a 合计 row at the bottom.
	sheet{rows: [][]any{
		{"区级政策执行情况第三方评估打分汇总表"},
		{"一级指标", "二级指标", "分值", "东城区", "西城区", "朝阳区", "存在问题"},
		{"执行过程", "组织领导", 10, 9, 8, 9.5, ""},
		{nil, "宣传解读", 10, 8, 7, 9, ""},
		{nil, "窗口办理", 15, 13, 12, 14, "西城区窗口高峰时段排队较长"},
		{"细则标准", "配套细则", 15, 12, 13, 14, ""},
		{nil, "标准公开", 10, 9, 8, 10, ""},
		{"取得成效", "企业获得感", 20, 17, 15, 18, ""},
		{nil, "问题整改", 20, 16, 14, 18, "西城区2项问题未整改到位"},
		{"合计", nil, 100, 84, 77, 92.5, nil},
	}, merges: [][2]string{{"A1", "G1"}, {"A3", "A5"}, {"A6", "A7"}, {"A8", "A9"}, {"A10", "B10"}}}.save(filepath.Join(dir, "districts.xlsx"))

	// A rubric as sent out before scoring: criteria and points, no score column.
	sheet{rows: [][]any{
		{"政策执行效果第三方评估指标体系"},
		{"一级指标", "二级指标", "考核内容", "评分标准", "分值"},
		{"执行过程", "宣传解读", "政策解读材料发布情况", "发布解读材料得5分，开展宣讲得5分", 10},
		{nil, "流程优化", "办事环节和材料精简情况", "精简一项得2分，最高10分", 10},
		{"取得成效", "群众满意度", "抽样调查满意度", "满意度×20", 20},
	}, merges: [][2]string{{"A1", "E1"}, {"A3", "A4"}}}.save(filepath.Join(dir, "rubric.xlsx"))

	// A 小计 row closing each dimension (inside the merged 一级指标 for the first two, labelled in the
	// 一级指标 column for the third), one 小计 that does not add up, and a 总分 row.
	sheet{rows: [][]any{
		{"一级指标", "二级指标", "分值", "得分", "扣分说明"},
		{"执行过程", "宣传解读", 10, 8, "解读材料发布滞后"},
		{nil, "流程优化", 10, 9, ""},
		{nil, "窗口服务", 10, 9, ""},
		{nil, "小计", 30, 26, nil},
		{"细则标准", "配套细则", 20, 16, "1项细则未出台"},
		{nil, "标准公开", 10, 8, ""},
		{nil, "小计", 30, 25, nil},
		{"取得成效", "企业满意度", 25, 21, ""},
		{nil, "办理提速", 15, 13, ""},
		{"取得成效小计", nil, 40, 34, nil},
		{"总分", nil, 100, 84, nil},
	}, merges: [][2]string{{"A2", "A5"}, {"A6", "A8"}, {"A9", "A10"}, {"A11", "B11"}, {"A12", "B12"}}}.save(filepath.Join(dir, "subtotals.xlsx"))

	// An expert panel: 专家评分 merged over the experts' columns with their names in the row below (a two-row
	// header), the department's 自评得分 beside it and the panel's 平均分 after.
	sheet{rows: [][]any{
		{"一级指标", "二级指标", "分值", "自评得分", "专家评分", nil, nil, "平均分"},
		{nil, nil, nil, nil, "专家1", "专家2", "专家3", nil},
		{"执行过程", "政策宣传", 10, 10, 8, 9, 7, 8},
		{nil, "执行规范", 20, 19, 16, 17, 18, 17},
		{"取得成效", "目标完成", 30, 30, 24, 27, 27, 26},
	}, merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "G1"}, {"H1", "H2"}, {"A3", "A4"}}}.save(filepath.Join(dir, "experts.xlsx"))

	// A quarterly sheet: one column per quarter under bare headers; the fourth not scored yet, a second-
	// quarter cell left blank.
	must(os.WriteFile(filepath.Join(dir, "quarters.csv"), []byte("一级指标,二级指标,分值,第一季度,第二季度,第三季度,第四季度\n"+
		"执行过程,窗口服务,10,8,9,9,\n"+"执行过程,网上办理,10,7,,8,\n"+"取得成效,群众满意,20,16,17,18,\n"), 0o644))

	// The panel's scores beside the 得分 the agency settled on: 得分 is imported, the experts' columns named.
	must(os.WriteFile(filepath.Join(dir, "panel_settled.csv"), []byte("一级指标,二级指标,分值,专家1,专家2,得分,扣分原因\n"+
		"细则标准,配套细则,15,12,14,13,1项细则未出台\n"+"细则标准,标准公开,15,14,14,14,\n"), 0o644))

	// No 一级指标 column: the dimensions are section rows numbered 一, 二 in 序号 carrying their sub-totals
	// (the second does not add up), the third a title merged across the row; a 合计 row at the bottom.
	sheet{rows: [][]any{
		{"政策执行效果第三方评估评分表（绩效评价格式）"},
		{"序号", "评价指标", "分值", "得分", "扣分说明"},
		{"一", "执行过程", 40, 34, nil},
		{1, "政策宣传解读", 10, 8, "解读材料发布滞后"},
		{2, "办事流程优化", 30, 26, ""},
		{"二", "细则标准", 30, 26, nil},
		{3, "配套细则完备", 30, 27, ""},
		{nil, "三、取得成效"},
		{4, "企业满意度", 30, 25, "部分企业反映办理时限仍较长"},
		{"合计", nil, 100, 86, nil},
	}, merges: [][2]string{{"A1", "E1"}, {"B8", "E8"}, {"A10", "B10"}}}.save(filepath.Join(dir, "sections.xlsx"))

	// The expert panel's two-row header saved as CSV: 得分 over two blank cells, the experts' names below.
	must(os.WriteFile(filepath.Join(dir, "experts_twoline.csv"), []byte("一级指标,二级指标,分值,得分,,\n"+
		",,,张教授,李研究员,王律师\n"+"执行过程,政策宣传,10,8,9,7\n"+"执行过程,执行规范,20,16,17,18\n"), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
