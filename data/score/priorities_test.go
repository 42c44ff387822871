package score

import (
	"fmt"
	"strings"
	"testing"
)

func TestPriorities(t *testing.T) {
	share := func(v float64) *float64 { return &v }
	ipa := []IPAPoint{
		{Indicator: "办理时限", Quadrant: QuadrantFix, Importance: 0.4, Performance: 61},
		{Indicator: "宣传解读", Quadrant: QuadrantMinor, Importance: 0.1, Performance: 70},
		{Indicator: "窗口服务", Quadrant: QuadrantKeep, Importance: 0.7, Performance: 90},
		{Indicator: "材料精简", Quadrant: QuadrantFix, Importance: 0.8, Performance: 58},
		{Indicator: "线上办理", Quadrant: QuadrantOverkill, Importance: 0.05, Performance: 88},
		{Indicator: "咨询渠道", Quadrant: QuadrantMinor, Importance: 0.3, Performance: 65},
		{Indicator: "配套细则", Quadrant: QuadrantLowPerf, Position: QuadrantMinor, Importance: 0.2, Performance: 55},
		{Indicator: "标准合理", Quadrant: QuadrantNone, Position: QuadrantFix, Importance: 0.5, Performance: 59}, // on noise: no priority
		{Indicator: "审批效率", Quadrant: QuadrantLowPerf, Position: QuadrantFix, Importance: 0.6, Performance: 50},
	}
	dirs := []Direction{{Item: "评估机构建议", Source: SourceAssessment}} // a text: no share, not ranked
	for i := 1; i <= 7; i++ {
		dirs = append(dirs, Direction{Item: fmt.Sprintf("方向%d", i), Source: SourceSurvey, Share: share(0.5 - float64(i)/100)})
	}
	got := Priorities(ipa, dirs)
	var items []string
	for i, p := range got {
		if p.Rank != i+1 {
			t.Errorf("%s: rank %d at %d", p.Item, p.Rank, i+1)
		}
		items = append(items, p.Item+"/"+p.Importance)
	}
	want := "材料精简/高 办理时限/高 方向1/ 方向2/ 方向3/ 方向4/ 方向5/ 审批效率/中 配套细则/中 咨询渠道/低 宣传解读/低"
	if g := strings.Join(items, " "); g != want {
		t.Errorf("priorities\n got %s\nwant %s", g, want)
	}
	if w := got[0].Why; w != "重点改进区：对总体满意度影响大（r=0.80），得分 58.0 低于平均" {
		t.Errorf("why of a 重点改进区 indicator: %q", w)
	}
	if w := got[2].Why; w != "49.0% 的受访者提出此改进需求" {
		t.Errorf("why of a direction: %q", w)
	}
	if w := got[7].Why; w != "得分 50.0 显著低于各指标平均，对总体满意度的影响与平均水平无显著差异" {
		t.Errorf("why of an indicator significantly low on performance only: %q", w)
	}
	if w := got[9].Why; w != "次要改进区：得分 65.0 低于平均，对总体满意度影响较小" {
		t.Errorf("why of a 次要改进区 indicator: %q", w)
	}
	if p := Priorities(nil, nil); len(p) != 0 {
		t.Errorf("nothing to rank: %v", p)
	}
}
