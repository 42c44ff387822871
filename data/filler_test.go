package data

import "testing"

// One list for "nothing to say": the opinions and the report used to disagree on 一般 and 满意 (issue 14).
func TestIsFiller(t *testing.T) {
	for s, want := range map[string]bool{
		"一般": true, "满意": true, " 无。": true, "没有意见！": true, "ＮＡ": true, "（空）": true, "(跳过)": true, "……": true,
		"/": true, "": true, "N/A": true, "还行": true,
		"满意度太低": false, "一般般吧，希望改进": false, "无障碍设施不足": false, "希望延长办理时间": false,
	} {
		if got := IsFiller(s); got != want {
			t.Errorf("IsFiller(%q) = %v, want %v", s, got, want)
		}
	}
}
