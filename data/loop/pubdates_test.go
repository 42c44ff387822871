package loop

import (
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

func TestPlanPublishFeedback(t *testing.T) {
	s, pid, c := loopPolicy(t) // issued 2026-04-15
	if err := s.SetConsultation(ctx, data.Consultation{PolicyID: pid, Start: "2026-03-02", End: "2026-03-20"}); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanPublish(ctx, s, pid, WhatFeedback, "2026/4/15")
	if err != nil || plan.Date != "2026-04-15" || plan.Refusal == nil || !strings.Contains(plan.Refusal.Error(), "尚未作出处理意见") || plan.Decisions != 0 {
		t.Fatalf("undecided: %+v %v", plan, err)
	}
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: PartlyAdopted, Reason: "已压缩至15个工作日", Date: "2026-04-10"}); err != nil {
		t.Fatal(err)
	}
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["single"], c["other"]}, Decision: Adopted, Date: "2026-04-20"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		date string
		want []string
	}{
		{"2026-04-20", []string{"晚于政策印发日期 2026-04-15"}},
		{"2026-04-15", []string{"早于其中 2 项处理意见的日期（最晚 2026-04-20）"}},
		{"2026-03-19", []string{"早于其中 3 项处理意见", "早于征求意见截止日期 2026-03-20"}},
	} {
		plan, err = PlanPublish(ctx, s, pid, WhatFeedback, tc.date)
		if err != nil || plan.Refusal != nil || plan.Decisions != 3 || len(plan.Warnings) != len(tc.want) {
			t.Errorf("%s: %+v %v, want %d warnings", tc.date, plan, err, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			if !strings.Contains(plan.Warnings[i], w) {
				t.Errorf("%s: warning %q, want %q", tc.date, plan.Warnings[i], w)
			}
		}
	}
	// A warning does not stop the publication; once published, the decisions are no longer pending.
	if _, err := Publish(ctx, s, pid, WhatFeedback, "2026-04-15"); err != nil {
		t.Fatal(err)
	}
	plan, err = PlanPublish(ctx, s, pid, WhatFeedback, "2026-04-25")
	if err != nil || plan.Decisions != 0 || len(plan.Warnings) != 0 || plan.Refusal == nil || !strings.Contains(plan.Refusal.Error(), "无需再次公开") {
		t.Errorf("after publishing: %+v %v", plan, err)
	}
	// A later version is no longer the one due at issue: no issue-date warning.
	if err := Decide(ctx, s, pid, DecideInput{Clusters: []int64{c["mass"]}, Decision: Adopted, Amend: true, Date: "2026-04-25"}); err != nil {
		t.Fatal(err)
	}
	if w, err := PublishWarnings(ctx, s, pid, WhatFeedback, "2026-04-25"); err != nil || len(w) != 0 {
		t.Errorf("second version: %q %v", w, err)
	}
	// A correction dated after the publication stays a refusal, not a warning.
	plan, _ = PlanPublish(ctx, s, pid, WhatFeedback, "2026-04-24")
	if plan.Refusal == nil || !strings.Contains(plan.Refusal.Error(), "早于其中更正的日期") || len(plan.Warnings) != 0 {
		t.Errorf("before the correction: %+v", plan)
	}
	plan, _ = PlanPublish(ctx, s, pid, WhatFeedback, "2026-02-30")
	if plan.Refusal == nil || !strings.Contains(plan.Refusal.Error(), "2026年2月只有 28 天") || plan.Date != "" {
		t.Errorf("bad date: %+v", plan)
	}
}

func TestPlanPublishEvaluation(t *testing.T) {
	s, pid, _ := loopPolicy(t)
	if _, err := AddRevision(ctx, s, pid, RevisionInput{Clause: "第五条", Before: "20个工作日", After: "15个工作日", Reason: "评价发现审批时限偏长", Date: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := AddRevision(ctx, s, pid, RevisionInput{Clause: "第六条", Before: "a", After: "b", Reason: "r", Date: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanPublish(ctx, s, pid, WhatEvaluation, "2026-11-20")
	if err != nil || plan.Refusal != nil || plan.Revisions != 2 || plan.Round != "" || len(plan.Warnings) != 1 ||
		!strings.Contains(plan.Warnings[0], "早于其中 1 条修订记录的日期（最晚 2026-11-25）") {
		t.Fatalf("plan %+v %v", plan, err)
	}
	if w, _ := PublishWarnings(ctx, s, pid, WhatEvaluation, "2026-11-25"); len(w) != 0 {
		t.Errorf("on the last revision's date: %q", w)
	}
	if _, err := Publish(ctx, s, pid, WhatEvaluation, "2026-11-25"); err != nil {
		t.Fatal(err)
	}
	if plan, _ = PlanPublish(ctx, s, pid, WhatEvaluation, "2026-11-26"); plan.Revisions != 0 {
		t.Errorf("after publishing: %+v", plan)
	}
}
