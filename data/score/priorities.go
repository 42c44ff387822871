package score

import (
	"fmt"
	"sort"
)

// Priority is one entry of the improvement priority list (改进优先顺序): what to improve, why, and its
// importance ("高"/"低" from the IPA quadrant, "中" when it does not differ significantly from the mean,
// "" for a demanded direction).
type Priority struct {
	Rank       int
	Item, Why  string
	Importance string
}

// MaxPriorityDirections bounds how many of the most demanded directions the priority list takes.
const MaxPriorityDirections = 5

// Priorities orders what to improve first: the indicators in 重点改进区 by importance, the most demanded
// directions (those with a demand share, at most MaxPriorityDirections, in the order given), the
// indicators whose performance alone is significantly low (QuadrantLowPerf) by importance, then the
// indicators in 次要改进区 by importance. An indicator whose gaps are not significant is no priority on
// its IPA place (ipa.go). Ranks start at 1.
func Priorities(ipa []IPAPoint, dirs []Direction) []Priority {
	var out []Priority
	byImp := func(q string) []IPAPoint {
		var ps []IPAPoint
		for _, p := range ipa {
			if p.Quadrant == q {
				ps = append(ps, p)
			}
		}
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Importance > ps[j].Importance })
		return ps
	}
	for _, p := range byImp(QuadrantFix) {
		out = append(out, Priority{Item: p.Indicator, Importance: "高",
			Why: fmt.Sprintf("重点改进区：对总体满意度影响大（r=%.2f），得分 %.1f 低于平均", p.Importance, p.Performance)})
	}
	n := 0
	for _, d := range dirs {
		if d.Share == nil || n == MaxPriorityDirections {
			continue
		}
		out = append(out, Priority{Item: d.Item, Why: fmt.Sprintf("%.1f%% 的受访者提出此改进需求", *d.Share*100)})
		n++
	}
	for _, p := range byImp(QuadrantLowPerf) {
		out = append(out, Priority{Item: p.Indicator, Importance: "中",
			Why: fmt.Sprintf("得分 %.1f 显著低于各指标平均，对总体满意度的影响与平均水平无显著差异", p.Performance)})
	}
	for _, p := range byImp(QuadrantMinor) {
		out = append(out, Priority{Item: p.Indicator, Importance: "低",
			Why: fmt.Sprintf("次要改进区：得分 %.1f 低于平均，对总体满意度影响较小", p.Performance)})
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
