package demo

import (
	"context"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// Sample policy dates, shared by the later steps (feedback is published on Issued; evaluation in November).
const (
	DraftDate    = "2026-01-20"
	ConsultStart = "2026-02-12" // spans the Spring Festival: 2/14 is a make-up working day
	ConsultEnd   = "2026-03-13"
	Issued       = "2026-04-15"
	EvalDate     = "2026-11-20"
	RoundName    = "2026年度"
)

func foundationStep(ctx context.Context, s *store.Store) (int64, error) {
	id, err := s.AddPolicy(ctx, data.Policy{
		Title:        "关于进一步优化营商环境降低企业制度性交易成本的若干措施",
		DocNo:        "京政办发〔2026〕12号",
		Dept:         "市发展改革委",
		Category:     "营商环境",
		Stage:        data.StageEvaluation,
		DraftDate:    DraftDate,
		Issued:       Issued,
		UsesOfficers: true,
	})
	if err != nil {
		return 0, err
	}
	for _, n := range []data.Need{
		{Date: "2025-12-16", Channel: "企业座谈会", Description: "邀请中小微企业、个体工商户代表座谈，征集办事堵点", Count: 42},
		{Date: "2026-01-08", Channel: "首都之窗网上征集", Description: "公开征集企业群众对优化营商环境的需求建议", Count: 318},
	} {
		n.PolicyID = id
		if _, err := s.AddNeed(ctx, n); err != nil {
			return 0, err
		}
	}
	if err := s.SetConsultation(ctx, data.Consultation{
		PolicyID: id, Start: ConsultStart, End: ConsultEnd,
		Channel: "首都之窗“政策文件意见征集”栏目、电子邮件、信函",
		Contact: "市发展改革委营商环境处",
	}); err != nil {
		return 0, err
	}
	for _, name := range []string{"王建国", "李秀英", "张伟", "刘洋", "陈静", "赵磊"} {
		if _, err := s.AddOfficer(ctx, id, name); err != nil {
			return 0, err
		}
	}
	// Executive meetings are workspace-wide; add the year's only once.
	ms, err := s.Meetings(ctx, 2026)
	if err != nil {
		return 0, err
	}
	if len(ms) == 0 {
		for _, m := range []data.Meeting{
			{Date: "2026-03-05", Title: "市政府第58次常务会议", Reps: 6},
			{Date: "2026-06-18", Title: "市政府第71次常务会议", Reps: 5},
			{Date: "2026-09-10", Title: "市政府第83次常务会议", Reps: 3},
		} {
			if _, err := s.AddMeeting(ctx, m); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}
