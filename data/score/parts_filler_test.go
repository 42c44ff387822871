package score

import "testing"

// Assessment and 体验官 texts that say nothing are dropped by the same list as open survey answers
// (data.IsFiller): before, parts.go had its own eight words, and "没有意见" or "满意" was listed as a problem.
func TestMergeTextsDropsFillers(t *testing.T) {
	got := mergeTexts([]text{{text: "无"}, {text: "没有意见"}, {text: "满意"}, {text: "N/A"}, {text: "／"},
		{text: "审批材料仍然偏多"}, {text: " 审批材料仍然偏多 "}, {text: ""}})
	if len(got) != 1 || got[0].text != "审批材料仍然偏多" || got[0].count != 2 {
		t.Fatalf("got %+v", got)
	}
}
