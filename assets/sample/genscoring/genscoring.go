// Package genscoring writes the sample third-party assessment sheet and 体验官 feedback sheet of the demo
// policy, laid out as agencies send them (title rows above the header, merged 一级指标 cells, a 合计 row;
// feedback on a 1–5 scale). The demo imports them through the real importers; cmd/ writes copies to
// assets/sample/ for users to try: go run ./assets/sample/genscoring/cmd
package genscoring

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// File names of the samples.
const (
	AssessmentFile = "第三方评估打分表.xlsx"
	OfficersFile   = "政策体验官反馈表.xlsx"
)

// assessmentRows: 一级指标, 二级指标, 分值, 得分, 存在问题, 改进建议.
var assessmentRows = [][]any{
	{"一、执行过程（35分）", "政策宣传解读到位", 10, 8.5, "部分街道未开展政策解读活动", "通过社区、园区开展政策宣讲"},
	{"一、执行过程（35分）", "办理流程便捷高效", 15, 12, "涉企事项仍需线下提交纸质材料", "推进全程网办，压减纸质材料"},
	{"一、执行过程（35分）", "执行过程规范透明", 10, 8, "", ""},
	{"二、细则标准（30分）", "配套细则及时出台", 10, 7, "两项配套细则晚于政策实施 3 个月出台", "同步制定配套细则"},
	{"二、细则标准（30分）", "标准明确可操作", 10, 8, "部分条款“符合条件的企业”界定不清", "细化适用条件并公开办事指南"},
	{"二、细则标准（30分）", "部门间标准衔接", 10, 8.5, "", ""},
	{"三、取得成效（35分）", "企业办事成本降低", 15, 12.5, "", "持续跟踪企业办事成本"},
	{"三、取得成效（35分）", "政策目标实现程度", 10, 8, "首贷续贷目标完成率 82%", "加大金融支持力度"},
	{"三、取得成效（35分）", "企业群众获得感", 10, 8, "", ""},
}

// WriteAssessment writes the sample assessment sheet to path.
func WriteAssessment(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "评估打分表"
	f.SetSheetName("Sheet1", sh)
	set := func(cell string, v any) { f.SetCellValue(sh, cell, v) }
	set("A1", "《关于进一步优化营商环境降低企业制度性交易成本的若干措施》第三方评估打分表")
	f.MergeCell(sh, "A1", "F1")
	set("A2", "评估机构：北京某政策评估研究中心　　评估时间：2026年10月")
	f.MergeCell(sh, "A2", "F2")
	for i, h := range []string{"一级指标", "二级指标", "分值", "得分", "存在问题", "改进建议"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 4)
		set(c, h)
	}
	row := 5
	start := row
	for i, r := range assessmentRows {
		if i == 0 || r[0] != assessmentRows[i-1][0] {
			if i > 0 {
				f.MergeCell(sh, fmt.Sprintf("A%d", start), fmt.Sprintf("A%d", row-1))
			}
			start = row
			set(fmt.Sprintf("A%d", row), r[0])
		}
		for j := 1; j < len(r); j++ {
			c, _ := excelize.CoordinatesToCellName(j+1, row)
			set(c, r[j])
		}
		row++
	}
	f.MergeCell(sh, fmt.Sprintf("A%d", start), fmt.Sprintf("A%d", row-1))
	set(fmt.Sprintf("A%d", row), "合计")
	set(fmt.Sprintf("C%d", row), 100)
	var total float64
	for _, r := range assessmentRows {
		total += toF(r[3])
	}
	set(fmt.Sprintf("D%d", row), total) // cached value, as Excel would have saved it
	f.SetCellFormula(sh, fmt.Sprintf("D%d", row), fmt.Sprintf("SUM(D5:D%d)", row-1))
	f.SetColWidth(sh, "A", "A", 22)
	f.SetColWidth(sh, "B", "B", 20)
	f.SetColWidth(sh, "E", "F", 36)
	return f.SaveAs(path)
}

func toF(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// officerRows: 姓名, 体验日期, 执行过程, 细则标准, 取得成效 (1–5), 存在问题, 改进建议.
var officerRows = [][]any{
	{"王建国", "2026-09-12", 4, 4, 4, "窗口叫号系统高峰期排队时间长", "高峰时段增开窗口"},
	{"李秀英", "2026-09-15", 5, 4, 4, "", "推广“免申即享”"},
	{"张伟", "2026-09-20", 4, 3, 4, "部分条款适用条件不清楚", "公开办事指南和案例"},
	{"刘洋", "2026-09-22", 4, 4, 5, "", ""},
	{"陈静", "2026-10-08", 3, 3, 4, "涉企事项仍需线下提交纸质材料", "推进全程网办，压减纸质材料"},
}

// WriteOfficers writes the sample 体验官 feedback sheet (scores 1–5) to path.
func WriteOfficers(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "体验官反馈"
	f.SetSheetName("Sheet1", sh)
	f.SetCellValue(sh, "A1", "政策体验官体验反馈汇总表（评分：1–5 分，5 分最好）")
	f.MergeCell(sh, "A1", "G1")
	for i, h := range []string{"姓名", "体验日期", "执行过程（5分制）", "细则标准（5分制）", "取得成效（5分制）", "存在问题", "改进建议"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellValue(sh, c, h)
	}
	for i, r := range officerRows {
		for j, v := range r {
			c, _ := excelize.CoordinatesToCellName(j+1, i+3)
			f.SetCellValue(sh, c, v)
		}
	}
	f.SetColWidth(sh, "F", "G", 32)
	return f.SaveAs(path)
}
