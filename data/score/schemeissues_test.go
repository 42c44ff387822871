package score

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

func issuesScheme() *Scheme {
	sc := NewScheme()
	sc.Dimensions.Process.Indicators = []IndicatorSpec{
		{Name: "办理便捷度", Weight: 1, Questions: []string{"Q3", "Q4"}},
		{Name: "服务态度", Weight: 1, Questions: []string{"您对窗口服务态度是否满意"}}, // Q3 by its text
		{Name: "宣传解读", Weight: 1, Questions: []string{}},
	}
	sc.Dimensions.Standards.Indicators = []IndicatorSpec{
		{Name: "细则清晰", Weight: 1, Questions: []string{}},
	}
	sc.Dimensions.Results.Indicators = []IndicatorSpec{
		{Name: "成本降低", Weight: 1, Questions: []string{"Q4", "Q5", "Q5"}},
	}
	return sc
}

var issuesQuestions = []data.Question{
	{Key: "Q3", Text: "您对窗口服务态度是否满意"},
	{Key: "Q4", Text: "办理时间"},
	{Key: "Q5", Text: "成本"},
}

func TestSchemeIssues(t *testing.T) {
	sc := issuesScheme()
	is := sc.Issues(issuesQuestions)
	want := SchemeIssues{
		Shared: []SharedQuestion{
			{Question: "Q3", At: []IndicatorAt{{"process", 0}, {"process", 1}}},
			{Question: "Q4", At: []IndicatorAt{{"process", 0}, {"results", 0}}},
			{Question: "Q5", At: []IndicatorAt{{"results", 0}, {"results", 0}}},
		},
		Empty: []IndicatorAt{{"process", 2}, {"standards", 0}},
	}
	if !reflect.DeepEqual(is, want) {
		t.Fatalf("issues = %+v\nwant %+v", is, want)
	}
	if is.Count() != 5 {
		t.Errorf("count = %d, want 5", is.Count())
	}

	// Without the round's questions, references are compared as written: Q3 and its text differ.
	if got := sc.Issues(nil).Shared; len(got) != 2 || got[0].Question != "Q4" || got[1].Question != "Q5" {
		t.Errorf("without questions: shared = %+v, want Q4 and Q5", got)
	}

	notes := func(k string, i int) string { return strings.Join(is.Notes(sc, IndicatorAt{k, i}), "|") }
	for _, c := range []struct {
		k    string
		i    int
		want []string
	}{
		{"process", 0, []string{"Q3 也用于“执行过程”的“服务态度”", "Q4 也用于“取得成效”的“成本降低”"}},
		{"process", 1, []string{"Q3 也用于“执行过程”的“办理便捷度”：它被计算 2 次"}},
		{"process", 2, []string{"未选题目", "不计入维度得分"}},
		{"standards", 0, []string{"未选题目"}},
		{"results", 0, []string{"Q4 也用于“执行过程”的“办理便捷度”", "Q5 在本指标中列了 2 次"}},
	} {
		got := notes(c.k, c.i)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("notes of %s/%d = %q, want %q in them", c.k, c.i, got, w)
			}
		}
	}

	ws := strings.Join(sc.Issues(issuesQuestions).Warnings(sc), "\n")
	for _, w := range []string{
		"题目 Q3 同时用于指标“执行过程”的“办理便捷度”和“执行过程”的“服务态度”：它在该维度得分中被计算 2 次",
		"题目 Q4 同时用于指标“执行过程”的“办理便捷度”和“取得成效”的“成本降低”：它计入 2 个维度的得分",
		"题目 Q5 在指标“取得成效”的“成本降低”中列了 2 次",
		"“执行过程”的指标“宣传解读”未选题目：计分时没有得分，不计入维度得分，其权重由本维度其他有得分的指标分摊",
		"“细则标准”的指标“细则清晰”都未选题目：该维度没有问卷得分",
	} {
		if !strings.Contains(ws, w) {
			t.Errorf("warnings =\n%s\nwant %q among them", ws, w)
		}
	}

	// A clean scheme has none.
	clean := NewScheme()
	clean.Dimensions.Process.Indicators = []IndicatorSpec{{Name: "a", Weight: 1, Questions: []string{"Q3"}}, {Name: "b", Weight: 1, Questions: []string{"Q4"}}}
	if is := clean.Issues(issuesQuestions); is.Count() != 0 || len(is.Warnings(clean)) != 0 {
		t.Errorf("clean scheme: %+v", is)
	}
}
