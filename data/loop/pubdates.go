package loop

import (
	"context"
	"errors"
	"fmt"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// PublishPlan is what a publication of one kind made on a date would freeze, the dates in it that
// contradict that date, and whether it would be refused: what the window shows before 公开.
type PublishPlan struct {
	What string
	Date string // as DateLayout; "" when the date does not read
	// Feedback: the decisions (on clusters and on single opinions) not published yet, which it freezes.
	Decisions int
	// Evaluation: the round whose scores it freezes ("" when there is nothing to score), and the revision
	// records whose current version is not published yet.
	Round     string
	Revisions int
	// Warnings are dates that contradict the publication's; it can still be made (see PublishWarnings).
	Warnings []string
	// Refusal is why Publish would refuse (CheckPublish); nil when it would publish.
	Refusal error
}

// PlanPublish says what Publish(what, date) would freeze and whether it would succeed, without publishing.
func PlanPublish(ctx context.Context, s *store.Store, policyID int64, what, date string) (PublishPlan, error) {
	plan := PublishPlan{What: what}
	if d, err := data.ParseDate(date); err == nil {
		plan.Date = d.Format(data.DateLayout)
	}
	plan.Refusal = CheckPublish(ctx, s, policyID, what, date)
	var ie *data.InputError
	if plan.Refusal != nil && !errors.As(plan.Refusal, &ie) {
		return plan, plan.Refusal
	}
	switch what {
	case WhatFeedback:
		ds, err := s.Decisions(ctx, policyID)
		if err != nil {
			return plan, err
		}
		for _, d := range ds {
			if d.Publication == nil {
				plan.Decisions++
			}
		}
	case WhatEvaluation:
		r, err := s.ResolveRound(ctx, policyID, "")
		switch {
		case err == nil:
			plan.Round = r.Name
		case !errors.Is(err, data.ErrNotFound):
			return plan, err
		}
		revs, err := Revisions(ctx, s, policyID)
		if err != nil {
			return plan, err
		}
		for _, r := range revs {
			if r.Publication == nil {
				plan.Revisions++
			}
		}
	}
	if plan.Date != "" {
		var err error
		if plan.Warnings, err = PublishWarnings(ctx, s, policyID, what, plan.Date); err != nil {
			return plan, err
		}
	}
	return plan, nil
}

// PublishWarnings lists the dates that contradict a publication of `what` on date (DateLayout), in
// Chinese, each naming both dates. They are warnings, not refusals: decisions and revision records are
// dated today unless a date is given, so a team recording a past publication after the fact has them
// dated after it — the publication is still what happened, and the dates are for the team to correct.
// (A correction dated after the publication is refused by Publish: its date is always given.)
func PublishWarnings(ctx context.Context, s *store.Store, policyID int64, what, date string) ([]string, error) {
	p, err := s.Policy(ctx, policyID)
	if err != nil {
		return nil, err
	}
	var out []string
	switch what {
	case WhatFeedback:
		ds, err := s.Decisions(ctx, policyID)
		if err != nil {
			return nil, err
		}
		n, latest := 0, ""
		for _, d := range ds {
			if d.Publication == nil && d.Amends == nil && d.Date > date {
				n++
				latest = max(latest, d.Date)
			}
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("公开日期 %s 早于其中 %d 项处理意见的日期（最晚 %s）：公开的应是此前作出的处理意见；如处理意见是事后补录的，请把它们的日期改为实际作出的日期", date, n, latest))
		}
		c, err := s.Consultation(ctx, policyID)
		switch {
		case err == nil && c.End > date:
			out = append(out, fmt.Sprintf("公开日期 %s 早于征求意见截止日期 %s：征求意见结束、作出处理意见之后才能公开采纳情况", date, c.End))
		case err != nil && !errors.Is(err, data.ErrNotFound):
			return nil, err
		}
		pubs, err := s.Publications(ctx, policyID, WhatFeedback)
		if err != nil {
			return nil, err
		}
		if len(pubs) == 0 && p.Issued != "" && date > p.Issued {
			out = append(out, fmt.Sprintf("公开日期 %s 晚于政策印发日期 %s：采纳情况应在印发时公开，法定事项“政策印发时公开采纳情况”将判为未通过", date, p.Issued))
		}
	case WhatEvaluation:
		revs, err := Revisions(ctx, s, policyID)
		if err != nil {
			return nil, err
		}
		n, latest := 0, ""
		for _, r := range revs {
			if r.Publication == nil && r.Date > date {
				n++
				latest = max(latest, r.Date)
			}
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("公开日期 %s 早于其中 %d 条修订记录的日期（最晚 %s）：公开的应是此前作出的修订；如修订记录是事后补录的，请把它们的日期改为实际修订的日期", date, n, latest))
		}
	}
	return out, nil
}
