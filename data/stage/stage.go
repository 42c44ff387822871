// Package stage judges how far each step of a policy's closed loop has got (需求征集 → 征求意见 → 采纳反馈 →
// 执行 → 评价 → 修订 → 公开) and which step the policy is in: the timeline the window's 概览 shows and
// `gongping status` prints.
package stage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/calendar"
	"github.com/gongping/gongping/data/check"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// State is how far a step has got, as the workspace shows it.
type State int

// States, from nothing recorded to done.
const (
	NoRecord State = iota // 尚无记录
	Planned               // dates set in the future
	Active                // under way
	Done                  // finished
)

var stateKeys = [...]string{NoRecord: "no_record", Planned: "planned", Active: "active", Done: "done"}

var stateNames = [...]string{NoRecord: "尚无记录", Planned: "计划中", Active: "进行中", Done: "已完成"}

// String is the state's key in JSON: no_record, planned, active, done.
func (s State) String() string { return stateKeys[s] }

// Name is the state's Chinese name.
func (s State) Name() string { return stateNames[s] }

// MarshalJSON writes the state's key.
func (s State) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Step is one step of the loop on the timeline.
type Step struct {
	Stage     data.Stage `json:"stage"`
	Name      string     `json:"name"` // Chinese: 需求征集…
	State     State      `json:"state"`
	StateName string     `json:"state_name"` // Chinese: 已完成…
	// Current marks the step the policy is in: exactly one step of a timeline.
	Current bool `json:"current"`
	// Reason is what the state rests on, in Chinese ("开展 2 次，征集需求 12 条（…）"); "" when nothing is recorded.
	Reason string `json:"reason"`
}

// Facts are what the timeline is judged from, as read from the workspace.
type Facts struct {
	Policy   data.Policy
	Needs    []data.Need
	Consult  *data.Consultation // nil when not recorded
	Days     *calendar.Count    // the consultation's working days; nil when they cannot be counted
	Rounds   []data.Round
	Officers int // on the 体验官 roster
	Loop     loop.Summary
}

// Timeline reads the policy's loop from the workspace and judges it; today (YYYY-MM-DD) decides
// planned, under way and done.
func Timeline(ctx context.Context, s *store.Store, policyID int64, today string) ([]Step, error) {
	var f Facts
	var err error
	if f.Policy, err = s.Policy(ctx, policyID); err != nil {
		return nil, err
	}
	if f.Needs, err = s.Needs(ctx, policyID); err != nil {
		return nil, err
	}
	switch c, err := s.Consultation(ctx, policyID); {
	case err == nil:
		f.Consult = &c
		if n, err := check.Count(c.Start, c.End); err == nil {
			f.Days = &n
		}
	case !errors.Is(err, data.ErrNotFound):
		return nil, err
	}
	if f.Rounds, err = s.Rounds(ctx, policyID); err != nil {
		return nil, err
	}
	officers, err := s.Officers(ctx, policyID)
	if err != nil {
		return nil, err
	}
	f.Officers = len(officers)
	if f.Loop, err = loop.GetSummary(ctx, s, policyID); err != nil {
		return nil, err
	}
	return Judge(f, today), nil
}

// Judge judges every step from the facts, in loop order, and marks the current one: the furthest step
// under way or done, or the stage the policy is marked as being in (data.Policy.Stage) when that is
// further. A planned step (its dates still ahead) is not reached yet.
func Judge(f Facts, today string) []Step {
	steps := make([]Step, len(data.Stages))
	current := 0
	for i, st := range data.Stages {
		state, reason := judge(st, &f, today)
		steps[i] = Step{Stage: st, Name: data.StageNames[st], State: state, StateName: state.Name(), Reason: reason}
		if state == Active || state == Done || st == f.Policy.Stage {
			current = i
		}
	}
	steps[current].Current = true
	return steps
}

// judge is one step's state and what it rests on.
func judge(st data.Stage, f *Facts, today string) (State, string) {
	sum := f.Loop
	switch st {
	case data.StageNeeds:
		if len(f.Needs) == 0 {
			return NoRecord, ""
		}
		total := 0
		for _, n := range f.Needs {
			total += n.Count
		}
		return Done, fmt.Sprintf("开展 %d 次，征集需求 %d 条（%s 至 %s）", len(f.Needs), total, f.Needs[0].Date, f.Needs[len(f.Needs)-1].Date)
	case data.StageConsultation:
		// The period's dates decide while it runs; once it is over (or was never recorded) the opinions
		// received say it took place.
		opinions := ""
		if sum.Opinions > 0 {
			opinions = fmt.Sprintf("%d 条意见，%d 个分组，其中较为集中 %d 个", sum.Opinions, sum.Clusters, sum.Concentrated)
		}
		c := f.Consult
		if c == nil {
			if opinions != "" {
				return Done, opinions
			}
			return NoRecord, ""
		}
		period := c.Start + " – " + c.End
		if n := f.Days; n != nil && len(n.Uncovered) == 0 {
			period += fmt.Sprintf("，共 %d 个工作日", n.Days)
		} else if n != nil { // a Monday–Friday guess is not shown as a count (the consultation editor says why)
			period += fmt.Sprintf("，约 %d 个工作日（%s 年节假日安排未知）", n.Days, calendar.YearsText(n.Uncovered, "、"))
		}
		switch {
		case today < c.Start:
			return Planned, "计划：" + period
		case today <= c.End:
			return Active, "进行中：" + period
		}
		return Done, join(period, opinions)
	case data.StageFeedback:
		switch {
		case sum.Feedback != nil:
			return Done, fmt.Sprintf("采纳情况已于 %s 公开（第 %d 版）", sum.Feedback.Date, sum.Feedback.Version)
		case sum.Opinions > 0:
			decided := sum.Opinions - sum.ByDecision[""]
			return Active, fmt.Sprintf("%d/%d 条意见已处理；%d 个较为集中的分组未处理", decided, sum.Opinions, sum.Undecided)
		}
		return NoRecord, ""
	case data.StageImplement:
		p := f.Policy
		if p.Issued == "" {
			return NoRecord, "尚未印发"
		}
		reason := p.Issued + " 印发"
		if p.UsesOfficers {
			reason += fmt.Sprintf("；体验官名单 %d 人", f.Officers)
		}
		if today < p.Issued {
			return Planned, reason
		}
		return Active, reason
	case data.StageEvaluation:
		rounds := ""
		if len(f.Rounds) > 0 {
			names := make([]string, len(f.Rounds))
			for i, r := range f.Rounds {
				names[i] = r.Name
			}
			rounds = "评价轮次：" + strings.Join(names, "、")
		}
		switch {
		case sum.Evaluation != nil: // published: the evaluation is over
			return Done, rounds
		case rounds != "":
			return Active, rounds
		}
		return NoRecord, ""
	case data.StageRevision:
		if sum.Revisions == 0 {
			return NoRecord, ""
		}
		reason := fmt.Sprintf("%d 条修订记录", sum.Revisions)
		if sum.Evaluation != nil {
			return Done, reason
		}
		return Active, reason
	case data.StagePublished:
		if sum.Evaluation == nil {
			return NoRecord, ""
		}
		return Done, fmt.Sprintf("评价报告和修订情况已于 %s 公开（第 %d 版）", sum.Evaluation.Date, sum.Evaluation.Version)
	}
	return NoRecord, ""
}

func join(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "；" + b
}
