package data

import "testing"

// Published files name questions as the questionnaire does, never by key (DESIGN: no Q-codes).
func TestRefName(t *testing.T) {
	for ref, want := range map[string]string{
		"Q3": "第3题", "q12": "第12题", "Q5.2": "第5题第2项", "Q7.other": "第7题（其他）", "Q4.fill1": "第4题（填写内容）",
		"您对窗口服务是否满意": "您对窗口服务是否满意", "QQ号": "QQ号", "Q": "Q", " Q8 ": "第8题",
	} {
		if got := RefName(ref); got != want {
			t.Errorf("RefName(%q) = %q, want %q", ref, got, want)
		}
	}
	if got := RefNames([]string{"Q1", "Q2.3"}); got != "第1题、第2题第3项" {
		t.Errorf("RefNames = %q", got)
	}
}
