package chart

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The sample evaluation's charts (the numbers of `gongping demo`), one per kind and shape.
var samples = map[string]Chart{
	"radar": {Kind: Radar, Title: "三个维度得分", Unit: "分", Max: 100, Items: []Item{
		{Name: "执行过程", Value: 77.2}, {Name: "细则标准", Value: 65.9}, {Name: "取得成效", Value: 67.4}}},
	"radar-grid": {Kind: Radar, Title: "三个维度得分", Unit: "分", Max: 100, Items: []Item{ // values on the rings
		{Name: "执行过程", Value: 80}, {Name: "细则标准", Value: 60}, {Name: "取得成效", Value: 100}}},
	"radar-five": {Kind: Radar, Title: "五个维度得分", Unit: "分", Items: []Item{
		{Name: "执行过程", Value: 77.2}, {Name: "细则标准", Value: 65.9}, {Name: "取得成效", Value: 67.4},
		{Name: "群众满意度与获得感（含企业和个人）", Value: 40}, {Name: "其他", Missing: true}}},
	"hbar-indicators": {Kind: HBar, Title: "执行过程：指标得分", Unit: "分", Max: 100, Items: []Item{
		{Name: "政策宣传解读", Value: 73.2}, {Name: "办理便捷度", Value: 78.3}, {Name: "服务态度与效率", Value: 80.8}, {Name: "执行规范性", Value: 69.3}}},
	"hbar-problems": {Kind: HBar, Title: "主要问题提及率", Unit: "%", Items: []Item{
		{Name: "申请材料多、重复提交", Value: 46.3}, {Name: "审批时限长", Value: 37.4}, {Name: "线上系统不好用", Value: 30.8},
		{Name: "政策条款看不懂，工作人员解释不清楚，需要多次往返窗口咨询才能弄明白", Value: 27.9},
		{Name: "窗口排队时间长", Value: 20.8}, {Name: "部门之间推诿", Value: 14.2}, {Name: "收费不透明", Value: 8}, {Name: "其他", Value: 6.2}}},
	"scatter-ipa": {Kind: Scatter, Title: "重要性–表现分析（IPA）", X: Axis{Name: "表现（得分）", Digits: 1}, Y: Axis{Name: "重要性（相关系数）", Digits: 3},
		Quadrants: &Quadrants{X: 65.6, Y: 0.525, XName: "表现均值", YName: "重要性均值", Names: ipaNames},
		Points: []Point{{"政策宣传解读", 73.2, 0.556}, {"办理便捷度", 78.3, 0.511}, {"服务态度与效率", 80.8, 0.513}, {"执行规范性", 69.3, 0.555},
			{"细则明确性", 62.3, 0.53}, {"标准合理性", 58.7, 0.516}, {"配套措施完备性", 58.8, 0.545}, {"政策获得感", 55.4, 0.54},
			{"问题解决程度", 56.6, 0.474}, {"目标实现程度", 62.8, 0.513}}},
	"scatter-crowded": crowded(),
}

var ipaNames = [4]string{"重点改进区", "优势保持区", "次要改进区", "过度供给区"}

// crowded is twelve indicators within ±1 point of each other on a plot that spans 35 points, as IPA
// plots are when the indicators score alike.
func crowded() Chart {
	names := []string{"政策宣传解读", "办理便捷度", "服务态度与效率", "执行规范性", "细则明确性", "标准合理性",
		"配套措施完备性", "政策获得感", "问题解决程度", "目标实现程度", "窗口服务", "线上办理体验"}
	c := Chart{Kind: Scatter, Title: "重要性–表现分析（IPA）", X: Axis{Name: "表现（得分）", Min: 50, Max: 85, Digits: 1},
		Y:         Axis{Name: "重要性（相关系数）", Min: 0.4, Max: 0.65, Digits: 3},
		Quadrants: &Quadrants{X: 66, Y: 0.52, XName: "表现均值", YName: "重要性均值", Names: ipaNames}}
	for i, n := range names {
		dx := float64(i%4)/1.5 - 1     // −1 … +1
		dy := float64(i/4)*0.01 - 0.01 // −0.01 … +0.01
		c.Points = append(c.Points, Point{Name: n, X: 66 + dx, Y: 0.52 + dy})
	}
	return c
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (if the change is intended, look at the drawing and run go test -update)", name)
	}
}

func TestSVGGolden(t *testing.T) {
	for name, c := range samples {
		t.Run(name, func(t *testing.T) { golden(t, name+".svg", SVG(c)) })
	}
}
