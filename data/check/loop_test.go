package check

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/data/store/storetest"
)

// addOpinions imports n copies of one point (a concentrated cluster when n ≥ 5) and one other opinion.
func addOpinions(t *testing.T, s *store.Store, id int64, n int) []loop.Cluster {
	t.Helper()
	path := filepath.Join(t.TempDir(), "opinions.csv")
	f, _ := os.Create(path)
	w := csv.NewWriter(f)
	w.Write([]string{"意见内容", "涉及条款"})
	for i := 0; i < n; i++ {
		w.Write([]string{"建议将审批时限由20个工作日压缩至10个工作日" + strings.Repeat("！", i%3), "第五条"})
	}
	w.Write([]string{"建议政务服务大厅周末开放。", ""})
	w.Flush()
	f.Close()
	if _, err := loop.ImportFile(context.Background(), s, id, path, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := loop.Clusters(context.Background(), s, id)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func decide(t *testing.T, s *store.Store, id int64, in loop.DecideInput) {
	t.Helper()
	if err := loop.Decide(context.Background(), s, id, in); err != nil {
		t.Fatal(err)
	}
}

func TestFeedbackOnIssue(t *testing.T) {
	ctx := context.Background()
	defer func(f func() string) { today = f }(today)
	today = func() string { return "2026-06-01" }
	for _, tc := range []struct {
		name, issued, published string
		opinions                bool
		want, detail            string
	}{
		{"not issued", "", "", true, "null", "尚未印发"},
		{"issued later", "2026-07-01", "", true, "null", "将于 2026-07-01 印发"},
		{"nothing to feed back", "2026-04-15", "", false, "null", "无法判断"},
		{"issued, not published", "2026-04-15", "", true, "fail", "尚未公开意见采纳情况"},
		{"on the issue date", "2026-04-15", "2026-04-15", true, "pass", "不晚于印发日期"},
		{"before issue", "2026-04-15", "2026-04-10", true, "pass", "不晚于印发日期"},
		{"late", "2026-04-15", "2026-04-20", true, "fail", "晚于印发日期 2026-04-15 5 天"},
		{"published, not issued", "", "2026-04-10", true, "pass", "尚未印发"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, id := newPolicy(t, data.Policy{Issued: tc.issued})
			if tc.opinions {
				cs := addOpinions(t, s, id, 2)
				decide(t, s, id, loop.DecideInput{Clusters: []int64{cs[0].ID, cs[1].ID}, Decision: loop.Adopted})
			}
			if tc.published != "" {
				if _, err := loop.Publish(ctx, s, id, loop.WhatFeedback, tc.published); err != nil {
					t.Fatal(err)
				}
			}
			it := rule(t, s, id, "feedback_on_issue")
			if state(it) != tc.want || !strings.Contains(it.Detail, tc.detail) {
				t.Errorf("%s: %q, want %s ∋ %q", state(it), it.Detail, tc.want, tc.detail)
			}
		})
	}
}

func TestUnadoptedReasons(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{})
	if it := rule(t, s, id, "unadopted_reasons"); state(it) != "null" || !strings.Contains(it.Detail, "尚无意见") {
		t.Errorf("no opinions: %s %q", state(it), it.Detail)
	}
	cs := addOpinions(t, s, id, 3)
	if it := rule(t, s, id, "unadopted_reasons"); state(it) != "pass" || !strings.Contains(it.Detail, "没有较为集中的意见") {
		t.Errorf("none concentrated: %s %q", state(it), it.Detail)
	}
	// Decided while small without a reason; concentrated once the threshold is lowered: now it fails.
	decide(t, s, id, loop.DecideInput{Clusters: []int64{cs[0].ID}, Decision: loop.NotAdopted})
	if err := loop.SetSettings(ctx, s, id, loop.Settings{Similarity: loop.DefaultSimilarity, ConcentratedMin: 3}); err != nil {
		t.Fatal(err)
	}
	it := rule(t, s, id, "unadopted_reasons")
	if state(it) != "fail" || *it.Value != 0 || *it.Required != 1 || !strings.Contains(it.Detail, "没有说明理由") {
		t.Errorf("no reason: %s %q", state(it), it.Detail)
	}
	decide(t, s, id, loop.DecideInput{Clusters: []int64{cs[0].ID}, Decision: loop.NotAdopted, Reason: "与上位法规定不一致"})
	if it := rule(t, s, id, "unadopted_reasons"); state(it) != "pass" || *it.Value != 1 {
		t.Errorf("with reason: %s %q", state(it), it.Detail)
	}
	if err := loop.ClearDecision(ctx, s, id, []int64{cs[0].ID}, nil); err != nil {
		t.Fatal(err)
	}
	if it := rule(t, s, id, "unadopted_reasons"); state(it) != "null" || !strings.Contains(it.Detail, "尚未作出处理意见") {
		t.Errorf("undecided: %s %q", state(it), it.Detail)
	}
	decide(t, s, id, loop.DecideInput{Clusters: []int64{cs[0].ID}, Decision: loop.Adopted})
	if it := rule(t, s, id, "unadopted_reasons"); state(it) != "pass" {
		t.Errorf("adopted: %s %q", state(it), it.Detail)
	}
}

func TestEvaluationPublished(t *testing.T) {
	ctx := context.Background()
	s, id := newPolicy(t, data.Policy{})
	if it := rule(t, s, id, "evaluation_published"); state(it) != "null" || !strings.Contains(it.Detail, "尚未印发") {
		t.Errorf("not issued: %s %q", state(it), it.Detail)
	}
	s, id = newPolicy(t, data.Policy{Issued: "2026-04-15"})
	if it := rule(t, s, id, "evaluation_published"); state(it) != "null" || !strings.Contains(it.Detail, "执行") {
		t.Errorf("in implementation: %s %q", state(it), it.Detail)
	}
	p, _ := s.Policy(ctx, id)
	p.Stage = data.StagePublished
	if err := s.UpdatePolicy(ctx, p); err != nil {
		t.Fatal(err)
	}
	if it := rule(t, s, id, "evaluation_published"); state(it) != "fail" {
		t.Errorf("stage published, nothing published: %s %q", state(it), it.Detail)
	}
	// Revisions published without an evaluation result held here (nothing to score): published, and said so.
	if _, err := loop.AddRevision(ctx, s, id, loop.RevisionInput{Clause: "第五条", Before: "20个工作日", After: "15个工作日", Reason: "评价发现审批慢"}); err != nil {
		t.Fatal(err)
	}
	if _, err := loop.Publish(ctx, s, id, loop.WhatEvaluation, "2026-11-20"); err != nil {
		t.Fatal(err)
	}
	it := rule(t, s, id, "evaluation_published")
	if state(it) != "pass" || !strings.Contains(it.Detail, "尚无评分结果") {
		t.Errorf("revisions only: %s %q", state(it), it.Detail)
	}
}

// The demo runs the whole loop: every rule it can judge passes, for the right reasons.
func TestDemoPassesEveryRule(t *testing.T) {
	s := storetest.MustOpen(t)
	ids, err := demo.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), s, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Checks {
		if state(c) != "pass" {
			t.Errorf("%s: %s %q", c.Rule, state(c), c.Detail)
		}
	}
	it := rule(t, s, ids[0], "evaluation_published")
	if *it.Value != 3 {
		t.Errorf("evaluation_published value %d, want 3 revisions", *it.Value)
	}
}
