// Command gen writes the score package's test files (run in data/score): go run ./testdata/gen
//
// fixture.csv is testdata/fixture.md's survey as a 问卷星 按选项文本 export; fixture_assessment.csv and
// fixture_officers.csv are its assessment rows and 体验官 feedback.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	rows := [][]string{
		{"序号", "提交答卷时间", "所用时间", "来自IP", "1、您的性别", "2、办理便捷程度", "3、工作人员服务态度", "4、政策知晓程度（1-5分）", "5、您遇到过哪些问题", "6、您希望在哪些方面改进", "7、总体满意度"},
		{"1", "2026/10/1 10:00:00", "100秒", "a", "男", "满意", "非常满意", "5", "排队久┋材料多", "网上办", "满意"},
		{"2", "2026/10/1 10:05:00", "120秒", "b", "女", "一般", "满意", "3", "材料多", "网上办┋减材料", "一般"},
		{"3", "2026/10/1 10:06:00", "20秒", "c", "女", "满意", "满意", "4", "材料多", "网上办", "满意"},
		{"4", "2026/10/1 10:07:00", "", "", "男", "不满意", "不了解", "2", "", "减材料", "不满意"},
		{"5", "2026/10/1 10:08:00", "110秒", "e", "男", "满意", "满意", "满意", "排队久", "网上办", "满意"},
		{"6", "2026/10/1 10:09:00", "100秒", "a", "男", "满意", "非常满意", "5", "排队久┋材料多", "网上办", "满意"},
		{"7", "2026/10/1 10:10:00", "95秒", "f", "女", "非常满意", "非常不满意", "4", "排队久", "延长时间", "非常满意"},
	}
	write("fixture.csv", rows)
	write("fixture_assessment.csv", [][]string{
		{"第三方评估打分表"},
		{"一级指标", "二级指标", "分值", "得分", "存在问题", "改进建议"},
		{"一、执行过程（30分）", "窗口", "10", "8", "窗口人手不足", "增加窗口"},
		{"", "流程", "20", "15", "窗口人手不足", ""},
		{"细则标准", "细则", "10", "9", "无", ""},
		{"取得成效", "成效", "40", "30", "", ""},
		{"合计", "", "80", "62", "", ""},
	})
	// exact75.csv: respondents whose dimension value is exactly 75 on paper (25, 100, 100 over three
	// equally weighted indicators) but 74.99999999999999 in naive floating point.
	write("exact75.csv", [][]string{
		{"序号", "提交答卷时间", "所用时间", "来自IP", "1、办理便捷程度", "2、服务态度", "3、办理时限"},
		{"1", "2026/10/1 10:00:00", "100秒", "a", "不满意", "非常满意", "非常满意"},
		{"2", "2026/10/1 10:01:00", "100秒", "b", "非常满意", "非常满意", "不满意"},
		{"3", "2026/10/1 10:02:00", "100秒", "c", "一般", "满意", "非常满意"},
		{"4", "2026/10/1 10:03:00", "100秒", "d", "一般", "一般", "非常满意"},
	})
	// labels.csv: the usual wordings of the default label families' steps.
	write("labels.csv", [][]string{
		{"序号", "提交答卷时间", "所用时间", "来自IP", "1、条款清晰", "2、执行规范", "3、服务满意"},
		{"1", "2026/10/1 10:00:00", "100秒", "a", "很同意", "很好", "比较不满意"},
		{"2", "2026/10/1 10:01:00", "100秒", "b", "不太同意", "不太好", "很满意"},
		{"3", "2026/10/1 10:02:00", "100秒", "c", "很不同意", "很差", "一般"},
	})
	likertFiles()
	write("fixture_officers.csv", [][]string{
		{"姓名", "日期", "执行过程", "细则标准", "取得成效", "存在问题", "改进建议"},
		{"王建国", "2026-10-02", "80", "", "70", "材料清单不清楚", "公布材料清单"},
		{"李秀英", "2026-10-03", "90", "60", "", "", ""},
	})
}

func write(name string, rows [][]string) {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	if err := os.WriteFile(filepath.Join("testdata", name), []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// likertFiles: scales beyond DESIGN's default labels (issue 12, pattern 3), each question of ten
// respondents with the counts the tests' hand computations use, in a scattered answer order.
func likertFiles() {
	head := []string{"序号", "提交答卷时间", "所用时间", "来自IP"}
	// column builds ten answers from (label, count) pairs, then interleaves them so that no question's
	// options appear in scale order.
	column := func(pairs ...any) []string {
		var out []string
		for i := 0; i < len(pairs); i += 2 {
			for k := 0; k < pairs[i+1].(int); k++ {
				out = append(out, pairs[i].(string))
			}
		}
		mixed := make([]string, 0, len(out))
		for _, i := range []int{3, 0, 7, 5, 1, 9, 2, 6, 4, 8} {
			if i < len(out) {
				mixed = append(mixed, out[i])
			}
		}
		return mixed
	}
	table := func(heads []string, cols ...[]string) [][]string {
		rows := [][]string{append(append([]string(nil), head...), heads...)}
		for r := 0; r < 10; r++ {
			row := []string{strconv.Itoa(r + 1), fmt.Sprintf("2026/10/8 09:%02d:00", r), fmt.Sprintf("%d秒", 120+r*7), fmt.Sprintf("10.0.8.%d", r+1)}
			for _, c := range cols {
				row = append(row, c[r])
			}
			rows = append(rows, row)
		}
		return rows
	}
	// likert_scales.csv: agreement with 完全…, a 4-point satisfaction scale, a 7-point one, importance,
	// "N分" answers on five points (undeclared) and on ten.
	write("likert_scales.csv", table(
		[]string{"1、本政策的申请条件清晰明确", "2、您对窗口办理服务的满意程度", "3、您对政策兑现速度的满意程度",
			"4、您认为本政策对企业发展的重要程度", "5、请为网上申报系统的易用性打分", "6、请为政策整体实施效果打分（1-10分）"},
		column("完全同意", 3, "比较同意", 3, "一般", 2, "不太同意", 1, "完全不同意", 1),
		column("满意", 4, "较满意", 3, "较不满意", 2, "不满意", 1),
		column("非常满意", 1, "满意", 3, "比较满意", 2, "一般", 1, "不太满意", 1, "不满意", 1, "非常不满意", 1),
		column("非常重要", 4, "比较重要", 3, "一般", 2, "不太重要", 1),
		column("5分", 3, "4分", 3, "４分", 1, "3 分", 2, "2分", 1),
		column("10分", 2, "9分", 3, "8分", 3, "6分", 2),
	))
	// holdback.csv: the 服务态度 question has two answers in ten that no scale knows (20%), the 办事效率
	// one has one (10%, not over the line).
	write("holdback.csv", table(
		[]string{"1、您对办理流程便捷程度的评价", "2、您对工作人员服务态度的评价", "3、您对办事效率的评价", "4、您对政策实施效果的评价"},
		column("非常满意", 3, "满意", 4, "一般", 2, "不满意", 1),
		column("非常满意", 6, "满意", 2, "还行吧", 1, "挺好的", 1),
		column("非常满意", 2, "满意", 5, "一般", 2, "还可以", 1),
		column("非常满意", 2, "满意", 4, "一般", 3, "非常不满意", 1),
	))
	// parenting.csv: a questionnaire about children's after-school care, nothing to do with the policy's
	// indicators (a scheme must be set before it is scored).
	write("parenting.csv", table(
		[]string{"1、您孩子的年级", "2、您对学校课后服务的总体满意程度", "3、您每天陪伴孩子学习的时间", "4、您对课后服务收费标准的评价"},
		column("一年级", 3, "二年级", 3, "三年级", 4),
		column("非常满意", 2, "满意", 3, "一般", 3, "不满意", 2),
		column("半小时以内", 4, "半小时到一小时", 4, "一小时以上", 2),
		column("非常满意", 1, "满意", 2, "一般", 3, "不满意", 3, "非常不满意", 1),
	))
}
