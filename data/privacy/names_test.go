package privacy

import (
	"slices"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestIsNameColumn(t *testing.T) {
	for h, want := range map[string]bool{
		"姓名": true, "您的名字": true, "提交人": true, "填写人（自动）": true, "联系人": true, "称呼": true,
		"手机号码": false, "所在街道": false, "3、您对办理时限是否满意": false, "意见建议": false,
	} {
		if got := IsNameColumn(h); got != want {
			t.Errorf("IsNameColumn(%q) = %v, want %v", h, got, want)
		}
	}
	// A name column is personal too: never published itself.
	for _, h := range nameHeaders {
		if !IsPersonalColumn(h) {
			t.Errorf("name column %q is not a personal column", h)
		}
	}
}

func TestWithheld(t *testing.T) {
	for _, c := range []struct {
		q    data.Question
		want bool
	}{
		{data.Question{Text: "3、您对本政策还有哪些意见和建议？", Type: data.QOpenText}, false},
		{data.Question{Text: "1、您的身份", Type: data.QSingle}, false},
		{data.Question{Text: "1、您的姓名", Type: data.QFill}, true},   // personal by its header, though a numbered question
		{data.Question{Text: "联系电话", Type: data.QOpenText}, true}, // however typed
		{data.Question{Text: "提交答卷时间", Type: data.QMeta}, true},   // metadata the import set apart
		{data.Question{Text: "所在街道", Type: data.QMeta}, true},
	} {
		if got := Withheld(c.q); got != c.want {
			t.Errorf("Withheld(%q, %v) = %v, want %v", c.q.Text, c.q.Type, got, c.want)
		}
	}
}

func TestSurveyNames(t *testing.T) {
	sd := &data.SurveyData{
		Questions: []data.Question{{Key: "Q1", Text: "您的意见"}, {Key: "姓名", Text: "姓名"}, {Key: "Q2", Text: "联系人"}},
		Responses: []data.Response{
			{Respondent: "R0012", Answers: []string{"张伟说得对", "张伟", "匿名"}},
			{Respondent: "李娜", Answers: []string{"无", " 张伟 ", "欧阳修远"}},
			{Respondent: "王芳", Answers: []string{"好"}}, // a short row: no name answers
		},
	}
	got := SurveyNames(sd)
	want := []string{"张伟", "李娜", "欧阳修远", "王芳"}
	if !slices.Equal(got, want) {
		t.Errorf("SurveyNames = %v, want %v (respondent ids, fillers and open answers are not names)", got, want)
	}
	if SurveyNames(nil) != nil {
		t.Error("no survey: names")
	}
}
