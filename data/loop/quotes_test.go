package loop

import (
	"reflect"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/score"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

// quoteRound stores a round whose open question has an opinion, a filler, a test string, an appeal with a
// phone number and an answer of a personal (withheld) column.
func quoteRound(t *testing.T) (*store.Store, int64, data.Round, []data.Response) {
	t.Helper()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{Issued: "2026-04-15"})
	if _, err := s.AddOfficer(ctx, p.ID, "李建华"); err != nil {
		t.Fatal(err)
	}
	r := storetest.Round(t, s, p.ID, "2026年度")
	qs := []data.Question{
		{Key: "Q1", Num: 1, Text: "1、您对本政策的总体满意度", Type: data.QSingle, Options: []string{"满意", "一般"}},
		{Key: "Q2", Num: 2, Text: "2、您的意见和建议", Type: data.QOpenText},
		{Key: "Q3", Num: 3, Text: "3、您的手机号", Type: data.QOpenText},
	}
	storetest.Survey(t, s, r, qs,
		[]string{"满意", "窗口排队时间长，李建华说要增加自助机", "13812345678"},
		[]string{"满意", "无", ""},
		[]string{"一般", "测试一下", ""},
		[]string{"一般", "我的电话13912345678，请联系我", ""},
	)
	sd, err := s.SurveyData(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s, p.ID, r, sd.Responses
}

func TestQuotesProposeAndTheTeamDecides(t *testing.T) {
	s, pid, r, resp := quoteRound(t)
	got, err := Quotes(ctx, s, pid, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Round.ID != r.ID {
		t.Errorf("round = %+v, want the latest", got.Round)
	}
	type row struct {
		resp     int64
		text     string
		proposed string
		excluded bool
	}
	var rows []row
	for _, q := range got.Quotes {
		if q.Question != "Q2" || q.Choice != nil {
			t.Errorf("unexpected %+v", q)
		}
		rows = append(rows, row{q.Response, q.Text, q.Proposed, q.Excluded})
	}
	want := []row{ // the filler is not listed, the personal column not at all, names and phones masked
		{resp[0].ID, "窗口排队时间长，李*说要增加自助机", "", false},
		{resp[2].ID, "测试一下", "疑似测试内容", true},
		{resp[3].ID, "我的电话139****5678，请联系我", "个人诉求或联系请求", true},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("quotes =\n%+v\nwant\n%+v", rows, want)
	}

	// 恢复引用 a proposal, 排除 an opinion: one click each, the choice is the team's.
	no, yes := false, true
	if err := SetQuote(ctx, s, pid, "", data.AnswerRef{Response: resp[2].ID, Question: "q2"}, &no); err != nil {
		t.Fatal(err)
	}
	if err := SetQuote(ctx, s, pid, "2026年度", data.AnswerRef{Response: resp[0].ID, Question: "Q2"}, &yes); err != nil {
		t.Fatal(err)
	}
	got, _ = Quotes(ctx, s, pid, "", nil)
	ex := Excluded(got.Quotes)
	wantEx := []data.ExcludedQuote{
		{AnswerRef: data.AnswerRef{Response: resp[0].ID, Question: "Q2"}},                      // by hand: no reason
		{AnswerRef: data.AnswerRef{Response: resp[3].ID, Question: "Q2"}, Reason: "个人诉求或联系请求"}, // the proposal stands
	}
	if !reflect.DeepEqual(ex, wantEx) {
		t.Errorf("excluded = %+v\nwant %+v", ex, wantEx)
	}
	if q := got.Quotes[1]; q.Excluded || q.Choice == nil || *q.Choice || q.Proposed == "" {
		t.Errorf("restored proposal = %+v; want quoted, proposal still shown", q)
	}
	// Dropping the choice lets the proposal stand again.
	if err := SetQuote(ctx, s, pid, "", data.AnswerRef{Response: resp[2].ID, Question: "Q2"}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = Quotes(ctx, s, pid, "", nil)
	if q := got.Quotes[1]; !q.Excluded || q.Choice != nil {
		t.Errorf("after clearing = %+v", q)
	}

	for _, c := range []struct {
		a    data.AnswerRef
		want string
	}{
		{data.AnswerRef{Response: resp[0].ID, Question: "Q1"}, "第1题不是文字题"},
		{data.AnswerRef{Response: resp[0].ID, Question: "Q9"}, "没有第9题"},
		{data.AnswerRef{Response: 99999, Question: "Q2"}, "没有编号为 99999 的答卷"},
	} {
		inputError(t, SetQuote(ctx, s, pid, "", c.a, &yes), c.want)
	}
}

// The team's texts, settings and quote choices are kept through re-scoring: scoring writes none of them.
func TestReportChoicesSurviveRescoring(t *testing.T) {
	s, pid, r, resp := quoteRound(t)
	if err := s.SetReportText(ctx, r.ID, "summary", "团队改写的摘要"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "某评估中心", Date: "2026-11-20", Off: []string{data.PartChecks}}); err != nil {
		t.Fatal(err)
	}
	yes := true
	if err := SetQuote(ctx, s, pid, "", data.AnswerRef{Response: resp[0].ID, Question: "Q2"}, &yes); err != nil {
		t.Fatal(err)
	}
	before, err := ReportChoicesOf(ctx, s, pid, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if before.Round != "2026年度" || before.Texts["summary"] != "团队改写的摘要" || before.Settings.Issuer != "某评估中心" ||
		before.Settings.On(data.PartChecks) || len(before.Excluded) != 3 {
		t.Fatalf("choices = %+v", before)
	}
	for i := 0; i < 2; i++ { // re-score, with and without a scheme
		if _, err := score.Score(ctx, s, pid, ""); err != nil {
			t.Fatal(err)
		}
		if err := score.SetScheme(ctx, s, pid, score.DefaultScheme("测试政策")); err != nil {
			t.Fatal(err)
		}
	}
	after, err := ReportChoicesOf(ctx, s, pid, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("re-scoring changed the choices:\nbefore %+v\nafter  %+v", before, after)
	}
}

// A policy with no round has no choices (and no error): the report of such a policy still comes out.
func TestReportChoicesWithoutRound(t *testing.T) {
	s, pid := newPolicy(t, "")
	c, err := ReportChoicesOf(ctx, s, pid, "", nil)
	if err != nil || c.Round != "" || len(c.Texts) != 0 || len(c.Excluded) != 0 {
		t.Errorf("choices = %+v, %v", c, err)
	}
	if _, err := ReportChoicesOf(ctx, s, pid, "没有这一轮", nil); err == nil {
		t.Error("a named round that does not exist: no error")
	}
}

// An evaluation publication freezes the team's texts, settings and excluded answers as they were: later
// edits change the workspace, not what was published, and are a new version when published again.
func TestEvaluationPublicationFreezesReportChoices(t *testing.T) {
	s, pid, r, resp := quoteRound(t)
	if err := s.SetReportText(ctx, r.ID, "summary", "第一版摘要"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "某评估中心", Commissioner: "市发展改革委",
		Date: "2026-11-20", Off: []string{data.PartGroups}}); err != nil {
		t.Fatal(err)
	}
	no := false
	if err := SetQuote(ctx, s, pid, "", data.AnswerRef{Response: resp[2].ID, Question: "Q2"}, &no); err != nil {
		t.Fatal(err)
	}
	p1, err := Publish(ctx, s, pid, WhatEvaluation, "2026-11-20")
	if err != nil {
		t.Fatal(err)
	}
	want := data.ReportChoices{Round: "2026年度", Texts: map[string]string{"summary": "第一版摘要"},
		Settings: data.ReportSettings{Issuer: "某评估中心", Commissioner: "市发展改革委", Date: "2026-11-20", Off: []string{data.PartGroups}},
		Excluded: []data.ExcludedQuote{{AnswerRef: data.AnswerRef{Response: resp[3].ID, Question: "Q2"}, Reason: "个人诉求或联系请求"}}}
	frozen := func(p Publication) *data.ReportChoices {
		t.Helper()
		es, err := p.Evaluation()
		if err != nil {
			t.Fatal(err)
		}
		return es.Report
	}
	if got := frozen(p1); got == nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("frozen = %+v\nwant     %+v", got, want)
	}

	// Publishing again with nothing changed is refused; the team's edits afterwards leave version 1 as it was.
	_, err = Publish(ctx, s, pid, WhatEvaluation, "2026-11-21")
	inputError(t, err, "无需再次公开")
	if err := s.SetReportText(ctx, r.ID, "summary", "更正后的摘要"); err != nil {
		t.Fatal(err)
	}
	yes := true
	if err := SetQuote(ctx, s, pid, "", data.AnswerRef{Response: resp[0].ID, Question: "Q2"}, &yes); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ResetReportText(ctx, r.ID, "summary"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReportText(ctx, r.ID, "problems", "存在问题的新写法"); err != nil {
		t.Fatal(err)
	}
	pubs, err := Publications(ctx, s, pid, WhatEvaluation)
	if err != nil || len(pubs) != 1 {
		t.Fatalf("publications = %+v, %v", pubs, err)
	}
	if got := frozen(pubs[0]); got == nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("stored version 1 changed: %+v", got)
	}
	p2, err := Publish(ctx, s, pid, WhatEvaluation, "2026-11-22") // an amendment: a new version of its own
	if err != nil {
		t.Fatal(err)
	}
	got := frozen(p2)
	if p2.Version != 2 || got == nil || got.Texts["problems"] != "存在问题的新写法" || got.Texts["summary"] != "" || len(got.Excluded) != 2 {
		t.Errorf("version 2 = %d, %+v", p2.Version, got)
	}
}
