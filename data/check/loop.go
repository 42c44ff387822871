package check

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/store"
)

// The rules of the closed loop after the comment period: adoption feedback, reasons for concentrated
// opinions not adopted, and the published evaluation with its revision record. Their data is kept by
// data/loop; these functions only judge it.

func init() {
	ruleFuncs["feedback_on_issue"] = feedbackOnIssue
	ruleFuncs["unadopted_reasons"] = unadoptedReasons
	ruleFuncs["evaluation_published"] = evaluationPublished
}

// today is the local date; a variable so that tests can fix it.
var today = func() string { return time.Now().Format(data.DateLayout) }

func daysBetween(a, b string) int {
	ta, err1 := data.ParseDate(a)
	tb, err2 := data.ParseDate(b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// feedbackOnIssue: the adoption of public comments is published no later than the policy's issue date.
func feedbackOnIssue(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	pubs, err := loop.Publications(ctx, s, p.ID, loop.WhatFeedback)
	if err != nil {
		return Item{}, err
	}
	it := Item{}
	if len(pubs) == 0 {
		sum, err := loop.GetSummary(ctx, s, p.ID)
		if err != nil {
			return it, err
		}
		_, cerr := s.Consultation(ctx, p.ID)
		switch {
		case p.Issued == "":
			it.Detail = "政策尚未印发；印发时应同时公开意见采纳情况"
		case p.Issued > today():
			it.Detail = fmt.Sprintf("政策将于 %s 印发，届时应公开意见采纳情况", p.Issued)
		case sum.Opinions == 0 && cerr != nil:
			it.Detail = fmt.Sprintf("政策已于 %s 印发；尚未记录征求意见及收到的意见，无法判断", p.Issued)
		default:
			it.OK = boolp(false)
			it.Detail = fmt.Sprintf("政策已于 %s 印发，尚未公开意见采纳情况", p.Issued)
		}
		return it, nil
	}
	first, last := pubs[0], pubs[len(pubs)-1]
	switch {
	case p.Issued == "":
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("意见采纳情况已于 %s 公开（政策尚未印发）", first.Date)
	case first.Date <= p.Issued:
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("意见采纳情况于 %s 公开，不晚于印发日期 %s", first.Date, p.Issued)
	default:
		it.OK = boolp(false)
		it.Value = intp(daysBetween(p.Issued, first.Date))
		it.Required = intp(0)
		it.Detail = fmt.Sprintf("意见采纳情况于 %s 公开，晚于印发日期 %s %d 天", first.Date, p.Issued, *it.Value)
	}
	if len(pubs) > 1 {
		it.Detail += fmt.Sprintf("；此后更正 %d 次（最近一次 %s）", len(pubs)-1, last.Date)
	}
	return it, nil
}

// unadoptedReasons: every concentrated cluster not fully adopted has a reason.
func unadoptedReasons(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	cs, err := loop.Clusters(ctx, s, p.ID)
	if err != nil {
		return Item{}, err
	}
	st, err := loop.GetSettings(ctx, s, p.ID)
	if err != nil {
		return Item{}, err
	}
	it := Item{}
	if len(cs) == 0 {
		it.Detail = "尚无意见记录"
		return it, nil
	}
	var concentrated, undecided, missing []string
	need, given := 0, 0
	for _, c := range cs {
		if !c.Concentrated {
			continue
		}
		concentrated = append(concentrated, fmt.Sprint(c.ID))
		// Decided for the cluster or opinion by opinion: every member counts with its effective decision.
		switch {
		case c.MissingReasons > 0:
			need++
			missing = append(missing, fmt.Sprint(c.ID))
		case c.Undecided > 0:
			undecided = append(undecided, fmt.Sprint(c.ID))
		case c.NotAdopted > 0:
			need++
			given++
		}
	}
	it.Value, it.Required = intp(given), intp(need)
	switch {
	case len(concentrated) == 0:
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("没有较为集中的意见（同一意见不少于 %d 条）", st.ConcentratedMin)
	case len(missing) > 0:
		it.OK = boolp(false)
		it.Detail = fmt.Sprintf("较为集中的意见分组 %s 未完全采纳，但没有说明理由", strings.Join(missing, "、"))
	case len(undecided) > 0:
		it.Detail = fmt.Sprintf("较为集中的意见分组 %s 尚未作出处理意见", strings.Join(undecided, "、"))
	default:
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("%d 个较为集中的意见分组中，%d 个未完全采纳，均已说明理由", len(concentrated), need)
	}
	return it, nil
}

// evaluationPublished: the evaluation report and the revision record are published after implementation.
func evaluationPublished(ctx context.Context, s *store.Store, p data.Policy) (Item, error) {
	pubs, err := loop.Publications(ctx, s, p.ID, loop.WhatEvaluation)
	if err != nil {
		return Item{}, err
	}
	it := Item{}
	if len(pubs) == 0 {
		switch {
		case p.Issued == "":
			it.Detail = "政策尚未印发，执行后应公开评价报告和修订情况"
		case p.Stage == data.StagePublished:
			it.OK = boolp(false)
			it.Detail = "政策已处于“公开”阶段，但尚未公开评价报告和修订情况"
		default:
			it.Detail = fmt.Sprintf("政策自 %s 起执行，尚未公开评价报告和修订情况", p.Issued)
		}
		return it, nil
	}
	last := pubs[len(pubs)-1]
	snap, err := last.Evaluation()
	if err != nil {
		return it, fmt.Errorf("read evaluation publication %d: %w", last.ID, err)
	}
	revs := 0
	for _, r := range snap.Revisions {
		if !r.Withdrawn {
			revs++
		}
	}
	it.Value = intp(revs)
	switch {
	case p.Issued != "" && last.Date < p.Issued:
		it.OK = boolp(false)
		it.Detail = fmt.Sprintf("评价情况于 %s 公开，早于政策印发日期 %s，不是执行后的评价", last.Date, p.Issued)
	case len(snap.Evaluation) == 0 || string(snap.Evaluation) == "null":
		// Published, but GongPing held no score then (the evaluation may have been done elsewhere): the
		// publication is what the rule asks for; the detail says what it lacked.
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("评价情况和修订情况（%d 条修订）已于 %s 公开；公开时本工作区尚无评分结果", revs, last.Date)
	default:
		it.OK = boolp(true)
		it.Detail = fmt.Sprintf("评价报告和修订情况（%d 条修订）已于 %s 公开", revs, last.Date)
		if len(pubs) > 1 {
			it.Detail += fmt.Sprintf("（第 %d 版，首次公开于 %s）", last.Version, pubs[0].Date)
		}
	}
	current, err := loop.Revisions(ctx, s, p.ID)
	if err != nil {
		return it, err
	}
	pending := 0
	for _, r := range current {
		if r.Publication == nil {
			pending++
		}
	}
	if pending > 0 {
		it.Detail += fmt.Sprintf("；另有 %d 条修订记录在此后有变更，尚未公开", pending)
	}
	return it, nil
}
