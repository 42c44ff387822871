package reports

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/narrative"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

// The parts a team may leave out (data.ReportParts, what the store and the command line know) are the
// report's optional sections, by key and by title.
func TestReportPartsAreTheOptionalSections(t *testing.T) {
	var keys []string
	for _, d := range narrative.Sections {
		if d.Optional {
			keys = append(keys, string(d.Key))
			if data.ReportPartNames[string(d.Key)] != d.Title {
				t.Errorf("%s: data names it %q, the report %q", d.Key, data.ReportPartNames[string(d.Key)], d.Title)
			}
		}
	}
	if !reflect.DeepEqual(keys, data.ReportParts) {
		t.Errorf("optional sections %v, data.ReportParts %v", keys, data.ReportParts)
	}
}

// quoteStore is a round with an opinion, a test string and a personal appeal among its open answers.
func quoteStore(t *testing.T) (*store.Store, int64, data.Round, []data.Response) {
	t.Helper()
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{Title: "关于优化营商环境的若干措施", Issued: "2026-04-15"})
	r := storetest.Round(t, s, p.ID, "2026年度")
	storetest.Survey(t, s, r, nil,
		[]string{"满意", "窗口排队时间长，建议增加自助机"},
		[]string{"一般", "asdf"},
		[]string{"不满意", "我的电话13912345678，请联系我"},
		[]string{"满意", "希望简化申请材料"},
	)
	sd, err := s.SurveyData(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s, p.ID, r, sd.Responses
}

// LoadOptions fills a report's options from the workspace, and the report built with them prints the
// team's text, the date, the agency, leaves out the parts switched off and the answers not quoted.
func TestLoadOptionsReachTheReport(t *testing.T) {
	ctx := context.Background()
	s, id, r, resp := quoteStore(t)
	if err := s.SetReportText(ctx, r.ID, string(narrative.Summary), "团队改写的摘要：总体向好。"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "北京某评估中心", Commissioner: "市发展改革委",
		Date: "2026-11-20", Off: []string{data.PartChecks}}); err != nil {
		t.Fatal(err)
	}
	no := false
	if err := loop.SetQuote(ctx, s, id, "", data.AnswerRef{Response: resp[1].ID, Question: "Q2"}, &no); err != nil { // asdf, quoted after all
		t.Fatal(err)
	}
	yes := true
	if err := loop.SetQuote(ctx, s, id, "", data.AnswerRef{Response: resp[3].ID, Question: "Q2"}, &yes); err != nil {
		t.Fatal(err)
	}

	opt, err := LoadOptions(ctx, s, id, Options{RawData: true})
	if err != nil {
		t.Fatal(err)
	}
	wantEx := map[data.AnswerRef]bool{{Response: resp[2].ID, Question: "Q2"}: true, {Response: resp[3].ID, Question: "Q2"}: true}
	if opt.Texts[narrative.Summary] != "团队改写的摘要：总体向好。" || opt.Agency != "北京某评估中心" || opt.Commissioner != "市发展改革委" ||
		!opt.Date.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) || opt.Sections[narrative.Checks] || !opt.Sections[narrative.Methods] ||
		!reflect.DeepEqual(opt.Excluded, wantEx) || !opt.RawData {
		t.Fatalf("options = %+v", opt)
	}

	rep, err := Build(ctx, s, id, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Texts[narrative.Summary] != "团队改写的摘要：总体向好。" || rep.Agency != "北京某评估中心" || !rep.Off[narrative.Checks] {
		t.Errorf("report: summary %q, agency %q, off %v", rep.Texts[narrative.Summary], rep.Agency, rep.Off)
	}
	var quoted []string
	for _, g := range rep.OpenText {
		for _, a := range g.Answers {
			quoted = append(quoted, a.Text)
		}
	}
	got := strings.Join(quoted, "|")
	if !strings.Contains(got, "窗口排队时间长") || !strings.Contains(got, "asdf") || strings.Contains(got, "请联系我") || strings.Contains(got, "简化申请材料") {
		t.Errorf("quoted answers = %q; want the opinion and asdf (quoted by choice), not the appeal or the excluded one", got)
	}
}

// A policy with no round: the options are the caller's, no error.
func TestLoadOptionsWithoutRound(t *testing.T) {
	s := storetest.MustOpen(t)
	p := storetest.Policy(t, s, data.Policy{})
	opt, err := LoadOptions(context.Background(), s, p.ID, Options{RawData: true})
	if err != nil || !opt.RawData || opt.Texts != nil || opt.Excluded != nil {
		t.Errorf("options = %+v, %v", opt, err)
	}
}

// A published report can be made again: the options from an evaluation publication are the choices as
// they were then, whatever the team changed afterwards.
func TestOptionsFromPublication(t *testing.T) {
	ctx := context.Background()
	s, id, r, _ := quoteStore(t)
	if err := s.SetReportText(ctx, r.ID, string(narrative.Problems), "发布时的存在问题"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "发布时的机构", Date: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	before, err := LoadOptions(ctx, s, id, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub, err := loop.Publish(ctx, s, id, loop.WhatEvaluation, "2026-11-20")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetReportText(ctx, r.ID, string(narrative.Problems), "发布后改过"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReportSettings(ctx, r.ID, data.ReportSettings{Issuer: "后来的机构"}); err != nil {
		t.Fatal(err)
	}
	got, err := OptionsFromPublication(pub)
	if err != nil {
		t.Fatal(err)
	}
	before.Round = "2026年度"
	if !reflect.DeepEqual(got, before) {
		t.Errorf("from the publication:\n%+v\nwant (as it was):\n%+v", got, before)
	}
	now, _ := LoadOptions(ctx, s, id, Options{})
	if now.Agency != "后来的机构" || now.Texts[narrative.Problems] != "发布后改过" {
		t.Errorf("the workspace now: %+v", now)
	}
}

// LoadNarrative gives the drafts the report would print (not the team's texts) beside the team's texts.
func TestLoadNarrative(t *testing.T) {
	ctx := context.Background()
	s, id, r, _ := quoteStore(t)
	if err := s.SetReportText(ctx, r.ID, string(narrative.Summary), "团队的摘要"); err != nil {
		t.Fatal(err)
	}
	n, err := LoadNarrative(ctx, s, id, "")
	if err != nil {
		t.Fatal(err)
	}
	if n.Round.ID != r.ID || n.Texts[narrative.Summary].Text != "团队的摘要" || n.Drafts[narrative.Summary] == "" ||
		n.Drafts[narrative.Summary] == "团队的摘要" || len(n.Quotes) != 4 {
		t.Errorf("narrative: round %+v, texts %+v, summary draft %q, %d quotes", n.Round, n.Texts, n.Drafts[narrative.Summary], len(n.Quotes))
	}
	// What the tab shows is what the report reads.
	want, err := loop.ReportChoicesOf(ctx, s, id, "", nil)
	if err != nil || !reflect.DeepEqual(n.Choices, want) {
		t.Errorf("the tab's choices\n%+v\nthe report's\n%+v (%v)", n.Choices, want, err)
	}
}
