package storetest_test

import (
	"context"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store/storetest"
)

// The builders write through the store: what they made reads back.
func TestBuilders(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpen(t)
	p := storetest.Policy(t, st, data.Policy{Title: "优化营商环境若干措施", Issued: "2026-04-15"})
	if p.ID == 0 || p.Title != "优化营商环境若干措施" || p.Dept != "市发展改革委" || p.Issued != "2026-04-15" || p.Stage != data.StageNeeds {
		t.Errorf("Policy = %+v", p)
	}
	rd := storetest.Round(t, st, p.ID, "2026年度")
	if again := storetest.Round(t, st, p.ID, "2026年度"); again != rd || rd.ID == 0 {
		t.Errorf("Round = %+v, then %+v", rd, again)
	}
	imp := storetest.Survey(t, st, rd, nil)
	if imp.Imported != len(storetest.SurveyAnswers) {
		t.Errorf("Survey stored %d responses, want %d", imp.Imported, len(storetest.SurveyAnswers))
	}
	qs := []data.Question{{Key: "Q1", Num: 1, Text: "1、您对本政策的总体满意度", Type: data.QSingle}}
	storetest.Survey(t, st, rd, qs, []string{"满意"}) // a second file into the same round
	d, err := st.SurveyData(ctx, rd.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Questions) != 2 || len(d.Responses) != len(storetest.SurveyAnswers)+1 {
		t.Fatalf("survey = %d questions, %d responses", len(d.Questions), len(d.Responses))
	}
	if got := d.Responses[3].Answers; got[0] != "不满意" || got[1] != "窗口排队时间长" {
		t.Errorf("fourth response = %q", got)
	}
	if got := d.Responses[4].Answers; got[0] != "满意" || got[1] != "" {
		t.Errorf("the second file's response = %q", got)
	}
}
