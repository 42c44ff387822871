package reports

import (
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestAssembleMasksNames(t *testing.T) {
	in := textInput("市民张伟反映：电话13812345678，IP 61.135.1.2")
	in.Names = []string{"市民", "张伟", "匿名"}
	in.Survey = &data.SurveyData{
		Questions: []data.Question{{Key: "Q1", Text: "1、您的姓名", Type: data.QFill}, {Key: "Q2", Text: "2、意见", Type: data.QOpenText}},
		Responses: []data.Response{{ID: 1, Respondent: "R001", Answers: []string{"欧阳娜娜", "欧阳娜娜建议增加窗口"}},
			{ID: 2, Respondent: "李秀英", Answers: []string{"", "李秀英：无"}}, {ID: 3, Answers: []string{"", "无"}}},
	}
	r := Assemble(in)
	if want := "市民张*反映：电话138****5678，IP 61.135.*.*"; r.Title != want {
		t.Errorf("title = %q, want %q", r.Title, want)
	}
	if len(r.OpenText) != 1 {
		t.Fatalf("open groups %d, want 1 (the name column is personal data)", len(r.OpenText))
	}
	g := r.OpenText[0]
	var texts []string
	for _, a := range g.Answers {
		texts = append(texts, a.Text)
	}
	if got := strings.Join(texts, "|"); got != "欧阳*建议增加窗口|李*：无" || g.Empty != 1 || g.Answered != 3 {
		t.Errorf("answers %q, empty %d, answered %d", got, g.Empty, g.Answered)
	}
	if r.Masked.Names == 0 || r.Masked.Phones == 0 || r.Masked.IPs == 0 {
		t.Errorf("masked counts %+v", r.Masked)
	}
}
