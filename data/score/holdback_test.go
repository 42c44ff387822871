package score

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// An indicator with more than 10% unrecognised answers is held back, and so are its dimension and the
// composite (testdata/holdback.csv, ten valid respondents):
//
//	Q1 便捷 非常满意 3, 满意 4, 一般 2, 不满意 1: (300 + 300 + 100 + 25)/10 = 72.5.
//	Q2 态度 非常满意 6, 满意 2, 还行吧 1, 挺好的 1: 2 of 10 answers unreadable (20%) → held back.
//	   (Before: scored on the 8 left, (600 + 150)/8 = 93.75; process 80.4, composite 72.7 中.)
//	Q3 效率 非常满意 2, 满意 5, 一般 2, 还可以 1: 1 of 10 (10%, not over) → (200 + 375 + 100)/9 = 75.
//	Q4 效果 非常满意 2, 满意 4, 一般 3, 非常不满意 1: (200 + 300 + 150 + 0)/10 = 65 → results 65.
//
// The result is read through its JSON, the form `score --json` prints.
func TestHeldBackIndicator(t *testing.T) {
	ctx := context.Background()
	s, id := surveyWorkspace(t, "holdback.csv")
	sc := NewScheme()
	sc.Dimensions.Process.Indicators = []IndicatorSpec{
		{Name: "办理便捷", Weight: 1, Questions: []string{"Q1"}},
		{Name: "服务态度", Weight: 1, Questions: []string{"Q2"}},
		{Name: "办事效率", Weight: 1, Questions: []string{"Q3"}},
	}
	sc.Dimensions.Results.Indicators = []IndicatorSpec{{Name: "实施效果", Weight: 1, Questions: []string{"Q4"}}}
	if err := SetScheme(ctx, s, id, sc); err != nil {
		t.Fatal(err)
	}
	res, err := Score(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(res)
	var got struct {
		Dimensions []struct {
			Score    *float64
			Survey   *float64
			HeldBack string `json:"held_back"`
			Indicat  []struct {
				Name     string
				Score    *float64
				N        int
				HeldBack string `json:"held_back"`
			} `json:"indicators"`
		}
		Composite struct {
			Score    *float64
			Grade    *string
			HeldBack string `json:"held_back"`
		}
		Warnings []string
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	p, r := got.Dimensions[0], got.Dimensions[2]
	near(t, "便捷", p.Indicat[0].Score, 72.5, 1e-9)
	if ind := p.Indicat[1]; ind.Score != nil || ind.N != 8 ||
		ind.HeldBack != "有 20% 的回答（2/10）无法识别（如“挺好的”），请在评价方案中补充这些选项的分值" {
		t.Errorf("服务态度 = %+v, want held back (score null, n 8)", ind)
	}
	near(t, "效率", p.Indicat[2].Score, 75, 1e-9)
	if p.Indicat[2].HeldBack != "" || p.Indicat[2].N != 9 {
		t.Errorf("效率 (10%% unreadable) = %+v, want scored on 9", p.Indicat[2])
	}
	if p.Score != nil || p.Survey != nil || !strings.Contains(p.HeldBack, "“服务态度”暂缓计分") {
		t.Errorf("process = score %v survey %v held_back %q, want null with the reason", p.Score, p.Survey, p.HeldBack)
	}
	near(t, "results", r.Score, 65, 1e-9)
	if got.Composite.Score != nil || got.Composite.Grade != nil || !strings.Contains(got.Composite.HeldBack, "执行过程维度暂缓计分") {
		t.Errorf("composite = %+v, want null with the reason", got.Composite)
	}
	all := strings.Join(got.Warnings, "\n")
	if !strings.Contains(all, "指标“服务态度”暂缓计分：有 20% 的回答") {
		t.Errorf("no held-back warning in\n%s", all)
	}
}
