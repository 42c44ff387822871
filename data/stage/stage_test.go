package stage

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/calendar"
	"github.com/gongping/gongping/data/demo"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// byStage indexes a timeline and checks that exactly one step is current.
func byStage(t *testing.T, steps []Step) map[data.Stage]Step {
	t.Helper()
	if len(steps) != len(data.Stages) {
		t.Fatalf("%d steps, want %d", len(steps), len(data.Stages))
	}
	m := map[data.Stage]Step{}
	var current []string
	for i, s := range steps {
		if s.Stage != data.Stages[i] || s.Name != data.StageNames[s.Stage] || s.StateName != s.State.Name() {
			t.Errorf("step %d: %+v", i, s)
		}
		if s.Current {
			current = append(current, s.Name)
		}
		m[s.Stage] = s
	}
	if len(current) != 1 {
		t.Errorf("current steps %v, want exactly one", current)
	}
	return m
}

func currentStage(steps []Step) data.Stage {
	for _, s := range steps {
		if s.Current {
			return s.Stage
		}
	}
	return ""
}

func TestJudge(t *testing.T) {
	pub := func(date string) *data.Publication { return &data.Publication{Date: date, Version: 1} }
	consult := &data.Consultation{Start: "2026-02-12", End: "2026-02-25"}
	five := &calendar.Count{Days: 5, Known: 5}
	for _, c := range []struct {
		name    string
		f       Facts
		today   string
		states  string // one letter per step: - no record, p planned, a active, d done
		current data.Stage
		reason  map[data.Stage]string // substrings
	}{
		{name: "fresh policy", f: Facts{Policy: data.Policy{Stage: data.StageNeeds}}, today: "2026-03-01",
			states: "-------", current: data.StageNeeds},
		{name: "marked further than the data", f: Facts{Policy: data.Policy{Stage: data.StageConsultation}}, today: "2026-03-01",
			states: "-------", current: data.StageConsultation},
		{name: "needs collected", f: Facts{Policy: data.Policy{Stage: data.StageNeeds},
			Needs: []data.Need{{Date: "2026-01-05", Count: 12}, {Date: "2026-01-09", Count: 3}}}, today: "2026-01-10",
			states: "d------", current: data.StageNeeds, reason: map[data.Stage]string{data.StageNeeds: "开展 2 次，征集需求 15 条（2026-01-05 至 2026-01-09）"}},
		{name: "comment period ahead", f: Facts{Policy: data.Policy{Stage: data.StageNeeds}, Consult: consult, Days: five}, today: "2026-02-01",
			states: "-p-----", current: data.StageNeeds, reason: map[data.Stage]string{data.StageConsultation: "计划：2026-02-12 – 2026-02-25，共 5 个工作日"}},
		{name: "comment period open, opinions coming in", f: Facts{Policy: data.Policy{Stage: data.StageNeeds}, Consult: consult, Days: five,
			Loop: loop.Summary{Opinions: 3, ByDecision: map[string]int{"": 3}}}, today: "2026-02-20",
			states: "-aa----", current: data.StageFeedback,
			reason: map[data.Stage]string{data.StageConsultation: "进行中：2026-02-12 – 2026-02-25", data.StageFeedback: "0/3 条意见已处理"}},
		{name: "comment period over", f: Facts{Policy: data.Policy{Stage: data.StageConsultation}, Consult: consult, Days: five,
			Loop: loop.Summary{Opinions: 12, Clusters: 4, Concentrated: 1, Undecided: 1, ByDecision: map[string]int{"": 5}}}, today: "2026-03-01",
			states: "-da----", current: data.StageFeedback,
			reason: map[data.Stage]string{data.StageConsultation: "2026-02-12 – 2026-02-25，共 5 个工作日；12 条意见，4 个分组，其中较为集中 1 个",
				data.StageFeedback: "7/12 条意见已处理；1 个较为集中的分组未处理"}},
		{name: "a year without a holiday notice", f: Facts{Consult: &data.Consultation{Start: "2031-02-12", End: "2031-02-25"},
			Days: &calendar.Count{Days: 10, Uncovered: []int{2031}}}, today: "2031-03-01",
			states: "-d-----", current: data.StageConsultation, reason: map[data.Stage]string{data.StageConsultation: "约 10 个工作日（2031 年节假日安排未知）"}},
		{name: "opinions without a recorded period", f: Facts{Loop: loop.Summary{Opinions: 2, ByDecision: map[string]int{}}}, today: "2026-03-01",
			states: "-da----", current: data.StageFeedback},
		{name: "issued later", f: Facts{Policy: data.Policy{Issued: "2026-04-15", UsesOfficers: true}, Officers: 6}, today: "2026-03-01",
			states: "---p---", current: data.StageNeeds, reason: map[data.Stage]string{data.StageImplement: "2026-04-15 印发；体验官名单 6 人"}},
		{name: "not issued", f: Facts{}, today: "2026-03-01", states: "-------", current: data.StageNeeds,
			reason: map[data.Stage]string{data.StageImplement: "尚未印发"}},
		{name: "evaluating", f: Facts{Policy: data.Policy{Issued: "2026-04-15"}, Rounds: []data.Round{{Name: "2026年度"}, {Name: "第二轮"}},
			Loop: loop.Summary{Feedback: pub("2026-04-15")}}, today: "2026-09-01",
			states: "--daa--", current: data.StageEvaluation, reason: map[data.Stage]string{data.StageEvaluation: "评价轮次：2026年度、第二轮",
				data.StageFeedback: "采纳情况已于 2026-04-15 公开（第 1 版）"}},
		{name: "revising", f: Facts{Policy: data.Policy{Issued: "2026-04-15", Stage: data.StageEvaluation}, Rounds: []data.Round{{Name: "2026年度"}},
			Loop: loop.Summary{Revisions: 2}}, today: "2026-11-01",
			states: "---aaa-", current: data.StageRevision, reason: map[data.Stage]string{data.StageRevision: "2 条修订记录"}},
		// Implementation goes on after the loop is closed; the step the policy is in is still 公开.
		{name: "published", f: Facts{Policy: data.Policy{Issued: "2026-04-15", Stage: data.StageNeeds}, Rounds: []data.Round{{Name: "2026年度"}},
			Loop: loop.Summary{Revisions: 2, Feedback: pub("2026-04-15"), Evaluation: pub("2026-11-20")}}, today: "2026-12-01",
			states: "--daddd", current: data.StagePublished,
			reason: map[data.Stage]string{data.StagePublished: "评价报告和修订情况已于 2026-11-20 公开（第 1 版）", data.StageEvaluation: "评价轮次：2026年度"}},
	} {
		steps := Judge(c.f, c.today)
		m := byStage(t, steps)
		var got strings.Builder
		for _, s := range steps {
			got.WriteByte("-pad"[s.State])
		}
		if got.String() != c.states {
			t.Errorf("%s: states %s, want %s", c.name, got.String(), c.states)
		}
		if cur := currentStage(steps); cur != c.current {
			t.Errorf("%s: current %s, want %s", c.name, cur, c.current)
		}
		for st, want := range c.reason {
			if !strings.Contains(m[st].Reason, want) {
				t.Errorf("%s: %s reason %q, want it to say %q", c.name, st, m[st].Reason, want)
			}
		}
		for _, s := range steps {
			if s.State == NoRecord && s.Reason != "" && s.Stage != data.StageImplement {
				t.Errorf("%s: %s has no record but says %q", c.name, s.Stage, s.Reason)
			}
		}
	}
}

// Whatever the facts, one step and only one is current (issue 15: two steps were marked current).
func TestJudgeOneCurrent(t *testing.T) {
	pub := &data.Publication{Date: "2026-04-15", Version: 1}
	for mask := 0; mask < 1<<7; mask++ {
		for _, marked := range append([]data.Stage{""}, data.Stages...) {
			f := Facts{Policy: data.Policy{Stage: marked}, Loop: loop.Summary{ByDecision: map[string]int{}}}
			if mask&1 != 0 {
				f.Needs = []data.Need{{Date: "2026-01-05", Count: 1}}
			}
			if mask&2 != 0 {
				f.Consult = &data.Consultation{Start: "2026-02-12", End: "2026-02-25"}
			}
			if mask&4 != 0 {
				f.Loop.Opinions = 3
			}
			if mask&8 != 0 {
				f.Loop.Feedback = pub
			}
			if mask&16 != 0 {
				f.Policy.Issued = "2026-04-15"
			}
			if mask&32 != 0 {
				f.Rounds = []data.Round{{Name: "2026年度"}}
			}
			if mask&64 != 0 {
				f.Loop.Revisions, f.Loop.Evaluation = 1, pub
			}
			for _, today := range []string{"2026-01-01", "2026-02-20", "2026-12-01"} {
				n := 0
				for _, s := range Judge(f, today) {
					if s.Current {
						n++
					}
				}
				if n != 1 {
					t.Fatalf("facts %07b, marked %q, %s: %d current steps", mask, marked, today, n)
				}
			}
		}
	}
}

func TestStateJSON(t *testing.T) {
	b, err := json.Marshal(Step{Stage: data.StageFeedback, Name: "采纳反馈", State: Active, StateName: Active.Name(), Current: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"stage":"feedback","name":"采纳反馈","state":"active","state_name":"进行中","current":true,"reason":""}`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
}

var ctx = context.Background()

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "ws.gpw"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The timeline as the workspace holds it: a policy built step by step (was app's TestOverviewTimelineStates).
func TestTimeline(t *testing.T) {
	s := openStore(t)
	id, err := s.AddPolicy(ctx, data.Policy{Title: "时间线测试", Dept: "市发展改革委", Category: "营商环境", UsesOfficers: true, Stage: data.StageConsultation})
	if err != nil {
		t.Fatal(err)
	}
	steps, err := Timeline(ctx, s, id, "2026-03-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		if st.State != NoRecord {
			t.Errorf("fresh policy: stage %s is %s, want no record", st.Stage, st.State)
		}
	}
	if cur := currentStage(steps); cur != data.StageConsultation {
		t.Errorf("fresh policy: current %s, want the marked stage", cur)
	}
	if _, err := s.AddNeed(ctx, data.Need{PolicyID: id, Date: "2026-01-05", Channel: "座谈会", Count: 12}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetConsultation(ctx, data.Consultation{PolicyID: id, Start: "2026-02-12", End: "2026-02-25"}); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Policy(ctx, id)
	p.Issued = "2026-04-15"
	if err := s.UpdatePolicy(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := s.Tx(ctx, func(tx *store.Tx) error { _, err := tx.EnsureRound(ctx, id, "2026年度"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		today         string
		consult, impl State
	}{
		{"2026-02-01", Planned, Planned},
		{"2026-02-20", Active, Planned},
		{"2026-05-01", Done, Active},
	} {
		steps, err := Timeline(ctx, s, id, c.today)
		if err != nil {
			t.Fatal(err)
		}
		m := byStage(t, steps)
		if got := m[data.StageConsultation].State; got != c.consult {
			t.Errorf("%s: consultation %s, want %s", c.today, got, c.consult)
		}
		if got := m[data.StageImplement].State; got != c.impl {
			t.Errorf("%s: implementation %s, want %s", c.today, got, c.impl)
		}
		if m[data.StageNeeds].State != Done || !strings.Contains(m[data.StageNeeds].Reason, "12") {
			t.Errorf("%s: needs %+v", c.today, m[data.StageNeeds])
		}
		if r := m[data.StageConsultation].Reason; !strings.Contains(r, "共 5 个工作日") || !strings.Contains(r, "2026-02-12") {
			t.Errorf("%s: consultation reason %q lacks the dates and the 5 working days", c.today, r)
		}
		if m[data.StageEvaluation].State != Active || !strings.Contains(m[data.StageEvaluation].Reason, "2026年度") {
			t.Errorf("%s: evaluation %+v, want the round named", c.today, m[data.StageEvaluation])
		}
		if cur := currentStage(steps); cur != data.StageEvaluation {
			t.Errorf("%s: current %s, want 评价 (a round is under way)", c.today, cur)
		}
		for _, st := range []data.Stage{data.StageFeedback, data.StageRevision, data.StagePublished} {
			if m[st].State != NoRecord {
				t.Errorf("%s: stage %s is %s without data", c.today, st, m[st].State)
			}
		}
	}
}

// The sample goes round the whole loop: every step but the ongoing implementation is done, and the step
// the policy is in is 公开 even when nobody marked it (was the window's feedbackStatus test, and what
// `gongping status` prints for the demo).
func TestTimelineDemo(t *testing.T) {
	s := openStore(t)
	ids, err := demo.Run(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Policy(ctx, ids[0])
	p.Stage = data.StageNeeds
	if err := s.UpdatePolicy(ctx, p); err != nil {
		t.Fatal(err)
	}
	steps, err := Timeline(ctx, s, ids[0], "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	m := byStage(t, steps)
	for _, st := range data.Stages {
		want := Done
		if st == data.StageImplement {
			want = Active
		}
		if m[st].State != want {
			t.Errorf("%s: %s (%q), want %s", st, m[st].State, m[st].Reason, want)
		}
	}
	if r := m[data.StageFeedback].Reason; !strings.Contains(r, "采纳情况已于 2026-04-15 公开") {
		t.Errorf("feedback reason %q", r)
	}
	if r := m[data.StageConsultation].Reason; !strings.Contains(r, demo.ConsultStart) || !strings.Contains(r, "条意见") {
		t.Errorf("consultation reason %q: want the period and the opinions", r)
	}
	if cur := currentStage(steps); cur != data.StagePublished {
		t.Errorf("current %s, want 公开", cur)
	}
}
